/**
 * The popup's first screen, answered without waiting for the background's copy of the library
 * (library-cache.ts).
 *
 * Why: the copy holds every saved paper, episode, citation and listen; building it after the
 * service worker was stopped reads and indexes the whole library (about half a second for 10,000
 * papers and 2,000 episodes), and MV3 stops an idle worker after 30 seconds, so a popup opened
 * now and then usually finds it cold. The popup's first screen shows only the newest saves and
 * listens, which IndexedDB's indexes give cheaply: the newest papers from the saved-date index
 * with their cited-in counts (not their total: counting is the slow part), and the listens with
 * the episodes of the few shown. Once the copy is built, these answers come from it (the same
 * rows, in the same order, with the total), and the popup asks for the copy to be built
 * ({@link warmLibrary}) right after its first rows are painted, so the search is ready by the
 * time someone types.
 */
import { success } from '@/lib/core/result';
import type { RecentListen } from '@/lib/store/library/types';
import type { Store } from '@/lib/store/db';
import { pickRecentListens, recentListens } from '@/lib/store/library/episode-log';
import type { LibraryCache } from '@/lib/store/library-cache';
import type { Outcome as LibraryOutcome } from '@/lib/core/result';
import { episodeSummary, listenView } from '@/lib/store/library/views';
import { queryPapers } from '@/lib/store/library/queries';
import { recentSavesFromStore, type RecentSaves } from '@/lib/store/library/recent-saves';

export type { RecentSaves } from '@/lib/store/library/recent-saves';

/**
 * The listens {@link recentListens} answers, read from the store: every listen (small records,
 * one per episode ever played), then the episodes of the `limit` shown.
 */
export async function recentListensFromStore(store: Store, limit: number): Promise<RecentListen[]> {
  const tx = store.db.transaction(['listens', 'episodes'], 'readonly');
  const picked = pickRecentListens(await tx.objectStore('listens').getAll(), limit);
  const episodesStore = tx.objectStore('episodes');
  const episodes = await Promise.all(picked.map((l) => episodesStore.get(l.episodeKey)));
  await tx.done;
  return picked.map((listen, i) => ({
    episode: episodeSummary(listen.episodeKey, episodes[i]),
    listen: listenView(listen),
  }));
}

/**
 * The answer to `recentSaves`: from the copy when it is ready (up to date with every write),
 * else from the store, without building it.
 */
export async function recentSaves(
  store: Store,
  library: LibraryCache,
  limit: number,
): Promise<LibraryOutcome<RecentSaves>> {
  if (!library.ready()) return { result: success(await recentSavesFromStore(store, limit)) };
  const page = queryPapers(await library.read(store), {
    text: '',
    sort: 'saved',
    direction: 'desc',
    tag: null,
    readState: null,
    year: null,
    episodeKey: null,
    offset: 0,
    limit,
  });
  return { result: success({ total: page.total, rows: page.rows }) };
}

/** The answer to `recentListens`: from the copy when it is ready, else from the store. */
export async function recentListensAnswer(
  store: Store,
  library: LibraryCache,
  limit: number,
): Promise<LibraryOutcome<RecentListen[]>> {
  if (!library.ready()) {
    return { result: success(await recentListensFromStore(store, limit)) };
  }
  return { result: success(recentListens(await library.read(store), limit)) };
}

/**
 * The answer to `warmLibrary`: builds the copy (and, shortly after, its search index) when it is
 * not ready, and answers once it is, with whether it was ready before. Nothing waits on it but
 * the asking page's count of its recent saves; the requests after it are answered meanwhile
 * (those needing the copy once it is built).
 */
export async function warmLibrary(
  store: Store,
  library: LibraryCache,
): Promise<LibraryOutcome<{ built: boolean }>> {
  const built = library.ready();
  if (!built) await library.read(store);
  return { result: success({ built }) };
}
