/**
 * Paper pages in Debian's chromium with the Chromium build (`--only paper`): the "discussed in"
 * card on our stand-in arXiv, Hugging Face, alphaXiv and OpenReview pages (tests/fixtures/paper,
 * served at the real addresses).
 *
 * - Without the optional permission no script is registered and none runs on those hosts; the
 *   popup's on-request answer (the same `discussedIn` request its paper-tab section sends, from
 *   the popup page) names the citing episode.
 * - The permission is granted the way a user does it (see chromium-arxiv.ts): the site allowed in
 *   chrome://extensions, which alone grants nothing, then a real click on Settings' "Show on paper
 *   pages", whose own `permissions.request` grants it. The background then registers the script.
 * - Read an episode page citing a paper, mark it heard; the arXiv abstract's card names that
 *   episode, heard, with the date; saving from the card shows the paper saved on the episode page.
 * - Hugging Face moves to another paper in the page: the card goes, and comes back with the paper.
 * - After importing a feed of 500 episodes, a paper three of them cite shows all three, oldest
 *   first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import {
  allowSiteAccess,
  hasHostPermission,
  launchChromium,
  openExtensionPage,
  request,
  type ChromiumSession,
  waitFor,
  watchErrors,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import {
  assertDiscussedHeard,
  assertHeardToday,
  CARD,
  cardRows,
  CITED,
  feedCiting,
  feedDay,
  PAPER_HOST_ROUTES,
  paperResponse,
} from '@/tests/browser/paper-pages.ts';
import { chromiumRoots, pressedIs, waitSeen } from '@/tests/browser/roots.ts';
import { PAPER_PAGE_ORIGINS } from '@/lib/paper-pages';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const FEED_URL = 'https://podcast.do-not-panic.com/feed.xml';
const FEED_ORIGIN = 'https://podcast.do-not-panic.com/*';
const FEED_SIZE = 500;
const FEED_CITING = [100, 250, 400] as const;
const FEED_PAPER = '2405.00001';

/** The ids of the card's scripts the background registered. */
function registered(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } };
    };
    return (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id);
  });
}

/** Opens `url` in a new tab and waits for its load (plus a moment for content scripts). */
async function open(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

/** Waits until the page has `n` cards (0: none, after the content script had its chance). */
async function waitCards(page: Page, n: number, what: string): Promise<void> {
  await waitFor(
    () => page.locator(CARD).count(),
    (c) => c === n,
    what,
    8_000,
  );
}

/** Registers and runs the paper page tests in their own Chromium session. */
export async function runChromiumPaper(): Promise<void> {
  console.log('chromium: paper pages (discussed in)');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('paper: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const s: ChromiumSession = session;
  const { context, worker } = s;
  // Later routes win over the launch's catch-all: our stand-in paper pages and the test feed.
  for (const pattern of PAPER_HOST_ROUTES) {
    await context.route(pattern, async (route) => {
      const response = paperResponse(route.request().url());
      await (response ? route.fulfill(response) : route.abort('blockedbyclient'));
    });
  }
  await context.route(FEED_URL, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      body: feedCiting(FEED_SIZE, FEED_CITING, FEED_PAPER),
    }),
  );
  let episodePage: Page | undefined;
  try {
    await test('paper: read an episode page citing the paper, and mark it heard', async () => {
      episodePage = await open(s, SITE.url);
      const roots = chromiumRoots(episodePage);
      await waitSeen(
        roots,
        'citecast-episode',
        'button[data-action="heard"]',
        (b) => !!b?.shown,
        'no heard button',
      );
      await roots.click('citecast-episode', 'button[data-action="heard"]');
      await waitSeen(
        roots,
        'citecast-episode',
        'button[data-action="heard"]',
        pressedIs('true'),
        'the episode did not become heard',
      );
    });

    await test('paper: without the permission no script runs on paper pages; the popup answers on request', async () => {
      for (const origin of PAPER_PAGE_ORIGINS) {
        assert(!(await hasHostPermission(worker, origin)), `${origin} is granted on install`);
      }
      assert((await registered(worker)).length === 0, 'a script is registered on install');
      const page = await open(s, `https://arxiv.org/abs/${CITED}v1`);
      await page.waitForTimeout(1_500);
      await waitCards(page, 0, 'a card without the permission');
      // The popup's paper-tab section sends this request for the tab's address (activeTab).
      const popup = await openExtensionPage(s, 'popup.html');
      assertDiscussedHeard(
        await request(popup, 'discussedIn', {
          url: `https://arxiv.org/abs/${CITED}v1`,
          title: null,
        }),
      );
      await popup.close();
      await page.close();
    });

    await test('paper: "Show on paper pages" asks for the hosts in its click and registers the script', async () => {
      for (const origin of PAPER_PAGE_ORIGINS) await allowSiteAccess(s, origin);
      assert(
        !(await hasHostPermission(worker, 'https://huggingface.co/*')),
        'the site access alone granted the permission',
      );
      const settings = await openExtensionPage(s, 'library.html#settings');
      const errors = watchErrors(settings);
      const toggle = settings.getByTestId('paper-pages-switch');
      await toggle.waitFor();
      await waitFor(
        () => toggle.isEnabled(),
        (on) => on,
        'the switch stays disabled',
      );
      await toggle.click();
      await waitFor(
        () => toggle.getAttribute('aria-checked'),
        (v) => v === 'true',
        'the switch did not turn on',
      );
      for (const origin of PAPER_PAGE_ORIGINS) {
        assert(await hasHostPermission(worker, origin), `${origin} was not granted`);
      }
      await waitFor(
        () => registered(worker),
        (ids) => ids.length === 1,
        'no script registered',
      );
      // arxiv.org is Zotero's PDF host too; allowing paper pages must not turn PDF uploads on
      // (read on a fresh Settings, which asks the permissions anew).
      const fresh = await openExtensionPage(s, 'library.html#settings');
      const pdfs = fresh.getByTestId('zotero-pdfs');
      await waitFor(
        () => pdfs.isEnabled(),
        (on) => on,
        'Zotero’s PDF switch stays disabled',
      );
      assert(!(await pdfs.isChecked()), 'allowing paper pages turned Zotero’s PDF uploads on');
      await fresh.close();
      await settings
        .getByTestId('settings-paper-pages')
        .screenshot({ path: join(SHOTS, 'chromium-paper-settings.png') });
      assert(errors.length === 0, `errors: ${errors.join('; ')}`);
      await settings.close();
    });

    await test('paper: the arXiv abstract names the episode as heard, with its date; saving there shows on the episode page', async () => {
      const page = await open(s, `https://arxiv.org/abs/${CITED}v1`);
      const errors = watchErrors(page);
      await waitCards(page, 1, 'no card on the arXiv abstract');
      const host = page.locator(CARD);
      assert((await host.getAttribute('data-arxiv-id')) === CITED, 'the card’s data-arxiv-id');
      const placedAfter = await host.evaluate((el) => el.previousElementSibling?.localName);
      assert(placedAfter === 'h1', `the card is not after the title but after ${placedAfter}`);
      const rows = await waitFor(
        () => cardRows(chromiumRoots(page)),
        (r) => r.length === 1 && /^heard on /.test(r[0]!.state ?? ''),
        'the card does not name the episode as heard',
      );
      assertHeardToday(rows[0]!, SITE.url);
      const roots = chromiumRoots(page);
      const before = await host.boundingBox();
      await roots.click(CARD, 'button[data-action="save"]');
      await waitSeen(roots, CARD, 'button[data-action="save"]', pressedIs('true'), 'not saved');
      const after = await host.boundingBox();
      assert(
        before?.width === after?.width && before?.height === after?.height,
        `the card's size changed with saving: ${JSON.stringify([before, after])}`,
      );
      await page.screenshot({ path: join(SHOTS, 'chromium-paper-arxiv.png') });
      assert(errors.length === 0, `errors: ${errors.join('; ')}`);
      assert(episodePage, 'no episode page');
      const onEpisode = chromiumRoots(episodePage);
      await waitSeen(
        onEpisode,
        `citecast-source[data-arxiv-id="${CITED}"]`,
        'button[data-action="save"]',
        pressedIs('true'),
        'the episode page does not show the paper saved',
      );
      await page.close();
    });

    await test('paper: Hugging Face’s in-page move to another paper takes the card away, and back brings it', async () => {
      const page = await open(s, `https://huggingface.co/papers/${CITED}`);
      await waitCards(page, 1, 'no card on Hugging Face');
      await page.getByText('another paper').click();
      await waitCards(page, 0, 'the stale card stayed after the move');
      await page.getByText('back', { exact: true }).click();
      await waitCards(page, 1, 'no card after moving back');
      const rows = await cardRows(chromiumRoots(page));
      assert(rows.length === 1 && rows[0]!.href === SITE.url, JSON.stringify(rows));
      await page.close();
      const alpha = await open(s, `https://www.alphaxiv.org/abs/${CITED}`);
      await waitCards(alpha, 1, 'no card on alphaXiv');
      await alpha.close();
      const review = await open(s, 'https://openreview.net/forum?id=Ab12Cd34Ef');
      await review.waitForTimeout(1_500);
      await waitCards(review, 0, 'a card on a paper nobody cites');
      await review.close();
    });

    await test('paper: after importing a feed of 500 episodes, a paper three cite shows all three, oldest first', async () => {
      await allowSiteAccess(s, FEED_ORIGIN);
      const library = await openExtensionPage(s, 'library.html#import-export');
      await library.getByTestId('import-feed').click();
      await library.getByTestId('feed-report').waitFor({ timeout: 20_000 });
      await library.close();
      const page = await open(s, `https://arxiv.org/abs/${FEED_PAPER}`);
      await waitCards(page, 1, 'no card for the paper the feed cites');
      const rows = await waitFor(
        () => cardRows(chromiumRoots(page)),
        (r) => r.length === 3,
        'not three rows',
      );
      const expected = [...FEED_CITING].map((i) => `Feed Episode ${i}`);
      assert(
        JSON.stringify(rows.map((r) => r.title)) === JSON.stringify(expected),
        `oldest first: ${JSON.stringify(rows.map((r) => [r.title, r.date]))} (dates ${FEED_CITING.map((i) => feedDay(i, FEED_SIZE)).join(', ')})`,
      );
      assert(
        rows.every((r) => r.state === 'not heard'),
        JSON.stringify(rows),
      );
      await page.screenshot({ path: join(SHOTS, 'chromium-paper-feed.png') });
      await page.close();
    }, 60_000);
  } finally {
    await s.close();
  }
}
