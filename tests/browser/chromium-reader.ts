/**
 * Chromium tests for reading pages: "Read this page" on a page outside
 * the supported hosts, and no growth in nodes or listeners after 100 client-side navigations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '@/tests/browser/browsers.ts';
import {
  countElementsInPage,
  FIXTURE_PAGES,
  ROOT,
  waitCounts,
  type SeenCounts,
} from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** A page on a host Citecast does not support, holding two source lists (2 + 2 sources). */
const BLOG = {
  url: 'https://example.org/blog/post',
  file: 'tests/fixtures/generic/blog-post.html',
  episodes: 2,
  sources: 4,
  arxivIds: ['2501.00663', '2407.04620', '2211.17192'],
} as const;

/** `value` as JSON, for assertion messages. */
const json = (value: unknown) => JSON.stringify(value);

/** The Citecast elements in a page: episode bars and source hosts. */
function countHosts(page: Page): Promise<SeenCounts> {
  return page.evaluate(countElementsInPage);
}

/** The id of the Chrome tab showing `url` (as the extension sees it; no `tabs` permission). */
async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await session.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
    };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id);
  });
  assert(ids.length === 1 && typeof ids[0] === 'number', `active tabs: ${json(ids)}`);
  return ids[0]!;
}

/** Injects the on-demand script into `tabId` straight from the service worker; the error, or null. */
function injectFromWorker(session: ChromiumSession, tabId: number): Promise<string | null> {
  return session.worker.evaluate(async (tabId) => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { executeScript(i: object): Promise<unknown> } };
    };
    try {
      await chrome.scripting.executeScript({
        target: { tabId },
        files: ['/content-scripts/content.js'],
      });
      return null;
    } catch (error) {
      return String(error);
    }
  }, tabId);
}

/** A CDP session on the browser (not a page), for the `Extensions` and `Target` domains. */
async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  assert(browser, 'no browser object for the persistent context');
  return browser.newBrowserCDPSession();
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Every target of the browser (pages, tabs, workers, extension popups). */
async function targets(cdp: CDPSession): Promise<TargetInfo[]> {
  const reply = (await cdp.send('Target.getTargets', { filter: [{}] })) as unknown as {
    targetInfos: TargetInfo[];
  };
  return reply.targetInfos;
}

/**
 * An evaluator in target `targetId` (the action popup, which Playwright does not list among the
 * context's pages): a non-flat CDP session, its messages sent and received through `cdp`.
 */
async function evaluatorIn(
  cdp: CDPSession,
  targetId: string,
): Promise<(expression: string) => Promise<unknown>> {
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 1;
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  (
    cdp as unknown as {
      on(e: string, f: (p: { sessionId: string; message: string }) => void): void;
    }
  ).on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Record<string, unknown>;
    const done = waiting.get(reply.id as number);
    waiting.delete(reply.id as number);
    done?.(reply);
  });
  return (expression) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (reply) => {
        const result = reply.result as
          { result?: { value?: unknown }; exceptionDetails?: { text?: string } } | undefined;
        if (reply.error || result?.exceptionDetails) {
          reject(new Error(json(reply.error ?? result?.exceptionDetails)));
        } else resolve(result?.result?.value);
      });
      const message = {
        id,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true, userGesture: true },
      };
      send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) }).catch(
        reject,
      );
    });
}

/**
 * Clicks the toolbar button for `page`'s tab as a user does (CDP `Extensions.triggerAction`,
 * which needs `--enable-unsafe-extension-debugging`): that grants `activeTab` for the tab and
 * opens the popup. Then clicks "Read this page" in that popup and returns the popup's read
 * status (`data-state` and text) once it is no longer reading.
 */
async function readThroughPopup(
  session: ChromiumSession,
  cdp: CDPSession,
  page: Page,
): Promise<string> {
  await page.bringToFront();
  const tab = (await targets(cdp)).find((t) => t.type === 'tab' && t.url === page.url());
  assert(tab, `no tab target for ${page.url()}`);
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
  await send('Extensions.triggerAction', { id: session.extensionId, targetId: tab.targetId });
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  let popup: TargetInfo | undefined;
  for (const deadline = Date.now() + 5_000; !popup && Date.now() < deadline;) {
    popup = (await targets(cdp)).find((t) => t.type === 'page' && t.url === popupUrl);
    if (!popup) await new Promise((r) => setTimeout(r, 50));
  }
  assert(popup, 'the toolbar button did not open the popup');
  const evaluate = await evaluatorIn(cdp, popup.targetId);
  const click = `(() => {
    const button = document.querySelector('[data-testid="read-page"]');
    if (!button) return 'no button';
    button.click();
    return 'clicked';
  })()`;
  let clicked = '';
  for (const deadline = Date.now() + 5_000; clicked !== 'clicked' && Date.now() < deadline;) {
    clicked = String(await evaluate(click));
    if (clicked !== 'clicked') await new Promise((r) => setTimeout(r, 50));
  }
  assert(clicked === 'clicked', `popup: ${clicked}`);
  const status = `(() => {
    const s = document.querySelector('[data-testid="read-status"]');
    return (s?.getAttribute('data-state') ?? '') + ' ' + (s?.textContent ?? '');
  })()`;
  let state = '';
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    state = String(await evaluate(status));
    if (!state.startsWith('reading') && !state.startsWith('idle')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return state.trim();
}

/** Listeners and DOM counters of `page`, across the page's and the content scripts' worlds. */
async function pageCounters(
  page: Page,
): Promise<{ listeners: number; nodes: number; jsEventListeners: number; elements: number }> {
  const cdp = await page.context().newCDPSession(page);
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
  try {
    await send('HeapProfiler.collectGarbage');
    let listeners = 0;
    for (const expression of ['window', 'document']) {
      const { result } = (await send('Runtime.evaluate', { expression })) as {
        result: { objectId: string };
      };
      // pierce: shadow roots too, and listeners of every world (the content scripts' included).
      const reply = (await send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
        depth: expression === 'document' ? -1 : 1,
        pierce: true,
      })) as { listeners: unknown[] };
      listeners += reply.listeners.length;
    }
    const dom = (await send('Memory.getDOMCounters')) as {
      nodes: number;
      jsEventListeners: number;
    };
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    return { listeners, nodes: dom.nodes, jsEventListeners: dom.jsEventListeners, elements };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Registers the reader tests: "Read this page" on demand, and no growth after navigations. */
export async function runChromiumReader(): Promise<void> {
  console.log('chromium: reading pages');
  let session: ChromiumSession | undefined;
  const started = await test('reader: Chromium starts with extension debugging on', async () => {
    const launch = () =>
      launchChromium({ headless: true, args: ['--enable-unsafe-extension-debugging'] });
    // One retry: on a busy machine the service worker occasionally misses the 10 s start window.
    session = await launch().catch(() => launch());
  });
  if (!started || !session) return;
  const s = session;
  const { context } = s;
  try {
    // Served at an address no content script matches (registered last, so it wins).
    await context.route(BLOG.url, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(join(ROOT, BLOG.file), 'utf8'),
      }),
    );
    const cdp = await browserSession(context);

    await test("read this page: nothing on an unsupported page until the popup's button reads it, then 2 bars and 4 sources; a second read never doubles", async () => {
      const page = await context.newPage();
      await page.goto(BLOG.url);
      await page.waitForTimeout(1_000);
      const before = await countHosts(page);
      assert(
        before.episodes === 0 && before.sources === 0,
        `Citecast ran before it was asked: ${json(before)}`,
      );
      // Without the user's click the extension may not touch the page: no host permission.
      const tabId = await tabIdOf(s, page);
      const refused = await injectFromWorker(s, tabId);
      assert(refused !== null, 'the service worker scripted the page without activeTab');
      const state = await readThroughPopup(s, cdp, page);
      assert(state.startsWith('done'), `the popup says "${state}"`);
      const after = await waitCounts(
        () => countHosts(page),
        [{ episodes: BLOG.episodes, sources: BLOG.sources }],
        'after reading',
      );
      const ids = await page.evaluate(() =>
        Array.from(document.querySelectorAll('citecast-source')).map((h) =>
          h.getAttribute('data-arxiv-id'),
        ),
      );
      for (const id of BLOG.arxivIds)
        assert(ids.includes(id), `no source for arXiv ${id}: ${json(ids)}`);
      await page.screenshot({ path: join(SHOTS, 'chromium-read-this-page.png'), fullPage: true });
      // Asked again (Citecast already runs there, nothing is injected): still one of each.
      const again = await readThroughPopup(s, cdp, page);
      assert(again.startsWith('done'), `the popup says "${again}" the second time`);
      await page.waitForTimeout(600);
      const twice = await countHosts(page);
      assert(json(twice) === json(after), `after a second read: ${json(twice)}`);
      await page.close();
    });

    await test('read this page on a supported page adds nothing: the automatic script already runs', async () => {
      const podimo = FIXTURE_PAGES.find((p) => p.name === 'podimo-episode')!;
      const page = await context.newPage();
      await page.goto(podimo.url);
      await waitCounts(() => countHosts(page), [podimo.counts], 'on load', 10_000);
      const before = await countHosts(page);
      // The popup's button on a page the automatic content script already annotates.
      const state = await readThroughPopup(s, cdp, page);
      assert(state.startsWith('done'), `the popup says "${state}"`);
      await page.waitForTimeout(600);
      const after = await countHosts(page);
      assert(json(after) === json(before), `before ${json(before)}, after ${json(after)}`);
      await page.close();
    });

    await test("100 client-side navigations on Podimo: one page's worth of Citecast elements, and no growth in listeners or nodes", async () => {
      const podimo = FIXTURE_PAGES.find((p) => p.name === 'podimo-episode')!;
      const page = await context.newPage();
      // A clean copy of the page's <main>, taken before the content script runs (document_idle).
      await page.addInitScript(() => {
        document.addEventListener(
          'DOMContentLoaded',
          () => {
            const main = document.querySelector('main');
            (globalThis as unknown as { cleanMain?: Node }).cleanMain = main?.cloneNode(true);
          },
          { once: true },
        );
      });
      await page.goto(podimo.url);
      await waitCounts(() => countHosts(page), [podimo.counts], 'on load', 10_000);
      const onePage = await countHosts(page);
      assert(onePage.sources === podimo.counts.sources, `first load: ${json(onePage)}`);
      /** `n` navigations: a new address, the list swapped for a fresh copy, then annotated again. */
      const navigate = (from: number, n: number) =>
        page.evaluate(
          async ({ from, n, sources }) => {
            const g = globalThis as unknown as { cleanMain: Node };
            for (let i = from; i < from + n; i++) {
              history.pushState({ i }, '', `/no/shows/ai-post-transformers?page=${i}`);
              document.querySelector('main')!.replaceWith(g.cleanMain.cloneNode(true));
              const deadline = performance.now() + 5_000;
              while (
                document.querySelector('main')!.getElementsByTagName('citecast-source').length !==
                sources
              ) {
                if (performance.now() > deadline)
                  throw new Error(`navigation ${i} never annotated`);
                await new Promise((r) => setTimeout(r, 10));
              }
            }
          },
          { from, n, sources: onePage.sources },
        );
      // Count the content script's `wxt:locationchange` events (WXT names them per extension
      // and script; DOM events reach the page's world too).
      await page.evaluate((name) => {
        const g = globalThis as unknown as { locationChanges: number };
        g.locationChanges = 0;
        window.addEventListener(name, () => g.locationChanges++);
      }, `${s.extensionId}:content:wxt:locationchange`);
      const locationChanges = () =>
        page.evaluate(() => (globalThis as unknown as { locationChanges: number }).locationChanges);
      await navigate(1, 1);
      await page.waitForTimeout(300);
      const first = await pageCounters(page);
      await navigate(2, 99);
      await page.waitForTimeout(300);
      const changes = await locationChanges();
      assert(changes === 100, `${changes} wxt:locationchange events for 100 navigations`);
      await waitCounts(() => countHosts(page), [onePage], 'after 100 navigations');
      const last = await pageCounters(page);
      console.log(`      after 1 navigation ${json(first)}; after 100 ${json(last)}`);
      assert(last.elements === first.elements, `elements ${first.elements} → ${last.elements}`);
      assert(
        last.listeners <= first.listeners + 5,
        `listeners ${first.listeners} → ${last.listeners}`,
      );
      assert(
        last.jsEventListeners <= first.jsEventListeners + 5,
        `JS event listeners ${first.jsEventListeners} → ${last.jsEventListeners}`,
      );
      // Detached lists must be collectable: nodes within a small margin of one page.
      assert(last.nodes <= first.nodes * 1.1 + 50, `DOM nodes ${first.nodes} → ${last.nodes}`);
      await page.close();
    }, 90_000);
  } catch (error) {
    fail('chromium reader suite', error);
  } finally {
    await s.close();
  }
}
