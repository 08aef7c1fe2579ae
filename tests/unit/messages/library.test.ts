/**
 * The popup's and library's requests through the background service on fake-indexeddb: paper
 * pages (search, operators, filters, sorts, facets, cited-in counts), details, unsave with undo,
 * the listening log and its edits, overlap, statistics, exports, recent listens, who may ask,
 * and the search index staying in step with every kind of write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RequestData, RequestType } from '@/lib/protocol/requests';
import type { Result, StoreChange } from '@/lib/core/result';
import { openStore, type Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { LibraryCache } from '@/lib/store/library-cache';
import type { PaperRecord } from '@/lib/store/schema';
import { createStoreService, type StoreService } from '@/entrypoints/background/router';
import type { PaperPage, PaperQuery } from '@/lib/store/library/types';
import { freshIndexedDb, testClock, type TestClock } from '@/tests/unit/store/helpers';
import { DB_NAME, popupSender, tabSender } from '@/tests/unit/messages/helpers';

const E1 = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const E2 = '2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f';
const E3 = '2026-04-01-mamba-in-the-llama-abcdef';
const A = 'arxiv:2501.00663';
const B = 'arxiv:1706.03762';
const C = 'arxiv:2511.20172';
const D = 'arxiv:2408.15237';

const T0 = Date.UTC(2026, 4, 1, 10);
const MIN = 60_000;

let clock: TestClock;
let library: LibraryCache;
let service: StoreService;
let changes: StoreChange[];
let opened: Store[];

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  clock = testClock(T0);
  library = new LibraryCache({ prewarm: false });
  changes = [];
  opened = [];
  service = createStoreService({
    open: async () => {
      const store = await openStore({ name: DB_NAME, now: clock.now });
      opened.push(store);
      return store;
    },
    persist: false,
    library,
    broadcast: async (change) => {
      changes.push(change);
    },
  });
});

afterEach(async () => {
  await service.close();
});

/** The value of a successful result; fails the test otherwise. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Asks as the library page. */
async function ask<K extends RequestType>(type: K, data: RequestData<K>) {
  return service.handle(type, data, popupSender());
}

/** The error code of a failed result, or `ok`. */
function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

/** A paper source of an episode's list. */
function paper(arxivId: string, title: string, authors: string[], year: number | null) {
  return {
    title,
    authors,
    year,
    url: `https://arxiv.org/abs/${arxivId}`,
    kind: 'paper' as const,
    arxivId,
    arxivVersion: null,
    doi: null,
    pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
    episode: null,
  };
}

const TITANS = paper(
  '2501.00663',
  'Titans: Learning to Memorize at Test Time',
  ['Ali Behrouz', 'Peilin Zhong'],
  2025,
);
const ATTENTION = paper(
  '1706.03762',
  'Attention Is All You Need',
  ['Ashish Vaswani', 'Noam Shazeer'],
  2017,
);
const BELUGA = paper(
  '2511.20172',
  'Beluga: A CXL-Based Memory Architecture for Scalable LLM KVCache',
  ['Xinjun Yang'],
  2025,
);
const MAMBA = paper(
  '2408.15237',
  'The Mamba in the Llama: Distilling and Accelerating Hybrid Models',
  ['Junxiong Wang'],
  2024,
);
const BLOG = {
  ...paper('0000.00000', 'A blog post', [], null),
  kind: 'other' as const,
  arxivId: null,
  pdfUrl: null,
  url: 'https://example.org/post',
};

/** Records an episode as a page would. */
async function record(stem: string, title: string, published: string, sources: unknown[]) {
  return valueOf(
    await service.handle(
      'recordEpisode',
      {
        episode: {
          title,
          published,
          duration: 1800,
          audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
          visualizationUrl: null,
          sources: sources as RequestData<'recordEpisode'>['episode']['sources'],
        },
        pageUrl: `https://podcast.do-not-panic.com/episodes/${stem}.html`,
      },
      tabSender(1, `https://podcast.do-not-panic.com/episodes/${stem}.html`),
    ),
  );
}

/** Saves a paper source as the page would. */
async function save(source: ReturnType<typeof paper>, episodeKey: string | null = null) {
  const { kind: _k, arxivVersion: _v, episode: _e, ...savable } = source;
  return valueOf(
    await service.handle('savePaper', { source: savable, episodeKey }, tabSender(1)),
  ) as PaperRecord;
}

/**
 * Three episodes and four papers: A (Titans, read, tag memory) cited by E1 and E3, B (Attention,
 * reading, tag transformers) cited by E1 and E2, C (Beluga) cited by E2, D (Mamba) cited by E3
 * and not saved. E1 heard at T0+30 min, E2 in progress since T0+40 min, E3 never played.
 */
async function seed(): Promise<void> {
  await record(E1, 'Titans: Learning to Memorize at Test Time', '2026-05-20', [
    TITANS,
    ATTENTION,
    BLOG,
  ]);
  clock.set(T0 + MIN);
  await record(E2, 'Beluga: CXL Memory Pooling for LLM KV Cache', '2026-05-27', [
    BELUGA,
    ATTENTION,
  ]);
  clock.set(T0 + 2 * MIN);
  await record(E3, 'Mamba in the Llama', '2026-04-01', [MAMBA, TITANS]);
  clock.set(T0 + 10 * MIN);
  await save(TITANS, E1);
  clock.set(T0 + 11 * MIN);
  await save(ATTENTION, E1);
  clock.set(T0 + 12 * MIN);
  await save(BELUGA, E2);
  valueOf(await ask('setReadState', { key: A, readState: 'read' }));
  valueOf(await ask('setReadState', { key: B, readState: 'reading' }));
  valueOf(await ask('setTags', { key: A, tags: ['memory'] }));
  valueOf(await ask('setTags', { key: B, tags: ['transformers'] }));
  clock.set(T0 + 30 * MIN);
  valueOf(await ask('setHeard', { episodeKey: E1, heard: true }));
  clock.set(T0 + 40 * MIN);
  valueOf(
    await service.handle(
      'recordProgress',
      { episodeKey: E2, position: 300, duration: 1800, playedSince: 300 },
      tabSender(1),
    ),
  );
  clock.set(T0 + 60 * MIN);
}

const DEFAULT_QUERY: PaperQuery = {
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

/** Queries papers with `fields` over the defaults. */
async function papers(fields: Partial<PaperQuery> = {}): Promise<PaperPage> {
  return valueOf(await ask('queryPapers', { ...DEFAULT_QUERY, ...fields }));
}

/** The keys of a papers page. */
async function keys(fields: Partial<PaperQuery> = {}): Promise<string[]> {
  return (await papers(fields)).rows.map((r) => r.paper.key);
}

describe('who may ask', () => {
  const payloads: { [K in RequestType]?: RequestData<K> } = {
    queryPapers: DEFAULT_QUERY,
    paperDetail: { key: A },
    unsavePapers: { keys: [A] },
    restorePapers: { papers: [] },
    queryEpisodes: { filter: 'all', text: '', offset: 0, limit: 10 },
    episodeDetail: { key: E1 },
    setHeardAt: { episodeKey: E1, heardAt: T0 },
    deleteListen: { episodeKey: E1 },
    setEpisodeNote: { key: E1, note: 'x' },
    overlapEpisodes: { limit: 10 },
    stats: {},
    exportPapers: { keys: [C], format: 'bibtex' },
    recentListens: { limit: 10 },
  };

  it('refuses every library request from a content script, and changes nothing', async () => {
    await seed();
    changes.length = 0;
    for (const [type, data] of Object.entries(payloads)) {
      const result = await service.handle(type, data, tabSender(3, 'https://podimo.com/no/x'));
      expect(codeOf(result), type).toBe('forbidden');
    }
    await service.idle();
    expect(changes).toEqual([]);
    expect(await keys()).toEqual([C, B, A]);
  });

  it('answers every library request from the extension’s pages', async () => {
    await seed();
    for (const [type, data] of Object.entries(payloads)) {
      const result = await service.handle(type, data, popupSender());
      expect(codeOf(result), type).toBe('ok');
    }
  });

  it('refuses malformed payloads as invalid', async () => {
    expect(codeOf(await ask('queryPapers', { ...DEFAULT_QUERY, limit: 0 }))).toBe('invalid');
    expect(codeOf(await ask('queryPapers', { ...DEFAULT_QUERY, sort: 'random' as 'saved' }))).toBe(
      'invalid',
    );
    expect(codeOf(await ask('setHeardAt', { episodeKey: E1, heardAt: -1 }))).toBe('invalid');
    expect(codeOf(await ask('exportPapers', { keys: [A], format: 'docx' as 'ris' }))).toBe(
      'invalid',
    );
  });
});

describe('queryPapers', () => {
  beforeEach(seed);

  it('pages every saved paper, newest saved first, with cited-in counts and facets', async () => {
    const page = await papers();
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => [r.paper.key, r.citedIn, r.citedInHeard])).toEqual([
      [C, 1, 0],
      [B, 2, 1],
      [A, 2, 1],
    ]);
    expect(page.tags).toEqual([
      { tag: 'memory', count: 1 },
      { tag: 'transformers', count: 1 },
    ]);
    expect(page.years).toEqual([2025, 2017]);
    expect(await keys({ direction: 'asc' })).toEqual([A, B, C]);
    expect(await keys({ offset: 1, limit: 1 })).toEqual([B]);
    expect((await papers({ offset: 5 })).rows).toEqual([]);
    // The answer crosses a JSON message channel unchanged.
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });

  it('sorts by title, year, read state and cited count, both ways', async () => {
    expect(await keys({ sort: 'title', direction: 'asc' })).toEqual([B, C, A]);
    expect(await keys({ sort: 'title', direction: 'desc' })).toEqual([A, C, B]);
    // Ties (A and C are both 2025) fall back to newest saved first.
    expect(await keys({ sort: 'year', direction: 'asc' })).toEqual([B, C, A]);
    expect(await keys({ sort: 'year', direction: 'desc' })).toEqual([C, A, B]);
    expect(await keys({ sort: 'read', direction: 'asc' })).toEqual([C, B, A]);
    expect(await keys({ sort: 'read', direction: 'desc' })).toEqual([A, B, C]);
    expect(await keys({ sort: 'cited', direction: 'desc' })).toEqual([B, A, C]);
    expect(await keys({ sort: 'cited', direction: 'asc' })).toEqual([C, B, A]);
    // Relevance without text is the saved order.
    expect(await keys({ sort: 'relevance', direction: 'asc' })).toEqual([C, B, A]);
  });

  it('filters by tag (any case), read state, year and citing episode', async () => {
    expect(await keys({ tag: 'Memory' })).toEqual([A]);
    expect(await keys({ readState: 'reading' })).toEqual([B]);
    expect(await keys({ year: 2017 })).toEqual([B]);
    expect(await keys({ episodeKey: E2 })).toEqual([C, B]);
    expect(await keys({ episodeKey: E3 })).toEqual([A]);
    expect(await keys({ episodeKey: 'show:nothing' })).toEqual([]);
    // Only E1 is heard: A and B come from it; every paper has a citing episode not heard.
    expect(await keys({ heard: 'heard' })).toEqual([B, A]);
    expect(await keys({ heard: 'unheard', episodeKey: E2 })).toEqual([C, B]);
    expect(await keys({ heard: 'unheard' })).toEqual([C, B, A]);
    valueOf(await ask('setHeard', { episodeKey: E2, heard: true }));
    valueOf(await ask('setHeard', { episodeKey: E3, heard: true }));
    expect(await keys({ heard: 'unheard' })).toEqual([]);
    expect(await keys({ heard: 'heard' })).toEqual([C, B, A]);
    expect((await papers({ tag: 'none' })).total).toBe(0);
    // Facets always describe the whole library.
    expect((await papers({ tag: 'none' })).years).toEqual([2025, 2017]);
  });

  it('searches words and operators', async () => {
    expect(await keys({ text: 'attention' })).toEqual([B]);
    expect(await keys({ text: 'vaswani' })).toEqual([B]);
    // B is found by the title of an episode citing it.
    expect(await keys({ text: 'memory' })).toEqual([C, B, A]);
    expect(await keys({ text: 'titans' })).toEqual([B, A]);
    expect(await keys({ text: 'ep:beluga' })).toEqual([C, B]);
    // D is cited by the Mamba episode but not saved.
    expect(await keys({ text: 'ep:mamba' })).toEqual([A]);
    expect(await keys({ text: 'ep:"kv cache"' })).toEqual([C, B]);
    expect(await keys({ text: 'y:>2020 ep:titans' })).toEqual([A]);
    expect(await keys({ text: 'y:2010..2018' })).toEqual([B]);
    expect(await keys({ text: 'is:read' })).toEqual([A]);
    expect(await keys({ text: 'is:read is:reading' })).toEqual([B, A]);
    expect(await keys({ text: 'is:unread' })).toEqual([C]);
    expect(await keys({ text: 't:MEMORY' })).toEqual([A]);
    expect(await keys({ text: 't:memory', readState: 'unread' })).toEqual([]);
    expect(await keys({ text: 'y:' })).toEqual([C, B, A]);
    expect(await keys({ text: 'zzzz' })).toEqual([]);
  });

  it('ranks by relevance when asked: a title match first', async () => {
    expect(await keys({ text: 'beluga', sort: 'relevance' })).toEqual([C, B]);
    expect(await keys({ text: 'beluga', sort: 'relevance', direction: 'asc' })).toEqual([C, B]);
    expect(await keys({ text: 'beluga', sort: 'title', direction: 'asc' })).toEqual([B, C]);
  });
});

describe('the search index follows every write', () => {
  beforeEach(seed);

  it('saves, edits and unsaves, without rebuilding', async () => {
    expect(await keys({ text: 'distilling' })).toEqual([]);
    expect(library.status()).toEqual({ built: true, indexed: true, builds: 1 });
    await save(MAMBA, E3);
    expect(await keys({ text: 'distilling' })).toEqual([D]);
    expect((await papers({ text: 'distilling' })).rows[0]).toMatchObject({
      citedIn: 1,
      citedInHeard: 0,
    });
    valueOf(await ask('setNote', { key: C, note: 'Zebra-striped pooling figure' }));
    expect(await keys({ text: 'zebra' })).toEqual([C]);
    valueOf(await ask('setTags', { key: A, tags: ['long context'] }));
    expect(await keys({ text: 't:memory' })).toEqual([]);
    expect(await keys({ text: 't:"long context"' })).toEqual([A]);
    expect((await papers()).tags.map((t) => t.tag)).toEqual(['long context', 'transformers']);
    valueOf(await ask('setReadState', { key: C, readState: 'read' }));
    expect(await keys({ text: 'is:read' })).toEqual([C, A]);
    valueOf(await ask('unsavePaper', { key: B }));
    expect(await keys({ text: 'attention' })).toEqual([]);
    expect((await papers()).total).toBe(3);
    expect(library.status().builds).toBe(1);
  });

  it('follows recorded episodes and listens', async () => {
    expect(await keys({ text: 'ep:zebrafish' })).toEqual([]);
    await record('2026-06-01-zebrafish-memory-aaaaaa', 'Zebrafish Memory', '2026-06-01', [BELUGA]);
    expect(await keys({ text: 'ep:zebrafish' })).toEqual([C]);
    expect((await papers({ text: 'beluga' })).rows.find((r) => r.paper.key === C)).toMatchObject({
      citedIn: 2,
      citedInHeard: 0,
    });
    valueOf(
      await ask('setHeard', { episodeKey: '2026-06-01-zebrafish-memory-aaaaaa', heard: true }),
    );
    expect((await papers({ text: 'ep:zebrafish' })).rows[0]).toMatchObject({
      citedIn: 2,
      citedInHeard: 1,
    });
    // The episode's list changes: Beluga is no longer cited by it.
    await record('2026-06-01-zebrafish-memory-aaaaaa', 'Zebrafish Memory', '2026-06-01', [TITANS]);
    expect(await keys({ text: 'ep:zebrafish' })).toEqual([A]);
    // A renamed episode is found by its new title only.
    await record(E3, 'Hybrid Llamas', '2026-04-01', [MAMBA, TITANS]);
    expect(await keys({ text: 'ep:hybrid' })).toEqual([A]);
    expect(await keys({ text: 'ep:mamba' })).toEqual([]);
    expect(library.status().builds).toBe(1);
  });

  it('follows a backup import and deleting everything', async () => {
    const backup = valueOf(await ask('exportBackup', undefined));
    expect(await keys({ text: 'behrouz' })).toEqual([A]);
    valueOf(await ask('deleteEverything', { confirm: true }));
    const empty = await papers({ text: '' });
    expect(empty.total).toBe(0);
    expect(empty.tags).toEqual([]);
    expect(await keys({ text: 'behrouz' })).toEqual([]);
    expect(valueOf(await ask('recentListens', { limit: 10 }))).toEqual([]);
    valueOf(await ask('importBackup', { text: backup.text }));
    expect(await keys({ text: 'behrouz' })).toEqual([A]);
    expect(await keys({ text: 'ep:beluga' })).toEqual([C, B]);
    expect((await papers()).total).toBe(3);
  });

  it('loses no write made while the copy is being built', async () => {
    library.clear();
    const [first] = await Promise.all([papers({ text: 'distilling' }), save(MAMBA, E3)]);
    // Whether the first answer saw the save depends on which transaction ran first; the next
    // answer must see it.
    expect(first.total).toBeLessThanOrEqual(1);
    expect(await keys({ text: 'distilling' })).toEqual([D]);
    const [, second] = await Promise.all([
      ask('unsavePaper', { key: D }),
      papers({ text: 'distilling' }),
    ]);
    expect(second.total).toBeLessThanOrEqual(1);
    expect(await keys({ text: 'distilling' })).toEqual([]);
  });

  it('rebuilds from the store after the worker was stopped (a new service)', async () => {
    expect(await keys({ text: 'behrouz' })).toEqual([A]);
    await service.close();
    service = createStoreService({
      open: () => openStore({ name: DB_NAME, now: clock.now }),
      persist: false,
      library: new LibraryCache({ prewarm: false }),
      broadcast: async () => undefined,
    });
    expect(await keys({ text: 'behrouz' })).toEqual([A]);
    expect((await papers()).rows.map((r) => r.citedIn)).toEqual([1, 2, 2]);
  });

  it('builds the search index only for a query with text, or soon after the first query', async () => {
    await papers();
    expect(library.status()).toMatchObject({ built: true, indexed: false });
    await keys({ text: 'titans' });
    expect(library.status()).toMatchObject({ built: true, indexed: true });
    const warm = new LibraryCache();
    const warmService = createStoreService({
      open: () => openStore({ name: DB_NAME, now: clock.now }),
      persist: false,
      library: warm,
      broadcast: async () => undefined,
    });
    // (recentListens would not do: before the copy is built it reads the store, first-screen.ts)
    valueOf(await warmService.handle('overlapEpisodes', { limit: 1 }, popupSender()));
    expect(warm.status()).toMatchObject({ built: true, indexed: false });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(warm.status()).toMatchObject({ built: true, indexed: true });
    await warmService.close();
  });
});

describe('the copy after episodes merge', () => {
  it('drops a title-keyed episode merged under its stem, even when only the stem was named', async () => {
    const stem = '2026-06-01-zebrafish-memory-aaaaaa';
    const titleOnly = valueOf(
      await service.handle(
        'recordEpisode',
        {
          episode: {
            title: 'Zebrafish Memory',
            published: null,
            duration: null,
            audioUrl: null,
            visualizationUrl: null,
            sources: [BELUGA],
          },
          pageUrl: 'https://podimo.com/no/episode/zebrafish',
        },
        tabSender(2, 'https://podimo.com/no/episode/zebrafish'),
      ),
    );
    expect(titleOnly.key).toBe('show:zebrafish memory');
    const log = async () =>
      valueOf(
        await ask('queryEpisodes', { filter: 'all', text: '', offset: 0, limit: 10 }),
      ).rows.map((r) => r.episode.key);
    expect(await log()).toEqual(['show:zebrafish memory']);
    // A write elsewhere (a whole catalog at once) that names only the stem it recorded.
    await recordEpisode(opened.at(-1)!, {
      title: 'Zebrafish Memory',
      published: '2026-06-01',
      duration: null,
      audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
      visualizationUrl: null,
      sources: [BELUGA],
      pageUrl: `https://podcast.do-not-panic.com/episodes/${stem}.html`,
    });
    library.noteChanges([{ kind: 'episodes', keys: [stem] }]);
    expect(await log()).toEqual([stem]);
    expect(library.status().builds).toBe(1);
  });
});

describe('paper and episode details', () => {
  beforeEach(seed);

  it('a paper with the episodes citing it, newest first, with their listens', async () => {
    const detail = valueOf(await ask('paperDetail', { key: B }));
    expect(detail.paper.key).toBe(B);
    expect(detail.episodes.map((e) => [e.episode.key, e.position, e.listen.state])).toEqual([
      [E2, 1, 'in_progress'],
      [E1, 1, 'heard'],
    ]);
    expect(detail.episodes[1]!.episode).toEqual({
      key: E1,
      title: 'Titans: Learning to Memorize at Test Time',
      published: '2026-05-20',
      duration: 1800,
      pageUrl: `https://podcast.do-not-panic.com/episodes/${E1}.html`,
      sourceCount: 3,
    });
    // A paper only cited, never saved, has no record.
    expect(codeOf(await ask('paperDetail', { key: D }))).toBe('not-found');
    expect(codeOf(await ask('paperDetail', { key: 'arxiv:9999.99999' }))).toBe('not-found');
  });

  it('an episode with its sources, saved and read', async () => {
    const detail = valueOf(await ask('episodeDetail', { key: E3 }));
    expect(detail.view).toMatchObject({ papers: 2, saved: 1, read: 1, note: '' });
    expect(detail.view.listen).toEqual({
      state: 'unheard',
      manual: false,
      position: 0,
      duration: null,
      heardAt: null,
      playedSeconds: 0,
      updatedAt: null,
    });
    expect(detail.sources.map((s) => [s.source.paperKey, s.saved, s.readState])).toEqual([
      [D, false, null],
      [A, true, 'read'],
    ]);
    const e1 = valueOf(await ask('episodeDetail', { key: E1 }));
    expect(e1.sources.map((s) => [s.source.kind, s.saved, s.readState])).toEqual([
      ['paper', true, 'read'],
      ['paper', true, 'reading'],
      ['other', false, null],
    ]);
    expect(codeOf(await ask('episodeDetail', { key: 'show:nothing' }))).toBe('not-found');
  });
});

describe('unsave many, and undo', () => {
  beforeEach(seed);

  it('answers the records as they were and puts them back', async () => {
    changes.length = 0;
    const { papers: before } = valueOf(
      await ask('unsavePapers', { keys: [A, D, 'arxiv:never', B, A] }),
    );
    expect(before.map((p) => p.key)).toEqual([A, B]);
    expect(before[0]).toMatchObject({ savedAt: T0 + 10 * MIN, tags: ['memory'] });
    expect(await keys()).toEqual([C]);
    await service.idle();
    expect(changes).toEqual([{ kind: 'papers', keys: [A, B] }]);

    clock.set(T0 + 90 * MIN);
    expect(valueOf(await ask('restorePapers', { papers: before }))).toEqual({ count: 2 });
    const page = await papers();
    expect(page.rows.map((r) => r.paper.key)).toEqual([C, B, A]);
    expect(page.rows[2]!.paper).toMatchObject({
      savedAt: T0 + 10 * MIN,
      savedFrom: E1,
      tags: ['memory'],
      readState: 'read',
    });
    // The restored saved date is a new change, stamped now (so a merge keeps it).
    expect(page.rows[2]!.paper.modified.savedAt).toBe(T0 + 90 * MIN);
    // Restoring papers already saved again does nothing.
    expect(valueOf(await ask('restorePapers', { papers: before }))).toEqual({ count: 0 });
  });

  it('gives back the moment a paper was saved at', async () => {
    const { kind: _k, arxivVersion: _v, episode: _e, ...savable } = MAMBA;
    valueOf(
      await service.handle(
        'savePaper',
        { source: savable, episodeKey: E3, moment: { episodeKey: E3, position: 754 } },
        tabSender(1),
      ),
    );
    const { papers: before } = valueOf(await ask('unsavePapers', { keys: [D] }));
    expect(before[0]!.savedMoment).toEqual({ episodeKey: E3, position: 754 });
    expect(valueOf(await ask('restorePapers', { papers: before }))).toEqual({ count: 1 });
    const restored = (await papers({ episodeKey: E3 })).rows.find((r) => r.paper.key === D);
    expect(restored?.paper.savedMoment).toEqual({ episodeKey: E3, position: 754 });
  });

  it('keeps what changed after the unsave', async () => {
    const { papers: before } = valueOf(await ask('unsavePapers', { keys: [A] }));
    valueOf(await ask('setNote', { key: A, note: 'Written after the unsave' }));
    valueOf(await ask('restorePapers', { papers: before }));
    expect((await papers({ text: 'behrouz' })).rows[0]!.paper.note).toBe(
      'Written after the unsave',
    );
  });

  it('writes the whole record back when it is gone', async () => {
    const { papers: before } = valueOf(await ask('unsavePapers', { keys: [A] }));
    valueOf(await ask('deleteEverything', { confirm: true }));
    expect(valueOf(await ask('restorePapers', { papers: before }))).toEqual({ count: 1 });
    expect((await papers({ text: 't:memory' })).rows.map((r) => r.paper)).toEqual(before);
  });

  it('refuses the whole batch when one record is malformed, and changes nothing', async () => {
    const { papers: before } = valueOf(await ask('unsavePapers', { keys: [A, B] }));
    changes.length = 0;
    const bad = [
      [before[0], { ...before[1], key: 'nonsense' }],
      [before[0], { ...before[1], tags: [1] }],
      [before[0], { ...before[1], extra: true }],
      [before[0], { ...before[1], savedAt: null }],
      [before[0], before[0]],
      [before[0], 'a string'],
    ];
    for (const batch of bad) {
      const refused = await ask('restorePapers', { papers: batch });
      expect(codeOf(refused)).toBe('invalid');
      expect(!refused.ok && refused.error.message).toMatch(/papers\[1\].*Nothing changed/);
    }
    await service.idle();
    expect(changes).toEqual([]);
    expect(await keys()).toEqual([C]);
  });
});

describe('the listening log', () => {
  beforeEach(seed);

  it('pages episodes newest first: heard date, else last change, else first seen', async () => {
    const page = valueOf(
      await ask('queryEpisodes', { filter: 'all', text: '', offset: 0, limit: 10 }),
    );
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.episode.key)).toEqual([E2, E1, E3]);
    expect(page.rows[1]).toMatchObject({ papers: 2, saved: 2, read: 1, note: '' });
    expect(page.rows[1]!.listen).toEqual({
      state: 'heard',
      manual: true,
      position: 0,
      duration: null,
      heardAt: T0 + 30 * MIN,
      playedSeconds: 0,
      updatedAt: T0 + 30 * MIN,
    });
    expect(page.rows[0]!.listen).toMatchObject({
      state: 'in_progress',
      position: 300,
      playedSeconds: 300,
      updatedAt: T0 + 40 * MIN,
    });
    const second = valueOf(
      await ask('queryEpisodes', { filter: 'all', text: '', offset: 1, limit: 1 }),
    );
    expect(second).toMatchObject({ total: 3 });
    expect(second.rows.map((r) => r.episode.key)).toEqual([E1]);
  });

  it('filters by listen state and title words', async () => {
    const q = async (filter: 'all' | 'heard' | 'in_progress' | 'unheard', text = '') =>
      valueOf(await ask('queryEpisodes', { filter, text, offset: 0, limit: 10 })).rows.map(
        (r) => r.episode.key,
      );
    expect(await q('heard')).toEqual([E1]);
    expect(await q('in_progress')).toEqual([E2]);
    expect(await q('unheard')).toEqual([E3]);
    expect(await q('all', 'memory')).toEqual([E2]);
    expect(await q('all', 'LLAMA')).toEqual([E3]);
    expect(await q('all', 'titans memor')).toEqual([E1]);
    expect(await q('heard', 'beluga')).toEqual([]);
  });

  it('sets when an episode was heard, by hand', async () => {
    const april28 = Date.UTC(2026, 3, 28, 20);
    expect(valueOf(await ask('setHeardAt', { episodeKey: E3, heardAt: april28 }))).toEqual({
      state: 'heard',
      position: 0,
      duration: null,
      heardAt: april28,
    });
    // Unlike setHeard, which keeps the first heard date, the given date replaces it.
    const april25 = Date.UTC(2026, 3, 25, 8);
    valueOf(await ask('setHeardAt', { episodeKey: E1, heardAt: april25 }));
    const heard = valueOf(
      await ask('queryEpisodes', { filter: 'heard', text: '', offset: 0, limit: 10 }),
    );
    expect(heard.rows.map((r) => [r.episode.key, r.listen.heardAt, r.listen.manual])).toEqual([
      [E3, april28, true],
      [E1, april25, true],
    ]);
    // A mark by hand holds against playback.
    valueOf(await ask('setHeardAt', { episodeKey: E2, heardAt: april25 }));
    await service.handle(
      'recordProgress',
      { episodeKey: E2, position: 10, duration: 1800, playedSince: 10 },
      tabSender(1),
    );
    const e2 = valueOf(await ask('episodeDetail', { key: E2 }));
    expect(e2.view.listen).toMatchObject({ state: 'heard', heardAt: april25, position: 10 });
    expect(
      codeOf(await ask('setHeardAt', { episodeKey: E1, heardAt: T0 + 3 * 24 * 3600_000 })),
    ).toBe('invalid');
    expect(codeOf(await ask('setHeardAt', { episodeKey: 'show:never', heardAt: T0 }))).toBe(
      'not-found',
    );
  });

  it('deletes one entry; the episode stays, unheard', async () => {
    changes.length = 0;
    expect(valueOf(await ask('deleteListen', { episodeKey: E2 }))).toEqual({ deleted: true });
    expect(valueOf(await ask('deleteListen', { episodeKey: E2 }))).toEqual({ deleted: false });
    await service.idle();
    expect(changes).toEqual([{ kind: 'listens', keys: [E2] }]);
    const unheard = valueOf(
      await ask('queryEpisodes', { filter: 'unheard', text: '', offset: 0, limit: 10 }),
    );
    expect(unheard.rows.map((r) => r.episode.key).sort()).toEqual([E2, E3].sort());
    expect(valueOf(await ask('recentListens', { limit: 10 })).map((r) => r.episode.key)).toEqual([
      E1,
    ]);
  });

  it('keeps a note on an episode, stamped with its time', async () => {
    clock.set(T0 + 99 * MIN);
    expect(valueOf(await ask('setEpisodeNote', { key: E1, note: 'Listen again: §4' }))).toEqual({
      key: E1,
    });
    expect(valueOf(await ask('episodeDetail', { key: E1 })).view.note).toBe('Listen again: §4');
    const stored = await opened.at(-1)!.db.get('episodes', E1);
    expect(stored?.modified.note).toBe(T0 + 99 * MIN);
    const page = valueOf(
      await ask('queryEpisodes', { filter: 'heard', text: '', offset: 0, limit: 1 }),
    );
    expect(page.rows[0]!.note).toBe('Listen again: §4');
    expect(codeOf(await ask('setEpisodeNote', { key: 'show:never', note: 'x' }))).toBe('not-found');
  });

  it('recent listens: heard or in progress, newest change first', async () => {
    const recent = valueOf(await ask('recentListens', { limit: 10 }));
    expect(recent.map((r) => [r.episode.key, r.listen.state])).toEqual([
      [E2, 'in_progress'],
      [E1, 'heard'],
    ]);
    expect(valueOf(await ask('recentListens', { limit: 1 })).map((r) => r.episode.key)).toEqual([
      E2,
    ]);
    // A listen of an episode Citecast never saw is shown by its key.
    valueOf(await ask('setHeard', { episodeKey: 'show:heard elsewhere', heard: true }));
    expect(valueOf(await ask('recentListens', { limit: 1 }))[0]!.episode).toEqual({
      key: 'show:heard elsewhere',
      title: null,
      published: null,
      duration: null,
      pageUrl: null,
      sourceCount: 0,
    });
  });
});

describe('overlap, statistics, exports', () => {
  beforeEach(seed);

  it('unheard episodes citing saved papers, most saved first', async () => {
    const overlap = valueOf(await ask('overlapEpisodes', { limit: 10 }));
    expect(overlap.map((o) => [o.episode.key, o.paperKeys])).toEqual([
      [E2, [C, B]],
      [E3, [A]],
    ]);
    expect(valueOf(await ask('overlapEpisodes', { limit: 1 }))).toHaveLength(1);
    valueOf(await ask('setHeard', { episodeKey: E2, heard: true }));
    expect(valueOf(await ask('overlapEpisodes', { limit: 10 })).map((o) => o.episode.key)).toEqual([
      E3,
    ]);
  });

  it('statistics of the library', async () => {
    const stats = valueOf(await ask('stats', { now: T0 + 60 * MIN }));
    expect(stats.totals).toEqual({ saved: 3, read: 1, heard: 1, inProgress: 1, hours: 0.08 });
    expect(stats.heardPerWeek.reduce((n, w) => n + w.count, 0)).toBe(1);
    expect(stats.papersPerMonth.at(-1)).toMatchObject({ month: '2026-05', saved: 3, read: 1 });
    expect(stats.topAuthors).toEqual([
      { name: 'Ali Behrouz', count: 1 },
      { name: 'Ashish Vaswani', count: 1 },
      { name: 'Noam Shazeer', count: 1 },
      { name: 'Peilin Zhong', count: 1 },
    ]);
    // Without `now`, the store's clock.
    expect(valueOf(await ask('stats', {}))).toEqual(stats);
  });

  it('exports the saved papers of a selection in each format', async () => {
    const local = new Date(T0 + 60 * MIN);
    const two = (n: number) => String(n).padStart(2, '0');
    const date = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())}`;
    const bib = valueOf(await ask('exportPapers', { keys: [B, A, D, B], format: 'bibtex' }));
    expect(bib).toMatchObject({
      count: 2,
      filename: `citecast-papers-${date}.bib`,
      mimeType: 'application/x-bibtex',
    });
    expect(bib.text.match(/^@/gm)).toHaveLength(2);
    expect(bib.text).toContain('eprint = {1706.03762}');
    expect(bib.text).not.toContain('2408.15237');
    const ris = valueOf(await ask('exportPapers', { keys: [A, B], format: 'ris' }));
    expect(ris).toMatchObject({ count: 2, filename: `citecast-papers-${date}.ris` });
    expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(2);
    const csl = valueOf(await ask('exportPapers', { keys: [A], format: 'csl-json' }));
    expect(csl.mimeType).toBe('application/vnd.citationstyles.csl+json');
    expect(csl.filename.endsWith('.json')).toBe(true);
    expect(JSON.parse(csl.text)).toHaveLength(1);
    const md = valueOf(await ask('exportPapers', { keys: [B, A], format: 'markdown' }));
    expect(md).toMatchObject({ count: 2, mimeType: 'text/markdown' });
    expect(md.filename).toBe(`citecast-papers-${date}.md`);
    expect(md.text).toBe(
      [
        '# Reading list',
        '',
        '- [Attention Is All You Need](https://arxiv.org/pdf/1706.03762) — Ashish Vaswani, Noam Shazeer, 2017 · reading · transformers',
        '  - Cited in: Titans: Learning to Memorize at Test Time (2026-05-20); Beluga: CXL Memory Pooling for LLM KV Cache (2026-05-27)',
        '- [Titans: Learning to Memorize at Test Time](https://arxiv.org/pdf/2501.00663) — Ali Behrouz, Peilin Zhong, 2025 · read · memory',
        '  - Cited in: Mamba in the Llama (2026-04-01); Titans: Learning to Memorize at Test Time (2026-05-20)',
        '',
      ].join('\n'),
    );
    expect(codeOf(await ask('exportPapers', { keys: [D], format: 'bibtex' }))).toBe('not-found');
    expect(codeOf(await ask('exportPapers', { keys: [], format: 'ris' }))).toBe('not-found');
  });
});
