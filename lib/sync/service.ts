/**
 * Sync in the background: when the user turned it on, every pass reads Citecast's items of the
 * browser's sync storage, merges them with the library (lib/sync/engine.ts, through the same
 * merge as a restore) and writes back what changed. Passes come after local changes (debounced
 * and batched) and after another browser's writes; at most one runs at a time.
 *
 * - Off by default: nothing reads or writes the sync storage until the user turns sync on. The
 *   device id and this browser's sync state live in the local storage only.
 * - Writes stay well inside Chromium's limits (120 a minute, 1,800 an hour): a pass makes at most
 *   two (one `set` of the changed shards, one `remove` of those no longer needed), passes wait
 *   for a quiet moment but never longer than {@link MAX_WAIT_MS} after a change, and a sliding
 *   window holds the rate under {@link WRITE_BUDGET}.
 * - What goes wrong is kept in the status Settings shows: the quota, sync turned off in the
 *   browser, shards a newer or broken version wrote (then nothing is written: what this version
 *   cannot read, it never overwrites), and a reset by another browser (then this one stops).
 *   None of them touches the local library.
 */
import type { StoreChange } from '@/lib/core/result';
import type { Store } from '@/lib/store/db';
import { newDeviceId, type HybridClock } from '@/lib/sync/clock';
import { decodeShards, META_KEY, SYNC_FORMAT, type Meta, type Section } from '@/lib/sync/codec';
import {
  changesFor,
  fitSummary,
  foldSummary,
  latestStamp,
  mergeSummaries,
  pruneSummary,
  summarize,
  SYNC_QUOTA,
} from '@/lib/sync/engine';
import { applyHistory, fillFromCatalog, readLocal } from '@/lib/sync/store';

/** The part of `storage.sync` sync uses. */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** The part of `storage.local` sync keeps its own state in. */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What can keep sync from working, as Settings explains it. */
export type SyncProblem = 'quota' | 'unavailable' | 'corrupt' | 'newer' | 'reset' | 'failed';

/** Sync's state as Settings shows it. */
export interface SyncStatus {
  enabled: boolean;
  /** Bytes Citecast's items take in the browser's sync after the last pass; `null` before one. */
  bytes: number | null;
  /** The browser's quota for all of an extension's sync data, in bytes. */
  quota: number;
  /** When the last pass finished without a problem (epoch ms). */
  lastSync: number | null;
  /** What stays on this browser because it does not fit. */
  leftOut: { listens: number; papers: number; tags: number; notes: number };
  /** Synced entries this browser cannot place yet: their episode or paper was never shown here. */
  waiting: number;
  problem: SyncProblem | null;
  /** The browser's own words for a `failed` or `unavailable` problem. */
  detail?: string;
}

/** What the requests (syncStatus, setSync, clearSync) do. */
export interface SyncControl {
  status(): Promise<SyncStatus>;
  /** Turns sync on (merging at once) or off (the shared data stays). */
  setEnabled(on: boolean): Promise<SyncStatus>;
  /** Removes Citecast's items from the browser's sync, leaving a reset mark; sync turns off. */
  clear(): Promise<SyncStatus>;
}

/** Sync's side of the background: the requests' control plus the events that start passes. */
export interface SyncService extends SyncControl {
  /** Reads this browser's sync state; a pass follows when sync is on. */
  start(): Promise<void>;
  /**
   * The library changed here (by `request`): a pass follows soon when sync is on; within a
   * minute for playback's position reports alone.
   */
  localChanged(changes: readonly StoreChange[], request?: string): void;
  /** `storage.onChanged`: another browser's writes start a pass. */
  storageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void;
  /** Resolves once no pass is running or waiting (tests). */
  idle(): Promise<void>;
  /** Stops every timer. */
  stop(): void;
}

/** What the service needs from the background. */
export interface SyncDeps {
  area: SyncArea;
  local: LocalArea;
  /** The clock the store stamps its writes with: it moves past every synced stamp. */
  clock: HybridClock;
  /** Runs `fn` on the open store; the changes it answers are told to every page. */
  run<T>(fn: (store: Store) => Promise<{ value: T; changes: StoreChange[] }>): Promise<T>;
  /** Days a delete is remembered (Settings). */
  tombstoneDays(): Promise<number>;
  /** Wall time for the write limits (Date.now by default). */
  now?: () => number;
}

/** The local storage key of this browser's sync state. */
export const SYNC_STATE_KEY = 'citecast.sync';

/** A pass waits for this long without a change... */
export const DEBOUNCE_MS = 2_000;
/** ...but never longer than this after the first change it waits for. */
export const MAX_WAIT_MS = 10_000;
/** Playback's position reports alone wait this long (a minute of listening, one pass). */
export const PROGRESS_WAIT_MS = 60_000;
/** Another browser's writes are merged after this. */
const REMOTE_DELAY_MS = 500;
/** After a quota error, the next try waits this long. */
const RETRY_MS = 60_000;
/** The writes sync allows itself: below the browser's limits, with a margin. */
export const WRITE_BUDGET = { perMinute: 100, perHour: 1_500 } as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** This browser's sync state in the local storage. */
interface State {
  enabled: boolean;
  deviceId: string;
  /** The reset mark this browser saw last (it acts only on a new one). */
  resetSeen?: string;
  /** The latest stamp the clock gave or saw, so it never goes back after a restart. */
  clock?: number;
  status?: Omit<SyncStatus, 'enabled' | 'quota'>;
}

const NO_STATUS: Omit<SyncStatus, 'enabled' | 'quota'> = {
  bytes: null,
  lastSync: null,
  leftOut: { listens: 0, papers: 0, tags: 0, notes: 0 },
  waiting: 0,
  problem: null,
};

/** Whether `key` is one of Citecast's sync items. */
const isOurs = (key: string) => key === META_KEY || key.startsWith(`${META_KEY}.`);

/** What a failed storage call says, as a problem. */
function problemOf(error: unknown): { problem: SyncProblem; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  if (/quota|MAX_ITEMS|MAX_WRITE/i.test(detail)) return { problem: 'quota', detail };
  // Firefox refuses storage.sync while its about:config switch is off.
  if (/sync\.enabled|sync is disabled|not (?:available|supported)/i.test(detail))
    return { problem: 'unavailable', detail };
  return { problem: 'failed', detail };
}

/** The entries per section left out, as the status counts them. */
function leftOutOf(leftOut: Record<Section, number>): SyncStatus['leftOut'] {
  return { listens: leftOut.l, papers: leftOut.p, tags: leftOut.g, notes: leftOut.n };
}

/** Builds the service (see the module comment). */
export function createSyncService(deps: SyncDeps): SyncService {
  const now = deps.now ?? Date.now;
  let state: State | null = null;
  let chain: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstWaiting = 0;
  let scheduled = false;
  let waitingForPages = false;
  /** When each write of the last hour was made. */
  const writes: number[] = [];
  /** What this browser wrote last, by key: its own writes coming back start no pass. */
  const written = new Map<string, string>();

  async function loadState(): Promise<State> {
    if (state) return state;
    let stored: unknown;
    try {
      stored = (await deps.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY];
    } catch {
      stored = undefined;
    }
    const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<State>;
    const fresh = typeof s.deviceId !== 'string' || s.deviceId === '';
    state = {
      enabled: s.enabled === true,
      deviceId: fresh ? newDeviceId() : s.deviceId!,
      ...(typeof s.resetSeen === 'string' ? { resetSeen: s.resetSeen } : {}),
      ...(typeof s.clock === 'number' ? { clock: s.clock } : {}),
      ...(s.status ? { status: { ...NO_STATUS, ...s.status } } : {}),
    };
    deps.clock.setDevice(state.deviceId);
    if (state.clock) deps.clock.observe(state.clock);
    if (fresh) await saveState();
    return state;
  }

  async function saveState(): Promise<void> {
    if (!state) return;
    state.clock = deps.clock.last();
    try {
      await deps.local.set({ [SYNC_STATE_KEY]: state });
    } catch {
      // The local storage refused: the state lives on in memory until the next try.
    }
  }

  async function setStatus(change: Partial<Omit<SyncStatus, 'enabled' | 'quota'>>) {
    const s = await loadState();
    const next = { ...NO_STATUS, ...s.status, ...change };
    if (change.problem === null) delete next.detail;
    s.status = next;
    await saveState();
  }

  function statusOf(s: State): SyncStatus {
    return { ...NO_STATUS, ...s.status, enabled: s.enabled, quota: SYNC_QUOTA.bytes };
  }

  /** The first moment `count` more writes stay within the budget. */
  function allowedAt(count: number): number {
    const t = now();
    while (writes.length > 0 && writes[0]! <= t - HOUR) writes.shift();
    let at = t;
    const inMinute = writes.filter((w) => w > t - MINUTE);
    if (inMinute.length + count > WRITE_BUDGET.perMinute)
      at = Math.max(at, inMinute[inMinute.length - WRITE_BUDGET.perMinute + count]! + MINUTE);
    if (writes.length + count > WRITE_BUDGET.perHour)
      at = Math.max(at, writes[writes.length - WRITE_BUDGET.perHour + count]! + HOUR);
    return at;
  }

  /** Runs `fn` after every pass started before it. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = chain.then(fn);
    chain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /**
   * Asks for a pass in `delay` ms: a later ask moves it back, never past `maxWait` after the
   * first ask it waits for.
   */
  function schedule(delay: number, maxWait = MAX_WAIT_MS): void {
    const t = now();
    if (!scheduled) firstWaiting = t;
    scheduled = true;
    const due = Math.min(t + delay, firstWaiting + maxWait);
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, due - t));
  }

  function fire(): void {
    timer = null;
    const wait = allowedAt(2) - now();
    if (wait > 0) {
      timer = setTimeout(fire, wait);
      return;
    }
    scheduled = false;
    void serial(guardedPass);
  }

  /** Writes `fn`'s storage call, counted against the budget. */
  async function write(fn: () => Promise<void>): Promise<void> {
    writes.push(now());
    await fn();
  }

  /** A pass whose failure (the store's, say) shows in the status instead of being lost. */
  async function guardedPass(): Promise<void> {
    try {
      await pass();
    } catch (error) {
      await setStatus(problemOf(error)).catch(() => undefined);
    }
  }

  /** One pass: read, merge, write back what changed (see the module comment). */
  async function pass(): Promise<void> {
    const s = await loadState();
    if (!s.enabled) return;
    let items: Record<string, unknown>;
    try {
      items = await deps.area.get(null);
    } catch (error) {
      return setStatus(problemOf(error));
    }
    const ours = Object.fromEntries(Object.entries(items).filter(([key]) => isOurs(key)));
    const decoded = decodeShards(ours);
    const reset = decoded.meta?.reset;
    if (reset !== undefined && reset !== s.resetSeen) {
      // Another browser removed Citecast's data: this one stops, and deletes nothing.
      s.enabled = false;
      s.resetSeen = reset;
      return setStatus({ problem: 'reset' });
    }
    const days = await deps.tombstoneDays();
    const remote = foldSummary(decoded.summary);
    const outcome = await deps.run(async (store) => {
      const { library, codes } = await readLocal(store);
      const local = summarize(library, codes);
      const merged = pruneSummary(mergeSummaries(local, remote), now(), days);
      deps.clock.observe(latestStamp(merged));
      const { history, unknown } = changesFor(merged, local, codes, decoded.keys);
      const changes = await applyHistory(store, history);
      // Papers synced before a page here showed them get their titles once one has.
      const untitled = library.papers.filter((p) => p.title === null).map((p) => p.key);
      const fill = await fillFromCatalog(store, untitled);
      return {
        value: { merged, codes, unknown, untitled: fill.untitled },
        changes: [...changes, ...fill.changes],
      };
    });
    waitingForPages = outcome.unknown + outcome.untitled > 0;
    if (decoded.newer) return setStatus({ problem: 'newer', waiting: outcome.unknown });
    if (decoded.corrupt.length > 0)
      return setStatus({ problem: 'corrupt', waiting: outcome.unknown });
    const keys = new Map(decoded.keys);
    for (const [code, key] of outcome.codes.papers) keys.set(code, key);
    const meta: Meta = { v: SYNC_FORMAT, ...(reset !== undefined ? { reset } : {}) };
    const fitted = fitSummary(outcome.merged, keys, meta);
    const toSet: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fitted.items)) {
      if (JSON.stringify(ours[key]) !== JSON.stringify(value)) toSet[key] = value;
    }
    const toRemove = Object.keys(ours).filter((key) => !(key in fitted.items));
    try {
      if (Object.keys(toSet).length > 0) {
        for (const [key, value] of Object.entries(toSet)) written.set(key, JSON.stringify(value));
        await write(() => deps.area.set(toSet));
      }
      // Shards no longer needed go after the new ones are in: a reader never misses an entry.
      if (toRemove.length > 0) await write(() => deps.area.remove(toRemove));
    } catch (error) {
      const failed = problemOf(error);
      if (failed.problem === 'quota') schedule(RETRY_MS, RETRY_MS);
      return setStatus(failed);
    }
    await setStatus({
      bytes: fitted.bytes,
      lastSync: now(),
      leftOut: leftOutOf(fitted.leftOut),
      waiting: outcome.unknown,
      problem: null,
    });
  }

  return {
    async start() {
      const s = await loadState();
      if (s.enabled) schedule(REMOTE_DELAY_MS);
    },
    localChanged(changes, request) {
      if (!state?.enabled) return;
      // A pass already waiting takes the position along; else one within a minute does.
      if (request === 'recordProgress') {
        if (!scheduled) schedule(PROGRESS_WAIT_MS, PROGRESS_WAIT_MS);
        return;
      }
      // New episodes may be what synced listens and untitled papers were waiting for.
      const relevant = changes.some((c) => c.kind !== 'episodes' || waitingForPages);
      if (relevant) schedule(DEBOUNCE_MS);
    },
    storageChanged(changes, area) {
      if (area !== 'sync' || !state?.enabled) return;
      const theirs = Object.entries(changes).some(
        ([key, change]) =>
          isOurs(key) &&
          (change.newValue === undefined || written.get(key) !== JSON.stringify(change.newValue)),
      );
      if (theirs) schedule(REMOTE_DELAY_MS);
    },
    async status() {
      return statusOf(await loadState());
    },
    setEnabled(on) {
      return serial(async () => {
        const s = await loadState();
        if (!on) {
          s.enabled = false;
          if (timer !== null) clearTimeout(timer);
          timer = null;
          scheduled = false;
          await saveState();
          return statusOf(s);
        }
        // Turning on accepts any reset another browser made before.
        let meta: Meta | null;
        try {
          meta = decodeShards(await deps.area.get(null)).meta;
        } catch (error) {
          await setStatus(problemOf(error));
          return statusOf(s);
        }
        s.enabled = true;
        if (meta?.reset !== undefined) s.resetSeen = meta.reset;
        await setStatus({ problem: null });
        await guardedPass();
        return statusOf(s);
      });
    },
    clear() {
      return serial(async () => {
        const s = await loadState();
        s.enabled = false;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        scheduled = false;
        const reset = newDeviceId();
        try {
          const keys = Object.keys(await deps.area.get(null)).filter(
            (key) => isOurs(key) && key !== META_KEY,
          );
          // The mark first: a browser reading in between sees a reset, never missing entries.
          const meta: Meta = { v: SYNC_FORMAT, reset };
          written.set(META_KEY, JSON.stringify(meta));
          await write(() => deps.area.set({ [META_KEY]: meta }));
          if (keys.length > 0) await write(() => deps.area.remove(keys));
        } catch (error) {
          await setStatus(problemOf(error));
          return statusOf(s);
        }
        s.resetSeen = reset;
        await setStatus({ ...NO_STATUS });
        return statusOf(s);
      });
    },
    async idle() {
      let current: Promise<void>;
      do {
        current = chain;
        await current;
      } while (current !== chain);
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
