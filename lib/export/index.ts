/**
 * Exports and imports: papers as BibTeX, RIS and CSL-JSON (written and read with citation-js),
 * a Markdown reading list per episode, and importing a library as Zotero exports it.
 */
export { papersToBibtex } from './bibtex';
export {
  papersWithCitations,
  type CitingEpisode,
  type PaperSelection,
  type PaperWithCitations,
} from './cited-by';
export { citationKeys } from './cite-keys';
export { CITED_IN_PREFIX, papersToCsl, papersToCslJson } from './csl';
export {
  dryRunLibrary,
  importLibrary,
  type LibraryImportReport,
  type LibraryImportResult,
} from './library-import';
export { detectPaperFormat, MAX_LIBRARY_BYTES } from './library-parse';
export {
  exportPapers,
  formatPapers,
  PAPER_FORMAT_FILES,
  PAPER_FORMATS,
  type PaperFormat,
} from './papers';
export { episodeReadingList, readingListMarkdown } from './reading-list';
export { papersToRis } from './ris';
