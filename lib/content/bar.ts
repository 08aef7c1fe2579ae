/**
 * The episode bar's and the source controls' pure decisions: which arXiv
 * PDFs "open all" opens and when it asks first, how the "choose which to save" list filters, and
 * what a cited episode's listen state reads as.
 */
import { isHttpUrl } from '@/lib/core/urls';
import type { ListenState } from '@/lib/store/schema';
import type { Source } from '@/lib/sources/types';

/** "Open all" opens up to this many tabs at once; more asks first. */
export const OPEN_ALL_WITHOUT_ASKING = 5;

/**
 * The arXiv PDFs of an episode's sources, in order, each once: sources with an arXiv id and an
 * http(s) PDF address (other addresses never open).
 */
export function arxivPdfUrls(sources: readonly Pick<Source, 'arxivId' | 'pdfUrl'>[]): string[] {
  const urls: string[] = [];
  for (const s of sources) {
    if (!s.arxivId || s.pdfUrl === null || !isHttpUrl(s.pdfUrl)) continue;
    if (!urls.includes(s.pdfUrl)) urls.push(s.pdfUrl);
  }
  return urls;
}

/** Whether opening `count` tabs asks first (more than {@link OPEN_ALL_WITHOUT_ASKING}). */
export function opensAfterAsking(count: number): boolean {
  return count > OPEN_ALL_WITHOUT_ASKING;
}

/** Text folded for matching: compatibility forms and accents folded, lower case. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The indexes of `labels` that match `query`: every word of the query appears in the label
 * (case and accents ignored). An empty query matches everything.
 */
export function filterChoices(labels: readonly string[], query: string): number[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const out: number[] = [];
  labels.forEach((label, i) => {
    const text = fold(label);
    if (words.every((w) => text.includes(w))) out.push(i);
  });
  return out;
}

/** What a cited episode's control shows: heard, in progress, or new (never played). */
export type CitedEpisodeState = 'heard' | 'progress' | 'new';

/** The shown state of a cited episode from its listen state (unknown reads as new). */
export function citedEpisodeState(state: ListenState | undefined): CitedEpisodeState {
  if (state === 'heard') return 'heard';
  if (state === 'in_progress') return 'progress';
  return 'new';
}

/** The address a cited episode's link opens: the link its source gives, when http(s); else `null`. */
export function citedEpisodeLink(source: Pick<Source, 'url'>): string | null {
  return source.url !== null && isHttpUrl(source.url) ? source.url : null;
}
