/**
 * What the background tells a page about a title-only source's arXiv lookup, and about an arXiv
 * paper's metadata: plain JSON values that cross a runtime message.
 */
import { arxivAbsUrl, arxivPdfUrl } from '@/lib/links/arxiv';
import type { ArxivEntry } from '@/lib/store/schema';
import type { RevisionVerdict } from '@/lib/arxiv/versions';

/** Why a lookup brought no answer. */
export type ArxivErrorReason =
  'offline' | 'rate-limited' | 'timeout' | 'bad-answer' | 'no-permission';

/** Every {@link ArxivErrorReason}, for exhaustive UI switches and schemas. */
export const ARXIV_ERROR_REASONS: readonly ArxivErrorReason[] = [
  'offline',
  'rate-limited',
  'timeout',
  'bad-answer',
  'no-permission',
];

/** A candidate paper as a page shows it. */
export interface ArxivCandidate {
  arxivId: string;
  title: string;
  authors: string[];
  pdfUrl: string;
  absUrl: string;
}

/** The state of one title-only source. */
export type ArxivStatus =
  /** Found: a strong match (or the user's choice, `manual`). */
  | { state: 'resolved'; candidate: ArxivCandidate; confidence: number; manual: boolean }
  /** A candidate only offered: never used unless the user says so. */
  | { state: 'weak'; candidate: ArxivCandidate; confidence: number }
  /** Not on arXiv (or unlinked by the user, `manual`). */
  | { state: 'none'; manual: boolean }
  /** Not looked up yet (a cache-only question found nothing). */
  | { state: 'pending' }
  /** The lookup failed; `retryAt` (epoch ms) when arXiv asked to wait. */
  | { state: 'error'; reason: ArxivErrorReason; retryAt?: number };

/** One answer of `resolveTitles`, in the order the sources were asked. */
export interface ArxivTitleStatus {
  /** The cache key of the title (`title:` + normalised title), `null` for a title of no words. */
  key: string | null;
  status: ArxivStatus;
}

/** The answer of `arxivMetadata`. */
export interface ArxivMetadata {
  entry: ArxivEntry;
  revision: RevisionVerdict;
}

/** Whether arXiv lookups may run: the optional host permission and the setting. */
export interface ArxivAccess {
  permission: boolean;
  setting: boolean;
}

/**
 * The candidate of an entry, as a page shows it. Its addresses name no version: a title-only
 * source cites none, so its PDF is arXiv's latest (a version is kept only when the source cites it).
 */
export function candidateOf(entry: ArxivEntry): ArxivCandidate {
  const ref = { id: entry.arxivId, version: null };
  return {
    arxivId: entry.arxivId,
    title: entry.title,
    authors: entry.authors.slice(0, 50),
    pdfUrl: arxivPdfUrl(ref),
    absUrl: arxivAbsUrl(ref),
  };
}
