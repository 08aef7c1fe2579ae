/**
 * The popup in real Chromium (headless, Debian's `chromium`, the built extension), with 10,000
 * saved papers and 2,000 episodes, each figure beside the same popup on an empty store measured
 * in the same rounds. Two browser profiles, the full one and the empty one, opened in turn.
 *
 * - `popup.first_render_ms`: the toolbar popup itself, opened by `chrome.action.openPopup()`
 *   from the library page (Chromium opens it for any extension since version 127, headless
 *   too), warm worker: from the navigation start of its `popup.html` (its `performance` time
 *   origin) to the first frame presented with a paper row's text in it: the Element Timing
 *   `renderTime` of the popup's `elementtiming="paper-row"` (each row's title). Nothing can be
 *   injected into the popup before it loads (Chromium's auto-attach does not reach popups), so
 *   the figure is read afterwards from the entries the browser keeps.
 *   `baseline.popup_first_render_empty_ms`: the same on the empty store, to the first frame
 *   presented with its "nothing saved yet" (`elementtiming="empty-papers"`).
 *   `popup.first_render_ratio`: the first over the second.
 * - `popup.first_render_in_tab_ms` and `baseline.popup_first_render_empty_in_tab_ms`: the same
 *   popup opened as a tab of a popup's size, as this bench measured it before it could open the
 *   toolbar popup. A tab is first created on about:blank in another process, and the navigation
 *   then moves it into the extension's: costs a toolbar popup does not have.
 * - `popup.first_render_cold_ms` and `baseline.popup_first_render_empty_cold_ms`: in a tab as
 *   above, with a cold worker: stopped through CDP (`ServiceWorker.stopAllWorkers`, checked
 *   stopped) right before the popup opens, so the popup's first message starts it and it
 *   answers with nothing in memory, as after the 30 seconds of idleness that end an MV3 worker.
 *   With no other page of the extension open, its renderer process goes with the worker, so the
 *   popup also waits for a new process, as it would for a person. (The toolbar popup can only be
 *   opened from a page of the extension, which keeps that process alive.)
 * - `popup.search_keystroke_ms`: from a key's `input` event in the popup's search field (its
 *   `timeStamp`) to the results list holding that text's results (the list's `data-query` is the
 *   text, checked from a MutationObserver, so unchanged rows count too); the median over typing
 *   {@link QUERY} one character at a time, two passes, warm worker, in a tab. A space adds no
 *   keystroke to measure (the search trims it, nothing is asked).
 *   `popup.search_keystroke_paint_ms`: the same to the end of the next frame's rendering (an
 *   animation-frame callback, then a task); `popup.search_keystroke_max_ms`: the slowest
 *   keystroke; `baseline.popup_search_keystroke_empty_ms`: the same typing on the empty store
 *   ("no results" each time: the message round trip and the render, without the search).
 *
 * Medians over `rounds` rounds (15: a median of 7 moved by 10 ms from run to run) after one
 * unmeasured round; Chromium gives paint times in steps of 4 ms. No request is
 * intercepted (Playwright's interception would put a round trip to Node in front of every file
 * the popup loads): host names do not resolve and the proxy is a closed local port, so nothing
 * can leave the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import {
  CHROME_EXT,
  CHROMIUM_SWITCHES,
  request,
  waitFor,
  which,
} from '@/tests/browser/browsers.ts';

/** Typed one character at a time into the search field (words of the bench library's titles). */
export const QUERY = 'sparse attention memory';

/** Pause after each keystroke's results, before the next key: a person's typing pace. */
const TYPING_GAP_MS = 120;

/** The popup's Element Timing names (`elementtiming`) of a paper row and of its empty state. */
const ROW = 'paper-row';
const EMPTY = 'empty-papers';

/**
 * In the popup's own world, before its scripts: records when the first element named
 * `identifier` for Element Timing was presented, the times the search field's input events
 * fired, and when the results list first answered each text.
 */
const INSTRUMENT = (identifier: string) => `(() => {
  const rec = (globalThis.__bench = { renderTime: null, inputs: {}, updated: {}, painted: {} });
  const afterFrame = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === ${JSON.stringify(identifier)} && rec.renderTime === null) rec.renderTime = entry.renderTime;
    }
  }).observe({ type: 'element', buffered: true });
  document.addEventListener('input', (event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement && field.type === 'search') rec.inputs[field.value.trim()] = event.timeStamp;
  }, true);
  const observer = new MutationObserver(() => {
    const list = document.querySelector('[data-query]');
    const query = list && list.getAttribute('data-query');
    if (query !== null && query !== undefined && query in rec.inputs && !(query in rec.updated)) {
      rec.updated[query] = performance.now();
      afterFrame((t) => { rec.painted[query] = t; });
    }
  });
  const start = () => observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });
})();`;

interface BenchRecord {
  renderTime: number | null;
  inputs: Record<string, number>;
  updated: Record<string, number>;
  painted: Record<string, number>;
}

interface Profile {
  context: BrowserContext;
  extensionId: string;
  /** The browser's own CDP session: the targets, the toolbar popup among them. */
  browserSession: CDPSession;
  /** Stops the service worker and waits until it is stopped. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

async function openProfile(executablePath: string): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'citecast-bench-popup-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      ...CHROMIUM_SWITCHES,
      // Nothing leaves the machine, without intercepting the popup's own files.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--proxy-server=127.0.0.1:9',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  const extensionId = new URL(worker.url()).host;
  // A blank page holds the CDP session that sees the extension's service worker.
  const control = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(control);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`))
        status.set(version.versionId, version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => [...status.values()].some((s) => s !== 'stopped');
  const browserSession = await context.browser()!.newBrowserCDPSession();
  return {
    context,
    extensionId,
    browserSession,
    async stopWorker() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor(
        async () => running() || status.size === 0,
        (busy) => !busy,
        'the service worker did not stop',
        10_000,
        10,
      );
    },
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Evaluated in the toolbar popup: the `renderTime` of its first Element Timing entry named
 * `identifier` (ms from its navigation start), or `null` while none is there.
 */
const FIRST_PAINTED = (identifier: string) => `new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    const first = list.getEntries().find((entry) => entry.identifier === ${JSON.stringify(identifier)});
    if (!first) return;
    observer.disconnect();
    resolve(first.renderTime);
  });
  observer.observe({ type: 'element', buffered: true });
  setTimeout(() => { observer.disconnect(); resolve(null); }, 100);
})`;

/**
 * Evaluates an expression in one target through the browser's session, answering its value.
 * Playwright's CDP sessions address no target of their own, so the popup is reached through the
 * browser session's `Target.sendMessageToTarget` (an attach without `flatten`).
 */
function targetEvaluator(browserSession: CDPSession) {
  let nextId = 1;
  const waiting = new Map<number, (reply: { result?: unknown }) => void>();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
    const resolve = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (resolve && reply.id !== undefined) {
      waiting.delete(reply.id);
      resolve(reply);
    }
  });
  return async (sessionId: string, expression: string): Promise<unknown> => {
    const reply = await new Promise<{ result?: unknown }>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, resolve);
      const params = { expression, awaitPromise: true, returnByValue: true };
      const message = JSON.stringify({ id, method: 'Runtime.evaluate', params });
      browserSession.send('Target.sendMessageToTarget', { sessionId, message }).catch(reject);
    });
    return (reply.result as { result?: { value?: unknown } } | undefined)?.result?.value;
  };
}

const evaluators = new WeakMap<CDPSession, ReturnType<typeof targetEvaluator>>();

/**
 * Opens the toolbar popup from `opener` (a page of the extension, in front), waits until the
 * element named `identifier` was presented, closes it; ms from navigation start to that frame.
 */
async function toolbarFirstRender(
  profile: Profile,
  opener: Page,
  identifier: string,
): Promise<number> {
  const { browserSession } = profile;
  let evaluate = evaluators.get(browserSession);
  if (!evaluate) evaluators.set(browserSession, (evaluate = targetEvaluator(browserSession)));
  const url = `chrome-extension://${profile.extensionId}/popup.html`;
  const popupTarget = async () =>
    (await browserSession.send('Target.getTargets')).targetInfos.find(
      (t) => t.type === 'page' && t.url === url,
    );
  await opener.bringToFront();
  const refused = await opener.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action
      .openPopup()
      .then(
        () => null,
        (error: unknown) => String(error),
      ),
  );
  if (refused) throw new Error(`bench: the toolbar popup did not open: ${refused}`);
  const target = (await waitFor(
    popupTarget,
    (t) => t !== undefined,
    'bench: no toolbar popup appeared',
    20_000,
    10,
  ))!;
  try {
    const { sessionId } = await browserSession.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    const painted = (await waitFor(
      () => evaluate(sessionId, FIRST_PAINTED(identifier)),
      (value) => typeof value === 'number',
      `bench: the toolbar popup never presented its ${identifier}`,
      20_000,
      10,
    )) as number;
    // Left settled for the next opening, as a person's popup is: the background's first answer
    // shown (the list then carries `data-query`), and the worker's search copy built.
    await waitFor(
      () => evaluate(sessionId, `document.querySelector('[data-query]') !== null`),
      (shown) => shown === true,
      'bench: the toolbar popup never showed its first answer',
      20_000,
      10,
    );
    await settleWorker(opener);
    return painted;
  } finally {
    // A popup that already went must not hide the error that ended the round.
    await browserSession
      .send('Target.closeTarget', { targetId: target.targetId })
      .catch(() => undefined);
    await waitFor(
      popupTarget,
      (t) => t === undefined,
      'bench: the toolbar popup did not close',
      20_000,
      10,
    );
  }
}

/** A new popup tab with the instrumentation, opened; resolves once `identifier` is presented. */
async function openPopup(profile: Profile, identifier: string): Promise<Page> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.addInitScript(INSTRUMENT(identifier));
  await page.goto(`chrome-extension://${profile.extensionId}/popup.html`);
  await page.waitForFunction(
    () => (globalThis as { __bench?: BenchRecord }).__bench?.renderTime,
    null,
    {
      timeout: 20_000,
    },
  );
  return page;
}

const record = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __bench: BenchRecord }).__bench);

/** Has the background build its copy of the library and search index, asked from `page`. */
async function settleWorker(page: Page): Promise<void> {
  await request(page, 'queryPapers', {
    text: 'memory',
    sort: 'relevance',
    direction: 'desc',
    tag: null,
    readState: null,
    year: null,
    episodeKey: null,
    offset: 0,
    limit: 1,
  });
}

/** Opens the popup once; ms from navigation start to `identifier` presented. */
async function firstRender(profile: Profile, identifier: string, cold: boolean): Promise<number> {
  if (cold) await profile.stopWorker();
  const page = await openPopup(profile, identifier);
  try {
    const { renderTime } = await record(page);
    // Leave the worker settled for the next round: the copy and its search index built.
    await settleWorker(page);
    return renderTime!;
  } finally {
    await page.close();
  }
}

/** Types {@link QUERY} into a fresh popup; each measured keystroke's [results, painted] ms. */
async function typeQuery(profile: Profile, identifier: string): Promise<[number, number][]> {
  const page = await openPopup(profile, identifier);
  try {
    await page.focus('input[type="search"]');
    const measured: string[] = [];
    let previous = '';
    for (let i = 0; i < QUERY.length; i++) {
      await page.keyboard.type(QUERY[i]!);
      const text = QUERY.slice(0, i + 1).trim();
      if (text === previous) continue;
      previous = text;
      measured.push(text);
      await page.waitForFunction(
        (t) => (globalThis as unknown as { __bench: BenchRecord }).__bench.painted[t] !== undefined,
        text,
        { timeout: 20_000 },
      );
      await page.waitForTimeout(TYPING_GAP_MS);
    }
    const rec = await record(page);
    return measured.map((t) => {
      const input = rec.inputs[t];
      if (input === undefined) throw new Error(`no input event for ${JSON.stringify(t)}`);
      return [rec.updated[t]! - input, rec.painted[t]! - input];
    });
  } finally {
    await page.close();
  }
}

/** Builds the Chromium extension when it is missing; whether it is there. */
function ensureBuild(): boolean {
  if (existsSync(join(CHROME_EXT, 'manifest.json'))) return true;
  process.stderr.write(`bench: ${CHROME_EXT} is missing, building it (wxt build)\n`);
  try {
    const root = fileURLToPath(new URL('..', import.meta.url));
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
    return existsSync(join(CHROME_EXT, 'manifest.json'));
  } catch {
    return false;
  }
}

/** The popup's figures (see the module comment), in ms. */
export interface PopupFigures {
  firstRenderMs: number;
  emptyMs: number;
  firstRenderInTabMs: number;
  emptyInTabMs: number;
  firstRenderColdMs: number;
  emptyColdMs: number;
  keystrokeMs: number;
  keystrokePaintMs: number;
  keystrokeMaxMs: number;
  emptyKeystrokeMs: number;
  keystrokes: number;
  /** Measured rounds behind each first-render median. */
  rounds: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * The figures, or `null` with one line on stderr saying why they were skipped (no Chromium, no
 * build). `backupText` is the backup with the papers and episodes to import.
 */
export async function benchPopup(
  backupText: string,
  expectedPapers: number,
  rounds = 15,
): Promise<PopupFigures | null> {
  const executablePath = which('chromium');
  if (!executablePath) {
    process.stderr.write(
      'bench: popup.* skipped: chromium is missing (apt-get install -y chromium)\n',
    );
    return null;
  }
  if (!ensureBuild()) {
    process.stderr.write('bench: popup.* skipped: the build failed (npm run build)\n');
    return null;
  }
  const full = await openProfile(executablePath);
  const empty = await openProfile(executablePath);
  try {
    const page = await full.context.newPage();
    await page.goto(`chrome-extension://${full.extensionId}/popup.html`);
    const reply = (await request(page, 'importBackup', { text: backupText })) as {
      ok?: boolean;
      value?: { papers?: { added?: number } };
      error?: { message?: string };
    };
    await page.close();
    if (!reply?.ok || reply.value?.papers?.added !== expectedPapers)
      throw new Error(`the bench backup was not imported: ${JSON.stringify(reply).slice(0, 300)}`);
    // The toolbar popup first, opened from a library page of each profile, closed afterwards:
    // an open page of the extension would keep its process alive through the cold rounds.
    const toolbar = { full: [] as number[], empty: [] as number[] };
    const openers = await Promise.all(
      [full, empty].map(async (profile) => {
        const opener = await profile.context.newPage();
        await opener.goto(`chrome-extension://${profile.extensionId}/library.html#settings`);
        return opener;
      }),
    );
    for (let round = -1; round < rounds; round++) {
      const warm = await toolbarFirstRender(full, openers[0]!, ROW);
      const emptyWarm = await toolbarFirstRender(empty, openers[1]!, EMPTY);
      if (round < 0) continue;
      toolbar.full.push(warm);
      toolbar.empty.push(emptyWarm);
    }
    for (const opener of openers) await opener.close();
    const times = { warm: [] as number[], cold: [] as number[], empty: [] as number[] };
    const emptyCold: number[] = [];
    for (let round = -1; round < rounds; round++) {
      const warm = await firstRender(full, ROW, false);
      const emptyWarm = await firstRender(empty, EMPTY, false);
      const cold = await firstRender(full, ROW, true);
      const coldEmpty = await firstRender(empty, EMPTY, true);
      if (round < 0) continue;
      times.warm.push(warm);
      times.empty.push(emptyWarm);
      times.cold.push(cold);
      emptyCold.push(coldEmpty);
    }
    const typed: [number, number][] = [];
    const typedEmpty: [number, number][] = [];
    for (let pass = 0; pass < 2; pass++) {
      typed.push(...(await typeQuery(full, ROW)));
      typedEmpty.push(...(await typeQuery(empty, EMPTY)));
    }
    return {
      firstRenderMs: median(toolbar.full),
      emptyMs: median(toolbar.empty),
      firstRenderInTabMs: median(times.warm),
      emptyInTabMs: median(times.empty),
      firstRenderColdMs: median(times.cold),
      emptyColdMs: median(emptyCold),
      keystrokeMs: median(typed.map(([results]) => results)),
      keystrokePaintMs: median(typed.map(([, painted]) => painted)),
      keystrokeMaxMs: Math.max(...typed.map(([results]) => results)),
      emptyKeystrokeMs: median(typedEmpty.map(([results]) => results)),
      keystrokes: typed.length,
      rounds,
    };
  } finally {
    await full.close();
    await empty.close();
  }
}
