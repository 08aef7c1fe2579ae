/**
 * Sync's sizes: bytes per 1,000 heard episodes and per 1,000 saved papers in the sync format,
 * beside the same records as plain JSON; whether 2,000 heard and 2,000 saved papers with read
 * state fit the quota; the time to summarise and fit the bench library, beside a plain
 * JSON encoding of the same records from the same run; and the time of a sync pass's merge of
 * the full bench library into a store holding an older copy of it, beside a restore merge of the
 * same newer copy (a backup import in merge mode) in the same run.
 */
import { importBackup } from '@/lib/store/backup/backup';
import type { Backup } from '@/lib/store/backup/format';
import type { Store } from '@/lib/store/db';
import type { ListenRecord, PaperRecord } from '@/lib/store/schema';
import type { Summary } from '@/lib/sync/codec';
import { changesFor, fitSummary, mergeSummaries, summarize, SYNC_QUOTA } from '@/lib/sync/engine';
import { applyHistory, readLocal } from '@/lib/sync/store';

/** The timed part of an async measurement, with untimed set-up before each run. */
interface AsyncRun {
  prepare?: () => Promise<void>;
  run: () => Promise<void>;
}

/** What the sync bench needs from the main bench. */
export interface SyncBenchKit {
  buildBackup: (papers: number, episodes: number) => Backup;
  sideBySide: (fns: Array<() => void>, rounds?: number, warmup?: number) => number[];
  sideBySideAsync: (runs: AsyncRun[], rounds?: number, warmup?: number) => Promise<number[]>;
  print: (name: string, value: number, unit: string, digits?: number) => void;
  emptyStore: () => Promise<Store>;
  dropStore: (store: Store) => Promise<void>;
}

const T0 = Date.UTC(2025, 0, 1);
const HOUR = 3600_000;

function heard(n: number): ListenRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const at = T0 + i * 5 * HOUR + (i % 7) * 61_000;
    return {
      episodeKey: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(i).padStart(4, '0')}-an-episode-stem-about-as-long-as-the-shows-real-ones`,
      state: 'heard',
      manual: true,
      position: 0,
      duration: 1800,
      heardAt: at,
      playedSeconds: 1700,
      modified: {
        state: at,
        manual: at,
        heardAt: at,
        position: at,
        duration: at,
        playedSeconds: at,
      },
    };
  });
}

function saved(n: number): PaperRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const at = T0 + i * 5 * HOUR + 997;
    const id = `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10_000 + i).padStart(5, '0')}`;
    return {
      key: `arxiv:${id}`,
      title: 'A paper',
      authors: [],
      year: 2025,
      arxivId: id,
      doi: null,
      urls: [],
      pdfUrl: null,
      savedAt: at,
      savedFrom: null,
      readState: i % 3 === 0 ? 'read' : i % 3 === 1 ? 'reading' : 'unread',
      tags: [],
      note: '',
      modified: { savedAt: at, readState: at + (i % 3) * 26 * HOUR },
    };
  });
}

const codes = () => ({ episodes: new Map<string, string>(), papers: new Map<string, string>() });

/** The papers with every change an hour later: another browser's newer copy. */
function newer(papers: readonly PaperRecord[]): PaperRecord[] {
  return papers.map((p) => ({
    ...p,
    modified: Object.fromEntries(Object.entries(p.modified).map(([k, t]) => [k, t + HOUR])),
  }));
}

/**
 * A sync pass's merge against a restore's: the full bench library merged, as synced shards and as
 * a backup file, into a store holding the older copy.
 */
async function benchMerge(kit: SyncBenchKit, backup: Backup): Promise<void> {
  const { sideBySideAsync, print, emptyStore, dropStore } = kit;
  const file = JSON.stringify(backup);
  const filled = async () => {
    const store = await emptyStore();
    const result = await importBackup(store, file);
    if (!result.ok) throw new Error(`the bench backup was refused: ${result.reason}`);
    return store;
  };
  const newerFile = JSON.stringify({ ...backup, papers: newer(backup.papers) });
  let remote: Summary;
  {
    const store = await filled();
    const { library, codes } = await readLocal(store);
    remote = summarize({ ...library, papers: newer(library.papers) }, codes);
    await dropStore(store);
  }
  let syncStore: Store | null = null;
  let restoreStore: Store | null = null;
  let applied = 0;
  const [syncMs, restoreMs] = await sideBySideAsync(
    [
      {
        prepare: async () => {
          if (syncStore) await dropStore(syncStore);
          syncStore = await filled();
        },
        run: async () => {
          const { library, codes } = await readLocal(syncStore!);
          const local = summarize(library, codes);
          const merged = mergeSummaries(local, remote);
          const { history } = changesFor(merged, local, codes, new Map());
          await applyHistory(syncStore!, history);
          applied = history.papers.length;
        },
      },
      {
        prepare: async () => {
          if (restoreStore) await dropStore(restoreStore);
          restoreStore = await filled();
        },
        run: async () => {
          const result = await importBackup(restoreStore!, newerFile, undefined, 'merge');
          if (!result.ok) throw new Error(`the newer backup was refused: ${result.reason}`);
        },
      },
    ],
    5,
    1,
  );
  if (syncStore) await dropStore(syncStore);
  if (restoreStore) await dropStore(restoreStore);
  print('sync.merge_papers', applied, 'papers', 0);
  print('sync.merge_full_library_ms', syncMs!, 'ms');
  print('baseline.restore_merge_full_library_ms', restoreMs!, 'ms');
  print('sync.merge_vs_restore', syncMs! / restoreMs!, 'x', 2);
}

/** Runs the sync bench (see the module comment). */
export async function benchSync(kit: SyncBenchKit): Promise<void> {
  const { buildBackup, sideBySide, print } = kit;
  const listens = heard(1000);
  const papers = saved(1000);
  const none = { papers: [], listens: [], tombstones: [] };
  const heardBytes = fitSummary(summarize({ ...none, listens }, codes()), new Map()).bytes;
  const savedBytes = fitSummary(summarize({ ...none, papers }, codes()), new Map()).bytes;
  print('sync.bytes_per_1000_heard', heardBytes / 1024, 'KB');
  print('baseline.json_per_1000_heard', JSON.stringify(listens).length / 1024, 'KB');
  print('sync.bytes_per_1000_saved', savedBytes / 1024, 'KB');
  print('baseline.json_per_1000_saved', JSON.stringify(papers).length / 1024, 'KB');
  const both = fitSummary(
    summarize({ listens: heard(2000), papers: saved(2000), tombstones: [] }, codes()),
    new Map(),
  );
  print('sync.2000_heard_2000_saved_kb', both.bytes / 1024, 'KB');
  print(
    'sync.2000_heard_2000_saved_fit',
    both.leftOut.l + both.leftOut.p === 0 ? 1 : 0,
    '(1 = all fit)',
    0,
  );
  print('sync.quota_kb', SYNC_QUOTA.bytes / 1024, 'KB', 0);
  const backup = buildBackup(5_000, 1_000);
  const library = {
    papers: backup.papers,
    listens: heard(1000),
    tombstones: backup.tombstones ?? [],
  };
  const fitted = fitSummary(summarize(library, codes()), new Map());
  print('sync.bench_library_kb', fitted.bytes / 1024, 'KB');
  const [syncMs, jsonMs] = sideBySide(
    [
      () => void fitSummary(summarize(library, codes()), new Map()),
      () => void JSON.parse(JSON.stringify(library)),
    ],
    5,
    1,
  );
  print('sync.summarize_fit_ms', syncMs!, 'ms');
  print('baseline.json_roundtrip_ms', jsonMs!, 'ms');
  await benchMerge(kit, backup);
}
