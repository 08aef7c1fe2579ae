/**
 * Placement of Citecast's hosts on DOMs built with linkedom: right after each source's URL text,
 * page links intact, the page's text unchanged, and idempotent when run again after a re-read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EPISODE_TAG, placeAnnotations, SOURCE_TAG } from '@/lib/content/place';
import { rootOf } from '@/lib/content/roots';
import { readPage } from '@/lib/hosts/read/page';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/** A DOM of `html` (linkedom's document, typed as the DOM's). */
function dom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const FIXTURES = [
  ['podimo/episode-nb.html', 'https://podimo.com/no/shows/ai-post-transformers'],
  ['site/episode.html', 'https://podcast.do-not-panic.com/episodes/synthetic-episode-title/'],
  ['spotify/episode.html', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
  [
    'apple/episode.html',
    'https://podcasts.apple.com/us/podcast/ai-post-transformers/id1234567890?i=1000700000000',
  ],
  ['podimo/show-lazy-da.html', 'https://podimo.com/dk/shows/ai-post-transformers'],
  ['site/month-2026-05.html', 'https://podcast.do-not-panic.com/2026/05/'],
  ['podimo/show-nb.html', 'https://podimo.com/no/shows/ai-post-transformers'],
] as const;

/** Every link's href and text, in order. */
const links = (document: Document) =>
  Array.from(document.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.textContent]);

describe('placeAnnotations on a small page', () => {
  const html = `<html><body><div id="d"><p>Sources: 1. Paper A — Ann Author, 2024 https://arxiv.org/abs/2501.00663v1 2. Paper B — Bo Author, 2023 <a href="https://arxiv.org/abs/2408.07326">https://arxiv.org/abs/2408.07326</a> and more text</p></div></body></html>`;

  it('puts one host right after each URL, splitting text and leaving links whole', () => {
    const document = dom(html);
    const before = links(document);
    const found = readPage(document, 'https://example.org/page');
    expect(found).toHaveLength(1);
    expect(found[0].sources).toHaveLength(2);
    const placement = placeAnnotations(document, found);
    const hosts = Array.from(document.getElementsByTagName(SOURCE_TAG));
    expect(hosts).toHaveLength(2);
    // After the first URL, inside the paragraph's text.
    expect(hosts[0].previousSibling?.textContent).toMatch(/2501\.00663v1$/);
    expect(hosts[0].nextSibling?.textContent).toMatch(/^ 2\. Paper B/);
    expect(hosts[0].getAttribute('data-kind')).toBe('paper');
    expect(hosts[0].getAttribute('data-arxiv-id')).toBe('2501.00663');
    // After the link, not inside it.
    expect(hosts[1].previousSibling?.nodeName).toBe('A');
    expect(hosts[1].parentElement?.nodeName).toBe('P');
    expect(links(document)).toEqual(before);
    // The episode's host heads the description block.
    const episode = document.getElementsByTagName(EPISODE_TAG);
    expect(episode).toHaveLength(1);
    expect(placement.created).toHaveLength(3);
  });

  it('is idempotent and removes orphans', () => {
    const document = dom(html);
    placeAnnotations(document, readPage(document, 'https://example.org/page'));
    const text = document.body.textContent;
    const second = placeAnnotations(document, readPage(document, 'https://example.org/page'));
    expect(second.created).toHaveLength(0);
    expect(second.removed).toBe(0);
    expect(document.getElementsByTagName(SOURCE_TAG)).toHaveLength(2);
    expect(document.getElementsByTagName(EPISODE_TAG)).toHaveLength(1);
    expect(document.body.textContent).toBe(text);
    // The page drops its description: the hosts go with the episode.
    const third = placeAnnotations(document, []);
    expect(third.removed).toBe(3);
    expect(document.getElementsByTagName(SOURCE_TAG)).toHaveLength(0);
  });

  it('gives each host a closed root and never takes an element the page made for its own', () => {
    const document = dom(html);
    const first = placeAnnotations(document, readPage(document, 'https://example.org/page'));
    for (const host of first.created) {
      expect(host.shadowRoot).toBeNull();
      expect(rootOf(host)).not.toBeNull();
    }
    // The page puts its own element of the same name where Citecast's first source host was.
    const ours = first.episodes[0]!.sources[0]!.host;
    const planted = document.createElement(SOURCE_TAG);
    ours.replaceWith(planted);
    const second = placeAnnotations(document, readPage(document, 'https://example.org/page'));
    const placed = second.episodes[0]!.sources.map((s) => s.host);
    expect(placed).not.toContain(planted);
    expect(second.created).toHaveLength(1);
    expect(placed.every((host) => rootOf(host) !== null)).toBe(true);
  });
});

describe.each(FIXTURES)('placeAnnotations on %s', (file, url) => {
  it('places one host per episode and per source, and a second run changes nothing', () => {
    const document = dom(readFileSync(join(ROOT, 'tests', 'fixtures', file), 'utf8'));
    const linksBefore = links(document);
    const found = readPage(document, url);
    const located = found.filter((e) => e.location);
    const sources = located.reduce((n, e) => n + e.sources.length, 0);
    const first = placeAnnotations(document, found);
    expect(document.getElementsByTagName(EPISODE_TAG)).toHaveLength(located.length);
    expect(document.getElementsByTagName(SOURCE_TAG)).toHaveLength(sources);
    // In-text hosts stand right after their URL's text.
    for (const { source, host, inText } of first.episodes.flatMap((e) => e.sources)) {
      if (!inText || !source.url) continue;
      let prev = host.previousSibling;
      while (prev && prev.nodeType === 1 && (prev as Element).localName === SOURCE_TAG)
        prev = prev.previousSibling;
      expect(prev?.textContent?.replace(/\s+$/, '')).toMatch(
        new RegExp(`${source.url.slice(-12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
    }
    expect(links(document)).toEqual(linksBefore);
    // Reading the annotated page finds the same; placing again creates nothing.
    const again = readPage(document, url);
    expect(again.map((e) => e.sources.length)).toEqual(found.map((e) => e.sources.length));
    const second = placeAnnotations(document, again);
    expect(second.created).toHaveLength(0);
    expect(second.removed).toBe(0);
    expect(document.getElementsByTagName(SOURCE_TAG)).toHaveLength(sources);
  });
});
