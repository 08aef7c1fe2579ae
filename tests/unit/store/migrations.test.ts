import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IDBDatabase } from 'fake-indexeddb';
import { openStore } from '../../../lib/store/db';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../lib/store/migrations';
import { STORE_NAMES } from '../../../lib/store/schema';
import { freshIndexedDb, testClock } from './helpers';

const NAME = 'citecast-migrations';
const originalDelete = IDBDatabase.prototype.deleteObjectStore;
let deleted: string[] = [];

beforeEach(() => {
  freshIndexedDb();
  deleted = [];
  // Every call of deleteObjectStore during any upgrade is recorded (and still performed).
  IDBDatabase.prototype.deleteObjectStore = function (this: IDBDatabase, name: string) {
    deleted.push(name);
    return originalDelete.call(this, name);
  };
});

afterEach(() => {
  IDBDatabase.prototype.deleteObjectStore = originalDelete;
});

/** Opens the test database at `version` with `migrations`, then closes it. */
async function openAt(version: number, migrations: readonly Migration[] = MIGRATIONS) {
  const store = await openStore({ name: NAME, version, migrations, now: testClock().now });
  const db = store.db;
  const shape = {
    version: db.version,
    stores: [...db.objectStoreNames].sort(),
    indexes: Object.fromEntries(
      [...db.objectStoreNames].map((name) => {
        const tx = db.transaction(name, 'readonly');
        return [name, [...tx.store.indexNames].sort()];
      }),
    ),
  };
  db.close();
  return shape;
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, … and the latest is the last', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('create every store and index of the latest schema', async () => {
    const shape = await openAt(LATEST_VERSION);
    expect(shape.version).toBe(LATEST_VERSION);
    expect(shape.stores).toEqual([...STORE_NAMES].sort());
    expect(shape.indexes).toEqual({
      citations: ['byEpisodeKey', 'byPaperKey'],
      episodes: ['byTitleKey'],
      listens: ['byHeardAt'],
      papers: ['bySavedAt', 'byTag'],
    });
  });

  it('never delete a store, on any upgrade path to the latest version', async () => {
    for (let from = 0; from < LATEST_VERSION; from++) {
      freshIndexedDb();
      if (from > 0) await openAt(from);
      const shape = await openAt(LATEST_VERSION);
      expect(shape.stores, `upgrade from v${from}`).toEqual([...STORE_NAMES].sort());
    }
    expect(deleted).toEqual([]);
  });

  it('the deletion check itself sees a migration that deletes a store', async () => {
    const deleting: Migration = {
      version: LATEST_VERSION + 1,
      description: 'a bad step, for this test only',
      upgrade(db) {
        db.deleteObjectStore('listens');
      },
    };
    await openAt(LATEST_VERSION);
    await openAt(LATEST_VERSION + 1, [...MIGRATIONS, deleting]);
    expect(deleted).toEqual(['listens']);
  });

  it('run each step once, in order, from the stored version on', async () => {
    const ran: number[] = [];
    const recording = MIGRATIONS.map((m) => ({
      ...m,
      upgrade: (...args: Parameters<Migration['upgrade']>) => {
        ran.push(m.version);
        return m.upgrade(...args);
      },
    }));
    await openAt(1, recording);
    await openAt(LATEST_VERSION, recording);
    await openAt(LATEST_VERSION, recording);
    expect(ran).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a failing step leaves the database at its old version with its data', async () => {
    const clock = testClock();
    const store = await openStore({ name: NAME, now: clock.now });
    await store.db.put('papers', {
      key: 'title:kept',
      title: 'Kept',
      authors: [],
      year: null,
      arxivId: null,
      doi: null,
      urls: [],
      pdfUrl: null,
      savedAt: 1,
      savedFrom: null,
      readState: 'unread',
      tags: [],
      note: '',
      modified: {},
    });
    store.db.close();
    const failing: Migration = {
      version: LATEST_VERSION + 1,
      description: 'fails, for this test only',
      async upgrade(_db, tx) {
        await tx.objectStore('papers').clear();
        throw new Error('broken step');
      },
    };
    await expect(
      openStore({ name: NAME, version: LATEST_VERSION + 1, migrations: [...MIGRATIONS, failing] }),
    ).rejects.toThrow('broken step');
    const reopened = await openStore({ name: NAME, now: clock.now });
    expect(reopened.db.version).toBe(LATEST_VERSION);
    expect(await reopened.db.getAllKeys('papers')).toEqual(['title:kept']);
    reopened.db.close();
  });
});
