/**
 * Exporting the library page's selection of saved papers as a file: BibTeX, RIS, CSL-JSON
 * (each entry naming the episodes that cite it) or a Markdown reading list, with a file name
 * (`citecast-papers-2026-11-28.bib`) and media type for the download.
 */
import type { Store } from '@/lib/store/db';
import type { PaperExportFormat } from '@/lib/store/library/types';
import { papersWithCitations, type PaperWithCitations } from '@/lib/export/cited-by';
import { escapeMarkdown, markdownUrl } from '@/lib/export/reading-list';

/** File name extension and media type of each export format. */
export const EXPORT_FILES: Readonly<
  Record<PaperExportFormat, { extension: string; mimeType: string }>
> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json' },
  markdown: { extension: 'md', mimeType: 'text/markdown' },
};

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
  return `citecast-papers-${localDate(now)}.${EXPORT_FILES[format].extension}`;
}

/** One paper as a Markdown list item, with its marks, tags and the episodes citing it. */
function markdownItem({ paper, citedBy }: PaperWithCitations): string {
  const title = escapeMarkdown(paper.title ?? paper.urls[0] ?? paper.key);
  const url = markdownUrl(paper.pdfUrl) ?? paper.urls.map(markdownUrl).find((u) => u !== null);
  const parts = [url ? `[${title}](${url})` : title];
  const byline = [
    paper.authors.map(escapeMarkdown).join(', '),
    paper.year === null ? '' : String(paper.year),
  ].filter((s) => s !== '');
  if (byline.length > 0) parts.push(` — ${byline.join(', ')}`);
  if (paper.readState !== 'unread') parts.push(` · ${paper.readState}`);
  if (paper.tags.length > 0)
    parts.push(` · ${paper.tags.map((t) => escapeMarkdown(t)).join(', ')}`);
  const lines = [`- ${parts.join('')}`];
  if (citedBy.length > 0) {
    const episodes = citedBy.map((e) => {
      const name = escapeMarkdown(e.title ?? e.key);
      return e.published ? `${name} (${e.published})` : name;
    });
    lines.push(`  - Cited in: ${episodes.join('; ')}`);
  }
  return lines.join('\n');
}

/** The papers as a Markdown reading list, in the order given. */
export function papersToMarkdown(entries: readonly PaperWithCitations[]): string {
  const lines = ['# Reading list', '', ...entries.map(markdownItem)];
  return `${lines.join('\n')}\n`;
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
  let text: string;
  switch (format) {
    case 'markdown':
      text = papersToMarkdown(entries);
      break;
    default: {
      // citation-js is large: loaded only when a citation format is asked for.
      const { formatPapers } = await import('@/lib/export/papers');
      text = formatPapers(entries, format);
    }
  }
  return {
    text,
    count: entries.length,
    filename: exportFilename(format, store.now()),
    mimeType: EXPORT_FILES[format].mimeType,
  };
}
