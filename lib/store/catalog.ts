/**
 * The show's whole catalog in the store: many episodes recorded in one transaction (the
 * home page's `searchIndex` or the RSS feed), "heard N of M" with the episodes not heard yet, and
 * listen states for keys a page knows in another form than the store (a cited episode known only
 * by title, or by an mp3 whose episode was logged by title).
 */
import { parseEpisodeStem } from '@/lib/core/ids';
import { slugMatchesTitle } from '@/lib/links/episodes';
import type { StoreChange } from '@/lib/core/result';
import type { Store } from '@/lib/store/db';
import {
  episodeTransaction,
  recordEpisodeIn,
  type EpisodeSighting,
  type EpisodeTransaction,
} from '@/lib/store/episodes';
import { isEpisodeTitleKey } from '@/lib/core/keys';
import type { EpisodeRecord, ListenRecord, ListenState } from '@/lib/store/schema';

/** The show's own site, where an episode's mp3 lives under `/episodes/{stem}.mp3`. */
export const SHOW_ORIGIN = 'https://podcast.do-not-panic.com';

/**
 * Records every episode of `sightings` in ONE transaction (all or nothing). Returns each
 * episode's key in order (`null` for one with neither stem nor title, which is skipped).
 */
export async function recordCatalog(
  store: Store,
  sightings: readonly EpisodeSighting[],
): Promise<(string | null)[]> {
  const tx = episodeTransaction(store);
  // An abort rejects `done`; the caller sees the failing request's error instead.
  tx.done.catch(() => undefined);
  const now = store.now();
  const keys: (string | null)[] = [];
  try {
    // One after another: two entries of one episode (a card and its catalog entry) must merge.
    for (const sighting of sightings) {
      const record = await recordEpisodeIn(tx, sighting, now);
      keys.push(record ? record.key : null);
    }
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
  return keys;
}

/**
 * What recording a catalog changed: the episodes, and their listens (an episode known by title
 * until now moved under its stem, with its listen).
 */
export function catalogChanges(keys: readonly (string | null)[]): StoreChange[] {
  const recorded = keys.filter((k): k is string => k !== null);
  if (recorded.length === 0) return [];
  return [
    { kind: 'episodes', keys: recorded },
    { kind: 'listens', keys: recorded },
  ];
}

/** One episode not heard yet, as the library lists it. */
export interface CatalogEpisode {
  key: string;
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  state: Exclude<ListenState, 'heard'>;
  /** Seconds, for one in progress. */
  position: number;
  duration: number | null;
  /** Where to open it: the episode's own page when known, else the first page it was seen on, else its mp3. */
  url: string | null;
}

/** "Heard N of M", and one page of the episodes not heard yet. */
export interface CatalogStats {
  /** Episodes known (seen on a page, in the catalog or the feed). */
  total: number;
  heard: number;
  inProgress: number;
  /** Episodes not heard (new or in progress), newest first: `offset` … `offset + limit`. */
  unheard: CatalogEpisode[];
  /** How many episodes are not heard, for paging. */
  unheardTotal: number;
}

/** The address an episode opens at: its own page, else any page it was seen on, else its mp3. */
export function episodeUrl(record: Pick<EpisodeRecord, 'pages' | 'stem'>): string | null {
  const own = record.pages.find((p) => /\/episodes\/[^/]+\/?(?:index\.html?)?(?:[?#].*)?$/.test(p));
  if (own) return own;
  if (record.pages.length > 0) return record.pages[0]!;
  return record.stem ? `${SHOW_ORIGIN}/episodes/${record.stem}.mp3` : null;
}

/** Newest first; undated last; then by title. */
function byPublishedDesc(a: EpisodeRecord, b: EpisodeRecord): number {
  const pa = a.published ?? '';
  const pb = b.published ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return (a.title ?? '').localeCompare(b.title ?? '');
}

/** Counts heard and in-progress episodes, and lists one page of those not heard. */
export async function catalogStats(
  store: Store,
  offset: number,
  limit: number,
): Promise<CatalogStats> {
  const tx = store.db.transaction(['episodes', 'listens'], 'readonly');
  const [episodes, listens] = await Promise.all([
    tx.objectStore('episodes').getAll(),
    tx.objectStore('listens').getAll(),
  ]);
  await tx.done;
  const listenOf = new Map(listens.map((l) => [l.episodeKey, l]));
  let heard = 0;
  let inProgress = 0;
  const notHeard: EpisodeRecord[] = [];
  for (const e of episodes) {
    const state = listenOf.get(e.key)?.state ?? 'unheard';
    if (state === 'heard') heard++;
    else notHeard.push(e);
    if (state === 'in_progress') inProgress++;
  }
  notHeard.sort(byPublishedDesc);
  const unheard = notHeard.slice(offset, offset + limit).map((e): CatalogEpisode => {
    const listen = listenOf.get(e.key);
    return {
      key: e.key,
      title: e.title,
      published: e.published,
      state: listen?.state === 'in_progress' ? 'in_progress' : 'unheard',
      position: listen?.position ?? 0,
      duration: listen?.duration ?? e.duration,
      url: episodeUrl(e),
    };
  });
  return { total: episodes.length, heard, inProgress, unheard, unheardTotal: notHeard.length };
}

type ReadTransaction = Pick<EpisodeTransaction, 'objectStore'>;

/**
 * The listen of `key`, also when the store keeps it under another key of the same episode: a
 * `show:` title key finds the one stem-keyed episode with that title; a stem finds an episode
 * logged by title only whose title gives the stem's slug and whose date is the stem's
 * (a stem's slug is its title, lower-cased, with runs of other characters turned into `-`).
 */
async function resolvedListen(
  tx: ReadTransaction,
  key: string,
  titleKeyed: () => Promise<EpisodeRecord[]>,
): Promise<ListenRecord | undefined> {
  const listens = tx.objectStore('listens');
  const direct = await listens.get(key);
  if (direct) return direct;
  if (isEpisodeTitleKey(key)) {
    const title = key.slice('show:'.length);
    const keys = await tx.objectStore('episodes').index('byTitleKey').getAllKeys(title);
    const stems = keys.filter((k) => !isEpisodeTitleKey(k));
    return stems.length === 1 ? listens.get(stems[0]!) : undefined;
  }
  const stem = parseEpisodeStem(key);
  if (!stem) return undefined;
  const matches = (await titleKeyed()).filter(
    (e) =>
      e.title !== null &&
      (e.published === null || e.published === stem.date) &&
      slugMatchesTitle(stem.slug, e.title),
  );
  return matches.length === 1 ? listens.get(matches[0]!.key) : undefined;
}

/**
 * The listen of each of `keys` (see {@link resolvedListen} for keys stored in another form), in
 * one read transaction; a key with no listen is missing from the answer.
 */
export async function resolveListens(
  store: Store,
  keys: readonly string[],
): Promise<Map<string, ListenRecord>> {
  const tx = store.db.transaction(['episodes', 'listens'], 'readonly');
  let titled: Promise<EpisodeRecord[]> | null = null;
  // Read at most once, and only when a stem has no listen of its own: episodes logged by title
  // only are few (every host shows the visualization link, which gives the stem).
  const titleKeyed = () =>
    (titled ??= tx.objectStore('episodes').getAll(IDBKeyRange.bound('show:', 'show:\uffff')));
  const unique = [...new Set(keys)];
  const found = await Promise.all(
    unique.map((key) => resolvedListen(tx as unknown as ReadTransaction, key, titleKeyed)),
  );
  await tx.done;
  const out = new Map<string, ListenRecord>();
  unique.forEach((key, i) => {
    const listen = found[i];
    if (listen) out.set(key, listen);
  });
  return out;
}
