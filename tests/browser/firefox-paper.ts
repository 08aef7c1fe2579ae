/**
 * Paper pages in Debian's firefox-esr with the Firefox build (`--only paper`), the same steps as
 * chromium-paper.ts where Firefox's driver reaches:
 *
 * - Without the optional permission no script is registered and none runs on our stand-in arXiv
 *   abstract; the popup's on-request answer (its `discussedIn` request, sent from popup.html
 *   opened as a tab) names the citing episode as heard.
 * - A real click on Settings' "Show on paper pages" runs the add-on's own `permissions.request`,
 *   which Firefox's test switch answers as granted (no driver can click its doorhanger); the
 *   background then registers the card's script with `scripting.registerContentScripts`, which
 *   is what this test checks that Firefox's MV2 build supports.
 * - The arXiv abstract's card names the episode as heard, with the date; saving there shows on
 *   the episode page. Hugging Face's in-page move takes the card away and back; alphaXiv shows it.
 * - Revoking the hosts (as about:addons does) unregisters the script: no card any more.
 *
 * Not here: the 500-episode feed import. The background fetches the feed, and Firefox's driver
 * cannot intercept an add-on's own requests, so that check runs in Chromium only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import {
  launchFirefox,
  openFirefoxExtensionPage,
  requestFirefox,
  waitFor,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, fixtureResponse, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import {
  assertDiscussedHeard,
  assertHeardToday,
  CARD,
  cardRows,
  CITED,
  paperResponse,
} from '@/tests/browser/paper-pages.ts';
import { firefoxRoots, pressedIs, waitSeen } from '@/tests/browser/roots.ts';
import { PAPER_PAGE_ORIGINS } from '@/lib/paper-pages';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const SAVE = 'button[data-action="save"]';
const HEARD = 'button[data-action="heard"]';

/** A tab serving the fixture pages and our stand-in paper pages; everything else refused. */
async function servedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = paperResponse(request.url()) ?? fixtureResponse(request.url());
    void (response ? request.respond(response) : request.abort('blockedbyclient'));
  });
  return page;
}

/** Opens `url` in a new served tab and waits for its load. */
async function open(browser: Browser, url: string): Promise<Page> {
  const page = await servedPage(browser);
  await page.goto(url);
  return page;
}

/** The paper hosts the add-on holds now and the ids of the scripts it registered, asked in `page`. */
function grants(page: Page): Promise<{ origins: string[]; scripts: string[] }> {
  return page.evaluate(
    async (origins: string[]) => {
      const { browser } = globalThis as unknown as {
        browser: {
          permissions: { contains(p: { origins: string[] }): Promise<boolean> };
          scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
        };
      };
      const held: string[] = [];
      for (const origin of origins) {
        if (await browser.permissions.contains({ origins: [origin] })) held.push(origin);
      }
      const scripts = (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id);
      return { origins: held, scripts };
    },
    [...PAPER_PAGE_ORIGINS],
  );
}

/** Waits until the page has `n` cards (0: none, after the scripts had their chance). */
async function waitCards(page: Page, n: number, what: string): Promise<void> {
  await waitFor(
    () => page.evaluate((card) => document.querySelectorAll(card).length, CARD),
    (c) => c === n,
    what,
    8_000,
  );
}

/** Clicks the page's link or button whose text is exactly `text`, with the real mouse. */
async function clickText(page: Page, text: string): Promise<void> {
  const target = await page.waitForSelector(`::-p-text(${text})`, { timeout: 5_000 });
  assert(target, `no "${text}" on ${page.url()}`);
  await target.click();
}

/** Runs the Firefox paper page tests. */
export async function runFirefoxPaper(): Promise<void> {
  console.log('\nfirefox: paper pages (discussed in)');
  mkdirSync(SHOTS, { recursive: true });
  let firefox;
  try {
    firefox = await launchFirefox({}, undefined, {
      extensionPages: true,
      grantOptionalPermissions: true,
    });
  } catch (error) {
    fail('firefox paper: start', error);
    return;
  }
  const { browser } = firefox;
  let episodePage: Page | undefined;
  try {
    await test('firefox paper: read an episode page citing the paper, and mark it heard', async () => {
      episodePage = await open(browser, SITE.url);
      const roots = firefoxRoots(episodePage);
      await waitSeen(roots, 'citecast-episode', HEARD, (b) => !!b?.shown, 'no heard button');
      await roots.click('citecast-episode', HEARD);
      await waitSeen(roots, 'citecast-episode', HEARD, pressedIs('true'), 'not heard');
    });

    await test('firefox paper: without the permission no script runs on an arXiv abstract; the popup answers on request', async () => {
      const popup = await openFirefoxExtensionPage(browser, 'popup.html', 'body > *', {
        width: 420,
        height: 640,
      });
      const before = await grants(popup);
      assert(
        before.origins.length === 0 && before.scripts.length === 0,
        `granted or registered on install: ${JSON.stringify(before)}`,
      );
      const page = await open(browser, `https://arxiv.org/abs/${CITED}v1`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const found = await page.evaluate(() => ({
        title: document.title,
        citecast: document.querySelectorAll('citecast-discussed, citecast-episode, citecast-source')
          .length,
      }));
      assert(found.title.includes(CITED), `the stand-in page did not load: ${found.title}`);
      assert(found.citecast === 0, `${found.citecast} Citecast elements on the arXiv page`);
      assertDiscussedHeard(
        await requestFirefox(popup, 'discussedIn', {
          url: `https://arxiv.org/abs/${CITED}v1`,
          title: null,
        }),
      );
      await popup.close();
      await page.close();
    });

    await test('firefox paper: "Show on paper pages" asks for the hosts in its click and registers the script', async () => {
      const settings = await openFirefoxExtensionPage(
        browser,
        'library.html#settings',
        '[data-testid="paper-pages-switch"]:not([disabled])',
      );
      const toggle = '[data-testid="paper-pages-switch"]';
      assert(
        (await settings.$eval(toggle, (el) => el.getAttribute('aria-checked'))) !== 'true',
        'the switch is on before the click',
      );
      await settings.click(toggle);
      await waitFor(
        () => settings.$eval(toggle, (el) => el.getAttribute('aria-checked')),
        (v) => v === 'true',
        'the switch did not turn on',
      );
      const after = await waitFor(
        () => grants(settings),
        (g) => g.scripts.length === 1,
        'no script registered',
      );
      assert(
        after.origins.length === PAPER_PAGE_ORIGINS.length,
        `granted only ${JSON.stringify(after.origins)}`,
      );
      // arxiv.org is Zotero's PDF host too; allowing paper pages must not turn PDF uploads on
      // (read on a fresh Settings, which asks the permissions anew).
      const fresh = await openFirefoxExtensionPage(
        browser,
        'library.html#settings',
        '[data-testid="zotero-pdfs"]:not([disabled])',
      );
      assert(
        !(await fresh.$eval(
          '[data-testid="zotero-pdfs"]',
          (el) => (el as HTMLInputElement).checked,
        )),
        'allowing paper pages turned Zotero’s PDF uploads on',
      );
      await fresh.close();
      const section = await settings.$('[data-testid="settings-paper-pages"]');
      await section?.screenshot({ path: join(SHOTS, 'firefox-paper-settings.png') });
      await settings.close();
    });

    await test('firefox paper: the arXiv abstract names the episode as heard, with its date; saving there shows on the episode page', async () => {
      const page = await open(browser, `https://arxiv.org/abs/${CITED}v1`);
      await waitCards(page, 1, 'no card on the arXiv abstract');
      const placed = await page.$eval(CARD, (el) => ({
        id: el.getAttribute('data-arxiv-id'),
        after: el.previousElementSibling?.localName ?? null,
      }));
      assert(placed.id === CITED, `the card's data-arxiv-id: ${placed.id}`);
      assert(placed.after === 'h1', `the card is not after the title but after ${placed.after}`);
      const rows = await waitFor(
        () => cardRows(firefoxRoots(page)),
        (r) => r.length === 1 && /^heard on /.test(r[0]!.state ?? ''),
        'the card does not name the episode as heard',
      );
      assertHeardToday(rows[0]!, SITE.url);
      const size = () =>
        page.$eval(CARD, (el) => {
          const r = el.getBoundingClientRect();
          return `${r.width}x${r.height}`;
        });
      const before = await size();
      const roots = firefoxRoots(page);
      await roots.click(CARD, SAVE);
      await waitSeen(roots, CARD, SAVE, pressedIs('true'), 'not saved from the card');
      const after = await size();
      assert(before === after, `the card's size changed with saving: ${before} → ${after}`);
      await page.screenshot({ path: join(SHOTS, 'firefox-paper-arxiv.png') });
      assert(episodePage, 'no episode page');
      await waitSeen(
        firefoxRoots(episodePage),
        `citecast-source[data-arxiv-id="${CITED}"]`,
        SAVE,
        pressedIs('true'),
        'the episode page does not show the paper saved',
      );
      await page.close();
    });

    await test('firefox paper: Hugging Face’s in-page move takes the card away and back; alphaXiv shows it', async () => {
      const page = await open(browser, `https://huggingface.co/papers/${CITED}`);
      await waitCards(page, 1, 'no card on Hugging Face');
      await clickText(page, 'another paper');
      await waitCards(page, 0, 'the stale card stayed after the move');
      await clickText(page, 'back');
      await waitCards(page, 1, 'no card after moving back');
      const rows = await cardRows(firefoxRoots(page));
      assert(rows.length === 1 && rows[0]!.href === SITE.url, JSON.stringify(rows));
      await page.close();
      const alpha = await open(browser, `https://www.alphaxiv.org/abs/${CITED}`);
      await waitCards(alpha, 1, 'no card on alphaXiv');
      await alpha.close();
    });

    await test('firefox paper: revoking the hosts unregisters the script, and the card is gone', async () => {
      const settings = await openFirefoxExtensionPage(
        browser,
        'library.html#settings',
        '[data-testid="paper-pages-switch"]',
      );
      // What about:addons' permission switches do: the grant goes away outside Citecast's pages.
      await settings.evaluate(
        async (origins: string[]) => {
          const { browser } = globalThis as unknown as {
            browser: { permissions: { remove(p: { origins: string[] }): Promise<boolean> } };
          };
          await browser.permissions.remove({ origins });
        },
        [...PAPER_PAGE_ORIGINS],
      );
      await waitFor(
        () => grants(settings),
        (g) => g.origins.length === 0 && g.scripts.length === 0,
        'the script stayed registered',
      );
      await settings.close();
      const page = await open(browser, `https://arxiv.org/abs/${CITED}v1`);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await waitCards(page, 0, 'a card after the hosts were revoked');
      await page.close();
    });
  } finally {
    await browser.close();
  }
}
