/**
 * Every file format Citecast writes papers in, and which of them "import a reference library"
 * reads: one row per format, so a new format is one row here and its writer.
 *
 * The writers load on first use: citation-js is large, and the pages that only name a format
 * (its label, extension and media type) must not carry it.
 */
import type { PaperWithCitations } from '@/lib/export/cited-by';
import type { PaperExportFormat } from '@/lib/store/library/types';

/** One export format. */
export interface ExportFormat {
  id: PaperExportFormat;
  /** The name people know it by. */
  label: string;
  /** The file name extension, without the dot. */
  extension: string;
  /** The media type of a downloaded file. */
  mediaType: string;
  /** The papers (with their citing episodes), in the order given, as a file of this format. */
  write(entries: readonly PaperWithCitations[]): Promise<string>;
  /** Whether "import a reference library" reads it. */
  read: boolean;
}

/** The formats "import a reference library" reads (and papers are exported in). */
export type PaperFormat = 'bibtex' | 'ris' | 'csl-json';

/** Every export format, in the order the library page offers them. */
export const EXPORT_FORMATS: Readonly<Record<PaperExportFormat, ExportFormat>> = {
  bibtex: {
    id: 'bibtex',
    label: 'BibTeX',
    extension: 'bib',
    mediaType: 'application/x-bibtex',
    write: async (entries) => (await import('@/lib/export/bibtex')).papersToBibtex(entries),
    read: true,
  },
  ris: {
    id: 'ris',
    label: 'RIS',
    extension: 'ris',
    mediaType: 'application/x-research-info-systems',
    write: async (entries) => (await import('@/lib/export/ris')).papersToRis(entries),
    read: true,
  },
  'csl-json': {
    id: 'csl-json',
    label: 'CSL-JSON',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    write: async (entries) => (await import('@/lib/export/csl')).papersToCslJson(entries),
    read: true,
  },
  markdown: {
    id: 'markdown',
    label: 'Markdown',
    extension: 'md',
    mediaType: 'text/markdown',
    write: async (entries) => (await import('@/lib/export/reading-list')).papersToMarkdown(entries),
    read: false,
  },
};
