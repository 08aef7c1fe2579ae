/**
 * Exports and imports: papers as BibTeX, RIS and CSL-JSON (written and read with citation-js),
 * a Markdown reading list per episode, and importing a library as Zotero exports it.
 */
export { papersToBibtex } from '@/lib/export/bibtex';
export {
  papersWithCitations,
  type CitingEpisode,
  type PaperSelection,
  type PaperWithCitations,
} from '@/lib/export/cited-by';
export { citationKeys } from '@/lib/export/cite-keys';
export { CITED_IN_PREFIX, papersToCsl, papersToCslJson } from '@/lib/export/csl';
export {
  dryRunLibrary,
  importLibrary,
  type LibraryImportReport,
  type LibraryImportResult,
} from '@/lib/export/library-import';
export { detectPaperFormat, MAX_LIBRARY_BYTES } from '@/lib/export/library-parse';
export {
  exportPapers,
  formatPapers,
  PAPER_FORMAT_FILES,
  PAPER_FORMATS,
  type PaperFormat,
} from '@/lib/export/papers';
export { episodeReadingList, readingListMarkdown } from '@/lib/export/reading-list';
export { papersToRis } from '@/lib/export/ris';
