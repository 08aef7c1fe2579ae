/**
 * The library's benchmarks for `npm run bench` (called from scripts/bench.ts with its helpers):
 * 10,000 saved papers and 2,000 episodes with citations and listens in fake-indexeddb, the
 * background's library copy and search index, each figure beside a baseline in the same run.
 *
 * - `library.index_build_ms`: building the MiniSearch index of every saved paper (with its
 *   citing episodes' titles) from the copy in memory, beside reading all papers from IndexedDB.
 * - `library.copy_build_ms`: reading the whole library into the copy (what the first query after
 *   the service worker started pays), and `library.first_page_cold_ms`, the popup's first
 *   queries then.
 * - `library.first_page_ms`: the popup's first queries (the first 50 saved papers, newest first,
 *   and the 10 recent listens) with the copy built; `library.search_ms`: a two-word search with
 *   one operator, and `library.keystroke_max_ms`, the slowest of that search typed one character
 *   at a time; all beside one raw IndexedDB `getAll` of the papers.
 */
import type { Backup } from '@/lib/store/backup/format';
import { importBackup } from '@/lib/store/backup/backup';
import type { Store } from '@/lib/store/db';
import { LibraryCache, paperDocument } from '@/lib/store/library-cache';
import { LIBRARY_HANDLERS } from '@/entrypoints/background/handlers/library';
import { PaperSearch } from '@/lib/search/index';
import type { PaperQuery } from '@/lib/store/library/types';

/** The timed part of an async measurement, with untimed set-up before each run. */
interface AsyncRun {
  prepare?: () => Promise<void>;
  run: () => Promise<void>;
}

/** What bench.ts lends this file. */
export interface LibraryBenchHelpers {
  buildBackup: (papers: number, episodes: number) => Backup;
  sideBySideAsync: (runs: AsyncRun[], rounds?: number, warmup?: number) => Promise<number[]>;
  print: (name: string, value: number, unit: string, digits?: number) => void;
  emptyStore: () => Promise<Store>;
  dropStore: (store: Store) => Promise<void>;
}

const WORDS = [
  'memory',
  'attention',
  'cache',
  'sparse',
  'retrieval',
  'diffusion',
  'agents',
  'reasoning',
  'quantization',
  'mixture',
  'experts',
  'scaling',
  'alignment',
  'tokenizer',
  'latent',
  'graph',
  'vision',
  'speech',
  'kernel',
  'compiler',
  'pooling',
  'routing',
  'distillation',
  'pruning',
  'streaming',
  'context',
  'recurrent',
  'state',
  'space',
  'models',
  'training',
  'inference',
  'benchmark',
  'robust',
  'efficient',
  'language',
  'learning',
];

/** Five words picked from `i`, so titles differ the way real ones do. */
function title(i: number): string {
  const w = (k: number) => WORDS[k % WORDS.length]!;
  const first = w(i);
  return `${first[0]!.toUpperCase()}${first.slice(1)} ${w(i * 7 + 3)} ${w(i * 13 + 5)} for ${w(i * 17 + 11)} ${w(i * 19 + 2)}`;
}

/** The bench backup with varied titles, years, tags, read states and listens. */
export function libraryBackup(
  helpers: LibraryBenchHelpers,
  papers: number,
  episodes: number,
): Backup {
  const backup = helpers.buildBackup(papers, episodes);
  backup.papers = backup.papers.map((p, i) => ({
    ...p,
    title: title(i),
    year: 2015 + (i % 12),
    tags: [...(i % 3 === 0 ? ['memory'] : []), ...(i % 5 === 0 ? ['to-read'] : [])],
    readState: i % 4 === 0 ? 'read' : i % 4 === 1 ? 'reading' : 'unread',
  }));
  backup.episodes = backup.episodes.map((e, i) => ({
    ...e,
    title: `Episode ${i}: ${title(i * 3 + 1)}`,
  }));
  backup.listens = backup.listens.map((l, i) =>
    i % 2 === 0
      ? {
          ...l,
          status: 'completed' as const,
          completedAt: new Date(Date.UTC(2025, 6, 1) + i * 3600_000).toISOString(),
        }
      : l,
  );
  return backup;
}

const FIRST_PAGE: PaperQuery = {
  text: '',
  sort: 'saved',
  direction: 'desc',
  tag: null,
  readState: null,
  year: null,
  episodeKey: null,
  offset: 0,
  limit: 50,
};

const SEARCH_TEXT = 'sparse cache y:>2020';

/** Runs the library benchmarks and prints their figures. */
export async function benchLibrary(helpers: LibraryBenchHelpers): Promise<void> {
  const { print, sideBySideAsync } = helpers;
  const PAPERS = 10_000;
  const EPISODES = 2_000;
  const store = await helpers.emptyStore();
  const imported = await importBackup(
    store,
    JSON.stringify(libraryBackup(helpers, PAPERS, EPISODES)),
  );
  if (!imported.ok) throw new Error(`the library bench backup was refused: ${imported.reason}`);
  const library = new LibraryCache({ prewarm: false });
  const ctx = { store, library, sender: { kind: 'extension' as const, url: null } };

  /** The popup's first two requests, as it sends them. */
  const firstPage = async () => {
    const [papers, listens] = await Promise.all([
      LIBRARY_HANDLERS.queryPapers(ctx, FIRST_PAGE),
      LIBRARY_HANDLERS.recentListens(ctx, { limit: 10 }),
    ]);
    if (!papers.result.ok || papers.result.value.rows.length !== 50) {
      throw new Error('the first page did not hold 50 papers');
    }
    if (papers.result.value.total !== PAPERS) {
      throw new Error(`the first page counted ${papers.result.value.total} papers`);
    }
    if (!listens.result.ok || listens.result.value.length !== 10) {
      throw new Error('the recent listens did not hold 10 listens');
    }
  };
  let rawCount = 0;
  const rawGetAll: AsyncRun = {
    run: async () => {
      rawCount = (await store.db.getAll('papers')).length;
    },
  };

  // The copy from scratch (a service worker just started), and the first page on it.
  let copyPapers = 0;
  const [copyMs, coldMs, rawColdMs] = await sideBySideAsync(
    [
      {
        prepare: async () => library.clear(),
        run: async () => {
          copyPapers = (await library.read(store)).papers.size;
        },
      },
      { prepare: async () => library.clear(), run: firstPage },
      rawGetAll,
    ],
    7,
    1,
  );
  if (copyPapers !== PAPERS) throw new Error(`the copy holds ${copyPapers} papers`);
  if (rawCount !== PAPERS) throw new Error(`getAll read ${rawCount} papers`);

  // The search index, from the copy in memory.
  const state = await library.read(store);
  let indexed = 0;
  const [indexMs, readAllMs] = await sideBySideAsync(
    [
      {
        run: async () => {
          const docs = [...state.papers.values()].map((p) =>
            paperDocument(
              p,
              [...(state.citedBy.get(p.key) ?? [])].map(
                (k) => state.episodes.get(k)?.title ?? null,
              ),
            ),
          );
          indexed = new PaperSearch(docs).size;
        },
      },
      rawGetAll,
    ],
    5,
    1,
  );
  if (indexed !== PAPERS) throw new Error(`the index holds ${indexed} papers`);

  // With the copy and its index built: the popup's first page and a search.
  state.search();
  let found = 0;
  const search = (text: string) => async () => {
    const page = await LIBRARY_HANDLERS.queryPapers(ctx, {
      ...FIRST_PAGE,
      text,
      sort: 'relevance',
    });
    if (!page.result.ok) throw new Error(`the search ${text} failed`);
    found = page.result.value.total;
  };
  const [firstMs, searchMs, rawMs] = await sideBySideAsync(
    [{ run: firstPage }, { run: search(SEARCH_TEXT) }, rawGetAll],
    15,
    3,
  );
  if (found === 0 || found >= PAPERS) throw new Error(`the search found ${found} papers`);
  const searchFound = found;
  const prefixes = Array.from({ length: SEARCH_TEXT.length }, (_, i) =>
    SEARCH_TEXT.slice(0, i + 1),
  );
  const keystrokes = await sideBySideAsync(
    prefixes.map((p) => ({ run: search(p) })),
    7,
    1,
  );
  const slowest = Math.max(...keystrokes);
  const slowestText = prefixes[keystrokes.indexOf(slowest)]!;
  if (library.status().builds === 0) throw new Error('the copy was never built');
  await helpers.dropStore(store);

  print('library.papers', PAPERS, 'papers', 0);
  print('library.episodes', EPISODES, 'episodes', 0);
  print('library.copy_build_ms', copyMs, 'ms');
  print('library.first_page_cold_ms', coldMs, 'ms');
  print('baseline.library_get_all_cold_ms', rawColdMs, 'ms');
  print('library.index_build_ms', indexMs, 'ms');
  print('baseline.library_read_all_papers_ms', readAllMs, 'ms');
  print('library.first_page_ms', firstMs, 'ms (target < 100)');
  print(
    'library.search_ms',
    searchMs,
    `ms (${JSON.stringify(SEARCH_TEXT)}, ${searchFound} found; target < 16)`,
  );
  print('library.keystroke_max_ms', slowest, `ms (at ${JSON.stringify(slowestText)}; target < 16)`);
  print('baseline.library_get_all_ms', rawMs, 'ms');
  print('library.first_page_vs_get_all', firstMs / rawMs, 'x');
  print('library.search_vs_get_all', searchMs / rawMs, 'x');
}

/**
 * `library.import_40k_*`: importing a library file of 40,000 entries (BibTeX as Zotero writes
 * it, and CSL-JSON) into an empty store, chunk by chunk as the library page has it done,
 * beside its baseline: raw IndexedDB puts of the same 40,000 paper records in one transaction.
 * `library.import_40k_*_read_ms` is the reading alone (the dry run), and `*_write_ratio` the
 * import less that reading beside the raw puts: what merging chunk by chunk costs over them.
 */
export async function benchLibraryImport(helpers: LibraryBenchHelpers): Promise<void> {
  const { print, sideBySideAsync } = helpers;
  const { dryRunLibrary, importLibrary } = await import('@/lib/export/library-import');
  const ENTRIES = 40_000;
  const bibtex = Array.from(
    { length: ENTRIES },
    (_, i) =>
      `@article{paper${i},\n\ttitle = {A {Study} of ${WORDS[i % WORDS.length]} number ${i}},\n` +
      `\tauthor = {M{\\"u}ller, Hans and Doe, Jane},\n\tjournal = {Journal of Things},\n` +
      `\tyear = {${2000 + (i % 25)}},\n\tdoi = {10.1000/bench.${i}},\n` +
      `\tkeywords = {${WORDS[(i + 3) % WORDS.length]}, bench},\n` +
      `\tabstract = {${'We study things at some length. '.repeat(20)}},\n}\n`,
  ).join('\n');
  const csl = JSON.stringify(
    Array.from({ length: ENTRIES }, (_, i) => ({
      id: `paper${i}`,
      type: 'article-journal',
      title: `A study of ${WORDS[i % WORDS.length]} number ${i}`,
      author: [
        { family: 'Müller', given: 'Hans' },
        { family: 'Doe', given: 'Jane' },
      ],
      issued: { 'date-parts': [[2000 + (i % 25)]] },
      DOI: `10.1000/bench.${i}`,
      keyword: 'bench',
    })),
  );
  for (const [format, text] of [
    ['bibtex', bibtex],
    ['csl-json', csl],
  ] as const) {
    // The records the import writes, for the baseline: the same papers, put raw.
    const scratch = await helpers.emptyStore();
    await importLibrary(scratch, text, format);
    const records = await scratch.db.getAll('papers');
    await helpers.dropStore(scratch);
    if (records.length !== ENTRIES) throw new Error(`the ${format} import wrote ${records.length}`);
    let importStore: Store | null = null;
    let rawStore: Store | null = null;
    let added = 0;
    const [importMs, rawMs, readMs] = await sideBySideAsync(
      [
        {
          prepare: async () => {
            if (importStore) await helpers.dropStore(importStore);
            importStore = await helpers.emptyStore();
          },
          run: async () => {
            const result = await importLibrary(importStore!, text, format);
            added = result.ok ? result.report.added : 0;
          },
        },
        {
          prepare: async () => {
            if (rawStore) await helpers.dropStore(rawStore);
            rawStore = await helpers.emptyStore();
          },
          run: async () => {
            const tx = rawStore!.db.transaction('papers', 'readwrite');
            await Promise.all(records.map((r) => tx.store.put(r)));
            await tx.done;
          },
        },
        {
          run: async () => {
            const result = dryRunLibrary(text, format);
            if (!result.ok || result.papers.length !== ENTRIES) throw new Error('dry run failed');
          },
        },
      ],
      3,
      1,
    );
    if (added !== ENTRIES) throw new Error(`the ${format} import added ${added} of ${ENTRIES}`);
    const name = format === 'csl-json' ? 'csljson' : format;
    print(`library.import_40k_${name}_ms`, importMs!, 'ms');
    print(
      `library.import_40k_${name}_raw_put_ms`,
      rawMs!,
      'ms (baseline: the same records put raw)',
    );
    print(`library.import_40k_${name}_ratio`, importMs! / rawMs!, 'x raw put (aim < 2)');
    print(`library.import_40k_${name}_read_ms`, readMs!, 'ms (reading alone, no store)');
    print(
      `library.import_40k_${name}_write_ratio`,
      (importMs! - readMs!) / rawMs!,
      'x raw put: the import less its reading, beside the same records put raw (aim < 2)',
    );
  }
}
