/**
 * The popup's first screen as it was when the popup last showed it: the settings it was drawn
 * with (language, theme) and its recent saves. The popup draws this at once, in the task that
 * loads it, and replaces it with the background's answer a moment later.
 *
 * Why: the popup's own loading takes about 80 ms in Chromium. Asking the settings and then the
 * background costs another 20–50 ms (a service worker that was stopped must start first). With
 * 10,000 papers, the first render should stay under 100 ms. The snapshot is a cache,
 * never the truth: the first answer replaces it, and the store stays in the background.
 *
 * It lives in the extension's own `localStorage`: synchronous, private to the extension's
 * origin, and never seen by web pages. A snapshot written by another version of Citecast is
 * ignored. "Delete all my data" clears it with everything else.
 */
import { settingsFrom, type Settings } from '@/lib/settings';
import type { RecentSaves } from '@/lib/store/library/recent-saves';

/** The `localStorage` key of the snapshot. */
export const POPUP_SNAPSHOT_KEY = 'citecast.popup.firstScreen';

/** What the popup draws before any answer. */
export interface PopupSnapshot {
  settings: Settings;
  recent: RecentSaves;
}

/** The part of `Storage` used here (tests pass a Map-backed one). */
export type SnapshotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The snapshot written by this `version` of Citecast, or `null`: none, another version's, or
 * anything unreadable (storage refused, bad JSON, the wrong shape).
 */
export function readPopupSnapshot(
  storage: SnapshotStorage | null,
  version: string,
): PopupSnapshot | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(POPUP_SNAPSHOT_KEY) ?? null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const stored = parsed as { version?: unknown; settings?: unknown; recent?: unknown };
  if (stored.version !== version) return null;
  const recent = stored.recent as { total?: unknown; rows?: unknown } | undefined;
  if (typeof recent !== 'object' || recent === null || !Array.isArray(recent.rows)) return null;
  if (recent.total !== null && typeof recent.total !== 'number') return null;
  const rowsOk = recent.rows.every(
    (row: unknown) =>
      typeof row === 'object' &&
      row !== null &&
      typeof (row as { paper?: { key?: unknown } }).paper?.key === 'string' &&
      typeof (row as { citedIn?: unknown }).citedIn === 'number' &&
      typeof (row as { citedInHeard?: unknown }).citedInHeard === 'number',
  );
  if (!rowsOk) return null;
  return {
    settings: settingsFrom(stored.settings),
    recent: recent as RecentSaves,
  };
}

/** Keeps `snapshot` for the next opening; a full or refused storage only loses the shortcut. */
export function writePopupSnapshot(
  storage: SnapshotStorage | null,
  version: string,
  snapshot: PopupSnapshot,
): void {
  try {
    storage?.setItem(POPUP_SNAPSHOT_KEY, JSON.stringify({ version, ...snapshot }));
  } catch {
    // Only the fast first render is lost; the popup still asks the background.
  }
}

/** The extension page's `localStorage`, or `null` where the browser refuses it. */
export function pageStorage(): SnapshotStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Forgets the snapshot (after "delete all my data"). */
export function clearPopupSnapshot(storage: SnapshotStorage | null): void {
  try {
    storage?.removeItem(POPUP_SNAPSHOT_KEY);
  } catch {
    // Nothing kept, or nothing can be: either way nothing is shown from it.
  }
}
