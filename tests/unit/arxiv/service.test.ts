/**
 * The background's arXiv handlers on fake-indexeddb with a fake queue: the cache (hits, misses,
 * expiry, corrections that never expire), the permission check before any request, batching,
 * and the merge of a title-keyed paper into its arXiv record.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pruneExpired, readTitles, MISS_TTL_MS, RESOLVED_TTL_MS } from '@/lib/arxiv/cache';
import type { FetchOutcome, Limiter } from '@/lib/arxiv/limiter';
import {
  arxivMetadata,
  linkArxiv,
  resolveTitles,
  unlinkArxiv,
  type ArxivDeps,
} from '@/lib/arxiv/service';
import type { Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { savePaper, setNote, setTags } from '@/lib/store/papers';
import {
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';
import { fixture } from '@/tests/unit/arxiv/fixtures';

const TITANS = 'Titans: Learning to Memorize at Test Time';
const MEMORY = 'Memory Layers at Scale';
const VLLM = 'Efficient Memory Management for Large Language Model Serving with PagedAttention';

let clock: TestClock;
let store: Store;
let urls: string[];
let answers: FetchOutcome[];
let access: { permission: boolean; setting: boolean };

function deps(): ArxivDeps {
  const limiter: Limiter = {
    fetchText: vi.fn(async (url: string) => {
      urls.push(url);
      return answers.shift() ?? ({ ok: false, reason: 'offline' } as const);
    }),
    nextSlot: () => 0,
  };
  return { limiter, access: async () => access };
}

const text = (name: string): FetchOutcome => ({ ok: true, text: fixture(name) });
const q = (title: string, authors: string[] = []) => ({ title, authors });

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(Date.UTC(2026, 4, 28));
  store = await openTestStore(clock);
  urls = [];
  answers = [];
  access = { permission: true, setting: true };
});

async function value<T>(outcome: Promise<{ result: { ok: boolean; value?: T } }>): Promise<T> {
  const { result } = await outcome;
  if (!result.ok) throw new Error('failed');
  return result.value as T;
}

describe('resolveTitles', () => {
  it('sends nothing without the permission or the setting, and says no-permission', async () => {
    for (const a of [
      { permission: false, setting: true },
      { permission: true, setting: false },
    ]) {
      access = a;
      const statuses = await value(
        resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps()),
      );
      expect(statuses[0]!.status).toEqual({ state: 'error', reason: 'no-permission' });
    }
    expect(urls).toEqual([]);
  });

  it('never sends with cacheOnly: unknown titles are pending', async () => {
    const statuses = await value(
      resolveTitles(store, { sources: [q(TITANS)], cacheOnly: true }, deps()),
    );
    expect(statuses).toEqual([
      { key: 'title:titans learning to memorize at test time', status: { state: 'pending' } },
    ]);
    expect(urls).toEqual([]);
  });

  it('batches titles into one request and accepts strong matches, each with its confidence', async () => {
    answers = [text('several.xml')];
    const statuses = await value(
      resolveTitles(
        store,
        { sources: [q(TITANS), q(MEMORY), q(TITANS)], cacheOnly: false },
        deps(),
      ),
    );
    expect(urls).toHaveLength(1);
    expect(new URL(urls[0]!).searchParams.get('search_query')).toBe(
      'ti:"titans learning to memorize at test time" OR ti:"memory layers at scale"',
    );
    expect(statuses.map((s) => s.status)).toMatchObject([
      {
        state: 'resolved',
        candidate: { arxivId: '2501.00663', pdfUrl: 'https://arxiv.org/pdf/2501.00663' },
        confidence: 1,
        manual: false,
      },
      { state: 'resolved', candidate: { arxivId: '2412.09764' }, confidence: 1 },
      { state: 'resolved', candidate: { arxivId: '2501.00663' } },
    ]);
  });

  it('caches hits and misses: asked again, nothing is sent until they expire', async () => {
    answers = [text('several.xml'), text('no-match.xml')];
    await resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps());
    await resolveTitles(
      store,
      { sources: [q('A paper that nobody ever wrote')], cacheOnly: false },
      deps(),
    );
    expect(urls).toHaveLength(2);
    const again = await value(
      resolveTitles(
        store,
        { sources: [q(TITANS), q('A paper that nobody ever wrote')], cacheOnly: true },
        deps(),
      ),
    );
    expect(again.map((s) => s.status.state)).toEqual(['resolved', 'none']);
    expect(urls).toHaveLength(2);
    // The miss expires first; the hit lasts longer.
    clock.set(Date.UTC(2026, 4, 28) + MISS_TTL_MS + 1);
    const later = await value(
      resolveTitles(
        store,
        { sources: [q(TITANS), q('A paper that nobody ever wrote')], cacheOnly: true },
        deps(),
      ),
    );
    expect(later.map((s) => s.status.state)).toEqual(['resolved', 'pending']);
    clock.set(Date.UTC(2026, 4, 28) + RESOLVED_TTL_MS + 1);
    const expired = await readTitles(store, ['title:titans learning to memorize at test time']);
    expect(expired.size).toBe(0);
    expect(await pruneExpired(store)).toBeGreaterThanOrEqual(2);
  });

  it('offers a near miss as weak and does not adopt it', async () => {
    await savePaper(
      store,
      source({ title: VLLM, url: 'https://scholar.google.com/scholar?q=x' }),
      null,
    );
    answers = [text('near-miss.xml')];
    const [s] = await value(resolveTitles(store, { sources: [q(VLLM)], cacheOnly: false }, deps()));
    expect(s!.status).toMatchObject({ state: 'weak', candidate: { arxivId: '2309.09999' } });
    expect(await store.db.get('papers', 'arxiv:2309.09999')).toBeUndefined();
    expect(await store.db.get('papers', s!.key!)).toBeDefined();
  });

  it('reports a malformed answer, an API error and a queue failure per source, and caches none of them', async () => {
    answers = [
      text('malformed.xml'),
      text('error-entry.xml'),
      { ok: false, reason: 'rate-limited', retryAt: 123 },
      { ok: false, reason: 'timeout' },
    ];
    const results = [];
    for (let i = 0; i < 4; i++) {
      const [s] = await value(
        resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps()),
      );
      results.push(s!.status);
    }
    expect(results).toEqual([
      { state: 'error', reason: 'bad-answer' },
      { state: 'error', reason: 'bad-answer' },
      { state: 'error', reason: 'rate-limited', retryAt: 123 },
      { state: 'error', reason: 'timeout' },
    ]);
    expect((await readTitles(store, ['title:titans learning to memorize at test time'])).size).toBe(
      0,
    );
  });

  it('merges the paper saved under its title into the arXiv record, keeping tags, note, dates and citations', async () => {
    const scholar = source({
      title: TITANS,
      url: 'https://scholar.google.com/scholar?q=Titans',
      authors: ['Ali Behrouz'],
      year: 2025,
    });
    const saved = await savePaper(store, scholar, 'show:ep');
    await setTags(store, saved!.key, ['memory']);
    await setNote(store, saved!.key, 'read section 3');
    await recordEpisode(store, {
      title: 'An episode',
      published: '2026-05-01',
      duration: null,
      audioUrl: null,
      visualizationUrl: null,
      sources: [scholar],
      pageUrl: 'https://podcast.do-not-panic.com/e',
    });
    clock.set(Date.UTC(2026, 4, 29));
    answers = [text('several.xml')];
    const { result, changes } = await resolveTitles(
      store,
      { sources: [q(TITANS)], cacheOnly: false },
      deps(),
    );
    expect(result.ok).toBe(true);
    const paper = await store.db.get('papers', 'arxiv:2501.00663');
    expect(paper).toMatchObject({
      arxivId: '2501.00663',
      tags: ['memory'],
      note: 'read section 3',
      savedAt: saved!.savedAt,
      savedFrom: 'show:ep',
      pdfUrl: 'https://arxiv.org/pdf/2501.00663',
      urls: ['https://scholar.google.com/scholar?q=Titans'],
    });
    expect(await store.db.get('papers', saved!.key)).toBeUndefined();
    const citations = await store.db.getAllFromIndex('citations', 'byPaperKey', 'arxiv:2501.00663');
    expect(citations).toHaveLength(1);
    expect(changes).toEqual([
      { kind: 'papers', keys: [saved!.key, 'arxiv:2501.00663'] },
      { kind: 'episodes', keys: [citations[0]!.episodeKey] },
    ]);
  });
});

describe('a title resolved before its paper was saved', () => {
  it('moves the paper under its arXiv id at the next cache answer, without asking arXiv', async () => {
    answers = [text('several.xml')];
    await resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps());
    expect(urls).toHaveLength(1);
    // Saved by title after the answer was cached (the page had not re-read yet).
    const scholar = source({ title: TITANS, url: 'https://scholar.google.com/scholar?q=Titans' });
    const saved = await savePaper(store, scholar, null);
    expect(saved!.key.startsWith('title:')).toBe(true);
    const { changes } = await resolveTitles(
      store,
      { sources: [q(TITANS)], cacheOnly: true },
      deps(),
    );
    expect(urls).toHaveLength(1);
    expect(await store.db.get('papers', saved!.key)).toBeUndefined();
    expect(await store.db.get('papers', 'arxiv:2501.00663')).toMatchObject({
      savedAt: saved!.savedAt,
    });
    expect(changes).toContainEqual({ kind: 'papers', keys: [saved!.key, 'arxiv:2501.00663'] });
    // Nothing left to move: asked again, nothing changes.
    const again = await resolveTitles(store, { sources: [q(TITANS)], cacheOnly: true }, deps());
    expect(again.changes ?? []).toEqual([]);
  });
});

describe('corrections', () => {
  it('links a weak candidate by hand: resolved, manual, never expiring, and no lookup replaces it', async () => {
    answers = [text('near-miss.xml')];
    await resolveTitles(store, { sources: [q(VLLM)], cacheOnly: false }, deps());
    const linked = await value(linkArxiv(store, { title: VLLM, arxivId: '2309.09999' }, deps()));
    expect(linked).toMatchObject({ state: 'resolved', manual: true, confidence: 1 });
    clock.set(Date.UTC(2030, 0, 1));
    const [s] = await value(resolveTitles(store, { sources: [q(VLLM)], cacheOnly: false }, deps()));
    expect(s!.status).toMatchObject({
      state: 'resolved',
      manual: true,
      candidate: { arxivId: '2309.09999' },
    });
    expect(urls).toHaveLength(1);
  });

  it('links to any id without sending anything when lookups are off (the id gives the PDF)', async () => {
    access = { permission: false, setting: false };
    const linked = await value(
      linkArxiv(store, { title: MEMORY, arxivId: '2412.09764v2' }, deps()),
    );
    expect(linked).toMatchObject({
      state: 'resolved',
      candidate: { arxivId: '2412.09764', pdfUrl: 'https://arxiv.org/pdf/2412.09764' },
    });
    expect(urls).toEqual([]);
  });

  it('unlinks: none, manual, and never asked again', async () => {
    answers = [text('several.xml')];
    await resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps());
    expect(await value(unlinkArxiv(store, { title: TITANS }))).toEqual({
      state: 'none',
      manual: true,
    });
    clock.set(Date.UTC(2031, 0, 1));
    const [s] = await value(
      resolveTitles(store, { sources: [q(TITANS)], cacheOnly: false }, deps()),
    );
    expect(s!.status).toEqual({ state: 'none', manual: true });
    expect(urls).toHaveLength(1);
  });
});

describe('arxivMetadata', () => {
  it('looks a paper up by id once, caches it, and says whether it was revised since the episode', async () => {
    answers = [text('versions.xml')];
    const first = await value(
      arxivMetadata(
        store,
        { arxivId: '2406.11111', episodeDate: '2024-12-01', citedVersion: null },
        deps(),
      ),
    );
    expect(first).toMatchObject({
      ok: true,
      metadata: {
        entry: { version: 3, title: 'Cache Steering: Revisions & All' },
        revision: { state: 'revised' },
      },
    });
    const second = await value(
      arxivMetadata(
        store,
        { arxivId: '2406.11111v3', episodeDate: '2025-06-01', citedVersion: null },
        deps(),
      ),
    );
    expect(second).toMatchObject({
      ok: true,
      metadata: { revision: { state: 'current', citedVersion: 3 } },
    });
    expect(urls).toEqual(['https://export.arxiv.org/api/query?id_list=2406.11111&max_results=1']);
  });

  it('answers no-permission without sending when not allowed', async () => {
    access = { permission: false, setting: true };
    const r = await value(
      arxivMetadata(
        store,
        { arxivId: '2406.11111', episodeDate: null, citedVersion: null },
        deps(),
      ),
    );
    expect(r).toEqual({ ok: false, status: { state: 'error', reason: 'no-permission' } });
    expect(urls).toEqual([]);
  });
});
