/**
 * The popup's first screen before the background's copy of the library is built
 * (lib/store/first-screen.ts): `recentSaves` and `recentListens` read from the store answer
 * exactly the rows the copy answers (order with ties, cited-in counts) without building it, and
 * the total only when it needs no counting; `warmLibrary` builds it; only the extension's pages
 * may ask.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestData, RequestType } from '@/lib/protocol/requests';
import type { Result } from '@/lib/core/result';
import { openStore } from '@/lib/store/db';
import { LibraryCache } from '@/lib/store/library-cache';
import { createStoreService, type StoreService } from '@/entrypoints/background/router';
import type { PaperQuery } from '@/lib/store/library/types';
import { freshIndexedDb, testClock, type TestClock } from '@/tests/unit/store/helpers';
import { DB_NAME, paperSource, popupSender, tabSender } from '@/tests/unit/messages/helpers';

const E1 = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const E2 = '2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f';
const T0 = Date.UTC(2026, 4, 1, 10);
const MIN = 60_000;

let clock: TestClock;
let library: LibraryCache;
let service: StoreService;

/** A service with a copy of its own (no prewarming, so a test sees every build). */
function start(): void {
  library = new LibraryCache({ prewarm: false });
  service = createStoreService({
    open: () => openStore({ name: DB_NAME, now: clock.now }),
    persist: false,
    library,
    broadcast: async () => undefined,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  clock = testClock(T0);
  start();
});

afterEach(async () => {
  await service.close();
});

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function ask<K extends RequestType>(type: K, data: RequestData<K>) {
  return service.handle(type, data, popupSender());
}

/** An episode citing the arXiv papers `ids`, recorded as its page would. */
async function record(stem: string, title: string, ids: string[]): Promise<void> {
  valueOf(
    await service.handle(
      'recordEpisode',
      {
        episode: {
          title,
          published: stem.slice(0, 10),
          duration: 1800,
          audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
          visualizationUrl: null,
          sources: ids.map((id) => ({
            ...paperSource(id),
            kind: 'paper' as const,
            arxivVersion: null,
            episode: null,
          })),
        },
        pageUrl: `https://podcast.do-not-panic.com/episodes/${stem}.html`,
      },
      tabSender(1, `https://podcast.do-not-panic.com/episodes/${stem}.html`),
    ),
  );
}

async function save(id: string, episodeKey: string | null = null): Promise<void> {
  valueOf(await service.handle('savePaper', { source: paperSource(id), episodeKey }, tabSender(1)));
}

/**
 * Two episodes citing five papers, six papers saved: three of them in the same millisecond
 * (a tie the order must break by key), one cited by no episode. E1 heard, E2 in progress.
 */
async function seed(): Promise<void> {
  await record(E1, 'Titans: Learning to Memorize at Test Time', ['2501.00001', '2501.00002']);
  await record(E2, 'Beluga: CXL Memory Pooling', ['2501.00002', '2501.00003', '2501.00004']);
  clock.set(T0 + MIN);
  await save('2501.00001', E1);
  clock.set(T0 + 2 * MIN);
  await save('2501.00003', E2);
  await save('2501.00002', E1);
  await save('2501.00004', E2);
  clock.set(T0 + 3 * MIN);
  await save('2501.00005');
  clock.set(T0 + 4 * MIN);
  await save('2501.00006');
  valueOf(await ask('setHeard', { episodeKey: E1, heard: true }));
  clock.set(T0 + 5 * MIN);
  valueOf(
    await service.handle(
      'recordProgress',
      { episodeKey: E2, position: 300, duration: 1800, playedSince: 300 },
      tabSender(1),
    ),
  );
}

/** The first page of the saved papers, newest first, as the copy answers it. */
async function fromCopy(limit: number) {
  const query: PaperQuery = {
    text: '',
    sort: 'saved',
    direction: 'desc',
    tag: null,
    readState: null,
    year: null,
    episodeKey: null,
    offset: 0,
    limit,
  };
  const { total, rows } = valueOf(await ask('queryPapers', query));
  return { total, rows };
}

/** A new service on the same store: the worker was stopped and started again. */
async function restart(): Promise<void> {
  await service.close();
  start();
}

describe('recentSaves', () => {
  it('answers from the store what the copy answers, without building the copy', async () => {
    await seed();
    await restart();
    const cold = [2, 3, 4, 50].map((limit) => ask('recentSaves', { limit }));
    const answers = (await Promise.all(cold)).map(valueOf);
    expect(library.status().builds).toBe(0);
    for (const [i, limit] of [2, 3, 4, 50].entries()) {
      const copy = await fromCopy(limit);
      expect(answers[i]!.rows, `limit ${limit}`).toEqual(copy.rows);
      // Counting is left to the copy, unless the rows are all there is.
      expect(answers[i]!.total, `limit ${limit}`).toBe(limit < 6 ? null : 6);
    }
    expect(library.status().builds).toBe(1);
    // The ties come in key order, and the counts name the heard citing episode.
    const six = answers[3]!;
    expect(six.total).toBe(6);
    expect(six.rows.map((r) => r.paper.key)).toEqual([
      'arxiv:2501.00006',
      'arxiv:2501.00005',
      'arxiv:2501.00002',
      'arxiv:2501.00003',
      'arxiv:2501.00004',
      'arxiv:2501.00001',
    ]);
    expect(six.rows.find((r) => r.paper.key === 'arxiv:2501.00002')).toMatchObject({
      citedIn: 2,
      citedInHeard: 1,
    });
    expect(six.rows[0]).toMatchObject({ citedIn: 0, citedInHeard: 0 });
    // Once the copy is built, the answer comes from it, with the total.
    expect(valueOf(await ask('recentSaves', { limit: 50 }))).toEqual(six);
    expect(valueOf(await ask('recentSaves', { limit: 2 }))).toEqual({
      total: 6,
      rows: six.rows.slice(0, 2),
    });
  });

  it('reads the store again after a write that asks the copy for a rebuild', async () => {
    await seed();
    const backup = valueOf(await ask('exportBackup', {}));
    await fromCopy(50);
    valueOf(await ask('deleteEverything', { confirm: true }));
    valueOf(await ask('importBackup', { text: backup.text }));
    const builds = library.status().builds;
    const answer = valueOf(await ask('recentSaves', { limit: 50 }));
    expect(library.status().builds).toBe(builds);
    // Read from the store (the copy would have counted them).
    expect(valueOf(await ask('recentSaves', { limit: 3 })).total).toBeNull();
    expect(library.status().builds).toBe(builds);
    expect(answer).toEqual(await fromCopy(50));
    expect(answer.total).toBe(6);
  });

  it('answers an empty store with nothing', async () => {
    expect(valueOf(await ask('recentSaves', { limit: 50 }))).toEqual({ total: 0, rows: [] });
  });
});

describe('recentListens before the copy is built', () => {
  it('answers from the store what the copy answers', async () => {
    await seed();
    await restart();
    const cold = valueOf(await ask('recentListens', { limit: 10 }));
    expect(library.status().builds).toBe(0);
    expect(cold.map((r) => [r.episode.key, r.listen.state])).toEqual([
      [E2, 'in_progress'],
      [E1, 'heard'],
    ]);
    expect(cold[0]!.episode.title).toBe('Beluga: CXL Memory Pooling');
    await fromCopy(1);
    expect(valueOf(await ask('recentListens', { limit: 10 }))).toEqual(cold);
    expect(valueOf(await ask('recentListens', { limit: 1 }))).toEqual(cold.slice(0, 1));
  });
});

describe('warmLibrary', () => {
  it('builds the copy, answering whether it was built before', async () => {
    await seed();
    await restart();
    expect(valueOf(await ask('warmLibrary', {}))).toEqual({ built: false });
    expect(library.status()).toMatchObject({ built: true, builds: 1 });
    expect(valueOf(await ask('warmLibrary', undefined))).toEqual({ built: true });
    await fromCopy(1);
    expect(library.status().builds).toBe(1);
  });
});

describe('who may ask', () => {
  it('refuses content scripts and malformed payloads', async () => {
    const page = tabSender(2, 'https://podimo.com/no/x');
    const refused = [
      await service.handle('recentSaves', { limit: 5 }, page),
      await service.handle('warmLibrary', {}, page),
    ];
    expect(refused.map((r) => !r.ok && r.error.code)).toEqual(['forbidden', 'forbidden']);
    const invalid = [
      await ask('recentSaves', { limit: 0 }),
      await ask('recentSaves', { limit: 10_000 }),
      await ask('warmLibrary', { now: 1 } as never),
    ];
    expect(invalid.map((r) => !r.ok && r.error.code)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(library.status().builds).toBe(0);
  });
});
