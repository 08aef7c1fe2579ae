/** Shared set-up for the store tests: a fresh fake IndexedDB, a store on a hand-set clock, sources. */
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type OpenStoreOptions, type Store } from '@/lib/store/db';
import type { PaperRecord } from '@/lib/store/schema';
import type { Source } from '@/lib/sources/types';

/** A clock the test sets by hand, so no test depends on real time. */
export interface TestClock {
  now: () => number;
  set(time: number): void;
}

/** A clock starting at `start` (epoch ms). */
export function testClock(start = Date.UTC(2026, 0, 1)): TestClock {
  let time = start;
  return {
    now: () => time,
    set(next: number) {
      time = next;
    },
  };
}

/** Replaces the global IndexedDB with an empty one. */
export function freshIndexedDb(): void {
  globalThis.indexedDB = new IDBFactory();
}

/** Opens a store on a fresh IndexedDB with `clock`. */
export async function openTestStore(
  clock: TestClock,
  options: OpenStoreOptions = {},
): Promise<Store> {
  return openStore({ name: 'citecast-test', now: clock.now, ...options });
}

/** A parsed source with sensible defaults for the fields a test does not care about. */
export function source(fields: Partial<Source>): Source {
  return {
    title: null,
    authors: [],
    year: null,
    url: null,
    kind: 'paper',
    arxivId: null,
    pdfUrl: null,
    arxivVersion: null,
    doi: null,
    episode: null,
    number: null,
    start: 0,
    end: 0,
    urlStart: null,
    urlEnd: null,
    ...fields,
  };
}

/** The arXiv source `id` at version `version`, as the parser gives it. */
export function arxivSource(id: string, title: string, version: number | null = null): Source {
  const v = version === null ? '' : `v${version}`;
  return source({
    title,
    url: `https://arxiv.org/abs/${id}${v}`,
    arxivId: id,
    arxivVersion: version,
    pdfUrl: `https://arxiv.org/pdf/${id}${v}`,
  });
}

/** A paper record as the store holds it, saved at `savedAt`, with `fields` over the defaults. */
export function paperRecord(
  key: string,
  savedAt: number | null,
  fields: Partial<PaperRecord> = {},
): PaperRecord {
  return {
    key,
    title: key,
    authors: [],
    year: 2025,
    arxivId: null,
    doi: null,
    urls: [],
    pdfUrl: null,
    savedAt,
    savedFrom: null,
    readState: 'unread',
    tags: [],
    note: '',
    modified: {},
    ...fields,
  };
}

/** A store on a fresh IndexedDB with a clock starting at `start`. */
export async function freshTestStore(start: number): Promise<{ clock: TestClock; store: Store }> {
  freshIndexedDb();
  const clock = testClock(start);
  return { clock, store: await openTestStore(clock) };
}
