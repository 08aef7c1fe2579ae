/** Deleting everything the store holds (the user asks for it, and confirms, in the UI). */
import type { Store } from '@/lib/store/db';
import { CACHE_STORE_NAMES, HISTORY_STORE_NAMES, STORE_NAMES } from '@/lib/store/schema';

/**
 * Empties every store (the arXiv cache too: it holds the titles looked up) in one transaction:
 * all records go, or none. The schema stays.
 */
export async function deleteEverything(store: Store): Promise<void> {
  // The tombstones go too: after a wipe, a restore brings back everything in its file.
  const names = [...STORE_NAMES, ...CACHE_STORE_NAMES, ...HISTORY_STORE_NAMES];
  const tx = store.db.transaction(names, 'readwrite');
  await Promise.all(names.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
