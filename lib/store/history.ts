/**
 * Merging a copy of the library into the store: the one path by which a backup restore and sync
 * across browsers bring another copy's records in. Both use the merge rules of merge.ts (newest
 * change per field, tags one by one, tombstones), record by record, inside the caller's
 * read-write transaction, so a restore stays all or nothing.
 */
import type { IDBPTransaction } from 'idb';
import { withCitationIds } from '@/lib/store/citation-ids';
import { withTitleKey } from '@/lib/store/episodes';
import { sameValue, type Stamped } from '@/lib/store/fields';
import {
  mergeCitations,
  mergeCopies,
  mergeEpisodes,
  mergeListens,
  mergePapers,
  mergeTombstones,
  outlives,
  type History,
  type Tombstone,
} from '@/lib/store/merge';
import type { CitecastSchema } from '@/lib/store/schema';
import { tombstoneKey } from '@/lib/store/tombstones';

/** What an import did in one store. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Records already there with nothing newer in the file. */
  skipped: number;
}

/** The stores a copy of the library merges into. */
export const HISTORY_STORES = ['papers', 'episodes', 'citations', 'listens', 'tombstones'] as const;

/** A read-write transaction over (at least) {@link HISTORY_STORES}. */
export type HistoryTransaction = IDBPTransaction<
  CitecastSchema,
  typeof HISTORY_STORES | readonly (typeof HISTORY_STORES)[number][],
  'readwrite'
>;

/** What merging a copy did, per store. */
export type HistoryCounts = Record<keyof History, ImportCounts>;

/**
 * Merges `records` into one object store of an open read-write transaction (a backup import's,
 * or a library import's): a record whose key is new is added; otherwise `merge(local, incoming)`
 * is written unless it equals the stored record. With `tombstoneOf`, a record deleted after its
 * last change (see `mergeCopies`, merge.ts) is not added, and a stored one is deleted. Returns
 * what it added, updated and skipped.
 */
export async function mergeInto<T extends object, K>(
  objectStore: {
    get(key: K): Promise<T | undefined>;
    put(value: T): Promise<unknown>;
    delete?(key: K): Promise<unknown>;
  },
  records: readonly T[],
  keyOf: (record: T) => K,
  merge: (local: T, incoming: T) => T,
  finish: (record: T) => T = (record) => record,
  tombstoneOf: (key: K) => Tombstone | undefined = () => undefined,
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
  const existing = await Promise.all(records.map((r) => objectStore.get(keyOf(r))));
  const writes: Promise<unknown>[] = [];
  records.forEach((incoming, i) => {
    const local = existing[i];
    const key = keyOf(incoming);
    const merged = mergeCopies(
      local as Stamped | undefined,
      incoming as Stamped,
      tombstoneOf(key),
      (a, b) => merge(a as T, b as T) as Stamped,
    ) as T | undefined;
    if (!merged) {
      if (local && objectStore.delete) {
        counts.updated++;
        writes.push(objectStore.delete(key));
      } else counts.skipped++;
      return;
    }
    const record = finish(merged);
    if (!local) {
      counts.added++;
      writes.push(objectStore.put(record));
    } else if (sameValue(record, local)) {
      counts.skipped++;
    } else {
      counts.updated++;
      writes.push(objectStore.put(record));
    }
  });
  await Promise.all(writes);
  return counts;
}

/**
 * Deletes the stored records that one of `tombstones` outlives (none of their fields changed
 * after the delete): the deletes made elsewhere after the records' last change apply here too.
 */
async function applyTombstones(
  tx: HistoryTransaction,
  tombstones: readonly Tombstone[],
): Promise<void> {
  for (const tombstone of tombstones) {
    const objectStore = tx.objectStore(tombstone.kind);
    const key: IDBValidKey =
      tombstone.kind === 'citations'
        ? (JSON.parse(tombstone.key) as [string, number])
        : tombstone.key;
    const record = (await objectStore.get(key as never)) as Stamped | undefined;
    if (record && !outlives(record, tombstone)) await objectStore.delete(key as never);
  }
}

/**
 * Merges another copy of the library (`history`: records and tombstones, any part of them) into
 * the store inside `tx`: its deletes join the stored ones first, then every record merges with
 * the stored one by the merge rules, and a record a known delete outlives is not added (a stored
 * one is deleted). Answers what changed per store.
 */
export async function mergeHistoryInto(
  tx: HistoryTransaction,
  history: History,
): Promise<HistoryCounts> {
  const tombstones = await mergeInto(
    tx.objectStore('tombstones'),
    history.tombstones,
    (t): [string, string] => [t.kind, t.key],
    mergeTombstones,
  );
  const known = new Map(
    (await tx.objectStore('tombstones').getAll()).map((t) => [`${t.kind}\u0000${t.key}`, t]),
  );
  // With no tombstones (most restores into a fresh library), no key is looked up at all.
  const tombstoneOf =
    <K extends string | [string, number]>(kind: Tombstone['kind']) =>
    (key: K): Tombstone | undefined =>
      known.size === 0 ? undefined : known.get(`${kind}\u0000${tombstoneKey(key)}`);
  const papers = await mergeInto(
    tx.objectStore('papers'),
    history.papers,
    (p) => p.key,
    mergePapers,
    undefined,
    tombstoneOf<string>('papers'),
  );
  const episodes = await mergeInto(
    tx.objectStore('episodes'),
    history.episodes,
    (e) => e.key,
    mergeEpisodes,
    withTitleKey,
    tombstoneOf<string>('episodes'),
  );
  const citations = await mergeInto(
    tx.objectStore('citations'),
    history.citations,
    (c): [string, number] => [c.episodeKey, c.position],
    mergeCitations,
    withCitationIds,
    tombstoneOf<[string, number]>('citations'),
  );
  const listens = await mergeInto(
    tx.objectStore('listens'),
    history.listens,
    (l) => l.episodeKey,
    mergeListens,
    undefined,
    tombstoneOf<string>('listens'),
  );
  await applyTombstones(tx, history.tombstones);
  return { papers, episodes, citations, listens, tombstones };
}
