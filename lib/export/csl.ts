/**
 * Papers as CSL-JSON items, the common form every export format is written from. An item
 * carries the paper's arXiv id (`number: "arXiv:ID"`, `publisher: "arXiv"`, as Zotero writes
 * preprints, and an arXiv `URL`), DOI, address, tags (`keyword`), the listener's note
 * (`annote`) and a `note` naming the episodes that cite it.
 */
import { arxivAbsUrl } from '@/lib/links/arxiv';
import { parseArxivUrl } from '@/lib/core/ids';
import type { PaperRecord } from '@/lib/store/schema';
import { Cite, type CslData } from '@/lib/export/citation-js';
import { citationKeys } from '@/lib/export/cite-keys';
import type { CitingEpisode, PaperWithCitations } from '@/lib/export/cited-by';
import { splitName } from '@/lib/export/names';

/** How the note naming the citing episodes begins; an import drops such lines again. */
export const CITED_IN_PREFIX = 'Cited in AI Post Transformers: ';

/** The note naming the episodes citing a paper, or `null` when none does. */
export function citedInNote(episodes: readonly CitingEpisode[]): string | null {
  if (episodes.length === 0) return null;
  const named = episodes.map((e) => {
    const title = `“${e.title ?? e.key}”`;
    return e.published ? `${title} (${e.published})` : title;
  });
  return `${CITED_IN_PREFIX}${named.join('; ')}`;
}

/** A DOI without `doi:` or resolver prefixes, as written otherwise. */
export function bareDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
}

/**
 * The one address an export gives a paper: for an arXiv paper its first arXiv link (else its
 * abstract page), otherwise its first address, else its DOI link, else its PDF.
 */
export function primaryUrl(paper: PaperRecord): string | null {
  if (paper.arxivId) {
    return (
      paper.urls.find((url) => parseArxivUrl(url) !== null) ??
      arxivAbsUrl({ id: paper.arxivId, version: null })
    );
  }
  return (
    paper.urls[0] ?? (paper.doi ? `https://doi.org/${bareDoi(paper.doi)}` : null) ?? paper.pdfUrl
  );
}

/** One paper as a CSL-JSON item with citation key `id`. */
export function paperToCsl(entry: PaperWithCitations, id: string): CslData {
  const { paper } = entry;
  const item: CslData = {
    id,
    'citation-key': id,
    type: paper.arxivId ? 'article' : 'document',
  };
  if (paper.title) item.title = paper.title;
  if (paper.authors.length > 0) item.author = paper.authors.map(splitName);
  if (paper.year !== null) item.issued = { 'date-parts': [[paper.year]] };
  if (paper.arxivId) {
    item.number = `arXiv:${paper.arxivId}`;
    item.publisher = 'arXiv';
  }
  if (paper.doi) item.DOI = bareDoi(paper.doi);
  const url = primaryUrl(paper);
  if (url) item.URL = url;
  if (paper.tags.length > 0) item.keyword = paper.tags.join(',');
  const cited = citedInNote(entry.citedBy);
  if (cited) item.note = cited;
  if (paper.note.trim() !== '') item.annote = paper.note;
  return item;
}

/** A paper beside its CSL-JSON item. */
export interface CslEntry {
  paper: PaperRecord;
  item: CslData;
}

/** The papers with their CSL-JSON items, in citation-key order (each `id` its citation key). */
export function cslEntries(entries: readonly PaperWithCitations[]): CslEntry[] {
  const keys = citationKeys(entries.map((e) => e.paper));
  return entries
    .map((entry) => ({ paper: entry.paper, item: paperToCsl(entry, keys.get(entry.paper.key)!) }))
    .sort((a, b) => ((a.item.id as string) < (b.item.id as string) ? -1 : 1));
}

/** The papers as CSL-JSON items, in citation-key order, each `id` its stable citation key. */
export function papersToCsl(entries: readonly PaperWithCitations[]): CslData[] {
  return cslEntries(entries).map((e) => e.item);
}

/** The papers as a CSL-JSON file (an array of items, as Zotero writes it). */
export function papersToCslJson(entries: readonly PaperWithCitations[]): string {
  const items = papersToCsl(entries);
  return items.length === 0 ? '[]\n' : `${new Cite(items).format('data') as string}\n`;
}
