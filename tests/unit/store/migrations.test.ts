import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IDBDatabase } from 'fake-indexeddb';
import { openStore } from '@/lib/store/db';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '@/lib/store/migrations';
import { CACHE_STORE_NAMES, HISTORY_STORE_NAMES, STORE_NAMES } from '@/lib/store/schema';

/** Every store of the latest schema: the backed-up ones and the caches. */
const ALL_STORES = [...STORE_NAMES, ...CACHE_STORE_NAMES, ...HISTORY_STORE_NAMES].sort();
import { freshIndexedDb, testClock } from '@/tests/unit/store/helpers';

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
    expect(shape.stores).toEqual(ALL_STORES);
    expect(shape.indexes).toEqual({
      arxivCache: ['byExpiresAt'],
      citations: ['byEpisodeKey', 'byPaperKey', 'byUrl'],
      episodes: ['byTitleKey'],
      listens: ['byHeardAt'],
      papers: ['bySavedAt', 'byTag'],
      tombstones: ['byDeletedAt'],
    });
  });

  it('never delete a store, on any upgrade path to the latest version', async () => {
    for (let from = 0; from < LATEST_VERSION; from++) {
      freshIndexedDb();
      if (from > 0) await openAt(from);
      const shape = await openAt(LATEST_VERSION);
      expect(shape.stores, `upgrade from v${from}`).toEqual(ALL_STORES);
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

  it('v3 adds the arXiv cache to a v1 or v2 database and keeps every record', async () => {
    for (const from of [1, 2]) {
      freshIndexedDb();
      const clock = testClock();
      const old = await openStore({ name: NAME, version: from, now: clock.now });
      await old.db.put('papers', {
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
        tags: ['t'],
        note: 'n',
        modified: {},
      });
      await old.db.put('listens', {
        episodeKey: 'show:x',
        state: 'heard',
        manual: true,
        position: 0,
        duration: null,
        heardAt: 5,
        playedSeconds: 0,
        modified: {},
      });
      expect([...old.db.objectStoreNames]).not.toContain('arxivCache');
      old.db.close();
      const upgraded = await openStore({ name: NAME, now: clock.now });
      expect(upgraded.db.version, `from v${from}`).toBe(LATEST_VERSION);
      expect(await upgraded.db.getAllKeys('papers')).toEqual(['title:kept']);
      expect((await upgraded.db.get('papers', 'title:kept'))!.tags).toEqual(['t']);
      expect(await upgraded.db.getAllKeys('listens')).toEqual(['show:x']);
      expect(await upgraded.db.count('arxivCache')).toBe(0);
      // The new store works, with its expiry index.
      await upgraded.db.put('arxivCache', {
        key: 'title:kept',
        kind: 'title',
        outcome: 'none',
        confidence: 0,
        entry: null,
        manual: false,
        fetchedAt: 1,
        expiresAt: 10,
      });
      expect(await upgraded.db.getAllKeysFromIndex('arxivCache', 'byExpiresAt')).toEqual([
        'title:kept',
      ]);
      upgraded.db.close();
    }
    expect(deleted).toEqual([]);
  });
});
