/**
 * The arXiv cache's benchmark for `npm run bench` (called from scripts/bench.ts with its helpers):
 * `arxiv.cache_lookup_50_ms` is what a page of 50 title-only sources costs the background when
 * the page asks the cache (`readTitles`: one transaction, expiry checks) in a cache of 10,000
 * entries in fake-indexeddb, beside `baseline.arxiv_raw_get_50_ms`, 50 raw idb gets of the same
 * keys in one transaction, measured side by side in the same run. Target: under 5 ms.
 */
import { readTitles } from '@/lib/arxiv/cache';
import { titleCacheKey } from '@/lib/core/keys';
import type { Store } from '@/lib/store/db';
import type { ArxivTitleRecord } from '@/lib/store/schema';

/** The timed part of an async measurement, with untimed set-up before each run. */
interface AsyncRun {
  prepare?: () => Promise<void>;
  run: () => Promise<void>;
}

/** What bench.ts lends this file. */
export interface ArxivBenchHelpers {
  sideBySideAsync: (runs: AsyncRun[], rounds?: number, warmup?: number) => Promise<number[]>;
  print: (name: string, value: number, unit: string, digits?: number) => void;
  emptyStore: () => Promise<Store>;
  dropStore: (store: Store) => Promise<void>;
}

const ENTRIES = 10_000;
const PAGE = 50;

/** A cached lookup of the `i`th title: found, offered or not found, as lookups leave them. */
function record(i: number, now: number): ArxivTitleRecord {
  const key = titleCacheKey(`Benchmark paper number ${i} on memory layers and caches`)!;
  const outcome = i % 5 === 0 ? 'none' : i % 7 === 0 ? 'weak' : 'resolved';
  const id = `2501.${String(i).padStart(5, '0')}`;
  return {
    key,
    kind: 'title',
    outcome,
    confidence: outcome === 'resolved' ? 1 : outcome === 'weak' ? 0.8 : 0,
    entry:
      outcome === 'none'
        ? null
        : {
            arxivId: id,
            version: 1 + (i % 3),
            title: `Benchmark Paper Number ${i} on Memory Layers and Caches`,
            summary: 'An abstract of a few sentences. '.repeat(20),
            authors: ['Ada Example', 'Kari Nordmann', 'Ola Nordmann'],
            published: '2025-01-02T10:00:00Z',
            updated: '2025-03-04T10:00:00Z',
            pdfUrl: `https://arxiv.org/pdf/${id}v1`,
            absUrl: `https://arxiv.org/abs/${id}v1`,
            doi: null,
            journalRef: null,
            primaryCategory: 'cs.LG',
          },
    manual: i % 97 === 0,
    fetchedAt: now,
    ...(i % 97 === 0 ? {} : { expiresAt: now + 86_400_000 }),
  };
}

/** Runs the benchmark and prints its figures. */
export async function benchArxiv(helpers: ArxivBenchHelpers): Promise<void> {
  const { sideBySideAsync, print, emptyStore, dropStore } = helpers;
  const store = await emptyStore();
  const now = store.now();
  const tx = store.db.transaction('arxivCache', 'readwrite');
  await Promise.all(Array.from({ length: ENTRIES }, (_, i) => tx.store.put(record(i, now))));
  await tx.done;
  // A page: 40 titles in the cache, spread over it, and 10 never looked up.
  const keys = [
    ...Array.from({ length: 40 }, (_, i) => record(i * 250 + 3, now).key),
    ...Array.from({ length: PAGE - 40 }, (_, i) => titleCacheKey(`Never looked up ${i}`)!),
  ];
  let found = 0;
  let raw = 0;
  const [lookupMs, rawMs] = await sideBySideAsync(
    [
      {
        run: async () => {
          found = (await readTitles(store, keys)).size;
        },
      },
      {
        run: async () => {
          const read = store.db.transaction('arxivCache', 'readonly');
          const records = await Promise.all(keys.map((key) => read.store.get(key)));
          await read.done;
          raw = records.filter(Boolean).length;
        },
      },
    ],
    21,
    3,
  );
  if (found !== 40 || raw !== 40) {
    throw new Error(`the cache lookup found ${found}, the raw gets ${raw} (expected 40)`);
  }
  if ((await store.db.count('arxivCache')) !== ENTRIES) throw new Error('the cache lost entries');
  await dropStore(store);
  print('arxiv.cache_entries', ENTRIES, 'entries', 0);
  print('arxiv.cache_lookup_50_ms', lookupMs, 'ms (target < 5)');
  print('baseline.arxiv_raw_get_50_ms', rawMs, 'ms');
  print('arxiv.cache_lookup_vs_raw_get', lookupMs / rawMs, 'x');
}
