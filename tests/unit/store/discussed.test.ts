import { describe, it, expect, beforeEach } from 'vitest';
import { paperIdsOfUrl } from '@/lib/core/ids';
import type { Store } from '@/lib/store/db';
import { citationIds } from '@/lib/store/citation-ids';
import { discussedIn } from '@/lib/store/discussed';
import { recordEpisode, type EpisodeSighting } from '@/lib/store/episodes';
import { recordProgress, setHeard } from '@/lib/store/listens';
import { savePaper } from '@/lib/store/papers';
import { arxivSource, freshTestStore, source } from '@/tests/unit/store/helpers';

let store: Store;

/** An episode of the show published on `date`, citing `sources`. */
function episode(date: string, slug: string, sources: EpisodeSighting['sources']): EpisodeSighting {
  const stem = `${date}-${slug}-abcdef`;
  return {
    title: `Episode ${slug}`,
    published: date,
    duration: 1200,
    audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
    visualizationUrl: null,
    sources,
    pageUrl: `https://podcast.do-not-panic.com/episodes/${stem}/`,
  };
}

beforeEach(async () => {
  ({ store } = await freshTestStore(Date.UTC(2026, 4, 1)));
});

describe('paperIdsOfUrl', () => {
  it('reads arXiv, mirror, OpenReview and DOI links, and nothing else', () => {
    expect(paperIdsOfUrl('https://arxiv.org/abs/2501.00663v2')).toEqual(['arxiv:2501.00663']);
    expect(paperIdsOfUrl('https://arxiv.org/html/2501.00663v1')).toEqual(['arxiv:2501.00663']);
    expect(paperIdsOfUrl('https://huggingface.co/papers/2501.00663')).toEqual(['arxiv:2501.00663']);
    expect(paperIdsOfUrl('https://www.alphaxiv.org/abs/2501.00663v3')).toEqual([
      'arxiv:2501.00663',
    ]);
    expect(paperIdsOfUrl('https://openreview.net/forum?id=AbC_12-x')).toEqual([
      'openreview:AbC_12-x',
    ]);
    expect(paperIdsOfUrl('https://openreview.net/pdf?id=AbC_12-x')).toEqual([
      'openreview:AbC_12-x',
    ]);
    expect(paperIdsOfUrl('https://doi.org/10.1145/ABC.1')).toEqual(['doi:10.1145/abc.1']);
    expect(paperIdsOfUrl('https://scholar.google.com/scholar?q=titans')).toEqual([]);
  });

  it('gives a citation the ids of its link and of its paper key', () => {
    expect(
      citationIds({ url: 'https://openreview.net/forum?id=x1', paperKey: 'arxiv:2501.00663' }),
    ).toEqual(['arxiv:2501.00663', 'openreview:x1']);
    expect(citationIds({ url: null, paperKey: 'title:some paper' })).toEqual([]);
  });
});

describe('discussedIn', () => {
  it('finds the citing episodes by arXiv id, oldest first, each with its state', async () => {
    const titans = () => arxivSource('2501.00663', 'Titans', 1);
    await recordEpisode(store, episode('2026-03-02', 'b', [titans(), arxivSource('2401.1', 'X')]));
    await recordEpisode(store, episode('2026-01-05', 'a', [titans()]));
    await recordEpisode(store, episode('2026-04-09', 'c', [arxivSource('2401.00001', 'Other')]));
    await setHeard(store, '2026-01-05-a-abcdef', true);
    await recordProgress(store, '2026-03-02-b-abcdef', {
      position: 754.6,
      duration: 1200,
      playedSince: 10,
    });
    const found = await discussedIn(store, { ids: ['arxiv:2501.00663'], title: null });
    expect(found.paperKey).toBe('arxiv:2501.00663');
    expect(found.saved).toBe(false);
    expect(found.source).toMatchObject({ title: 'Titans', arxivId: '2501.00663' });
    expect(found.episodes.map((e) => [e.key, e.state])).toEqual([
      ['2026-01-05-a-abcdef', 'heard'],
      ['2026-03-02-b-abcdef', 'in_progress'],
    ]);
    expect(found.episodes[0]!.heardAt).toBe(Date.UTC(2026, 4, 1));
    expect(found.episodes[0]!.url).toBe(
      'https://podcast.do-not-panic.com/episodes/2026-01-05-a-abcdef/',
    );
    // In progress: the link opens the episode's page at the moment.
    expect(found.episodes[1]!.url).toBe(
      'https://podcast.do-not-panic.com/episodes/2026-03-02-b-abcdef/#t=754',
    );
    expect(found.episodes.map((e) => e.otherPapers)).toEqual([0, 1]);
  });

  it('finds episodes by DOI, by OpenReview forum id and by the title of a title-only source', async () => {
    await recordEpisode(
      store,
      episode('2025-10-01', 'd', [
        source({ title: 'Memory Layers', url: 'https://doi.org/10.1145/1.2' }),
        source({ title: 'Forum Paper', url: 'https://openreview.net/forum?id=Zz9' }),
        source({ title: 'Only a Title: At Scale', url: 'https://scholar.google.com/?q=x' }),
      ]),
    );
    const key = '2025-10-01-d-abcdef';
    const ids = async (ids: string[], title: string | null = null) =>
      (await discussedIn(store, { ids, title })).episodes.map((e) => e.key);
    expect(await ids(['doi:10.1145/1.2'])).toEqual([key]);
    expect(await ids(['openreview:Zz9'])).toEqual([key]);
    expect(await ids([], 'Only a title — at scale')).toEqual([key]);
    expect(await ids(['arxiv:2501.00663'], 'Not cited')).toEqual([]);
  });

  it('says when the paper is saved, and answers nothing for a paper nobody cites', async () => {
    await recordEpisode(store, episode('2026-01-05', 'a', [arxivSource('2501.00663', 'Titans')]));
    await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
    expect((await discussedIn(store, { ids: ['arxiv:2501.00663'], title: null })).saved).toBe(true);
    expect(await discussedIn(store, { ids: ['arxiv:2502.1'], title: null })).toEqual({
      paperKey: null,
      source: null,
      saved: false,
      episodes: [],
    });
  });
});
