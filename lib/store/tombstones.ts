/**
 * Remembered deletes (the merge rules in merge.ts say how they act): every delete of a listen,
 * of a citation a shrunken source list dropped, and of a paper or episode merged into another
 * writes the record's key and the time, in the same transaction as the delete. They are kept for
 * the number of days Settings say (400 by default: longer than any backup one would restore).
 */
import type { IDBPObjectStore } from 'idb';
import type { Store } from '@/lib/store/db';
import type { Tombstone } from '@/lib/store/merge';
import type { CitecastSchema } from '@/lib/store/schema';

/** The tombstone store of a read-write transaction. */
type TombstoneStore = IDBPObjectStore<CitecastSchema, never, 'tombstones', 'readwrite'>;

/** A key as a tombstone holds it: a string, a citation's `[episodeKey, position]` as JSON. */
export function tombstoneKey(key: string | readonly [string, number]): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

/** Remembers that the record `key` of `kind` was deleted at `now`. */
export function remember(
  tombstones: TombstoneStore,
  kind: Tombstone['kind'],
  key: string | readonly [string, number],
  now: number,
): Promise<unknown> {
  return tombstones.put({ kind, key: tombstoneKey(key), deletedAt: now });
}

/** How long tombstones are kept by default, in days. */
export const DEFAULT_TOMBSTONE_DAYS = 400;

/** Forgets the tombstones older than `days` days before `store.now()`; answers how many. */
export async function pruneTombstones(store: Store, days: number): Promise<number> {
  const before = store.now() - days * 24 * 3600 * 1000;
  const tx = store.db.transaction('tombstones', 'readwrite');
  let pruned = 0;
  const range = IDBKeyRange.upperBound(before, true);
  for (
    let cursor = await tx.store.index('byDeletedAt').openCursor(range);
    cursor;
    cursor = await cursor.continue()
  ) {
    await cursor.delete();
    pruned++;
  }
  await tx.done;
  return pruned;
}
