/**
 * The annotation benchmark in real Chromium: a 662-episode Podimo show page served at its real
 * address, loaded with the built extension and, side by side in the same run, in the same
 * Chromium without it. Main-thread blocking is measured with a 10 ms heartbeat in the page
 * (long-task entries do not see content-script work; style and layout count here too), and when
 * an episode's bar is shown with a resize observer, both added before the page's own scripts by
 * an init script. After the load, the reader jumps to the end (the End key) and then to an episode
 * in the middle (as a link to it would), and each jump is timed to that episode's bar.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_EXT, CHROMIUM_SWITCHES, which } from '@/tests/browser/browsers.ts';

/** How long after the load event the "blocked" figure looks. */
const AFTER_LOAD_MS = 3_000;
/** How long after a jump its blocks are looked for. */
const AFTER_JUMP_MS = 1_500;
/** A heartbeat gap counts as blocked time beyond this (its 10 ms period plus a little jitter). */
const BLOCKED_OVER_MS = 16;

/** The heartbeat's figures over one stretch of time. */
interface Blocks {
  /** The longest gap between heartbeat ticks, less the 10 ms period. */
  longestMs: number;
  /** The sum of every gap over {@link BLOCKED_OVER_MS}, less the 10 ms period. */
  blockedMs: number;
}

/** What one load of the page, and the two jumps after it, gave. */
interface Round {
  /** ms from navigation start to the load event's end. */
  loadMs: number;
  /** ms after the load event until the bars of the episodes in the first screen were all shown. */
  visibleMs: number | null;
  /** The heartbeat in the {@link AFTER_LOAD_MS} after the load event. */
  afterLoad: Blocks;
  /** ms from the End key until the last episode's bar was shown, and the blocks after it. */
  endMs: number | null;
  end: Blocks;
  /** ms from the jump to the middle episode until its bar was shown, and the blocks after it. */
  middleMs: number | null;
  middle: Blocks;
  /** The page's JS heap after a garbage collection, in bytes. */
  heapBytes: number;
  /** Source hosts in the page at the end. */
  hosts: number;
}

/**
 * The page's heartbeat and bar clock, in the page's own world. Bars' shadow roots are closed to
 * the page, so a bar counts as shown once it has a box: an empty host has none until its bar and
 * styles are in (a resize observer sees it after layout, without forcing one).
 */
const INIT_SCRIPT = `(() => {
  const beats = [];
  let last = performance.now();
  const shownAt = new Map();
  const sized = new ResizeObserver((entries) => {
    const now = performance.now();
    for (const entry of entries) {
      if (entry.contentRect.height === 0) continue;
      shownAt.set(entry.target, now);
      sized.unobserve(entry.target);
    }
  });
  setInterval(() => {
    const now = performance.now();
    beats.push([last, now - last]);
    last = now;
  }, 10);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && n.localName === 'citecast-episode') sized.observe(n);
    }
  }).observe(document, { childList: true, subtree: true });
  let jumpedAt = 0;
  addEventListener('keydown', (e) => { if (e.key === 'End') jumpedAt = performance.now(); }, true);
  const loadEnd = () => performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0;
  const onScreen = (el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  const items = () => [...document.querySelectorAll('main ul > li')];
  const barOf = (li) => li.querySelector('citecast-episode');
  globalThis.__citecastBench = {
    loadEnd,
    jumpedAt: () => jumpedAt,
    jumpToMiddle() {
      const list = items();
      jumpedAt = performance.now();
      list[Math.floor(list.length / 2)].scrollIntoView({ block: 'start' });
    },
    blocks(from, to) {
      const inside = beats.filter((b) => b[0] >= from && b[0] < to).map((b) => b[1] - 10);
      return {
        longestMs: Math.max(0, ...inside),
        blockedMs: inside.filter((g) => g + 10 > ${BLOCKED_OVER_MS}).reduce((a, g) => a + g, 0),
      };
    },
    /** ms after the load until every on-screen item's bar was shown; null while one is missing. */
    visibleMs() {
      const seen = items().filter(onScreen).map((li) => shownAt.get(barOf(li)));
      if (seen.length === 0 || seen.some((t) => t === undefined)) return null;
      return Math.max(0, Math.max(...seen) - loadEnd());
    },
    /** ms after the last jump until the bar of item \`which\` ('last' or 'middle') was shown. */
    shownAfterJump(which) {
      const list = items();
      const li = which === 'last' ? list[list.length - 1] : list[Math.floor(list.length / 2)];
      const at = shownAt.get(barOf(li));
      return at === undefined || !onScreen(li) ? null : Math.max(0, at - jumpedAt);
    },
    hosts: () => document.getElementsByTagName('citecast-source').length,
  };
})();`;

/** The page-side helper, typed for `page.evaluate`. */
interface BenchGlobal {
  loadEnd(): number;
  jumpedAt(): number;
  jumpToMiddle(): void;
  blocks(from: number, to: number): Blocks;
  visibleMs(): number | null;
  shownAfterJump(which: 'last' | 'middle'): number | null;
  hosts(): number;
}
/** The page's global with the helper (functions given to `page.evaluate` run in the page). */
type BenchWindow = { __citecastBench: BenchGlobal };

/** A Chromium context, with or without the built extension, serving `html` at `url`. */
async function openContext(
  executablePath: string,
  withExtension: boolean,
  url: string,
  html: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'citecast-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: withExtension
      ? [
          `--disable-extensions-except=${CHROME_EXT}`,
          `--load-extension=${CHROME_EXT}`,
          ...CHROMIUM_SWITCHES,
        ]
      : [...CHROMIUM_SWITCHES],
  });
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested.startsWith('chrome-extension://')) return route.continue();
    if (requested === url)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(INIT_SCRIPT);
  if (withExtension && context.serviceWorkers().length === 0)
    await context.waitForEvent('serviceworker', { timeout: 10_000 });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The heartbeat's figures from `from` for `ms`, once that time has passed in the page. */
async function blocksAfter(page: Page, from: number, ms: number): Promise<Blocks> {
  await page.waitForFunction((until) => performance.now() >= until, from + ms, { polling: 100 });
  return page.evaluate(
    ([a, b]) => (globalThis as unknown as BenchWindow).__citecastBench.blocks(a!, b!),
    [from, from + ms],
  );
}

/** Waits (up to `ms`) for `figure` to answer a number in the page; `null` if it never does. */
async function waitFor(
  page: Page,
  figure: (arg: string) => number | null,
  ms: number,
  arg = '',
): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(figure, arg, { timeout: ms, polling: 20 });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/**
 * Jumps with `go`, then answers the ms until the bar of item `which` was shown (`null` if never)
 * and the heartbeat's blocks in the {@link AFTER_JUMP_MS} after the jump.
 */
async function jump(
  page: Page,
  go: () => Promise<void>,
  which: 'last' | 'middle',
): Promise<[number | null, Blocks]> {
  await go();
  const at = await page.evaluate(() =>
    (globalThis as unknown as BenchWindow).__citecastBench.jumpedAt(),
  );
  const shownMs = await waitFor(
    page,
    (item) =>
      (globalThis as unknown as BenchWindow).__citecastBench.shownAfterJump(
        item as 'last' | 'middle',
      ),
    AFTER_JUMP_MS,
    which,
  );
  return [shownMs, await blocksAfter(page, at, AFTER_JUMP_MS)];
}

/** Loads the page once, jumps to its end and its middle, and measures; see {@link Round}. */
async function loadOnce(context: BrowserContext, url: string): Promise<Round> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const loadEnd = await page.evaluate(() =>
      (globalThis as unknown as BenchWindow).__citecastBench.loadEnd(),
    );
    const visibleMs = await waitFor(
      page,
      () => (globalThis as unknown as BenchWindow).__citecastBench.visibleMs(),
      AFTER_LOAD_MS,
    );
    const afterLoad = await blocksAfter(page, loadEnd, AFTER_LOAD_MS);
    const [endMs, end] = await jump(page, () => page.keyboard.press('End'), 'last');
    const [middleMs, middle] = await jump(
      page,
      () =>
        page.evaluate(() => (globalThis as unknown as BenchWindow).__citecastBench.jumpToMiddle()),
      'middle',
    );
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const hosts = await page.evaluate(() =>
      (globalThis as unknown as BenchWindow).__citecastBench.hosts(),
    );
    return {
      loadMs: loadEnd,
      visibleMs,
      afterLoad,
      endMs,
      end,
      middleMs,
      middle,
      heapBytes,
      hosts,
    };
  } finally {
    await page.close();
  }
}

/** The median of `values` (the lower middle for an even count); `null` when one is missing. */
function middleOf(values: (number | null)[]): number | null {
  if (values.some((v) => v === null)) return null;
  const sorted = (values as number[]).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** One figure with Citecast and the same figure of the page alone, medians over the rounds. */
export interface Pair {
  citecast: number | null;
  page: number | null;
}

/** The benchmark's figures; see {@link Round} for each. */
export interface AnnotateFigures {
  visibleMs: number | null;
  longestAfterLoadMs: Pair;
  blockedAfterLoadMs: Pair;
  endMs: number | null;
  endLongestMs: Pair;
  middleMs: number | null;
  middleLongestMs: Pair;
  heapBytes: Pair;
  loadMs: Pair;
  /** Source hosts in the page at the end (those placed near where the reader has been). */
  hosts: number;
  rounds: number;
}

/** The figures of the benchmark, or `null` (with a line on stderr) when Chromium is missing. */
export async function benchAnnotateInChromium(
  url: string,
  html: string,
  rounds = 5,
): Promise<AnnotateFigures | null> {
  const executablePath = which('chromium');
  if (!executablePath) {
    process.stderr.write('bench: chromium is missing; no annotate.* figures in Chromium\n');
    return null;
  }
  const withExt = await openContext(executablePath, true, url, html);
  const without = await openContext(executablePath, false, url, html);
  const ext: Round[] = [];
  const bare: Round[] = [];
  try {
    // One warm-up each, then the two in turn, so a slow moment hits both alike.
    for (let round = -1; round < rounds; round++) {
      const a = await loadOnce(withExt.context, url);
      const b = await loadOnce(without.context, url);
      if (round < 0) continue;
      ext.push(a);
      bare.push(b);
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  const pair = (figure: (r: Round) => number | null): Pair => ({
    citecast: middleOf(ext.map(figure)),
    page: middleOf(bare.map(figure)),
  });
  return {
    visibleMs: middleOf(ext.map((r) => r.visibleMs)),
    longestAfterLoadMs: pair((r) => r.afterLoad.longestMs),
    blockedAfterLoadMs: pair((r) => r.afterLoad.blockedMs),
    endMs: middleOf(ext.map((r) => r.endMs)),
    endLongestMs: pair((r) => r.end.longestMs),
    middleMs: middleOf(ext.map((r) => r.middleMs)),
    middleLongestMs: pair((r) => r.middle.longestMs),
    heapBytes: pair((r) => r.heapBytes),
    loadMs: pair((r) => r.loadMs),
    hosts: Math.min(...ext.map((r) => r.hosts)),
    rounds,
  };
}
