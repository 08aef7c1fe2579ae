/**
 * Every block whose text holds a source list is covered by exactly one episode, whatever the
 * host's reader makes of the page: lists it misses get the generic reading, lists it reads are
 * never read twice, and reading at once and in steps agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { headingBefore, precedes } from '@/lib/hosts/read/common';
import { readPlanAll } from '@/lib/hosts/host';
import { planPage, readPage } from '@/lib/hosts/read/page';
import { htmlDocument } from '@/scripts/read-saved-page';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures');
const NOW = new Date('2026-05-28T12:00:00Z');
const page = (file: string) => htmlDocument(readFileSync(join(FIXTURES, file), 'utf8'));
const EPISODE_URL = 'https://podimo.com/no/episode/81865cb6-0083-4bdb-a2f9-69c5ed8caa1f';

/** Title and source URLs of each episode. */
const summary = (episodes: FoundEpisode[]) =>
  episodes.map((e) => [e.title, e.sources.map((s) => s.url)]);

/** Every source URL read, once per time it was read. */
const allUrls = (episodes: FoundEpisode[]) => episodes.flatMap((e) => e.sources.map((s) => s.url));

describe('Podimo episode view with the show list under it', () => {
  const original = summary(readPage(page('podimo/episode-nb.html'), EPISODE_URL, { now: NOW }));

  it('reads three episodes on the fixture as written', () => {
    expect(original).toHaveLength(3);
  });

  it('reads the same when the episode links are /e/{id}', () => {
    const doc = page('podimo/episode-nb.html');
    let n = 0;
    for (const a of Array.from(doc.querySelectorAll('a[href*="/episode/"]')))
      a.setAttribute('href', `/e/${++n}`);
    expect(n).toBe(2);
    expect(summary(readPage(doc, EPISODE_URL, { now: NOW }))).toEqual(original);
  });

  it('reads the same when the list items have no links at all', () => {
    const doc = page('podimo/episode-nb.html');
    for (const a of Array.from(doc.querySelectorAll('li > a'))) {
      const div = doc.createElement('div');
      while (a.firstChild) div.appendChild(a.firstChild);
      a.replaceWith(div);
    }
    expect(doc.querySelectorAll('li a')).toHaveLength(0);
    expect(summary(readPage(doc, EPISODE_URL, { now: NOW }))).toEqual(original);
  });

  it('reads a list item the reader misses (no cover) with the generic reader, once', () => {
    const doc = page('podimo/episode-nb.html');
    doc.querySelectorAll('li img')[1]!.remove();
    const episodes = readPage(doc, EPISODE_URL, { now: NOW });
    expect(episodes).toHaveLength(3);
    expect(allUrls(episodes)).toEqual(original.flatMap(([, urls]) => urls));
    const stepped = readPlanAll(planPage(doc, EPISODE_URL, { now: NOW }));
    expect(summary(stepped)).toEqual(summary(episodes));
  });
});

describe('single-episode hosts', () => {
  it('read a second source list on a Spotify page as its own episode', () => {
    const doc = page('spotify/episode.html');
    const before = readPage(doc, 'https://open.spotify.com/episode/x', { now: NOW });
    expect(before).toHaveLength(1);
    const extra = doc.createElement('section');
    extra.innerHTML =
      '<h2>Listeners also liked</h2><p>Sources: 1. Attention Is All You Need — Ashish Vaswani, 2017 https://arxiv.org/abs/1706.03762</p>';
    doc.body.appendChild(extra);
    const after = readPage(doc, 'https://open.spotify.com/episode/x', { now: NOW });
    expect(summary(after.slice(0, 1))).toEqual(summary(before));
    expect(after).toHaveLength(2);
    expect(after[1].title).toBe('Listeners also liked');
    expect(after[1].sources.map((s) => s.arxivId)).toEqual(['1706.03762']);
  });
});

describe('document order on the DOM parse builds', () => {
  it('is the order of the document, not of the elements’ depth', () => {
    const doc = htmlDocument(
      '<body><section><h2 id="a">A</h2></section><section><div><p id="b">b</p></div></section></body>',
    );
    const [a, b] = [doc.getElementById('a')!, doc.getElementById('b')!];
    expect(precedes(a, b)).toBe(true);
    expect(precedes(b, a)).toBe(false);
    expect(headingBefore(doc, b)).toBe(a);
  });

  it('titles a generic list by the nearest heading before it (a visualization page read without its address)', () => {
    const [episode] = readPage(page('site/viz-beluga.html'), null, { now: NOW });
    expect(episode.title).toBe('How the KV cache moves');
    expect(episode.sources).toHaveLength(2);
  });
});
