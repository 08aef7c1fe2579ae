/**
 * Exporting the library page's selection of saved papers as a file: BibTeX, RIS, CSL-JSON
 * (each entry naming the episodes that cite it) or a Markdown reading list, with a file name
 * (`citecast-papers-2026-11-28.bib`) and media type for the download.
 */
import type { Store } from '@/lib/store/db';
import type { PaperExportFormat } from '@/lib/store/library/types';
import { papersWithCitations } from '@/lib/export/cited-by';
import { EXPORT_FORMATS } from '@/lib/export/formats';

/** An exported selection: the file's text, how many papers it holds, its name and media type. */
export interface ExportedPapers {
  text: string;
  count: number;
  filename: string;
  mimeType: string;
}

/** The local calendar date of `now` as `YYYY-MM-DD` (the file name's date). */
function localDate(now: number): string {
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The download name of an export made at `now`: `citecast-papers-YYYY-MM-DD.ext`. */
export function exportFilename(format: PaperExportFormat, now: number): string {
  return `citecast-papers-${localDate(now)}.${EXPORT_FORMATS[format].extension}`;
}

/**
 * The saved papers among `keys` (in that order, each once; unsaved and unknown keys are left
 * out) as a file in `format`, named for the local date of `store.now()`.
 */
export async function exportSelection(
  store: Store,
  keys: readonly string[],
  format: PaperExportFormat,
): Promise<ExportedPapers> {
  const entries = (await papersWithCitations(store, { keys: [...new Set(keys)] })).filter(
    (e) => e.paper.savedAt !== null,
  );
  return {
    text: await EXPORT_FORMATS[format].write(entries),
    count: entries.length,
    filename: exportFilename(format, store.now()),
    mimeType: EXPORT_FORMATS[format].mediaType,
  };
}
