/**
 * The identifiers a citation's paper is found by from its own pages (arXiv id, DOI, OpenReview
 * forum id): derived from the cited link and the paper key, kept on the citation (`ids`, index
 * `byUrl`, since schema v5). Only ids, never whole addresses, so the index stays small.
 */
import { paperIdsOfUrl } from '@/lib/core/ids';
import type { CitationRecord } from '@/lib/store/schema';

/** The identifiers a citation is found by: from its link, and from its paper key. */
export function citationIds(citation: Pick<CitationRecord, 'url' | 'paperKey'>): string[] {
  const ids = new Set(citation.url ? paperIdsOfUrl(citation.url) : []);
  if (/^(?:arxiv|doi):./.test(citation.paperKey)) ids.add(citation.paperKey);
  return [...ids].sort();
}

/** `citation` with its derived `ids` set (or removed when it has none). */
export function withCitationIds(citation: CitationRecord): CitationRecord {
  const ids = citationIds(citation);
  const old = citation.ids ?? [];
  if (old.length === ids.length && old.every((id, i) => id === ids[i])) return citation;
  const { ids: _old, ...rest } = citation;
  return ids.length > 0 ? { ...rest, ids } : rest;
}
