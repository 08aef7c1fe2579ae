/**
 * The listening log: heard and unheard marks set by hand, and playback progress. A mark set by
 * hand always wins: progress keeps its position and played seconds but never changes its state.
 */
import type { Store } from '@/lib/store/db';
import { applyChanges, stampNew } from '@/lib/store/fields';
import { LISTEN_MERGE_RULES, mergeListens } from '@/lib/store/merge';
import { LISTEN_FIELDS, type ListenRecord, type ListenState } from '@/lib/store/schema';

export { LISTEN_MERGE_RULES, mergeListens };

/**
 * The default share of an episode's length that must really have been played (media seconds
 * that advanced while playing, not the position: seeking to the end is not listening) for it
 * to count as heard. Settings can change it (90 % by default).
 */
export const DEFAULT_HEARD_SHARE = 0.9;

/** A fresh listen of an episode nobody has played: unheard, automatic, at 0. */
export function newListen(episodeKey: string, now: number): ListenRecord {
  return stampNew<ListenRecord>(
    {
      episodeKey,
      state: 'unheard',
      manual: false,
      position: 0,
      duration: null,
      heardAt: null,
      playedSeconds: 0,
    },
    LISTEN_FIELDS,
    now,
  );
}

/** The listen of an episode, or `null` when it was never marked or played. */
export async function getListen(store: Store, episodeKey: string): Promise<ListenRecord | null> {
  return (await store.db.get('listens', episodeKey)) ?? null;
}

/** Runs `change` on the listen of `episodeKey` (a fresh one when missing) and stores it. */
async function updateListen(
  store: Store,
  episodeKey: string,
  change: (listen: ListenRecord, now: number) => ListenRecord,
): Promise<ListenRecord> {
  const now = store.now();
  const tx = store.db.transaction('listens', 'readwrite');
  const existing = await tx.store.get(episodeKey);
  const record = change(existing ?? newListen(episodeKey, now), now);
  if (record !== existing) await tx.store.put(record);
  await tx.done;
  return record;
}

/**
 * Marks an episode heard (`true`) or unheard (`false`) by hand. The mark wins over playback
 * progress until the next mark by hand. Marking heard keeps the first heard date.
 */
export function setHeard(store: Store, episodeKey: string, heard: boolean): Promise<ListenRecord> {
  return updateListen(store, episodeKey, (listen, now) =>
    applyChanges(
      listen,
      heard
        ? { state: 'heard', manual: true, heardAt: listen.heardAt ?? now }
        : { state: 'unheard', manual: true, heardAt: null },
      now,
    ),
  );
}

/** One report from a player. */
export interface ListeningProgress {
  /** Playback position, seconds. */
  position: number;
  /** Length, seconds, when the player knows it. */
  duration: number | null;
  /** Seconds played since the previous report. */
  playedSince: number;
}

/** The state playback gives, when no mark by hand holds: heard once enough was really played. */
function stateFromPlayback(
  playedSeconds: number,
  position: number,
  duration: number | null,
  heardShare: number,
): ListenState {
  if (duration !== null && duration > 0 && playedSeconds >= duration * heardShare) return 'heard';
  return position > 0 || playedSeconds > 0 ? 'in_progress' : 'unheard';
}

/**
 * Records playback progress: position, length and played seconds. Without a mark by hand, the
 * state follows (in progress, then heard near the end; once heard it stays heard).
 */
export function recordProgress(
  store: Store,
  episodeKey: string,
  progress: ListeningProgress,
  heardShare = DEFAULT_HEARD_SHARE,
): Promise<ListenRecord> {
  return updateListen(store, episodeKey, (listen, now) => {
    const duration = progress.duration ?? listen.duration;
    const playedSeconds = listen.playedSeconds + Math.max(0, progress.playedSince);
    const changes: Partial<Omit<ListenRecord, 'modified'>> = {
      position: Math.max(0, progress.position),
      duration,
      playedSeconds,
    };
    if (!listen.manual && listen.state !== 'heard') {
      const state = stateFromPlayback(playedSeconds, progress.position, duration, heardShare);
      changes.state = state;
      if (state === 'heard') changes.heardAt = now;
    }
    return applyChanges(listen, changes, now);
  });
}

/** The heard episodes' listens, most recently heard first, at most `limit`. */
export async function recentlyHeard(store: Store, limit = 50): Promise<ListenRecord[]> {
  const out: ListenRecord[] = [];
  if (limit <= 0) return out;
  const tx = store.db.transaction('listens', 'readonly');
  let cursor = await tx.store.index('byHeardAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}
