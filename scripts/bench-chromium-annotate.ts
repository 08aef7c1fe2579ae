/**
 * The annotation benchmark in real Chromium: a 662-episode Podimo show page
 * served at its real address, loaded with the built extension and, side by side in the same run,
 * in the same Chromium without it. Main-thread blocking is measured with a 10 ms heartbeat in the
 * page (long-task entries do not see content-script work; style and layout count here too), and
 * the time every host element appears with a MutationObserver, both added before the page's own
 * scripts by an init script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_EXT, CHROMIUM_SWITCHES, which } from '@/tests/browser/browsers.ts';

/** What one load of the page gave. */
interface LoadRound {
  /** ms from navigation start to the load event's end. */
  loadMs: number;
  /** ms after the load event until the bars of the episodes in the first screen were all filled. */
  visibleMs: number | null;
  /** ms after the load event until every source host was there. */
  allMs: number | null;
  /** The longest gap between heartbeat ticks, less the 10 ms period, from start to settled. */
  longestBlockMs: number;
  /** The same, counting only gaps that start after the load event (the content script's time). */
  longestAfterLoadMs: number;
  hosts: number;
}

/**
 * The page's heartbeat and host clock, in the page's own world. `__citecastBench.done()` answers
 * the figures once the expected number of hosts is there (or after a timeout).
 */
const INIT_SCRIPT = `(() => {
  const beats = [];
  let last = performance.now();
  // Bars placed but not yet filled. Their shadow roots are closed to the page, so a bar counts as
  // shown once it has a box: an empty host has none until its bar and styles are in (a resize
  // observer sees it after layout, without forcing one).
  const unfilled = new Set();
  const seen = new Map();
  const sized = new ResizeObserver((entries) => {
    const now = performance.now();
    for (const entry of entries) {
      if (entry.contentRect.height === 0) continue;
      seen.set(entry.target, now);
      unfilled.delete(entry.target);
      sized.unobserve(entry.target);
    }
  });
  setInterval(() => {
    const now = performance.now();
    beats.push([last, now - last]);
    last = now;
  }, 10);
  let sources = 0;
  let lastSourceAt = null;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      const name = n.localName;
      if (name === 'citecast-episode') { unfilled.add(n); sized.observe(n); }
      else if (name === 'citecast-source') { sources++; lastSourceAt = now; }
    }
  }).observe(document, { childList: true, subtree: true });
  globalThis.__citecastBench = {
    sources: () => sources,
    figures() {
      const nav = performance.getEntriesByType('navigation')[0];
      const loadEnd = nav ? nav.loadEventEnd : 0;
      const onScreen = (el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      };
      // A visible bar never filled leaves the figure unset (the round then does not count).
      const visible = [...seen].filter(([el]) => onScreen(el));
      const visibleAt =
        visible.length && ![...unfilled].some(onScreen) ? Math.max(...visible.map(([, t]) => t)) : null;
      return {
        loadMs: loadEnd,
        visibleMs: visibleAt === null ? null : Math.max(0, visibleAt - loadEnd),
        allMs: lastSourceAt === null ? null : Math.max(0, lastSourceAt - loadEnd),
        longestBlockMs: Math.max(0, ...beats.map((b) => b[1] - 10)),
        longestAfterLoadMs: Math.max(0, ...beats.filter((b) => b[0] >= loadEnd).map((b) => b[1] - 10)),
        hosts: sources,
      };
    },
  };
})();`;

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

/**
 * Loads the page once; with the extension, waits until `expectedHosts` source hosts are there
 * (or 10 s), without it for the same settle time `settleMs` after load.
 */
async function loadOnce(
  context: BrowserContext,
  url: string,
  expectedHosts: number | null,
  settleMs: number,
): Promise<LoadRound> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (expectedHosts !== null) {
      await page
        .waitForFunction(
          (n) =>
            (
              globalThis as unknown as { __citecastBench: { sources(): number } }
            ).__citecastBench.sources() >= n,
          expectedHosts,
          { timeout: 10_000, polling: 50 },
        )
        .catch(() => undefined);
      // The last host is placed; let any work after it (states, badge) show in the heartbeat.
      await page.waitForTimeout(300);
    } else {
      await page.waitForTimeout(settleMs);
    }
    return await page.evaluate(() =>
      (
        globalThis as unknown as { __citecastBench: { figures(): LoadRound } }
      ).__citecastBench.figures(),
    );
  } finally {
    await page.close();
  }
}

/** The median of `values` (the lower middle for an even count). */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The figures of the benchmark, or `null` (with a line on stderr) when Chromium is missing. */
export async function benchAnnotateInChromium(
  url: string,
  html: string,
  expectedHosts: number,
  rounds = 5,
): Promise<{
  visibleMs: number;
  allMs: number;
  longestBlockMs: number;
  pageLongestBlockMs: number;
  longestAfterLoadMs: number;
  pageLongestAfterLoadMs: number;
  loadMs: number;
  pageLoadMs: number;
  hosts: number;
} | null> {
  const executablePath = which('chromium');
  if (!executablePath) {
    process.stderr.write('bench: chromium is missing; no annotate.* figures in Chromium\n');
    return null;
  }
  const withExt = await openContext(executablePath, true, url, html);
  const without = await openContext(executablePath, false, url, html);
  const ext: LoadRound[] = [];
  const bare: LoadRound[] = [];
  try {
    // One warm-up each, then the two in turn, so a slow moment hits both alike.
    for (let round = -1; round < rounds; round++) {
      const a = await loadOnce(withExt.context, url, expectedHosts, 0);
      const settle = Math.max(1_000, (a.allMs ?? 3_000) + 300);
      const b = await loadOnce(without.context, url, null, settle);
      if (round < 0) continue;
      ext.push(a);
      bare.push(b);
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  const complete = ext.filter((r) => r.allMs !== null && r.visibleMs !== null);
  if (complete.length === 0) throw new Error('the extension never placed its hosts in Chromium');
  return {
    visibleMs: middle(complete.map((r) => r.visibleMs!)),
    allMs: middle(complete.map((r) => r.allMs!)),
    longestBlockMs: middle(ext.map((r) => r.longestBlockMs)),
    pageLongestBlockMs: middle(bare.map((r) => r.longestBlockMs)),
    longestAfterLoadMs: middle(ext.map((r) => r.longestAfterLoadMs)),
    pageLongestAfterLoadMs: middle(bare.map((r) => r.longestAfterLoadMs)),
    loadMs: middle(ext.map((r) => r.loadMs)),
    pageLoadMs: middle(bare.map((r) => r.loadMs)),
    hosts: Math.min(...ext.map((r) => r.hosts)),
  };
}
