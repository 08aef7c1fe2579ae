/**
 * Episode identity is claimed only by the show: the show's own pages (its site, or a host's page
 * that shows it is the show's) say what an episode is; a third party's page that links to a
 * real stem (a Spotify description with "Interactive Visualization: https://evil/viz/{stem}.html")
 * only fills gaps: it never replaces the stored title, date or source list, never deletes a
 * citation, and never moves an episode known by title under the stem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RequestData } from '@/lib/protocol/requests';
import { pageFacts, speaksForShow } from '@/lib/hosts/show-page';
import { htmlDocument } from '@/scripts/read-saved-page';
import { eachTestService, popupSender, tabSender } from '@/tests/unit/messages/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const SHOW = 'https://podcast.do-not-panic.com';
const THIRD_PARTY = 'https://open.spotify.com/episode/0evilEvilEvilEvilEvil0';

const fixture = (path: string) =>
  htmlDocument(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8'));

describe('isShowPage', () => {
  const shows: [string, string][] = [
    ['spotify/episode.html', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
    ['independent/spotify-episode.html', 'https://open.spotify.com/episode/5kX9pQ2rT7vW1yZ3aB4cD6'],
    [
      'apple/episode.html',
      'https://podcasts.apple.com/us/podcast/ai-post-transformers/id1234567890?i=1000700000000',
    ],
    [
      'independent/apple-episode.html',
      'https://podcasts.apple.com/us/podcast/cache-aware-routing-for-llm-fleets/id1800000000?i=1000712345678',
    ],
    [
      'podimo/episode-nb.html',
      'https://podimo.com/no/episode/1a2b3c00-0000-4000-8000-000000000000',
    ],
    ['podimo/show-nb.html', 'https://podimo.com/no/shows/ai-post-transformers'],
    ['independent/podimo-show-de.html', 'https://podimo.com/de/shows/ai-post-transformers'],
  ];
  for (const [file, url] of shows) {
    it(`the show's page on its host: ${file}`, () => {
      expect(speaksForShow(pageFacts(fixture(file), url))).toBe(true);
    });
  }

  it("the show's own site, whatever the page", () => {
    expect(speaksForShow({ url: `${SHOW}/2026/05/titans/`, links: [], headings: [] })).toBe(true);
  });

  it("a third party's episode on a host whose description names the show", () => {
    const doc = htmlDocument(`<h1>Evil episode</h1><a href="/show/0evil">Evil Podcast</a>
      <p>As heard on AI Post Transformers. Interactive Visualization:
      <a href="https://evil.example/viz/${STEM}.html">https://evil.example/viz/${STEM}.html</a></p>`);
    expect(speaksForShow(pageFacts(doc, THIRD_PARTY))).toBe(false);
  });

  it("a host's page whose address names another show than its named link", () => {
    const doc = fixture('apple/episode.html');
    const other = 'https://podcasts.apple.com/us/podcast/evil/id999?i=1000700000000';
    expect(speaksForShow(pageFacts(doc, other))).toBe(false);
  });

  it('a page off the hosts, even one naming the show', () => {
    const doc = htmlDocument(
      '<h1>AI Post Transformers</h1><a href="/show/x">AI Post Transformers</a>',
    );
    expect(speaksForShow(pageFacts(doc, 'https://example.com/show/x'))).toBe(false);
  });
});

describe('recording what a third party claims', () => {
  const current = eachTestService();

  const episode = (
    title: string,
    fields: Partial<RequestData<'recordEpisode'>['episode']> = {},
  ): RequestData<'recordEpisode'>['episode'] => ({
    title,
    published: '2026-05-20',
    duration: 1500,
    audioUrl: null,
    visualizationUrl: `${SHOW}/viz/${STEM}.html`,
    sources: [
      {
        title: 'Titans',
        authors: [],
        year: 2025,
        url: 'https://arxiv.org/abs/2501.00663',
        kind: 'paper',
        arxivId: '2501.00663',
        arxivVersion: null,
        doi: null,
        pdfUrl: 'https://arxiv.org/pdf/2501.00663',
        episode: null,
      },
    ],
    ...fields,
  });

  it('never rewrites the episode or deletes its citations', async () => {
    const show = await current().service.handle(
      'recordEpisode',
      {
        episode: episode('Titans: Learning to Memorize at Test Time'),
        pageUrl: `${SHOW}/2026/05/titans/`,
      },
      tabSender(1, `${SHOW}/2026/05/titans/`),
    );
    expect(show.ok).toBe(true);
    const evil = await current().service.handle(
      'recordEpisode',
      {
        episode: episode('Buy my course', {
          published: '2020-01-01',
          visualizationUrl: `https://evil.example/viz/${STEM}.html`,
          sources: [],
        }),
        pageUrl: THIRD_PARTY,
        showPage: false,
      },
      tabSender(2, THIRD_PARTY),
    );
    expect(evil.ok).toBe(true);
    const detail = await current().service.handle('episodeDetail', { key: STEM }, popupSender());
    expect(detail.ok && detail.value.view.episode.title).toBe(
      'Titans: Learning to Memorize at Test Time',
    );
    expect(detail.ok && detail.value.view.episode.published).toBe('2026-05-20');
    expect(detail.ok && detail.value.sources).toHaveLength(1);
    expect(await current().opened[0]!.db.count('citations')).toBe(1);
  });

  it('never moves an episode known by title under the stem it names', async () => {
    const title = 'Titans: Learning to Memorize at Test Time';
    await current().service.handle(
      'recordEpisode',
      { episode: episode(title, { visualizationUrl: null }), pageUrl: `${SHOW}/` },
      tabSender(1, `${SHOW}/`),
    );
    await current().service.handle(
      'setHeard',
      { episodeKey: 'show:titans learning to memorize at test time', heard: true },
      popupSender(),
    );
    await current().service.handle(
      'recordEpisode',
      {
        episode: episode(title, { visualizationUrl: `https://evil.example/viz/${STEM}.html` }),
        pageUrl: THIRD_PARTY,
      },
      tabSender(2, THIRD_PARTY),
    );
    const store = current().opened[0]!;
    expect(
      await store.db.get('episodes', 'show:titans learning to memorize at test time'),
    ).toBeDefined();
    expect(
      (await store.db.get('listens', 'show:titans learning to memorize at test time'))?.state,
    ).toBe('heard');
  });

  it("a host's page that shows it is the show's still records in full", async () => {
    const url = 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk';
    await current().service.handle(
      'recordEpisode',
      { episode: episode('Old title'), pageUrl: url, showPage: true },
      tabSender(1, url),
    );
    await current().service.handle(
      'recordEpisode',
      { episode: episode('New title'), pageUrl: url, showPage: true },
      tabSender(1, url),
    );
    const detail = await current().service.handle('episodeDetail', { key: STEM }, popupSender());
    expect(detail.ok && detail.value.view.episode.title).toBe('New title');
  });
});
