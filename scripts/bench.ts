/**
 * `npm run bench`: the project's benchmarks, each figure on its own line as `name: value unit`,
 * always beside a baseline measured in the same run on the same input. Timings are medians of
 * several rounds after a warm-up; they never go into pass/fail tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePageText } from '../lib/pagetext/index';
import { parseSources } from '../lib/sources/parse';

const SEED = fileURLToPath(
  new URL('../tests/fixtures/text/podimo-episode-page.txt', import.meta.url),
);

/** Median wall time in ms of `fn` over `rounds` rounds, after `warmup` unmeasured ones. */
function median(fn: () => void, rounds = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function print(name: string, value: number, unit: string, digits = 2): void {
  process.stdout.write(`${name}: ${value.toFixed(digits)} ${unit}\n`);
}

/** The seed page's descriptions (the paragraphs that hold a source list). */
function seedDescriptions(): string[] {
  return readFileSync(SEED, 'utf8')
    .split('\n')
    .filter((l) => /Sources?:/.test(l));
}

/**
 * `count` distinct descriptions built from the seed's: each copy gets its own arXiv ids and
 * episode hashes so no two strings are the same.
 */
function buildDescriptions(count: number): string[] {
  const seeds = seedDescriptions();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0');
    out.push(
      seeds[i % seeds.length]
        .replace(/(\d{4})\.(\d{5})/g, (_m, a: string) => `${a}.${n}`)
        .replace(
          /-([0-9a-f]{6})\.(mp3|html)/g,
          (_m, _h: string, ext: string) => `-${n}a${i % 10}.${ext}`,
        ),
    );
  }
  return out;
}

/** A Podimo-like page text with `episodes` list items after the main episode, as on the seed. */
function buildPageText(episodes: number): string {
  const seed = readFileSync(SEED, 'utf8');
  const listStart = seed.indexOf('episode Beluga');
  const head = seed.slice(0, listStart);
  const items = seed
    .slice(listStart)
    .trim()
    .split(/\n(?=episode .+ cover$)/m);
  const body: string[] = [];
  for (let i = 0; i < episodes; i++) {
    // Vary the titles so every item is its own episode.
    body.push(items[i % items.length].replace(/^episode (.+) cover$/m, `episode $1 #${i} cover`));
  }
  return `${head}${body.join('\n')}\n`;
}

function benchParse(): void {
  const descriptions = buildDescriptions(10_000);
  let sources = 0;
  let urls = 0;
  const parseMs = median(() => {
    sources = 0;
    for (const d of descriptions) sources += parseSources(d).sources.length;
  });
  // Baseline: one regex pass over the same text that only finds URLs.
  const scanMs = median(() => {
    urls = 0;
    for (const d of descriptions) for (const _ of d.matchAll(/https?:\/\/\S+/g)) urls++;
  });
  print('parse.descriptions', descriptions.length, 'descriptions', 0);
  print('parse.sources', sources, 'sources', 0);
  print('parse.ms', parseMs, 'ms');
  print('baseline.url_scan_ms', scanMs, 'ms');
  print('parse.sources_per_s', (sources / parseMs) * 1000, 'sources/s', 0);
  print('parse.vs_url_scan', parseMs / scanMs, 'x (target <= 5)');
  if (urls < sources) throw new Error(`the URL scan found ${urls} URLs for ${sources} sources`);

  const page = buildPageText(662);
  let episodes = 0;
  let pageSources = 0;
  const pageMs = median(() => {
    const found = parsePageText(page, { now: new Date('2026-05-28T12:00:00Z') });
    episodes = found.length;
    pageSources = found.reduce((n, e) => n + e.sources.length, 0);
  });
  const pageScanMs = median(() => {
    let n = 0;
    for (const _ of page.matchAll(/https?:\/\/\S+/g)) n++;
    if (n === 0) throw new Error('no URLs');
  });
  print('parse.page_662_episodes', episodes, 'episodes', 0);
  print('parse.page_662_sources', pageSources, 'sources', 0);
  print('parse.page_662_ms', pageMs, 'ms (target < 50)');
  print('baseline.page_662_url_scan_ms', pageScanMs, 'ms');
}

benchParse();
