/**
 * Opening the store: the IndexedDB database at the latest schema version, plus the clock every
 * write stamps its per-field modified times with. Repositories take a {@link Store}.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  applyMigrations,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
} from '@/lib/store/migrations';
import { DATABASE_NAME, type CitecastSchema } from '@/lib/store/schema';

/** An open store: the database and the clock of its writes. */
export interface Store {
  db: IDBPDatabase<CitecastSchema>;
  /** Epoch ms; every write stamps the fields it changes with it. */
  now: () => number;
}

/** How to open a store; every field has a default for the extension itself. */
export interface OpenStoreOptions {
  /** Database name; tests and benchmarks use their own. */
  name?: string;
  /** Schema version to open at (tests open older ones); the latest by default. */
  version?: number;
  /** The migrations to apply; `MIGRATIONS` by default. */
  migrations?: readonly Migration[];
  /** The clock; `Date.now` by default. */
  now?: () => number;
}

/**
 * Opens (creating or upgrading as needed) the Citecast database. A failing migration aborts the
 * upgrade, so the database stays at its old version with its data, and the returned promise
 * rejects with that step's error. When another context needs to upgrade, this connection
 * closes itself.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const migrations = options.migrations ?? MIGRATIONS;
  let migrationError: unknown = null;
  const opening = openDB<CitecastSchema>(
    options.name ?? DATABASE_NAME,
    options.version ?? LATEST_VERSION,
    {
      upgrade(database, oldVersion, newVersion, tx) {
        // An aborted upgrade rejects the open request, which is what the caller sees.
        tx.done.catch(() => {});
        applyMigrations(database, oldVersion, newVersion ?? LATEST_VERSION, tx, migrations).catch(
          (error: unknown) => {
            migrationError = error;
            try {
              tx.abort();
            } catch {
              // Already finished or aborted: the open request reports the error.
            }
          },
        );
      },
      blocking() {
        db.close();
      },
    },
  );
  let db: IDBPDatabase<CitecastSchema>;
  try {
    db = await opening;
  } catch (error) {
    // The failed step's own error says more than the AbortError of the open request.
    throw migrationError ?? error;
  }
  return { db, now: options.now ?? Date.now };
}
