/**
 * The site readers on DOMs built in Node (linkedom, as `parse` builds them): line structure of
 * the extracted text, the map from parser ranges back to DOM text nodes, each host's layout
 * quirks, lazy-loaded lists, and pages with nothing to find.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { pickHost, readPage } from '@/lib/hosts/read/page';
import { extractText, type TextMap } from '@/lib/hosts/read/text';
import { htmlDocument } from '@/scripts/read-saved-page';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures');
const NOW = new Date('2026-05-28T12:00:00Z');
const page = (file: string) => htmlDocument(readFileSync(join(FIXTURES, file), 'utf8'));

/** The DOM text between two located positions (same or different text nodes). */
function domTextBetween(map: TextMap, start: number, end: number): string {
  const a = map.locate(start, 'after')!;
  const b = map.locate(end, 'before')!;
  if (a.node === b.node) return a.node.data.slice(a.offset, b.offset);
  const i = map.segments.findIndex((s) => s.node === a.node);
  const j = map.segments.findIndex((s) => s.node === b.node);
  let text = a.node.data.slice(a.offset);
  const nodes = new Set<Text>();
  for (const s of map.segments.slice(i + 1, j)) if (s.node !== a.node) nodes.add(s.node);
  for (const n of nodes) text += n.data;
  return text + b.node.data.slice(0, b.offset);
}

/** Every source's URL range maps back to DOM text that is exactly its URL. */
function expectUrlsMapped(episode: FoundEpisode): void {
  const loc = episode.location!;
  expect(loc.map).not.toBeNull();
  expect(loc.map!.text.slice(loc.offset, loc.offset + episode.description.length)).toBe(
    episode.description,
  );
  for (const s of episode.sources) {
    const dom = domTextBetween(loc.map!, loc.offset + s.urlStart!, loc.offset + s.urlEnd!);
    expect(dom.trim()).toBe(s.url);
  }
}

describe('extractText', () => {
  it('keeps <br> and block boundaries as line breaks, never gluing a URL to the next number', () => {
    const doc = htmlDocument(
      '<div id="d">Sources:<br>1. A — B, 2025<br>   <a href="u">https://arxiv.org/abs/2502.15734v1</a><div>2. Next — C, 2024</div><p>  spaced\n   out  </p><script>x()</script><style>p{}</style></div>',
    );
    const map = extractText(doc.querySelector('#d')!);
    expect(map.text).toBe(
      'Sources:\n1. A — B, 2025\nhttps://arxiv.org/abs/2502.15734v1\n2. Next — C, 2024\nspaced out',
    );
    expect(doc.querySelector('#d')!.textContent).toContain('v12. Next'); // what it avoids
  });

  it('maps every character back to its text node, also across collapsed whitespace', () => {
    const doc = htmlDocument('<p id="p">one   two<b>three</b>\n four</p>');
    const map = extractText(doc.querySelector('#p')!);
    expect(map.text).toBe('one twothree four');
    const three = map.locate(7)!;
    expect(three.node.data).toBe('three');
    expect(three.offset).toBe(0);
    const endOfThree = map.locate(12, 'before')!;
    expect(endOfThree.node.data.slice(0, endOfThree.offset)).toBe('three');
    const four = map.locate(13)!;
    expect(four.node.data.slice(four.offset)).toBe('four');
  });

  it('walks a deeply nested DOM without overflowing the stack', () => {
    const depth = 20_000;
    const doc = htmlDocument(
      `<div id="r">${'<span>'.repeat(depth)}deep${'</span>'.repeat(depth)}</div>`,
    );
    expect(extractText(doc.querySelector('#r')!).text).toBe('deep');
  });
});

describe('own site reader', () => {
  it('episode page: the description maps back to the DOM, source by source', () => {
    const [e] = readPage(page('site/episode.html'), null, { now: NOW });
    expect(e.sources).toHaveLength(4);
    expect(e.location!.element.className).toBe('ep-desc');
    expectUrlsMapped(e);
  });

  it('month archive: the source list moved out of p.card-desc is still read, per card', () => {
    const doc = page('site/month-2026-05.html');
    // The HTML parser moved the <div> out of the <p>, as a browser does.
    expect(doc.querySelector('p.card-desc .card-sources')).toBeNull();
    expect(doc.querySelectorAll('.card-body > .card-sources')).toHaveLength(3);
    const episodes = readPage(doc, 'https://podcast.do-not-panic.com/2026/05/', { now: NOW });
    expect(episodes.map((e) => e.sources.length)).toEqual([4, 3, 3]);
    for (const e of episodes) {
      expect(e.location!.element.matches('p.card-desc')).toBe(true);
      expect(e.description.startsWith(e.location!.element.textContent!.trim())).toBe(true);
      expectUrlsMapped(e);
    }
  });

  it('home page: one episode per catalog entry, the cards attached to theirs', () => {
    const episodes = readPage(page('site/home.html'), 'https://podcast.do-not-panic.com/', {
      now: NOW,
    });
    expect(episodes.map((e) => e.title)).toEqual([
      'Beluga: CXL Memory Pooling for LLM KV Cache',
      'Titans: Learning to Memorize at Test Time',
      'LPU Chip for Low-Latency LLM Inference',
      'Speculative Decoding in Real vLLM Serving',
    ]);
    const withCard = episodes.map((e) => e.location?.element.tagName ?? null);
    expect(withCard).toEqual(['A', null, 'A', null]);
    expect(episodes[0].location!.element.getAttribute('href')).toBe(
      'episodes/beluga-cxl-memory-pooling-for-llm-kv-cache/',
    );
  });

  it('visualization page: the source list after Sources:<br>, titled by the page', () => {
    const url =
      'https://podcast.do-not-panic.com/viz/2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.html';
    const episodes = readPage(page('site/viz-beluga.html'), url, { now: NOW });
    expect(episodes).toHaveLength(1);
    expect(episodes[0].title).toBe('Beluga: CXL Memory Pooling for LLM KV Cache');
    expect(episodes[0].published).toBe('2026-05-27');
    expect(episodes[0].visualizationUrl).toBe(url);
    expect(episodes[0].sources.map((s) => s.url)).toEqual([
      'http://arxiv.org/abs/2511.20172',
      'https://scholar.google.com/scholar?q=Memory+Pooling+With+CXL',
    ]);
    expect(episodes[0].sources[0].title).toBe(
      'Beluga: A CXL-Based Memory Architecture for Scalable and Efficient LLM KVCache Management',
    );
  });

  // How fast a long page without a list is read is the bench's concern (timings never decide a
  // unit test); here only that a long page with no list yields nothing.
  it('a long page with no sources yields nothing', () => {
    const filler = '<p>Plain text about papers and podcasts, no list. </p>'.repeat(20_000);
    const doc = htmlDocument(`<html><body><h1>Long</h1>${filler}</body></html>`);
    expect(readPage(doc, 'https://podcast.do-not-panic.com/about/', { now: NOW })).toEqual([]);
    expect(readPage(page('site/about-no-sources.html'), null, { now: NOW })).toEqual([]);
  });
});

describe('Podimo reader', () => {
  it('reads the full text from __NEXT_DATA__ when the list shows it cut short behind "Vis mer"', () => {
    const episodes = readPage(page('podimo/show-nb.html'), null, { now: NOW });
    expect(episodes).toHaveLength(4);
    expect(episodes.every((e) => !e.cutShort)).toBe(true);
    expect(episodes[0].published).toBe('2026-05-27'); // "I går"
    expect(episodes[0].sources).toHaveLength(4);
    // From embedded data: the item is the location, no text map (the DOM shows a prefix).
    expect(episodes[0].location!.map).toBeNull();
    // The item shown in full (links as <a>) is read from the DOM and mapped.
    expectUrlsMapped(episodes[2]);
    // Never a generated class name: the same page with every class renamed reads the same.
    const doc = page('podimo/show-nb.html');
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.setAttribute('class', 'zz');
    expect(readPage(doc, null, { now: NOW }).map((e) => e.sources.length)).toEqual([4, 3, 3, 2]);
  });

  it('marks the main episode cut short when no embedded data has the rest (Danish page)', () => {
    const [main, ...list] = readPage(
      page('podimo/episode-da-cut.html'),
      'https://podimo.com/dk/episode/x',
      { now: NOW },
    );
    expect(main.title).toBe('Beluga: CXL Memory Pooling for LLM KV Cache');
    expect(main.cutShort).toBe(true);
    expect(main.description).not.toMatch(/Vis mere/);
    expect(main.duration).toBe(58 * 60);
    expect(list.map((e) => [e.title, e.published, e.duration, e.cutShort])).toEqual([
      ['Titans: Learning to Memorize at Test Time', '2026-05-28', 3720, false],
      ['LPU Chip for Low-Latency LLM Inference', '2026-05-03', 3720, false],
    ]);
  });

  it('reads items appended after load (a lazy list) on the next read', () => {
    const doc = page('podimo/episode-da-cut.html');
    const list = doc.querySelector('ul')!;
    expect(readPage(doc, null, { now: NOW })).toHaveLength(3);
    const li = list.lastElementChild!.cloneNode(true) as Element;
    li.querySelector('img')!.setAttribute('alt', 'episode Appended Later cover');
    li.querySelector('a')!.textContent = 'Appended Later';
    list.appendChild(li);
    const after = readPage(doc, null, { now: NOW });
    expect(after.map((e) => e.title)).toEqual([
      'Beluga: CXL Memory Pooling for LLM KV Cache',
      'Titans: Learning to Memorize at Test Time',
      'LPU Chip for Low-Latency LLM Inference',
      'Appended Later',
    ]);
    expect(after[3].sources).toHaveLength(3);
  });

  it('reads the seed demo page: main episode and list items', () => {
    const episodes = readPage(page('podimo/episode-nb.html'), null, { now: NOW });
    expect(episodes.map((e) => [e.title, e.published, e.sources.length])).toEqual([
      ['After Titans: Behrouz on Nested Learning and Hope', '2026-05-22', 3],
      ['Beluga: CXL Memory Pooling for LLM KV Cache', '2026-05-27', 21],
      ['LPU Chip for Low-Latency LLM Inference', '2026-05-23', 22],
    ]);
  });
});

describe('Spotify, Apple, generic', () => {
  it('Spotify: one episode, JSON-LD text without the "Listen to this episode" prefix', () => {
    const episodes = readPage(page('spotify/episode.html'), null, { now: NOW });
    expect(episodes).toHaveLength(1);
    expect(episodes[0].description.startsWith('Behrouz, Zhong and Mirrokni')).toBe(true);
    expect(episodes[0].sources).toHaveLength(3);
    expect(episodes[0].location!.element.getAttribute('data-testid')).toBe('episode-description');
  });

  it('Spotify: the DOM text (mapped) when it is complete', () => {
    const doc = page('spotify/episode.html');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    const full = (ld.description as string).replace(
      /^Listen to this episode from .*? on Spotify\. /,
      '',
    );
    const box = doc.querySelector('[data-testid="episode-description"]')!;
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(doc.createTextNode(full));
    const [e] = readPage(doc, 'https://open.spotify.com/episode/x', { now: NOW });
    expect(e.sources).toHaveLength(3);
    expectUrlsMapped(e);
  });

  it('Apple: paragraphs with <br>, date above the title, mapped', () => {
    const [e] = readPage(page('apple/episode.html'), null, { now: NOW });
    expect(e.published).toBe('2026-05-15');
    expect(e.location!.element.className).toContain('truncate-wrapper');
    expectUrlsMapped(e);
  });

  it('generic: every block with a source list, titled by its nearest heading', () => {
    const episodes = readPage(page('generic/blog-post.html'), 'https://example.org/notes', {
      now: NOW,
    });
    expect(episodes.map((e) => [e.title, e.published, e.sources.length])).toEqual([
      ['Titans: Learning to Memorize at Test Time', '2026-05-21', 2],
      ['Speculative Decoding in Real vLLM Serving', null, 2],
    ]);
    // One URL is an <a>, the other plain text: both map back.
    expectUrlsMapped(episodes[0]);
  });

  it('picks the reader by address, else by content', () => {
    expect(pickHost(page('apple/episode.html'), null).id).toBe('apple');
    expect(pickHost(page('spotify/episode.html'), null).id).toBe('spotify');
    expect(pickHost(page('podimo/show-nb.html'), null).id).toBe('podimo');
    expect(pickHost(page('site/home.html'), null).id).toBe('show');
    expect(pickHost(page('generic/blog-post.html'), null).id).toBe('generic');
    expect(pickHost(page('generic/blog-post.html'), 'https://podimo.com/no/x').id).toBe('podimo');
  });
});
