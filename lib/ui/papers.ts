/** How the pages show a saved paper: its link and its byline. */
import { isHttpUrl } from '@/lib/core/urls';
import type { PaperRecord } from '@/lib/store/schema';

/**
 * The address a paper opens at: its arXiv page, else the first http(s) address it was cited
 * with, else its PDF; `null` when it has none (only http(s) addresses ever become links).
 */
export function paperLink(
  paper: Pick<PaperRecord, 'arxivId' | 'urls' | 'pdfUrl' | 'doi'>,
): string | null {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  const url = paper.urls.find(isHttpUrl);
  if (url) return url;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  return paper.pdfUrl && isHttpUrl(paper.pdfUrl) ? paper.pdfUrl : null;
}

/** The first three authors, then `etAl` (`A, B, C et al.`). */
export function authorsLine(authors: readonly string[], etAl: string): string {
  const shown = authors.slice(0, 3).join(', ');
  return authors.length > 3 ? `${shown} ${etAl}` : shown;
}

/** The first http(s) address of `urls`, or `null`. */
export function firstHttp(urls: readonly (string | null | undefined)[]): string | null {
  return urls.find((u): u is string => typeof u === 'string' && isHttpUrl(u)) ?? null;
}

/**
 * A paper's name: its title, else its arXiv id or DOI (a paper another browser synced, whose
 * title no page here has shown yet), else `untitled`.
 */
export function paperName(
  paper: Pick<PaperRecord, 'title' | 'arxivId' | 'doi'>,
  untitled: string,
): string {
  return (
    paper.title ??
    (paper.arxivId ? `arXiv:${paper.arxivId}` : paper.doi ? `doi:${paper.doi}` : untitled)
  );
}
