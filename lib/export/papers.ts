/**
 * Exporting papers from the store as a file in one of the citation formats.
 */
import type { Store } from '@/lib/store/db';
import { papersToBibtex } from '@/lib/export/bibtex';
import {
  papersWithCitations,
  type PaperSelection,
  type PaperWithCitations,
} from '@/lib/export/cited-by';
import { papersToCslJson } from '@/lib/export/csl';
import { papersToRis } from '@/lib/export/ris';

/** The citation formats papers are exported in and imported from. */
export type PaperFormat = 'bibtex' | 'ris' | 'csl-json';

/** Every paper format. */
export const PAPER_FORMATS: readonly PaperFormat[] = ['bibtex', 'ris', 'csl-json'];

/** File name extension and media type of each format, for a download. */
export const PAPER_FORMAT_FILES: Readonly<
  Record<PaperFormat, { extension: string; mediaType: string }>
> = {
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json' },
};

/** Papers (with their citing episodes) as a file in `format`. */
export function formatPapers(entries: readonly PaperWithCitations[], format: PaperFormat): string {
  switch (format) {
    case 'bibtex':
      return papersToBibtex(entries);
    case 'ris':
      return papersToRis(entries);
    case 'csl-json':
      return papersToCslJson(entries);
  }
}

/**
 * The selected papers of the store (every saved paper by default) as a file in `format`, each
 * entry naming the episodes that cite it.
 */
export async function exportPapers(
  store: Store,
  format: PaperFormat,
  selection: PaperSelection = {},
): Promise<string> {
  return formatPapers(await papersWithCitations(store, selection), format);
}
