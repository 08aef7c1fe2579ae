/** Deleting everything the store holds (the user asks for it, and confirms, in the UI). */
import type { Store } from './db';
import { STORE_NAMES } from './schema';

/** Empties every store in one transaction: all records go, or none. The schema stays. */
export async function deleteEverything(store: Store): Promise<void> {
  const tx = store.db.transaction(STORE_NAMES, 'readwrite');
  await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  await tx.done;
}
