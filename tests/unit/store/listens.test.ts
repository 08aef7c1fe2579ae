import { describe, it, expect, beforeEach } from 'vitest';
import type { Store } from '@/lib/store/db';
import {
  getListen,
  mergeListens,
  newListen,
  recentlyHeard,
  recordProgress,
  setHeard,
} from '@/lib/store/listens';
import {
  freshIndexedDb,
  openTestStore,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const EPISODE = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const T0 = Date.UTC(2026, 0, 1);
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(T0);
  store = await openTestStore(clock);
});

describe('listening progress', () => {
  it('goes unheard → in progress → heard near the end, summing played seconds', async () => {
    expect(await getListen(store, EPISODE)).toBeNull();
    const started = await recordProgress(store, EPISODE, {
      position: 60,
      duration: 1000,
      playedSince: 60,
    });
    expect(started).toMatchObject({ state: 'in_progress', position: 60, playedSeconds: 60 });
    clock.set(T0 + 1000);
    const done = await recordProgress(store, EPISODE, {
      position: 960,
      duration: null,
      playedSince: 900,
    });
    expect(done).toMatchObject({
      state: 'heard',
      manual: false,
      heardAt: T0 + 1000,
      duration: 1000,
      playedSeconds: 960,
    });
    clock.set(T0 + 2000);
    const replay = await recordProgress(store, EPISODE, {
      position: 5,
      duration: 1000,
      playedSince: 5,
    });
    expect(replay).toMatchObject({ state: 'heard', heardAt: T0 + 1000, position: 5 });
  });
});

describe('heard means played, not sought', () => {
  it('a seek to the end with little played stays in progress', async () => {
    const sought = await recordProgress(store, EPISODE, {
      position: 1000,
      duration: 1000,
      playedSince: 5,
    });
    expect(sought).toMatchObject({ state: 'in_progress', playedSeconds: 5, heardAt: null });
  });

  it('heard once the played seconds reach the share (90 % by default, or as set)', async () => {
    await recordProgress(store, EPISODE, { position: 880, duration: 1000, playedSince: 880 });
    expect((await getListen(store, EPISODE))?.state).toBe('in_progress');
    const done = await recordProgress(store, EPISODE, {
      position: 900,
      duration: 1000,
      playedSince: 20,
    });
    expect(done.state).toBe('heard');
    const other = 'show:another episode';
    const strict = await recordProgress(
      store,
      other,
      { position: 950, duration: 1000, playedSince: 950 },
      0.99,
    );
    expect(strict.state).toBe('in_progress');
  });
});

describe('marks by hand', () => {
  it('heard by hand wins over later progress', async () => {
    await setHeard(store, EPISODE, true);
    clock.set(T0 + 10);
    const after = await recordProgress(store, EPISODE, {
      position: 10,
      duration: 1000,
      playedSince: 10,
    });
    expect(after).toMatchObject({ state: 'heard', manual: true, heardAt: T0, position: 10 });
  });

  it('unheard by hand wins over later progress, even to the end', async () => {
    await recordProgress(store, EPISODE, { position: 999, duration: 1000, playedSince: 999 });
    clock.set(T0 + 10);
    const unheard = await setHeard(store, EPISODE, false);
    expect(unheard).toMatchObject({ state: 'unheard', manual: true, heardAt: null });
    clock.set(T0 + 20);
    const after = await recordProgress(store, EPISODE, {
      position: 1000,
      duration: 1000,
      playedSince: 1,
    });
    expect(after).toMatchObject({ state: 'unheard', manual: true, position: 1000 });
    expect(after.modified.state).toBe(T0 + 10);
    expect(after.modified.position).toBe(T0 + 20);
  });

  it('marking heard twice keeps the first heard date', async () => {
    await setHeard(store, EPISODE, true);
    clock.set(T0 + 10);
    expect((await setHeard(store, EPISODE, true)).heardAt).toBe(T0);
  });
});

describe('recentlyHeard', () => {
  it('lists heard episodes by heard date, newest first', async () => {
    for (let i = 0; i < 4; i++) {
      clock.set(T0 + i);
      await setHeard(store, `episode-${i}`, true);
    }
    await setHeard(store, 'episode-2', false);
    expect((await recentlyHeard(store, 2)).map((l) => l.episodeKey)).toEqual([
      'episode-3',
      'episode-1',
    ]);
  });
});

describe('mergeListens', () => {
  it('a mark by hand wins over a newer automatic state; the newer position still wins', () => {
    const manual = {
      ...newListen(EPISODE, T0),
      state: 'heard' as const,
      manual: true,
      heardAt: T0,
    };
    const auto = {
      ...newListen(EPISODE, T0 + 100),
      state: 'in_progress' as const,
      position: 42,
    };
    const merged = mergeListens(auto, manual);
    expect(merged).toMatchObject({ state: 'heard', manual: true, heardAt: T0, position: 42 });
    expect(mergeListens(manual, auto)).toMatchObject({ state: 'heard', position: 42 });
  });

  it('between two marks by hand the newer wins', () => {
    const heard = { ...newListen(EPISODE, T0), state: 'heard' as const, manual: true, heardAt: T0 };
    const unheard = { ...newListen(EPISODE, T0 + 1), manual: true };
    expect(mergeListens(heard, unheard)).toMatchObject({ state: 'unheard', heardAt: null });
    expect(mergeListens(unheard, heard)).toBe(unheard);
  });
});
