/** The Markdown reading list of an episode, and the episodes named in a paper export. */
import { beforeEach, describe, expect, it } from 'vitest';
import { papersWithCitations } from '@/lib/export/cited-by';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { readingListMarkdown } from '@/lib/export/reading-list';
import type { Store } from '@/lib/store/db';
import { recordEpisode, type EpisodeSighting } from '@/lib/store/episodes';
import { savePaper, setReadState } from '@/lib/store/papers';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
let clock: TestClock;
let store: Store;

const SIGHTING: EpisodeSighting = {
  title: 'Titans: Learning to Memorize at Test Time',
  published: '2026-05-20',
  duration: 1500,
  audioUrl: null,
  visualizationUrl: `https://podcast.do-not-panic.com/viz/${STEM}.html`,
  sources: [
    {
      ...arxivSource('2501.00663', 'Titans: Learning [to] Memorize', 1),
      authors: ['Ali Behrouz', 'Peilin Zhong'],
      year: 2024,
    },
    source({ kind: 'other', title: 'A blog', url: 'javascript:alert(1)' }),
    source({
      title: 'Memory Layers',
      doi: '10.1145/1.2',
      url: 'https://doi.org/10.1145/1.2',
      year: 2025,
    }),
  ],
  pageUrl: 'https://podcast.do-not-panic.com/episodes/titans.html',
};

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock();
  store = await openTestStore(clock);
});

describe('episode reading list from the library', () => {
  it('lists every source with its link, authors, year and saved/read marks', async () => {
    await recordEpisode(store, SIGHTING);
    await savePaper(store, SIGHTING.sources[0]!, STEM);
    await setReadState(store, 'arxiv:2501.00663', 'read');
    const episode = (await store.db.get('episodes', STEM))!;
    const papers = await Promise.all(
      episode.sources.map((s) => (s.paperKey ? store.db.get('papers', s.paperKey) : undefined)),
    );
    expect(readingListMarkdown(episode, episode.sources, papers)).toBe(
      [
        '# Titans: Learning to Memorize at Test Time',
        '',
        '2026-05-20 · [Episode page](https://podcast.do-not-panic.com/episodes/titans.html)',
        '',
        '## Sources',
        '',
        '- [Titans: Learning \\[to\\] Memorize](https://arxiv.org/pdf/2501.00663v1) — Ali Behrouz, Peilin Zhong, 2024 · saved · read',
        '- A blog',
        '- [Memory Layers](https://doi.org/10.1145/1.2) — 2025',
        '',
      ].join('\n'),
    );
  });
});

describe('paper export', () => {
  it('names the episodes that cite each saved paper', async () => {
    await recordEpisode(store, SIGHTING);
    await savePaper(store, SIGHTING.sources[0]!, STEM);
    const csl = JSON.parse(
      await EXPORT_FORMATS['csl-json'].write(await papersWithCitations(store)),
    ) as { note?: string }[];
    expect(csl).toHaveLength(1);
    expect(csl[0]!.note).toBe(
      'Cited in AI Post Transformers: “Titans: Learning to Memorize at Test Time” (2026-05-20)',
    );
    const ris = await EXPORT_FORMATS.ris.write(
      await papersWithCitations(store, { keys: ['arxiv:2501.00663', 'doi:10.1145/1.2'] }),
    );
    // Only saved or known papers are exported: the DOI paper was never saved, so it has no record.
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
  });
});
