/**
 * Moving a paper known by its title under its arXiv id, once a title-only source is resolved on
 * arXiv: the `title:` record merges into the `arxiv:` record (tags, notes and
 * addresses joined; the earliest save date, with where it was saved from; the furthest read
 * state), the episodes' citations and source lists point at the arXiv key, and the title record
 * goes. One transaction: all of it happens, or none.
 */
import { remember } from '@/lib/store/tombstones';
import type { IDBPTransaction } from 'idb';
import type { Store } from '@/lib/store/db';
import { withCitationIds } from '@/lib/store/citation-ids';
import { applyChanges } from '@/lib/store/fields';
import { mergeRecord, PAPER_COMBINE_RULES } from '@/lib/store/merge';
import { READ_STATES } from '@/lib/core/paper';
import type { CitecastSchema, PaperRecord, StoreName } from '@/lib/store/schema';

/** What the arXiv record gains from the resolution (fills only what the papers lack). */
export interface ArxivLinkFacts {
  /** Without version. */
  arxivId: string;
  pdfUrl: string;
  title: string;
  authors: readonly string[];
  /** The year version 1 appeared. */
  year: number | null;
}

/** What {@link mergeTitleIntoArxiv} changed. */
export interface ArxivLinkResult {
  /** The arXiv paper record after the merge, or `null` when neither record exists. */
  paper: PaperRecord | null;
  /** Whether a `title:` record was merged (and deleted). */
  mergedTitle: boolean;
  /** The episodes whose citations or source lists now point at the arXiv key. */
  episodes: string[];
}

/** The earlier of two save dates; a saved side wins over an unsaved one. */
function earlierSave(a: PaperRecord, b: PaperRecord): PaperRecord {
  if (a.savedAt === null) return b;
  if (b.savedAt === null) return a;
  return b.savedAt < a.savedAt ? b : a;
}

/**
 * The one record both versions of a paper become: `arxiv` (may be missing) and `titled` (the
 * `title:` record), under `arxivKey`.
 */
function mergePapers(
  arxivKey: string,
  arxiv: PaperRecord | undefined,
  titled: PaperRecord,
  facts: ArxivLinkFacts,
  now: number,
): PaperRecord {
  const moved: PaperRecord = { ...titled, key: arxivKey };
  const base = arxiv ? mergeRecord(arxiv, moved, PAPER_COMBINE_RULES) : moved;
  const first = arxiv ? earlierSave(arxiv, titled) : titled;
  const furthest = arxiv
    ? READ_STATES[
        Math.max(READ_STATES.indexOf(arxiv.readState), READ_STATES.indexOf(titled.readState))
      ]!
    : titled.readState;
  const pick = <T>(arxivValue: T | null | undefined, titledValue: T | null): T | null =>
    arxivValue ?? titledValue;
  return applyChanges(
    base,
    {
      arxivId: facts.arxivId,
      title: pick(arxiv?.title, titled.title) ?? facts.title,
      authors:
        (arxiv?.authors.length ? arxiv.authors : null) ??
        (titled.authors.length ? titled.authors : [...facts.authors]),
      year: pick(arxiv?.year, titled.year) ?? facts.year,
      pdfUrl: pick(arxiv?.pdfUrl, titled.pdfUrl) ?? facts.pdfUrl,
      savedAt: first.savedAt,
      savedFrom: first.savedFrom,
      ...(first.savedMoment ? { savedMoment: first.savedMoment } : {}),
      readState: furthest,
    },
    now,
  );
}

/**
 * Merges the paper `titleKey` (a `title:` key) into `arxiv:` + `facts.arxivId` and points every
 * citation of it (and every episode's source list) at the arXiv key. Nothing is saved that was
 * not: a title never saved leaves the arXiv record as it was (or absent). One transaction.
 */
export async function mergeTitleIntoArxiv(
  store: Store,
  titleKey: string,
  facts: ArxivLinkFacts,
): Promise<ArxivLinkResult> {
  const arxivKey = `arxiv:${facts.arxivId}`;
  const now = store.now();
  const stores: (StoreName | 'tombstones')[] = ['papers', 'citations', 'episodes', 'tombstones'];
  const tx = store.db.transaction(stores, 'readwrite');
  tx.done.catch(() => undefined);
  try {
    const result = await mergeIn(tx, titleKey, arxivKey, facts, now);
    await tx.done;
    return result;
  } catch (error) {
    // A write that failed half way must leave nothing behind: abort undoes the earlier ones.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

type LinkTransaction = IDBPTransaction<CitecastSchema, (StoreName | 'tombstones')[], 'readwrite'>;

/** The writes of {@link mergeTitleIntoArxiv}, inside its transaction. */
async function mergeIn(
  tx: LinkTransaction,
  titleKey: string,
  arxivKey: string,
  facts: ArxivLinkFacts,
  now: number,
): Promise<ArxivLinkResult> {
  const papers = tx.objectStore('papers');
  const citations = tx.objectStore('citations');
  const episodes = tx.objectStore('episodes');
  const [titled, arxiv, cited] = await Promise.all([
    papers.get(titleKey),
    papers.get(arxivKey),
    citations.index('byPaperKey').getAll(titleKey),
  ]);
  let paper = arxiv ?? null;
  if (titled && titleKey !== arxivKey) {
    paper = mergePapers(arxivKey, arxiv, titled, facts, now);
    await papers.put(paper);
    await papers.delete(titleKey);
    // Remembered, so an older backup does not bring the title-keyed copy back.
    await remember(tx.objectStore('tombstones'), 'papers', titleKey, now);
  }
  const episodeKeys = [...new Set(cited.map((c) => c.episodeKey))];
  await Promise.all(
    cited.map((c) => citations.put(withCitationIds(applyChanges(c, { paperKey: arxivKey }, now)))),
  );
  for (const key of episodeKeys) {
    const episode = await episodes.get(key);
    if (!episode) continue;
    const sources = episode.sources.map((s) =>
      s.paperKey === titleKey
        ? {
            ...s,
            paperKey: arxivKey,
            arxivId: s.arxivId ?? facts.arxivId,
            pdfUrl: s.pdfUrl ?? facts.pdfUrl,
          }
        : s,
    );
    const next = applyChanges(episode, { sources }, now);
    if (next !== episode) await episodes.put(next);
  }
  return { paper, mergedTitle: !!titled && titleKey !== arxivKey, episodes: episodeKeys };
}
