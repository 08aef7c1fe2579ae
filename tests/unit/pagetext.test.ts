/**
 * The page-text reader (`parse FILE.txt`) on the seed's Podimo page and on variants of it:
 * episodes, titles, dates (Norwegian, relative to "now"), durations and sources.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePageText } from '@/lib/hosts/read/page-text';

const SEED = readFileSync(
  fileURLToPath(new URL('../fixtures/text/podimo-episode-page.txt', import.meta.url)),
  'utf8',
);
const NOW = new Date('2026-05-28T12:00:00Z');

describe('parsePageText on the seed Podimo page', () => {
  const episodes = parsePageText(SEED, { now: NOW });

  it('finds the main episode and both list items, in page order', () => {
    expect(episodes.map((e) => [e.title, e.published, e.duration, e.sources.length])).toEqual([
      ['After Titans: Behrouz on Nested Learning and Hope', '2026-05-22', 3600, 3],
      ['Beluga: CXL Memory Pooling for LLM KV Cache', '2026-05-27', 3600, 21],
      ['LPU Chip for Low-Latency LLM Inference', '2026-05-23', 3600, 22],
    ]);
  });

  it('reads each visualization link', () => {
    expect(episodes.map((e) => e.visualizationUrl)).toEqual([
      'https://podcast.do-not-panic.com/viz/2026-05-20-nested-learning-beyond-deep-architecture-7cc949.html',
      'https://podcast.do-not-panic.com/viz/2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.html',
      'https://podcast.do-not-panic.com/viz/2026-05-20-lpu-chip-for-low-latency-llm-inference-be13c3.html',
    ]);
  });

  it('reads the unnumbered sources of the main episode', () => {
    expect(
      episodes[0].sources.map((s) => [s.title, s.authors[0] ?? null, s.year, s.kind, s.arxivId]),
    ).toEqual([
      [
        'Nested Learning: The Illusion of Deep Learning Architectures',
        'Ali Behrouz',
        2025,
        'paper',
        '2512.24695',
      ],
      ['Titans: Learning to Memorize at Test Time', 'Ali Behrouz', 2025, 'paper', '2501.00663'],
      ['Titans: Learning to Memorize at Test Time', null, null, 'episode', null],
    ]);
  });

  it('keeps source ranges pointing into the description', () => {
    for (const e of episodes) {
      for (const s of e.sources) {
        expect(e.description.slice(s.urlStart!, s.urlEnd!)).toBe(s.url);
      }
    }
  });
});

describe('parsePageText variants', () => {
  it('reads the list without cover lines, as a page’s innerText gives it', () => {
    const text = SEED.split('\n')
      .filter((l) => !/^episode .+ cover$/.test(l))
      .join('\n');
    const titles = parsePageText(text, { now: NOW }).map((e) => e.title);
    expect(titles).toEqual([
      'After Titans: Behrouz on Nested Learning and Hope',
      'Beluga: CXL Memory Pooling for LLM KV Cache',
      'LPU Chip for Low-Latency LLM Inference',
    ]);
  });

  it('resolves "I går" and "I dag" against now', () => {
    const text = SEED.replace('27. mai 20261 h 0 min', 'I går1 h 0 min').replace(
      '23. mai 20261 h 0 min',
      'I dag · 1 h 0 min',
    );
    const dates = parsePageText(text, { now: NOW }).map((e) => e.published);
    expect(dates).toEqual(['2026-05-22', '2026-05-27', '2026-05-28']);
  });

  it('reads a Danish page: heading "Om afsnittet", a description cut short behind "Vis mere"', () => {
    const text = [
      'AI Post Transformers',
      'Some Episode',
      '58 min · 3. maj 2026',
      'episode Some Episode cover',
      'Om afsnittet',
      'Summary. Sources: 1. Paper — Ada Author, 2025 https://arxiv.org/abs/2501.00663 2. Other … Vis mere',
    ].join('\n');
    const [e] = parsePageText(text, { now: NOW });
    expect([e.title, e.published, e.duration, e.cutShort]).toEqual([
      'Some Episode',
      '2026-05-03',
      3480,
      true,
    ]);
    // The half-shown second item, cut before its URL, is no source.
    expect(e.sources.map((s) => s.arxivId)).toEqual(['2501.00663']);
    expect(e.description.endsWith('Vis mere')).toBe(false);
  });

  it('reads a text holding only a description as one episode without a title', () => {
    const [e, ...rest] = parsePageText(
      'Summary.\n\nSources:\n  1. Paper — A. Author, 2024\n     https://x.org/p',
      {
        now: NOW,
      },
    );
    expect(rest).toEqual([]);
    expect([e.title, e.published, e.sources.length]).toEqual([null, null, 1]);
  });

  it('gives nothing for an empty text', () => {
    expect(parsePageText('', { now: NOW })).toEqual([]);
    expect(parsePageText(' \n \n', { now: NOW })).toEqual([]);
  });
});
