/**
 * `npm run bench`: the project's benchmarks, each figure on its own line as `name: value unit`,
 * always beside a baseline measured in the same run on the same input. Timings are medians of
 * several rounds after a warm-up; they never go into pass/fail tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePageText } from '../lib/pagetext/index';
import { pickReader } from '../lib/sites/index';
import { podimoReader } from '../lib/sites/podimo';
import { parseSources } from '../lib/sources/parse';
import { htmlDocument } from './read-saved-page';

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

/**
 * Median wall times in ms of several functions measured side by side: each round runs every
 * function once, in turn, so a slow moment of the machine (or a collection of the previous
 * round's garbage) falls on all of them alike.
 */
function sideBySide(fns: Array<() => void>, rounds = 9, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fns.forEach((fn) => fn());
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
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
  const [parseMs, scanMs] = sideBySide([
    () => {
      sources = 0;
      for (const d of descriptions) sources += parseSources(d).sources.length;
    },
    // Baseline: one regex pass over the same text that only finds URLs.
    () => {
      urls = 0;
      for (const d of descriptions) for (const _ of d.matchAll(/https?:\/\/\S+/g)) urls++;
    },
  ]);
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
  const [pageMs, pageScanMs] = sideBySide([
    () => {
      const found = parsePageText(page, { now: new Date('2026-05-28T12:00:00Z') });
      episodes = found.length;
      pageSources = found.reduce((n, e) => n + e.sources.length, 0);
    },
    () => {
      let n = 0;
      for (const _ of page.matchAll(/https?:\/\/\S+/g)) n++;
      if (n === 0) throw new Error('no URLs');
    },
  ]);
  print('parse.page_662_episodes', episodes, 'episodes', 0);
  print('parse.page_662_sources', pageSources, 'sources', 0);
  print('parse.page_662_ms', pageMs, 'ms (target < 50)');
  print('baseline.page_662_url_scan_ms', pageScanMs, 'ms');
}

/** Escapes text for an HTML text node. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Podimo show page (the list layout of `tests/fixtures/podimo/show-nb.html`) with
 * `episodes` list items, each an episode link holding its cover, title, full description (a
 * seed description with its own arXiv ids) and a date line.
 */
function buildPodimoShowHtml(episodes: number): string {
  const descriptions = buildDescriptions(episodes);
  const months = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.'];
  const items = descriptions.map((d, i) => {
    const title = escapeHtml(`Episode ${i + 1}: Memory Architectures for Long Context, part ${i}`);
    const date = `${(i % 28) + 1}. ${months[i % months.length]} ${2025 - Math.floor(i / 280)}`;
    return `        <li class="css-0a57258">
          <a class="sc-8d6ea708-0 KttzBy" href="/no/episode/${String(i).padStart(8, '0')}-0083-4bdb-a2f9-69c5ed8caa1f">
            <div class="css-c77a200"><img class="css-ed7d9d7" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="episode ${title} cover" width="96" height="96" loading="lazy"></div>
            <div class="css-13770dd">
              <span class="sc-37937ab1-0 tqGKAt">${title}</span>
              <div class="sc-c74379aa-0 xDslLW"><p>${escapeHtml(d)}</p></div>
              <div class="css-6dcbbb2"><span class="css-8c68a7e">${date}</span><span class="css-1e84b8a">${50 + (i % 20)} min</span></div>
            </div>
          </a>
        </li>`;
  });
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>AI Post Transformers | Podcast | Podimo</title>
<meta property="og:title" content="AI Post Transformers">
<meta property="og:site_name" content="Podimo">
</head>
<body>
<div id="__next">
  <header class="sc-bf50d5e6-0 MTQcbw"><a class="css-4217db8" href="/no">podimo</a></header>
  <main class="sc-193cfc9b-0 wYnDwh">
    <section class="css-5381fcb">
      <div>
        <h1 class="css-ca2414e">AI Post Transformers</h1>
        <div class="css-66afb2b">Hal Turing &amp; Dr. Ada Shannon</div>
      </div>
    </section>
    <section>
      <h2 class="css-e8f22ef">Alle episoder</h2>
      <div class="css-66afb2b">${episodes} Episoder</div>
      <ul class="css-c5690b5">
${items.join('\n')}
      </ul>
    </section>
  </main>
</div>
</body>
</html>
`;
}

function benchRead(): void {
  const count = 662;
  const url = 'https://podimo.com/no/shows/ai-post-transformers';
  const html = buildPodimoShowHtml(count);
  const expectedSources = buildDescriptions(count).reduce(
    (n, d) => n + parseSources(d).sources.length,
    0,
  );
  const document = htmlDocument(html);
  const reader = pickReader(document, url);
  if (reader !== podimoReader) throw new Error(`the page was given to the ${reader.id} reader`);
  const now = new Date('2026-05-28T12:00:00Z');
  let episodes = 0;
  let sources = 0;
  const readMs = median(() => {
    const found = podimoReader.read(document, url, { now });
    episodes = found.length;
    sources = found.reduce((n, e) => n + e.sources.length, 0);
  });
  // Baseline: one textContent pass over the same DOM.
  let chars = 0;
  const textMs = median(() => {
    chars = document.body.textContent?.length ?? 0;
  });
  if (episodes !== count)
    throw new Error(`the Podimo reader found ${episodes} of ${count} episodes`);
  if (sources !== expectedSources)
    throw new Error(
      `the Podimo reader found ${sources} sources, the descriptions hold ${expectedSources}`,
    );
  if (chars === 0) throw new Error('the page has no text');
  print('read.podimo_662_html_bytes', Buffer.byteLength(html), 'bytes', 0);
  print('read.podimo_662_episodes', episodes, 'episodes', 0);
  print('read.podimo_662_sources', sources, 'sources', 0);
  print('read.podimo_662_ms', readMs, 'ms');
  print('baseline.podimo_662_text_content_ms', textMs, 'ms');
  print('read.podimo_662_vs_text_content', readMs / textMs, 'x');
}

benchParse();
benchRead();
