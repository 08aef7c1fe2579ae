/**
 * Reading the store straight from an extension page (the popup), without the background.
 *
 * Why: in Chromium the background is an MV3 service worker, stopped after 30 seconds idle; the
 * popup's first message then waits for it to start (load and run its script, open the store)
 * before anything can be answered, about as long again as the popup takes to load. The page and
 * the worker share the extension's origin, hence its IndexedDB, so the popup can read the few
 * records of its first screen itself while the worker starts.
 *
 * Only reads, and only a database the background has made: opened without a version, so never
 * upgraded from here (migrations stay the background's), a missing database is not created (its
 * creation is aborted), and a version other than this build's is left alone. Whenever this
 * cannot read, it answers `null` and the caller asks the background, which reports any error.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Store } from './db';
import { LATEST_VERSION } from './migrations';
import { DATABASE_NAME, type CitecastSchema } from './schema';

/**
 * Runs `read` on the store opened read-only from this page and closes it; `null` when the store
 * cannot be read here (see the module comment) or `read` fails.
 */
export async function readFromPage<T>(
  read: (store: Store) => Promise<T>,
  name: string = DATABASE_NAME,
): Promise<T | null> {
  let db: IDBPDatabase<CitecastSchema> | null = null;
  try {
    db = await openDB<CitecastSchema>(name, undefined, {
      // Only a database that does not exist yet asks for an upgrade without a version: making
      // it is the background's job, with its migrations.
      upgrade(_database, _old, _new, tx) {
        tx.done.catch(() => {});
        tx.abort();
      },
      // The background wants to upgrade or delete it: step aside.
      blocking() {
        db?.close();
      },
    });
    if (db.version !== LATEST_VERSION) return null;
    return await read({ db, now: Date.now });
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
