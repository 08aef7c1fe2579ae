/**
 * Reading the store from an extension page (lib/store/page-read.ts): it reads a database the
 * background made, and otherwise answers null without creating, upgrading or holding it.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../lib/store/migrations';
import { readFromPage } from '../../../lib/store/page-read';
import { savePaper } from '../../../lib/store/papers';
import { recentSavesFromStore } from '../../../lib/store/recent-saves';
import { freshIndexedDb, openTestStore, source, testClock } from './helpers';

const NAME = 'citecast-test';

beforeEach(() => {
  freshIndexedDb();
});

describe('readFromPage', () => {
  it('reads what the background stored, and closes the database after', async () => {
    const clock = testClock();
    const store = await openTestStore(clock);
    await savePaper(store, source({ title: 'Titans', arxivId: '2501.00663' }), null);
    store.db.close();
    const read = await readFromPage((s) => recentSavesFromStore(s, 10), NAME);
    expect(read?.rows.map((r) => r.paper.key)).toEqual(['arxiv:2501.00663']);
    expect(read?.total).toBe(1);
    // Closed: the background can still upgrade or delete it without being blocked.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(NAME);
      request.onblocked = () => reject(new Error('blocked by the page'));
      request.onsuccess = () => resolve();
    });
  });

  it('creates no database when there is none', async () => {
    expect(await readFromPage(async () => 'read', NAME)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(NAME);
    // The background then makes it at the latest version, with every store.
    const store = await openTestStore(testClock());
    expect(store.db.version).toBe(LATEST_VERSION);
    expect(store.db.objectStoreNames.contains('papers')).toBe(true);
    store.db.close();
  });

  it('leaves a database of another version alone', async () => {
    const store = await openTestStore(testClock(), { version: 1 });
    store.db.close();
    expect(await readFromPage(async () => 'read', NAME)).toBeNull();
    const db = await openDB(NAME);
    expect(db.version).toBe(1);
    db.close();
  });

  it('answers null when the read fails', async () => {
    const store = await openTestStore(testClock());
    store.db.close();
    expect(
      await readFromPage(async () => {
        throw new Error('no');
      }, NAME),
    ).toBeNull();
  });
});
