import { describe, it, expect, beforeEach } from 'vitest';
import type { Store } from '@/lib/store/db';
import {
  citationsOfEpisode,
  citationsOfPaper,
  getEpisode,
  recordEpisode,
  setEpisodeNote,
  type EpisodeSighting,
} from '@/lib/store/episodes';
import { getListen, recordProgress, setHeard } from '@/lib/store/listens';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const TITLE = 'Titans: Learning to Memorize at Test Time';
const TITLE_KEY = 'show:titans learning to memorize at test time';
const VIZ = `https://podcast.do-not-panic.com/viz/${STEM}.html`;
const T0 = Date.UTC(2026, 0, 1);
let clock: TestClock;
let store: Store;

/** A sighting of the Titans episode with three sources: two papers and a plain link. */
function sighting(fields: Partial<EpisodeSighting> = {}): EpisodeSighting {
  return {
    title: TITLE,
    published: '2026-05-20',
    duration: 1500,
    audioUrl: null,
    visualizationUrl: VIZ,
    sources: [
      arxivSource('2501.00663', 'Titans', 1),
      source({ kind: 'other', title: 'A blog', url: 'https://example.com/blog' }),
      source({ title: 'Memory Layers', doi: '10.1145/1.2', url: 'https://doi.org/10.1145/1.2' }),
    ],
    pageUrl: 'https://podcast.do-not-panic.com/2026/05/titans/',
    ...fields,
  };
}

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(T0);
  store = await openTestStore(clock);
});

describe('recordEpisode', () => {
  it('keys the episode by the stem of its visualization link and snapshots its sources', async () => {
    const episode = await recordEpisode(store, sighting());
    expect(episode).toMatchObject({
      key: STEM,
      stem: STEM,
      title: TITLE,
      titleKey: 'titans learning to memorize at test time',
      published: '2026-05-20',
      duration: 1500,
      pages: ['https://podcast.do-not-panic.com/2026/05/titans/'],
      note: '',
      firstSeenAt: T0,
    });
    expect(episode!.sources.map((s) => s.paperKey)).toEqual([
      'arxiv:2501.00663',
      null,
      'doi:10.1145/1.2',
    ]);
    expect(await getEpisode(store, STEM)).toEqual(episode);
  });

  it('writes a citation per paper with its position, link and arXiv version', async () => {
    await recordEpisode(store, sighting());
    const citations = await citationsOfEpisode(store, STEM);
    expect(citations.map(({ modified: _m, ...c }) => c)).toEqual([
      {
        episodeKey: STEM,
        position: 0,
        paperKey: 'arxiv:2501.00663',
        url: 'https://arxiv.org/abs/2501.00663v1',
        arxivVersion: 1,
        ids: ['arxiv:2501.00663'],
      },
      {
        episodeKey: STEM,
        position: 2,
        paperKey: 'doi:10.1145/1.2',
        url: 'https://doi.org/10.1145/1.2',
        arxivVersion: null,
        ids: ['doi:10.1145/1.2'],
      },
    ]);
    expect((await citationsOfPaper(store, 'arxiv:2501.00663')).map((c) => c.episodeKey)).toEqual([
      STEM,
    ]);
  });

  it('a second page adds its address and keeps known details', async () => {
    await recordEpisode(store, sighting());
    clock.set(T0 + 5);
    const again = await recordEpisode(
      store,
      sighting({ duration: null, published: null, pageUrl: 'https://podimo.com/episode/x' }),
    );
    expect(again!.pages).toEqual([
      'https://podcast.do-not-panic.com/2026/05/titans/',
      'https://podimo.com/episode/x',
    ]);
    expect(again!.duration).toBe(1500);
    expect(again!.published).toBe('2026-05-20');
    expect(again!.modified.pages).toBe(T0 + 5);
    expect(again!.modified.duration).toBe(T0);
  });

  it('a description cut short never replaces a longer source list', async () => {
    await recordEpisode(store, sighting());
    const short = await recordEpisode(
      store,
      sighting({ sources: [arxivSource('2501.00663', 'Titans', 1)], cutShort: true }),
    );
    expect(short!.sources).toHaveLength(3);
    expect(await citationsOfEpisode(store, STEM)).toHaveLength(2);
  });

  it('a full description that changed replaces the list and its citations', async () => {
    await recordEpisode(store, sighting());
    await recordEpisode(store, sighting({ sources: [arxivSource('2501.00663', 'Titans', 2)] }));
    const citations = await citationsOfEpisode(store, STEM);
    expect(citations.map((c) => [c.position, c.arxivVersion])).toEqual([[0, 2]]);
    expect(await citationsOfPaper(store, 'doi:10.1145/1.2')).toEqual([]);
  });

  it('falls back to the title when the page gives no stem', async () => {
    const episode = await recordEpisode(store, sighting({ visualizationUrl: null }));
    expect(episode!.key).toBe(TITLE_KEY);
    expect(episode!.stem).toBeNull();
    expect(
      await recordEpisode(store, sighting({ visualizationUrl: null, title: null })),
    ).toBeNull();
  });

  it('merges the title-keyed record into the stem-keyed one when a page ties them', async () => {
    await recordEpisode(
      store,
      sighting({ visualizationUrl: null, pageUrl: 'https://open.spotify.com/episode/1' }),
    );
    await setEpisodeNote(store, TITLE_KEY, 'great one');
    await recordProgress(store, TITLE_KEY, { position: 300, duration: 1500, playedSince: 300 });
    clock.set(T0 + 100);
    const merged = await recordEpisode(store, sighting());
    expect(merged!.key).toBe(STEM);
    expect(merged!.pages).toEqual([
      'https://open.spotify.com/episode/1',
      'https://podcast.do-not-panic.com/2026/05/titans/',
    ]);
    expect(merged!.note).toBe('great one');
    expect(merged!.firstSeenAt).toBe(T0);
    expect(await getEpisode(store, TITLE_KEY)).toBeNull();
    expect(await citationsOfEpisode(store, TITLE_KEY)).toEqual([]);
    expect(await citationsOfEpisode(store, STEM)).toHaveLength(2);
    expect(await getListen(store, TITLE_KEY)).toBeNull();
    expect(await getListen(store, STEM)).toMatchObject({
      episodeKey: STEM,
      state: 'in_progress',
      position: 300,
    });
    expect(await store.db.count('episodes')).toBe(1);
  });

  it('merges into an existing stem record: both notes, the mark by hand, the newer position', async () => {
    await recordEpisode(store, sighting());
    await setEpisodeNote(store, STEM, 'from the site');
    await setHeard(store, STEM, true);
    // Another page shows only the title before the stem record is known there (e.g. an import).
    await store.db.put('episodes', {
      ...(await getEpisode(store, STEM))!,
      key: TITLE_KEY,
      stem: null,
      note: 'from spotify',
    });
    clock.set(T0 + 50);
    await recordProgress(store, TITLE_KEY, { position: 10, duration: 1500, playedSince: 10 });
    clock.set(T0 + 100);
    const merged = await recordEpisode(store, sighting());
    expect(merged!.note).toBe('from the site\n\nfrom spotify');
    const listen = await getListen(store, STEM);
    expect(listen).toMatchObject({ state: 'heard', manual: true, heardAt: T0, position: 10 });
    expect(await store.db.count('episodes')).toBe(1);
    expect(await store.db.count('listens')).toBe(1);
  });

  it('a page showing only the title finds the stem-keyed episode by its title', async () => {
    await recordEpisode(store, sighting());
    const byTitle = await recordEpisode(
      store,
      sighting({
        visualizationUrl: null,
        title: 'titans — learning to memorize at test time',
        pageUrl: 'https://podcasts.apple.com/x',
      }),
    );
    expect(byTitle!.key).toBe(STEM);
    expect(byTitle!.pages).toContain('https://podcasts.apple.com/x');
    expect(await store.db.count('episodes')).toBe(1);
  });
});
