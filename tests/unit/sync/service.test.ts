/**
 * Sync in the background, with two or three browsers sharing one fake `storage.sync` that
 * enforces Chromium's quotas and write limits, on a fake clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openStore } from '@/lib/store/db';
import { hybridClock } from '@/lib/sync/clock';
import { decodeShards, itemBytes, META_KEY } from '@/lib/sync/codec';
import { SYNC_QUOTA } from '@/lib/sync/engine';
import {
  createSyncService,
  type LocalArea,
  type SyncArea,
  type SyncService,
} from '@/lib/sync/service';
import { createStoreService, type StoreService } from '@/entrypoints/background/router';
import { paperSource, popupSender, valueOf } from '@/tests/unit/messages/helpers';
import { freshIndexedDb } from '@/tests/unit/store/helpers';

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** One `storage.sync` for every browser, refusing what Chromium refuses. */
class FakeSync {
  items = new Map<string, unknown>();
  listeners = new Set<Listener>();
  writes: number[] = [];
  refused: string[] = [];
  reads = 0;
  /** A message to fail every call with (the browser's sync turned off). */
  failWith: string | null = null;

  private check(next: Map<string, unknown>): void {
    const t = Date.now();
    const lastMinute = this.writes.filter((w) => w > t - 60_000).length;
    const lastHour = this.writes.filter((w) => w > t - 3_600_000).length;
    let total = 0;
    for (const [key, value] of next) {
      const bytes = itemBytes(key, value);
      if (bytes > SYNC_QUOTA.itemBytes) throw this.refuse('QUOTA_BYTES_PER_ITEM quota exceeded');
      total += bytes;
    }
    if (total > SYNC_QUOTA.bytes) throw this.refuse('QUOTA_BYTES quota exceeded');
    if (next.size > SYNC_QUOTA.items) throw this.refuse('MAX_ITEMS quota exceeded');
    if (lastMinute >= SYNC_QUOTA.writesPerMinute)
      throw this.refuse('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    if (lastHour >= SYNC_QUOTA.writesPerHour)
      throw this.refuse('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded');
  }

  private refuse(message: string): Error {
    this.refused.push(message);
    return new Error(message);
  }

  private tell(changes: Record<string, { newValue?: unknown }>): void {
    for (const l of this.listeners) queueMicrotask(() => l(structuredClone(changes), 'sync'));
  }

  area(): SyncArea {
    return {
      get: async () => {
        if (this.failWith) throw new Error(this.failWith);
        this.reads++;
        return structuredClone(Object.fromEntries(this.items));
      },
      set: async (items) => {
        if (this.failWith) throw new Error(this.failWith);
        const next = new Map(this.items);
        for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
        this.check(next);
        this.writes.push(Date.now());
        this.items = next;
        this.tell(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])));
      },
      remove: async (keys) => {
        if (this.failWith) throw new Error(this.failWith);
        const next = new Map(this.items);
        for (const k of keys) next.delete(k);
        this.check(next);
        this.writes.push(Date.now());
        this.items = next;
        this.tell(Object.fromEntries(keys.map((k) => [k, {}])));
      },
    };
  }

  /** The most writes in any minute so far. */
  maxPerMinute(): number {
    return Math.max(
      0,
      ...this.writes.map((w) => this.writes.filter((x) => x >= w && x < w + 60_000).length),
    );
  }
}

/** A local storage area in memory. */
function fakeLocal(): LocalArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
  };
}

/** One browser: its store, its request service and its sync. */
interface Device {
  service: StoreService;
  sync: SyncService;
  broadcast: string[];
}

let devices: Device[] = [];

function device(name: string, shared: FakeSync): Device {
  const clock = hybridClock();
  let service: StoreService | null = null;
  const broadcast: string[] = [];
  const sync = createSyncService({
    area: shared.area(),
    local: fakeLocal(),
    clock,
    run: (fn) => service!.run(fn),
    tombstoneDays: async () => 400,
  });
  service = createStoreService({
    open: () => openStore({ name, now: clock.now }),
    persist: false,
    broadcast: async (change) => void broadcast.push(change.kind),
    sync,
    onLocalChanges: (changes, request) => sync.localChanged(changes, request),
  });
  shared.listeners.add((changes, area) => sync.storageChanged(changes, area));
  const d = { service, sync, broadcast };
  devices.push(d);
  return d;
}

const popup = popupSender();
const arxivId = (i: number) => `2501.${String(10_000 + i)}`;
const stem = (i: number) =>
  `2026-01-${String(10 + i)}-an-episode-of-the-show-about-papers-0abc${String(i).padStart(2, '0')}`;

async function save(d: Device, i: number): Promise<void> {
  valueOf(await d.service.handle('savePaper', { source: paperSource(arxivId(i)) }, popup));
}

/** The saved papers among the first 600 test papers, by key. */
async function savedKeys(d: Device): Promise<string[]> {
  const keys = Array.from({ length: 600 }, (_, i) => `arxiv:${arxivId(i)}`);
  const saved: string[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    const states = valueOf(
      await d.service.handle('savedStates', { keys: keys.slice(i, i + 100) }, popup),
    );
    saved.push(...Object.keys(states).filter((k) => states[k]));
  }
  return saved.sort();
}

async function recordEpisode(d: Device, i: number, sources: unknown[] = []): Promise<void> {
  const { key } = valueOf(
    await d.service.handle(
      'recordEpisode',
      {
        episode: {
          title: `Episode ${i}`,
          published: null,
          duration: 1800,
          audioUrl: `https://podcast.do-not-panic.com/episodes/${stem(i)}.mp3`,
          visualizationUrl: null,
          sources,
        },
        pageUrl: 'https://podcast.do-not-panic.com/',
      },
      popup,
    ),
  );
  expect(key).toBe(stem(i));
}

async function listenState(d: Device, i: number): Promise<string> {
  const states = valueOf(await d.service.handle('listenStates', { episodeKeys: [stem(i)] }, popup));
  return states[stem(i)]!.state;
}

/** Lets every timer due within `ms` fire, and every pass they start finish. */
async function elapse(ms: number, step = 250): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await vi.advanceTimersByTimeAsync(step);
    for (const d of devices) await d.sync.idle();
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  devices = [];
  // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.UTC(2026, 2, 1) });
});

afterEach(async () => {
  for (const d of devices) {
    d.sync.stop();
    await d.service.close();
  }
  vi.useRealTimers();
});

describe('sync in the background', () => {
  it('is off by default: nothing reads or writes the browser sync', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    await a.sync.start();
    for (let i = 0; i < 5; i++) await save(a, i);
    await elapse(30_000, 1_000);
    expect(shared.reads).toBe(0);
    expect(shared.writes).toHaveLength(0);
    expect((await a.sync.status()).enabled).toBe(false);
  });

  it('writes a burst of 500 saves within a minute, inside every quota and write limit', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    await a.sync.start();
    await b.sync.start();
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    const before = shared.writes.length;
    // Save all on a big list: 500 saves over five seconds.
    for (let i = 0; i < 500; i++) {
      await save(a, i);
      if (i % 10 === 9) await elapse(100, 100);
    }
    const burstEnd = Date.now();
    await elapse(60_000 - 5_000);
    expect(shared.refused).toEqual([]);
    expect(shared.maxPerMinute()).toBeLessThanOrEqual(SYNC_QUOTA.writesPerMinute);
    const burstWrites = shared.writes.length - before;
    expect(burstWrites).toBeLessThan(40);
    const synced = decodeShards(Object.fromEntries(shared.items)).summary.papers;
    expect(synced.filter((p) => p.savedAt !== null)).toHaveLength(500);
    expect(Math.max(...shared.writes) - burstEnd).toBeLessThan(60_000);
    // And the other browser has them all, and told its pages.
    expect(await savedKeys(b)).toHaveLength(500);
    expect(b.broadcast).toContain('papers');
    expect((await a.sync.status()).problem).toBeNull();
  });

  it('while an episode plays, its position reports make about one write a minute', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    for (const d of [a, b]) await recordEpisode(d, 1);
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    const before = shared.writes.length;
    // Ten minutes of playback, a report every 5 seconds.
    for (let s = 5; s <= 600; s += 5) {
      valueOf(
        await a.service.handle(
          'recordProgress',
          { episodeKey: stem(1), position: s, duration: 1800, playedSince: 5 },
          popup,
        ),
      );
      await elapse(5_000, 1_000);
    }
    await elapse(60_000, 1_000);
    const writes = shared.writes.length - before;
    expect(writes).toBeGreaterThanOrEqual(5);
    expect(writes).toBeLessThanOrEqual(12);
    const states = valueOf(
      await b.service.handle('listenStates', { episodeKeys: [stem(1)] }, popup),
    );
    expect(states[stem(1)]!.position).toBe(600);
  });

  it('turning on with two non-empty libraries merges them, losing nothing', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    for (const d of [a, b]) for (const i of [1, 2]) await recordEpisode(d, i);
    await save(a, 1);
    await save(a, 2);
    valueOf(await a.service.handle('setHeard', { episodeKey: stem(1), heard: true }, popup));
    await vi.advanceTimersByTimeAsync(1_000);
    await save(b, 3);
    valueOf(await b.service.handle('setHeard', { episodeKey: stem(2), heard: true }, popup));
    valueOf(
      await b.service.handle(
        'setReadState',
        { key: `arxiv:${arxivId(3)}`, readState: 'read' },
        popup,
      ),
    );
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    await elapse(5_000);
    const all = [1, 2, 3].map((i) => `arxiv:${arxivId(i)}`);
    expect(await savedKeys(a)).toEqual(all);
    expect(await savedKeys(b)).toEqual(all);
    for (const d of [a, b]) {
      expect(await listenState(d, 1)).toBe('heard');
      expect(await listenState(d, 2)).toBe('heard');
    }
    const detail = valueOf(await a.service.handle('paperDetail', { key: all[2]! }, popup));
    expect(detail.paper.readState).toBe('read');
  });

  it('a delete on one browser removes the item on the other; a newer local change survives', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    for (const d of [a, b]) for (const i of [1, 2]) await recordEpisode(d, i);
    valueOf(await a.service.handle('setHeard', { episodeKey: stem(1), heard: true }, popup));
    valueOf(await a.service.handle('setHeard', { episodeKey: stem(2), heard: true }, popup));
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    await elapse(3_000);
    expect(await listenState(b, 1)).toBe('heard');
    valueOf(await a.service.handle('deleteListen', { episodeKey: stem(1) }, popup));
    await vi.advanceTimersByTimeAsync(1_000);
    // Meanwhile on B, a newer change: episode 2 unheard by hand.
    valueOf(await b.service.handle('setHeard', { episodeKey: stem(2), heard: false }, popup));
    await elapse(15_000);
    for (const d of [a, b]) {
      expect(await listenState(d, 1)).toBe('unheard');
      expect(await listenState(d, 2)).toBe('unheard');
    }
  });

  it('turning off leaves the shared data; removing it leaves a reset mark others stop at', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    await save(a, 1);
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    await elapse(3_000);
    expect(await savedKeys(b)).toEqual([`arxiv:${arxivId(1)}`]);
    const snapshot = JSON.stringify([...shared.items]);
    const off = await a.sync.setEnabled(false);
    expect(off.enabled).toBe(false);
    await save(a, 2);
    await elapse(15_000);
    expect(JSON.stringify([...shared.items])).toBe(snapshot);

    const cleared = await a.sync.clear();
    expect(cleared.enabled).toBe(false);
    expect([...shared.items.keys()]).toEqual([META_KEY]);
    expect(typeof (shared.items.get(META_KEY) as { reset?: string }).reset).toBe('string');
    await elapse(3_000);
    // B read a reset, not deletes: it stopped, and its library is whole.
    const status = await b.sync.status();
    expect(status.enabled).toBe(false);
    expect(status.problem).toBe('reset');
    expect(await savedKeys(b)).toEqual([`arxiv:${arxivId(1)}`]);
    expect([...shared.items.keys()]).toEqual([META_KEY]);
    // Turning it on again syncs anew.
    await b.sync.setEnabled(true);
    expect((await b.sync.status()).problem).toBeNull();
    expect(shared.items.size).toBeGreaterThan(1);
  });

  it('a paper synced before a page here showed it gets its title once one has', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    const b = device('sync-b', shared);
    const cited = {
      ...paperSource(arxivId(7), 'A Paper Only Pages Name'),
      kind: 'paper',
      arxivVersion: null,
      episode: null,
    };
    await recordEpisode(a, 1, [cited]);
    await save(a, 7);
    await a.sync.setEnabled(true);
    await b.sync.setEnabled(true);
    const key = `arxiv:${arxivId(7)}`;
    const title = async () =>
      valueOf(await b.service.handle('paperDetail', { key }, popup)).paper.title;
    expect(await savedKeys(b)).toEqual([key]);
    expect(await title()).toBeNull();
    b.broadcast.length = 0;
    await recordEpisode(b, 1, [cited]);
    await elapse(5_000);
    expect(await title()).toBe('A Paper Only Pages Name');
    expect(b.broadcast).toContain('papers');
  });

  it('delete all my data turns sync off here: nothing comes back, the synced copy stays', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    await save(a, 1);
    await a.sync.setEnabled(true);
    const snapshot = JSON.stringify([...shared.items]);
    valueOf(await a.service.handle('deleteEverything', { confirm: true }, popup));
    await elapse(15_000);
    expect((await a.sync.status()).enabled).toBe(false);
    expect(await savedKeys(a)).toEqual([]);
    expect(JSON.stringify([...shared.items])).toBe(snapshot);
  });

  it('never overwrites a newer format, reports corrupt shards and a browser with sync off', async () => {
    const shared = new FakeSync();
    const a = device('sync-a', shared);
    await save(a, 1);
    shared.items.set(META_KEY, { v: 99 });
    shared.items.set('cc.p00', '99;whatever-a-later-version-writes');
    await a.sync.setEnabled(true);
    expect((await a.sync.status()).problem).toBe('newer');
    expect(shared.items.get('cc.p00')).toBe('99;whatever-a-later-version-writes');
    expect(shared.writes).toHaveLength(0);

    shared.items.clear();
    shared.items.set('cc.l00', '1;not.a.valid.shard ###');
    await a.sync.setEnabled(true);
    expect((await a.sync.status()).problem).toBe('corrupt');
    expect(await savedKeys(a)).toEqual([`arxiv:${arxivId(1)}`]);

    shared.items.clear();
    shared.failWith = 'Please set webextensions.storage.sync.enabled to true in about:config';
    await a.sync.setEnabled(true);
    expect((await a.sync.status()).problem).toBe('unavailable');
    expect(await savedKeys(a)).toEqual([`arxiv:${arxivId(1)}`]);
  });
});
