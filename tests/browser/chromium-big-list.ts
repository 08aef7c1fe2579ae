/**
 * Real-browser test of Citecast on a BIG episode list in Debian's chromium with the
 * Chromium build: a Podimo show page with 150 list items, more than the 40 blocks above which the
 * content script reads in slices (lib/content/pass.ts). Only on-screen episodes get their bar
 * and source controls at once; every other episode gets its hosts when it comes within 400 px of
 * the viewport, or when `j`/`k` reach it (lib/content/annotator.ts). The badge and the bars count
 * the whole page all the same. No other browser test has a list that long, so none of them goes
 * through that path.
 *
 * The page is generated here from one hand-written item template in Podimo's list layout (the
 * markup of tests/fixtures/podimo/show-nb.html and `buildPodimoShowHtml` in scripts/bench.ts),
 * each source with its own arXiv id, and served at its real address by request interception.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchErrors, type ChromiumSession } from '@/tests/browser/browsers.ts';
import { ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, seen, type RootOf } from '@/tests/browser/roots.ts';
import {
  podimoListItemHtml,
  podimoShowPageHtml,
  type PodimoListItem,
} from '@/tests/fixtures/podimo/list-page.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
/** Podimo's show address; the page route below serves the generated list there. */
const SHOW_URL = 'https://podimo.com/no/shows/ai-post-transformers';
/** List items on the page: well over `SLICED_BLOCKS` (40), so the page is read in slices. */
const EPISODES = 150;
/** Longer than the content script's wait (250 ms) before it reads a changed page again. */
const REREAD_MS = 600;

const TOPICS = [
  'Sparse Attention',
  'Memory Layers',
  'Expert Routing',
  'Cache Sharing',
  'Speculative Decoding',
  'Linear Recurrence',
  'Test-Time Training',
] as const;
const ANGLES = ['Revisited', 'at Scale', 'in Practice', 'without Tears', 'for Long Context'];
const AUTHORS = [
  'Ada Lovelace, Alan Turing',
  'Grace Hopper',
  'Edsger Dijkstra, Barbara Liskov, Donald Knuth',
  'Frances Allen, John Backus',
];
const MONTHS = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.'];

/** What item `i` cites: 2, 3 or 4 sources, each with an arXiv id no other source has. */
function itemSources(i: number): { title: string; authors: string; id: string }[] {
  const count = 2 + (i % 3);
  return Array.from({ length: count }, (_, j) => ({
    title: `${TOPICS[(i + j) % TOPICS.length]} ${ANGLES[(i * 3 + j) % ANGLES.length]}`,
    authors: AUTHORS[(i + j) % AUTHORS.length]!,
    id: `2502.${String(i * 10 + j + 1).padStart(5, '0')}`,
  }));
}

/** The episode title of item `i`. */
function itemTitle(i: number): string {
  return `Episode ${i + 1}: ${TOPICS[i % TOPICS.length]} ${ANGLES[i % ANGLES.length]}`;
}

/** One list item: its numbered source list with bare arXiv URLs, as in the list's text. */
function item(i: number): PodimoListItem {
  const sources = itemSources(i)
    .map((s, j) => `${j + 1}. ${s.title} — ${s.authors}, 2025 https://arxiv.org/abs/${s.id}`)
    .join(' ');
  return {
    title: itemTitle(i),
    description: `Episode ${i + 1} weighs ${TOPICS[i % TOPICS.length]!.toLowerCase()} against its baselines and asks what it costs at serving time. Sources: ${sources}`,
    date: `${(i % 28) + 1}. ${MONTHS[i % MONTHS.length]} 2025`,
    minutes: 50 + (i % 20),
  };
}

/** The show page with `EPISODES` list items (only generated text: nothing needs escaping). */
function showHtml(): string {
  return podimoShowPageHtml(
    Array.from({ length: EPISODES }, (_, i) => item(i)),
    '<style>.css-0a57258{border-top:1px solid #26262e}.KttzBy{display:flex;gap:12px;color:inherit;text-decoration:none}</style>\n',
  );
}

/** Every item's arXiv ids, in page order: what each item's source hosts must carry. */
const EXPECTED = Array.from({ length: EPISODES }, (_, i) => itemSources(i).map((s) => s.id));
const TOTAL_SOURCES = EXPECTED.reduce((n, ids) => n + ids.length, 0);

/** What one list item holds of Citecast's, read in the page by {@link inspectPage}. */
interface ItemView {
  /** `<citecast-episode>` hosts inside the item. */
  episodes: number;
  /** Whether its (first) bar's shadow root holds the bar with the `heard` toggle, shown. */
  barFilled: boolean;
  /**
   * Whether that bar with its toggle is built, shown or not: a big list keeps far bars out of
   * the layout until they come near or the pass is over (every bar keeps all its controls, hidden or not).
   */
  barBuilt: boolean;
  /** The bar's "n sources · k saved" text. */
  counts: string | null;
  /** `data-arxiv-id` of each `<citecast-source>` in the item, in order. */
  ids: (string | null)[];
  /** Source hosts whose shadow root holds the `save` toggle. */
  filled: number;
  /** Source hosts without any shadow content. */
  empty: number;
  /** Source hosts standing right after the text of their own arXiv URL. */
  afterUrl: number;
  /** The item's box relative to the viewport. */
  top: number;
  bottom: number;
}

interface PageView {
  items: ItemView[];
  /** Every host in the document, wherever it is. */
  episodeHosts: number;
  sourceHosts: number;
  height: number;
}

/** Reads, in the page, what {@link PageView} describes (no helpers: it runs serialised). */
function inspectPage(_arg: null, rootOf: RootOf): PageView {
  const items = Array.from(document.querySelectorAll('ul.css-c5690b5 > li')).map((li) => {
    const bar = li.querySelector('citecast-episode');
    const sources = Array.from(li.querySelectorAll('citecast-source'));
    const rect = li.getBoundingClientRect();
    return {
      episodes: li.querySelectorAll('citecast-episode').length,
      barFilled:
        !!(bar && rootOf(bar))?.querySelector('.bar button[data-action="heard"]') &&
        bar!.getClientRects().length > 0,
      barBuilt: !!(bar && rootOf(bar))?.querySelector('.bar button[data-action="heard"]'),
      counts: (bar && rootOf(bar))?.querySelector('.counts')?.textContent ?? null,
      ids: sources.map((s) => s.getAttribute('data-arxiv-id')),
      filled: sources.filter((s) => !!rootOf(s)?.querySelector('button[data-action="save"]'))
        .length,
      empty: sources.filter((s) => !rootOf(s) || rootOf(s)!.childNodes.length === 0).length,
      afterUrl: sources.filter((s) => {
        const before = s.previousSibling;
        return (
          before?.nodeType === 3 &&
          (before as Text).data.endsWith(`https://arxiv.org/abs/${s.getAttribute('data-arxiv-id')}`)
        );
      }).length,
      top: rect.top,
      bottom: rect.bottom,
    };
  });
  return {
    items,
    episodeHosts: document.getElementsByTagName('citecast-episode').length,
    sourceHosts: document.getElementsByTagName('citecast-source').length,
    height: window.innerHeight,
  };
}

/** Where the page keyboard's focus ring is, read in the page. */
interface FocusView {
  /** Source hosts carrying `data-citecast-focus`. */
  marked: number;
  /** The marked host's index among all source hosts in page order (-1: none). */
  index: number;
  id: string | null;
  /** Whether the marked host's shadow root holds its controls. */
  filled: boolean;
  /** Whether its episode's bar is filled. */
  barFilled: boolean;
  /** Whether the marked host is within the viewport. */
  inView: boolean;
  /** The marked host's top relative to the viewport, the viewport's height and the scroll. */
  top: number | null;
  viewport: number;
  scrollY: number;
}

/** Reads, in the page, what {@link FocusView} describes (no helpers: it runs serialised). */
function inspectFocus(_arg: null, rootOf: RootOf): FocusView {
  const hosts = Array.from(document.getElementsByTagName('citecast-source'));
  const marked = hosts.filter((h) => h.hasAttribute('data-citecast-focus'));
  const host = marked[0] ?? null;
  const rect = host?.getBoundingClientRect();
  return {
    marked: marked.length,
    index: host ? hosts.indexOf(host) : -1,
    id: host?.getAttribute('data-arxiv-id') ?? null,
    filled: !!(host && rootOf(host))?.querySelector('button[data-action="save"]'),
    barFilled: !!rootOf(
      host?.closest('li')?.querySelector('citecast-episode') ?? host!,
    )?.querySelector('.bar button[data-action="heard"]'),
    inView: !!rect && rect.bottom > 0 && rect.top < window.innerHeight,
    top: rect ? Math.round(rect.top) : null,
    viewport: window.innerHeight,
    scrollY: Math.round(window.scrollY),
  };
}

/** `value` as JSON, for assertion messages. */
const json = (value: unknown) => JSON.stringify(value);

/** Polls `read` until `ok` holds (up to `timeoutMs`); answers the last value read. */
async function pollFor<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  let value = await read();
  for (const deadline = Date.now() + timeoutMs; !ok(value) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * Checks that every item placed so far holds exactly one bar and exactly its own source hosts, in
 * order, each right after its arXiv URL, that the placed items include the first screen, and that
 * no host stands anywhere else. Catches duplicates after a re-read, a missed or merged item,
 * sources placed under the wrong episode or away from their text, and orphan hosts outside the
 * list. Items far from the viewport may hold nothing yet.
 */
function checkPlacement(view: PageView, expected: readonly (readonly string[])[]): void {
  assert(
    view.items.length === expected.length,
    `${view.items.length} list items, expected ${expected.length}`,
  );
  const placed = view.items.filter((item) => item.episodes > 0);
  const wrong = view.items.flatMap((item, i) =>
    item.episodes === 0 && item.ids.length === 0
      ? []
      : item.episodes !== 1 ||
          json(item.ids) !== json(expected[i]) ||
          item.afterUrl !== expected[i]!.length
        ? [{ item: i, episodes: item.episodes, ids: item.ids, afterUrl: item.afterUrl }]
        : [],
  );
  assert(
    wrong.length === 0,
    `${wrong.length} items hold the wrong hosts, first: ${json(wrong.slice(0, 3))}`,
  );
  const onScreen = view.items.filter((it) => it.bottom > 0 && it.top < view.height);
  assert(
    onScreen.length > 0 && onScreen.every((it) => it.episodes === 1),
    `on-screen items without their bar: ${json(onScreen.map((it) => it.episodes))}`,
  );
  const total = placed.reduce((n, it) => n + it.ids.length, 0);
  assert(
    view.episodeHosts === placed.length && view.sourceHosts === total,
    `${view.episodeHosts} citecast-episode and ${view.sourceHosts} citecast-source in the document; the items hold ${placed.length} and ${total}`,
  );
}

/** Opens the big list in a new tab and waits until its first screen has its controls. */
async function openBigList(
  context: BrowserContext,
  html: string,
  gapAfter?: number,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = watchErrors(page);
  // A tall empty box at the end of item `gapAfter`, put there before Citecast runs (it starts at
  // document_idle): the next item stands far below it, so nothing places it before it is asked.
  if (gapAfter !== undefined)
    await page.addInitScript((index: number) => {
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          const gap = document.createElement('div');
          gap.style.height = '4000px';
          document.querySelectorAll('ul.css-c5690b5 > li')[index]?.append(gap);
        },
        { once: true },
      );
    }, gapAfter);
  // A page route wins over the session's context route, which serves the episode fixture here.
  await page.route(SHOW_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(SHOW_URL);
  await waitPassDone(page);
  return { page, errors };
}

/**
 * Waits until the first screen has its controls, then for the rest of the read: its end is not
 * observable from the page (far episodes get nothing), so it gets time.
 */
async function waitPassDone(page: Page): Promise<void> {
  const view = await pollFor(
    () => chromiumRoots(page).evaluate(inspectPage, null),
    firstScreenFilled,
    15_000,
  );
  assert(firstScreenFilled(view), 'the first screen never got its controls');
  await page.waitForTimeout(1_500);
}

/** The toolbar button's titles of every tab: the page's says the page's source count. */
async function badgeTitle(session: ChromiumSession): Promise<string> {
  return session.worker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number }[]> };
          action: { getTitle(d: { tabId: number }): Promise<string> };
        };
      }
    ).chrome;
    // Without the `tabs` permission a tab's address is not known here: every tab's title.
    const tabs = await api.tabs.query({});
    const titles = await Promise.all(
      tabs.map((tab) => (tab.id === undefined ? '' : api.action.getTitle({ tabId: tab.id }))),
    );
    return titles.join(' | ');
  });
}

/** Whether the first screen (items in the viewport) is filled: every bar and every source. */
function firstScreenFilled(view: PageView): boolean {
  const shown = view.items.filter((it) => it.bottom > 0 && it.top < view.height);
  return shown.length > 0 && shown.every((it) => it.barFilled && it.filled === it.ids.length);
}

/** Jumps to the end of the page with the End key, as a reader would. */
async function scrollToLast(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('End');
}

/** Waits until the last item's bar and every one of its source controls are filled. */
async function waitLastFilled(page: Page, what: string): Promise<ItemView> {
  const view = await pollFor(
    () => chromiumRoots(page).evaluate(inspectPage, null),
    (v) => {
      const last = v.items[v.items.length - 1];
      return !!last && last.barFilled && last.filled === last.ids.length && last.top < v.height;
    },
  );
  const last = view.items[view.items.length - 1]!;
  // In the viewport, not merely there: the jump must show the controls where the reader looks.
  assert(
    last.barFilled && last.filled === last.ids.length && last.bottom > 0 && last.top < view.height,
    `${what}: the last episode is not shown filled: bar ${last.barFilled}, ${last.filled} of ${last.ids.length} sources, top ${last.top} of ${view.height}`,
  );
  return last;
}

/** The save toggle's `aria-pressed` of source `n` (0-based) of the last item. */
function lastItemSaveState(page: Page, n: number): Promise<string | null> {
  return chromiumRoots(page).evaluate(
    (n, rootOf) => {
      const host = Array.from(
        document.querySelectorAll('ul.css-c5690b5 > li:last-child citecast-source'),
      ).at(n);
      return (
        (host && rootOf(host))
          ?.querySelector('button[data-action="save"]')
          ?.getAttribute('aria-pressed') ?? null
      );
    },
    n,
    'ul.css-c5690b5 > li:last-child citecast-source',
  );
}

/** Registers and runs the big-list tests in their own Chromium session. */
export async function runChromiumBigList(): Promise<void> {
  console.log(`chromium: a big episode list (${EPISODES} episodes, ${TOTAL_SOURCES} sources)`);
  mkdirSync(SHOTS, { recursive: true });
  const html = showHtml();
  let session: ChromiumSession | undefined;
  const started = await test('big list: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const { context } = session;
  const lastIds = EXPECTED[EPISODES - 1]!;
  try {
    await test('big list: one bar per episode and one control per source, also after a second read', async () => {
      const { page, errors } = await openBigList(context, html);
      // Every item's hosts, and all hosts in the document, equal what the page holds: a duplicate
      // host, a missed item, a source under the wrong episode or off its URL fails here.
      let view = await chromiumRoots(page).evaluate(inspectPage, null);
      checkPlacement(view, EXPECTED);
      // A second read, as when the page loads more items: one more item at the end.
      const extra = itemSources(EPISODES).map((s) => s.id);
      await page.evaluate(
        ([item]) => document.querySelector('ul.css-c5690b5')?.insertAdjacentHTML('beforeend', item),
        [podimoListItemHtml(item(EPISODES), EPISODES)] as const,
      );
      await page.waitForTimeout(REREAD_MS);
      await waitPassDone(page);
      view = await chromiumRoots(page).evaluate(inspectPage, null);
      checkPlacement(view, [...EXPECTED, extra]);
      // The re-read kept the first screen's controls (it must not empty or rebuild them away).
      assert(firstScreenFilled(view), 'the second read left the first screen unfilled');
      // A change that does not change the counts (the existing tests' trigger): a third read;
      // its end is not observable from the page, so it gets time, then nothing may have doubled.
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await page.waitForTimeout(1_500);
      checkPlacement(await chromiumRoots(page).evaluate(inspectPage, null), [...EXPECTED, extra]);
      assert(errors.length === 0, `page or console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    await test('big list: the first screen is filled without scrolling; far episodes wait unplaced; the badge counts the whole page', async () => {
      const { page, errors } = await openBigList(context, html);
      const view = await pollFor(
        () => chromiumRoots(page).evaluate(inspectPage, null),
        firstScreenFilled,
      );
      const shown = view.items.filter((it) => it.bottom > 0 && it.top < view.height);
      // Catches on-screen episodes left to the observer that never comes (or a broken fill).
      assert(
        firstScreenFilled(view),
        `first screen: ${json(shown.map((it) => ({ bar: it.barFilled, filled: it.filled, of: it.ids.length })))}`,
      );
      assert(
        (await page.evaluate(() => window.scrollY)) === 0,
        'the page scrolled by itself while it was annotated',
      );
      // Catches a page placed at once (the near path not taken): the far end has no hosts.
      const last = view.items[EPISODES - 1]!;
      assert(
        last.episodes === 0 && last.ids.length === 0,
        `the last episode is placed before scrolling: ${json(last)}`,
      );
      // Placed items are the top of the list only (on screen, then near it), each with its bar
      // shown and every source control filled.
      const placed = view.items.map((it) => it.episodes > 0);
      const prefix = placed.indexOf(false);
      assert(
        prefix >= shown.length && prefix < EPISODES / 4 && !placed.slice(prefix).includes(true),
        `placed items are not just the top of the list: the first unplaced is ${prefix}`,
      );
      const half = view.items.filter(
        (it) => it.episodes > 0 && !(it.barFilled && it.filled === it.ids.length),
      );
      assert(half.length === 0, `placed items without their controls: ${json(half.slice(0, 2))}`);
      checkPlacement(view, EXPECTED);
      // The badge (its title says the number) counts every source of the page, placed or not.
      const title = await pollFor(
        () => badgeTitle(session!),
        (t) => t.includes(` ${TOTAL_SOURCES} sources`),
      );
      assert(
        title.includes(` ${TOTAL_SOURCES} sources`),
        `the badge says ${json(title)}, expected the page's ${TOTAL_SOURCES} sources`,
      );
      // Every source here has its arXiv link, so no bar offers "Find PDFs" (it is `hidden`);
      // catches a stylesheet whose `display` on buttons overrides the `hidden` attribute.
      const shownHidden = await chromiumRoots(page).evaluate(
        (_arg: null, rootOf) =>
          Array.from(document.querySelectorAll('citecast-episode, citecast-source')).flatMap((h) =>
            Array.from(rootOf(h)?.querySelectorAll('[hidden]') ?? [])
              .filter((el) => el.getClientRects().length > 0)
              .map((el) => el.getAttribute('data-action') ?? el.localName),
          ),
        null,
      );
      assert(shownHidden.length === 0, `hidden controls show: ${json(shownHidden.slice(0, 5))}`);
      const findShown = (
        await seen(chromiumRoots(page), 'citecast-episode', 'button[data-action="find-pdfs"]')
      )?.shown;
      assert(!findShown, 'the first bar offers "Find PDFs" though every source has its arXiv id');
      await page.screenshot({ path: join(SHOTS, 'chromium-big-list-top.png') });
      assert(errors.length === 0, `page or console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    await test('big list: a jump to the last episode (End) shows its controls in view, saves, and shows saved after a reload', async () => {
      const { page, errors } = await openBigList(context, html);
      const before = (await chromiumRoots(page).evaluate(inspectPage, null)).items[EPISODES - 1]!;
      assert(before.episodes === 0, 'the last episode is placed before the jump');
      await scrollToLast(page);
      const last = await waitLastFilled(page, 'after scrolling to it');
      // Catches a bar filled with another episode's count (or none).
      assert(
        last.counts === `${lastIds.length} sources · 0 saved`,
        `the last bar says ${json(last.counts)}, expected "${lastIds.length} sources · 0 saved"`,
      );
      const url = page.url();
      // Podimo wraps the item in a link: the click must save and not follow it.
      await chromiumRoots(page).click(
        'ul.css-c5690b5 > li:last-child citecast-source',
        'button[data-action="save"]',
      );
      const pressed = await pollFor(
        () => lastItemSaveState(page, 0),
        (v) => v === 'true',
      );
      assert(pressed === 'true', `the save toggle shows aria-pressed=${pressed} after its click`);
      assert(page.url() === url, `the click followed the item's link to ${page.url()}`);
      const counted = await pollFor(
        () => chromiumRoots(page).evaluate(inspectPage, null),
        (v) => v.items[EPISODES - 1]?.counts === `${lastIds.length} sources · 1 saved`,
      );
      assert(
        counted.items[EPISODES - 1]?.counts === `${lastIds.length} sources · 1 saved`,
        `after saving, the last bar says ${json(counted.items[EPISODES - 1]?.counts)}`,
      );
      // Only the clicked source is saved.
      for (let n = 1; n < lastIds.length; n++) {
        const state = await lastItemSaveState(page, n);
        assert(state === 'false', `source ${n + 1} of the last episode shows ${state}`);
      }
      await page.screenshot({ path: join(SHOTS, 'chromium-big-list-bottom.png') });

      // Back at the top before the reload, so the browser's scroll restoration starts there.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.reload();
      await waitPassDone(page);
      const reloaded = (await chromiumRoots(page).evaluate(inspectPage, null)).items[EPISODES - 1]!;
      assert(
        reloaded.episodes === 0,
        'after the reload the last episode is placed before scrolling',
      );
      await scrollToLast(page);
      await waitLastFilled(page, 'after the reload');
      // Catches a lazily filled host that misses the saved state asked for at placement.
      const kept = await pollFor(
        () => lastItemSaveState(page, 0),
        (v) => v === 'true',
      );
      assert(kept === 'true', `after the reload the saved source shows aria-pressed=${kept}`);
      const keptCounts = await pollFor(
        () => chromiumRoots(page).evaluate(inspectPage, null),
        (v) => v.items[EPISODES - 1]?.counts === `${lastIds.length} sources · 1 saved`,
      );
      assert(
        keptCounts.items[EPISODES - 1]?.counts === `${lastIds.length} sources · 1 saved`,
        `after the reload the last bar says ${json(keptCounts.items[EPISODES - 1]?.counts)}`,
      );
      assert(errors.length === 0, `page or console errors: ${errors.join(' | ')}`);
      await page.close();
    }, 60_000);

    await test('big list: j walks the sources one by one past the first screen, each shown filled and in view, into an episode never placed', async () => {
      // The first item ends in a tall gap: j from its last source goes to an episode that was
      // never near the screen, so it has no hosts when j is pressed.
      const { page, errors } = await openBigList(context, html, 0);
      await pollFor(() => chromiumRoots(page).evaluate(inspectPage, null), firstScreenFilled);
      const view = await chromiumRoots(page).evaluate(inspectPage, null);
      const firstScreenSources = view.items
        .filter((it) => it.bottom > 0 && it.top < view.height)
        .reduce((n, it) => n + it.ids.length, 0);
      const order = EXPECTED.flat();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // j one step at a time, past the sources of the first screen: each step marks exactly
      // the next source, brings it into view and shows its controls (and its episode's bar).
      const steps = Math.max(firstScreenSources, EXPECTED[0]!.length) + 12;
      for (let step = 0; step < steps; step++) {
        if (step === EXPECTED[0]!.length) {
          const next = (await chromiumRoots(page).evaluate(inspectPage, null)).items[1]!;
          assert(
            next.episodes === 0 && next.ids.length === 0,
            `the episode after the gap is placed before j reaches it: ${json(next)}`,
          );
        }
        await page.keyboard.press('j');
        const focus = await pollFor(
          () => chromiumRoots(page).evaluate(inspectFocus, null),
          (f) => f.filled && f.barFilled && f.inView,
          2_000,
        );
        assert(
          focus.marked === 1 && focus.id === order[step],
          `j #${step + 1}: ${focus.marked} marked, at ${focus.id}; expected ${order[step]}`,
        );
        assert(
          focus.filled && focus.barFilled && focus.inView,
          `j #${step + 1} (${focus.id}): filled ${focus.filled}, bar ${focus.barFilled}, in view ${focus.inView}`,
        );
      }
      // j pressed fast, faster than frames: the ring still lands on a filled source.
      const fast = 40;
      for (let n = 0; n < fast; n++) await page.keyboard.press('j');
      const afterFast = await pollFor(
        () => chromiumRoots(page).evaluate(inspectFocus, null),
        (f) => f.filled && f.barFilled && f.inView,
        2_000,
      );
      assert(
        afterFast.marked === 1 && afterFast.id === order[steps + fast - 1],
        `after ${fast} quick j: ${json(afterFast)}; expected ${order[steps + fast - 1]}`,
      );
      assert(
        afterFast.filled && afterFast.barFilled && afterFast.inView,
        `after ${fast} quick j the focused source is not shown filled: ${json(afterFast)}`,
      );
      // Esc clears the ring.
      await page.keyboard.press('Escape');
      assert(
        (await chromiumRoots(page).evaluate(inspectFocus, null)).marked === 0,
        'Esc left the focus ring',
      );
      assert(errors.length === 0, `page or console errors: ${errors.join(' | ')}`);
      await page.close();
    }, 90_000);

    await test('big list: k from the top jumps to the last source, an unfilled episode, and shows it filled and in view', async () => {
      const { page, errors } = await openBigList(context, html);
      await pollFor(() => chromiumRoots(page).evaluate(inspectPage, null), firstScreenFilled);
      const order = EXPECTED.flat();
      const before = (await chromiumRoots(page).evaluate(inspectPage, null)).items[EPISODES - 1]!;
      assert(before.episodes === 0, 'the last episode is placed before k jumps there');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // k with nothing focused goes to the last source (lib/content/keymap.ts, moveIndex): an
      // episode whose hosts are still empty. It must end up filled and where the user looks,
      // never a focused empty host, nor a ring below the fold.
      await page.keyboard.press('k');
      const jumped = await pollFor(
        () => chromiumRoots(page).evaluate(inspectFocus, null),
        (f) => f.filled && f.barFilled && f.inView,
        2_000,
      );
      await page.screenshot({ path: join(SHOTS, 'chromium-big-list-k-jump.png') });
      assert(
        jumped.marked === 1 && jumped.id === lastIds.at(-1) && order.at(-1) === lastIds.at(-1),
        `k from nothing: ${json(jumped)}; expected the last source ${lastIds.at(-1)}`,
      );
      // Catches the ring left on an empty host (no controls, no ring drawn: the ring's style
      // lives in the shadow root).
      assert(
        jumped.filled && jumped.barFilled,
        `k left the far source or its bar unfilled: ${json(jumped)}`,
      );
      // s on it saves it (the key acts on the lazily filled host).
      await page.keyboard.press('s');
      const saved = await pollFor(
        () => lastItemSaveState(page, lastIds.length - 1),
        (v) => v === 'true',
      );
      assert(saved === 'true', `s on the far source left aria-pressed=${saved}`);
      assert(errors.length === 0, `page or console errors: ${errors.join(' | ')}`);
      // Catches a ring scrolled to before the controls around it were built: filling the bars
      // near it afterwards pushes it out of the viewport (`top` vs `viewport`).
      assert(
        jumped.inView,
        `after k the focused source is out of view: its top is at ${jumped.top} px in a ${jumped.viewport} px viewport`,
      );
      await page.close();
    });
  } catch (error) {
    fail('chromium big list suite', error);
  } finally {
    await session.close();
  }
}
