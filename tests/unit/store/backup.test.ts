import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { exportBackup, exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import { readBackup } from '@/lib/store/backup/check';
import type { Backup } from '@/lib/store/backup/format';
import { deleteEverything } from '@/lib/store/clear';
import type { Store } from '@/lib/store/db';
import { recordEpisode, setEpisodeNote } from '@/lib/store/episodes';
import { recordProgress, setHeard } from '@/lib/store/listens';
import {
  getPaper,
  savePaper,
  setNote,
  setReadState,
  setTags,
  unsavePaper,
} from '@/lib/store/papers';
import { STORE_NAMES } from '@/lib/store/schema';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const OTHER_STEM = '2025-11-02-memory-layers-at-scale-a1b2c3';
const T0 = Date.UTC(2026, 0, 1);
const originalPut = IDBObjectStore.prototype.put;
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(T0);
  store = await openTestStore(clock);
});

afterEach(() => {
  IDBObjectStore.prototype.put = originalPut;
});

/** Fills the store through the repositories: papers, two episodes, citations, listens. */
async function populate(): Promise<void> {
  await recordEpisode(store, {
    title: 'Titans: Learning to Memorize at Test Time',
    published: '2026-05-20',
    duration: 1500,
    audioUrl: null,
    visualizationUrl: `https://podcast.do-not-panic.com/viz/${STEM}.html`,
    sources: [
      arxivSource('2501.00663', 'Titans', 1),
      source({ title: 'Memory Layers', doi: '10.1145/1.2' }),
    ],
    pageUrl: 'https://podcast.do-not-panic.com/2026/05/titans/',
  });
  clock.set(T0 + 1000);
  await recordEpisode(store, {
    title: 'Memory Layers at Scale',
    published: '2025-11-02',
    duration: null,
    audioUrl: `https://podcast.do-not-panic.com/episodes/${OTHER_STEM}.mp3`,
    visualizationUrl: null,
    sources: [arxivSource('2412.09764', 'Memory Layers at Scale', 2)],
    pageUrl: null,
  });
  await setEpisodeNote(store, OTHER_STEM, 'listen again');
  clock.set(T0 + 2000);
  await savePaper(store, arxivSource('2501.00663', 'Titans', 1), STEM);
  await savePaper(store, source({ title: 'Memory Layers', doi: '10.1145/1.2' }), STEM);
  await savePaper(store, source({ title: 'An unsaved one' }), null);
  clock.set(T0 + 3000);
  await setTags(store, 'arxiv:2501.00663', ['memory', 'test-time']);
  await setNote(store, 'arxiv:2501.00663', 'see §4 — “surprise”');
  await setReadState(store, 'doi:10.1145/1.2', 'reading');
  await unsavePaper(store, 'title:an unsaved one');
  await setHeard(store, STEM, true);
  await recordProgress(store, OTHER_STEM, { position: 120.5, duration: 2000, playedSince: 130 });
}

/** Every record of every store, read raw. */
async function dump(): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(
    await Promise.all(STORE_NAMES.map(async (name) => [name, await store.db.getAll(name)])),
  );
}

describe('export', () => {
  it('writes one versioned file with the listening log in PortCast-like form', async () => {
    await populate();
    const backup = await exportBackup(store);
    expect(backup.format).toBe('citecast-backup');
    expect(backup.version).toBe(3);
    expect(backup.exportedAt).toBe(new Date(T0 + 3000).toISOString());
    expect(backup.papers).toHaveLength(3);
    expect(backup.episodes).toHaveLength(2);
    expect(backup.citations).toHaveLength(3);
    const byKey = new Map(backup.listens.map((l) => [l.episodeKey, l]));
    expect(byKey.get(STEM)).toMatchObject({
      status: 'completed',
      manual: true,
      completedAt: new Date(T0 + 3000).toISOString(),
      updatedAt: new Date(T0 + 3000).toISOString(),
    });
    expect(byKey.get(OTHER_STEM)).toMatchObject({
      status: 'in_progress',
      position: 120.5,
      duration: 2000,
      playedSeconds: 130,
      completedAt: null,
    });
  });
});

describe('round trip', () => {
  it('export → wipe → import gives the same data', async () => {
    await populate();
    const before = await dump();
    const text = await exportBackupJson(store);
    await deleteEverything(store);
    expect(await store.db.count('papers')).toBe(0);
    const result = await importBackup(store, text);
    expect(result).toEqual({
      ok: true,
      report: {
        papers: { added: 3, updated: 0, skipped: 0 },
        episodes: { added: 2, updated: 0, skipped: 0 },
        citations: { added: 3, updated: 0, skipped: 0 },
        listens: { added: 2, updated: 0, skipped: 0 },
        arxivLinks: { added: 0, updated: 0, skipped: 0 },
        tombstones: { added: 0, updated: 0, skipped: 0 },
      },
    });
    expect(await dump()).toEqual(before);
    const again = (await exportBackup(store)) as Partial<Backup>;
    const first = JSON.parse(text) as Partial<Backup>;
    delete again.exportedAt;
    delete first.exportedAt;
    expect(again).toEqual(first);
  });

  it('into a fresh database too, and a second import skips everything', async () => {
    await populate();
    const before = await dump();
    const text = await exportBackupJson(store);
    store.db.close();
    freshIndexedDb();
    store = await openTestStore(clock);
    await importBackup(store, new Blob([text]));
    expect(await dump()).toEqual(before);
    const second = await importBackup(store, text);
    expect(second.ok && second.report.papers).toEqual({ added: 0, updated: 0, skipped: 3 });
    expect(second.ok && second.report.listens).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(await dump()).toEqual(before);
  });
});

describe('merge on import', () => {
  it('newest value per field wins, tags tag by tag: an older file never undoes a later edit', async () => {
    await populate();
    const backup = await exportBackup(store);
    // The local copy changes after the backup was made.
    clock.set(T0 + 5000);
    await setReadState(store, 'doi:10.1145/1.2', 'read');
    await setTags(store, 'arxiv:2501.00663', ['mine']);
    await setNote(store, 'arxiv:2501.00663', 'local note');
    // The file has a newer title and another note for Titans, and an older read state.
    const titans = backup.papers.find((p) => p.key === 'arxiv:2501.00663')!;
    titans.title = 'Titans (revised)';
    titans.modified.title = T0 + 9000;
    const result = await importBackup(store, JSON.stringify(backup));
    expect(result.ok && result.report.papers).toEqual({ added: 0, updated: 1, skipped: 2 });
    const merged = await getPaper(store, 'arxiv:2501.00663');
    expect(merged!.title).toBe('Titans (revised)');
    expect(merged!.modified.title).toBe(T0 + 9000);
    // The tags removed after the backup stay removed; the newer note stays as it is.
    expect(merged!.tags).toEqual(['mine']);
    expect(merged!.note).toBe('local note');
    expect((await getPaper(store, 'doi:10.1145/1.2'))!.readState).toBe('read');
  });

  it('an unsave newer than the local save wins', async () => {
    await populate();
    const backup = await exportBackup(store);
    const titans = backup.papers.find((p) => p.key === 'arxiv:2501.00663')!;
    titans.savedAt = null;
    titans.modified.savedAt = T0 + 9000;
    await importBackup(store, JSON.stringify(backup));
    expect((await getPaper(store, 'arxiv:2501.00663'))!.savedAt).toBeNull();
  });
});

describe('refused files change nothing', () => {
  /** A valid backup of the populated store, as an object to break. */
  async function validBackup(): Promise<Record<string, unknown>> {
    return JSON.parse(await exportBackupJson(store)) as Record<string, unknown>;
  }

  const cases: [string, (b: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => [1, 2], /not a JSON object/],
    ['a foreign format', (b) => ({ ...b, format: 'portcast' }), /not a Citecast backup.*portcast/],
    ['a newer version', (b) => ({ ...b, version: 4 }), /version 4, made by a newer Citecast/],
    ['no store list', (b) => ({ ...b, listens: undefined }), /backup\.listens: expected a list/],
    [
      'a bad field deep inside',
      (b) => {
        (b.papers as { tags: unknown[] }[])[1]!.tags = ['ok', 3];
        return b;
      },
      /papers\[1\]\.tags\[1\]: expected a string/,
    ],
    [
      'an unknown field',
      (b) => {
        (b.episodes as Record<string, unknown>[])[0]!.script = 'alert(1)';
        return b;
      },
      /episodes\[0\]: unknown field "script"/,
    ],
    [
      'a foreign paper key',
      (b) => {
        (b.papers as { key: string }[])[0]!.key = 'isbn:123';
        return b;
      },
      /papers\[0\]\.key/,
    ],
    [
      'a foreign episode key',
      (b) => {
        (b.listens as { episodeKey: string }[])[0]!.episodeKey = 'https://example.com/ep';
        return b;
      },
      /listens\[0\]\.episodeKey: expected an episode's mp3 stem/,
    ],
    [
      'a key twice',
      (b) => ({ ...b, citations: [...(b.citations as unknown[]), (b.citations as unknown[])[0]] }),
      /citations\[3\]: a second record/,
    ],
    [
      'a bad listen status',
      (b) => {
        (b.listens as { status: string }[])[0]!.status = 'played';
        return b;
      },
      /listens\[0\]\.status: expected one of/,
    ],
  ];

  for (const [what, breakIt, reason] of cases) {
    it(`refuses ${what}`, async () => {
      await populate();
      const before = await dump();
      const result = await importBackup(store, JSON.stringify(breakIt(await validBackup())));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(reason);
      expect(await dump()).toEqual(before);
    });
  }

  it('refuses text that is not JSON', async () => {
    const result = await importBackup(store, '{"format": "citecast-backup", ');
    expect(result).toEqual({
      ok: false,
      reason: 'the file is not valid JSON',
      problem: { key: 'backup.notJson' },
    });
  });

  it('refuses an oversized file before reading it', async () => {
    await populate();
    const before = await dump();
    const text = await exportBackupJson(store);
    const limit = text.length - 1;
    expect(readBackup(text, limit)).toEqual({
      ok: false,
      reason: `the file is larger than ${limit} bytes`,
      problem: { key: 'backup.tooLarge', params: { bytes: limit } },
    });
    expect((await importBackup(store, new Blob([text]), limit)).ok).toBe(false);
    expect((await importBackup(store, text, limit)).ok).toBe(false);
    expect(await dump()).toEqual(before);
  });

  it('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = JSON.stringify({ format: 'citecast-backup', note: 'é'.repeat(100) });
    expect(readBackup(text, text.length).ok).toBe(false);
  });
});

describe('atomic import', () => {
  /** A backup that adds records to every store of an empty database. */
  async function backupOfPopulated(): Promise<string> {
    await populate();
    const text = await exportBackupJson(store);
    await deleteEverything(store);
    await savePaper(store, source({ title: 'Already here' }), null);
    return text;
  }

  it('a write that throws midway leaves every store as it was', async () => {
    const text = await backupOfPopulated();
    const before = await dump();
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
      if (this.name === 'listens') throw new Error('disk on fire');
      return originalPut.apply(this, args);
    };
    await expect(importBackup(store, text)).rejects.toThrow('disk on fire');
    IDBObjectStore.prototype.put = originalPut;
    expect(await dump()).toEqual(before);
  });

  it('a request that fails midway leaves every store as it was', async () => {
    const text = await backupOfPopulated();
    const before = await dump();
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value, key) {
      // `add` of a key already there fails its request (ConstraintError), as a full disk would.
      if (this.name === 'citations') return this.add(value, key);
      return originalPut.call(this, value, key);
    };
    await store.db.put('citations', {
      episodeKey: STEM,
      position: 0,
      paperKey: 'arxiv:2501.00663',
      url: null,
      arxivVersion: null,
      modified: {},
    });
    const withCitation = await dump();
    await expect(importBackup(store, text)).rejects.toThrow();
    IDBObjectStore.prototype.put = originalPut;
    expect(await dump()).toEqual(withCitation);
    expect(withCitation.papers).toEqual(before.papers);
  });
});
