/**
 * The newest saved papers read straight from IndexedDB's saved-date index, with their cited-in
 * counts: what the popup's first screen shows, cheap whatever the size of the library. Used by
 * the background before its copy of the library is built (first-screen.ts).
 */
import type { PaperView } from '@/lib/store/library/types';
import type { Store } from '@/lib/store/db';
import type { PaperRecord } from '@/lib/store/schema';

/**
 * The newest saved papers, and how many are saved in all: `null` when that was not counted (the
 * copy was not built; counting the saved-date index costs tens of milliseconds for 10,000
 * papers, more than the rows). The popup asks again once `warmLibrary` has built the copy.
 */
export interface RecentSaves {
  total: number | null;
  rows: PaperView[];
}

/** Newest saved first, then by key: the order of `queryPapers` sorted by saved date. */
function bySavedDesc(a: PaperRecord, b: PaperRecord): number {
  const d = (b.savedAt ?? 0) - (a.savedAt ?? 0);
  if (d !== 0) return d;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The `limit` newest saved papers with their cited-in counts, read from the store: the
 * saved-date index backwards, each paper's citations by the paper-key index, and the listens of
 * the citing episodes. A few dozen small reads, whatever the size of the library. The total is
 * known only when there are fewer than `limit` (else `null`, see {@link RecentSaves}).
 */
export async function recentSavesFromStore(store: Store, limit: number): Promise<RecentSaves> {
  const tx = store.db.transaction(['papers', 'citations', 'listens'], 'readonly');
  const bySaved = tx.objectStore('papers').index('bySavedAt');
  // Three requests, not one per paper: a key cursor from the newest save steps over `limit - 1`
  // entries in one go to the oldest save the page shows, then one read takes every paper saved
  // since (papers saved in that same millisecond too, so the page orders ties by key as the copy
  // does). Unsaved papers (savedAt null) are not in the index.
  let cursor = await bySaved.openKeyCursor(null, 'prev');
  if (cursor && limit > 1) cursor = await cursor.advance(limit - 1);
  const papers = await bySaved.getAll(cursor ? IDBKeyRange.lowerBound(cursor.key) : undefined);
  const total = cursor ? null : papers.length;
  const page = papers.sort(bySavedDesc).slice(0, limit);
  const byPaper = tx.objectStore('citations').index('byPaperKey');
  const citationKeys = await Promise.all(page.map((p) => byPaper.getAllKeys(p.key)));
  // A citation's key is [episodeKey, position]: a paper cited twice by one episode counts once.
  const citing = citationKeys.map((keys) => new Set(keys.map((key) => String(key[0]))));
  const episodeKeys = [...new Set(citing.flatMap((keys) => [...keys]))];
  const listens = tx.objectStore('listens');
  const states = await Promise.all(episodeKeys.map((key) => listens.get(key)));
  const heard = new Set(episodeKeys.filter((_, i) => states[i]?.state === 'heard'));
  await tx.done;
  return {
    total,
    rows: page.map((paper, i) => {
      const keys = citing[i]!;
      let citedInHeard = 0;
      for (const key of keys) if (heard.has(key)) citedInHeard++;
      return { paper, citedIn: keys.size, citedInHeard };
    }),
  };
}
