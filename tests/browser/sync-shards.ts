/**
 * The shards another browser would write into the sync storage, for the sync browser tests in
 * both browsers (chromium-sync.ts, firefox-sync.ts): built in Node by Citecast's own codec and
 * merge, the way that browser's Citecast would build them.
 */
import type { ListenRecord, PaperRecord } from '@/lib/store/schema.ts';
import { decodeShards, paperCode, SYNC_FORMAT } from '@/lib/sync/codec.ts';
import { fitSummary, foldSummary, mergeSummaries, summarize } from '@/lib/sync/engine.ts';

/** The fixture episode page's key (site-episode). */
export const SYNC_EPISODE = '2026-05-20-synthetic-episode-title-7cc949';
/** The paper the other browser saves and reads: the episode page's first source. */
export const SYNC_PAPER_A = 'arxiv:2501.00663';

/**
 * The items another browser writes after its own changes (at `at`): paper A saved and read,
 * the episode heard, paper `deleted` deleted, merged with what the sync storage held when it read.
 */
export function otherBrowserItems(
  seen: Record<string, unknown>,
  deleted: string,
  at: number,
): { items: Record<string, unknown>; remove: string[] } {
  const paper = {
    key: SYNC_PAPER_A,
    savedAt: at,
    savedFrom: null,
    readState: 'read',
    tags: [],
    note: '',
    modified: { savedAt: at, readState: at },
  } as unknown as PaperRecord;
  const listen = {
    episodeKey: SYNC_EPISODE,
    state: 'heard',
    manual: true,
    heardAt: at,
    position: 0,
    duration: null,
    playedSeconds: 0,
    modified: { state: at, manual: at, heardAt: at, position: at },
  } as unknown as ListenRecord;
  const own = summarize(
    {
      papers: [paper],
      listens: [listen],
      tombstones: [{ kind: 'papers', key: deleted, deletedAt: at }],
    },
    { episodes: new Map(), papers: new Map() },
  );
  const decoded = decodeShards(seen);
  const merged = mergeSummaries(foldSummary(decoded.summary), own);
  const keys = new Map([...decoded.keys, [paperCode(deleted), deleted]]);
  const fitted = fitSummary(merged, keys, decoded.meta ?? { v: SYNC_FORMAT });
  const remove = Object.keys(seen).filter((key) => !(key in fitted.items));
  return { items: fitted.items, remove };
}

/** The sync storage area in an extension page: `browser` in Firefox (promises), else `chrome`. */
type SyncArea = {
  storage: {
    sync: {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
    };
  };
};

/** Runs in an extension page: everything in the extension's sync storage. */
export async function readSyncStorage(): Promise<Record<string, unknown>> {
  const api =
    (globalThis as unknown as { browser?: SyncArea }).browser ??
    (globalThis as unknown as { chrome: SyncArea }).chrome;
  return api.storage.sync.get(null);
}

/** Runs in an extension page: writes `items`, then removes `remove`, as another browser would. */
export async function writeSyncStorage([items, remove]: readonly [
  Record<string, unknown>,
  string[],
]): Promise<void> {
  const api =
    (globalThis as unknown as { browser?: SyncArea }).browser ??
    (globalThis as unknown as { chrome: SyncArea }).chrome;
  await api.storage.sync.set(items);
  if (remove.length > 0) await api.storage.sync.remove(remove);
}
