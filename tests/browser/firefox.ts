/**
 * Real-browser smoke tests in Debian's firefox-esr (puppeteer-core over WebDriver BiDi), with the
 * Firefox build installed as a temporary add-on. Fixture pages are served at their real addresses
 * through puppeteer's request interception (it works over BiDi in Firefox 153 ESR), so the release
 * build is tested as is. The add-on's own pages are opened only by the tests that start Firefox
 * with `extensionPages` (see browsers.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '@/tests/browser/browsers.ts';
import {
  checkCounts,
  countElementsInPage,
  FIXTURE_PAGES,
  TEST_PAGES,
  fixtureResponse,
  ROOT,
  UNSUPPORTED_PAGE,
} from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { firefoxRoots, pressedIs, seen, seenAll, waitSeen } from '@/tests/browser/roots.ts';

/** A source's save toggle inside its root. */
const SAVE = 'button[data-action="save"]';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** A new tab whose every request is answered by the fixtures or refused. */
export async function fixturePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = fixtureResponse(request.url());
    void (response ? request.respond(response) : request.abort('blockedbyclient'));
  });
  return page;
}

/** Whether the content script placed its elements in the page within `timeoutMs`. */
async function contentScriptRan(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => document.querySelector('citecast-episode, citecast-source') !== null,
      { timeout: timeoutMs },
    );
    return true;
  } catch {
    return false;
  }
}

/** The host of the first source citing arXiv `id` (or of the first source). */
const sourceHost = (id: string | null) =>
  id ? `citecast-source[data-arxiv-id="${id}"]` : 'citecast-source';

/** `aria-pressed` of the save button of the first source citing arXiv `id` (or the first source). */
async function savePressed(page: Page, id: string | null): Promise<string | null> {
  return (await seen(firefoxRoots(page), sourceHost(id), SAVE))?.attrs['aria-pressed'] ?? null;
}

/**
 * Clicks, as a user does (real mouse input through WebDriver BiDi, not a scripted `.click()`,
 * which Citecast ignores), the `inner` control of the first of `hosts`; false when there is none.
 */
async function userClick(page: Page, hosts: string, inner: string): Promise<boolean> {
  try {
    await firefoxRoots(page).click(hosts, inner);
    return true;
  } catch {
    return false;
  }
}

/** Clicks that save button inside its shadow root; false when it is not there. */
function clickSave(page: Page, id: string | null): Promise<boolean> {
  return userClick(page, sourceHost(id), SAVE);
}

/** Polls (up to `timeoutMs`) until that save button shows `aria-pressed="want"`. */
async function waitPressed(
  page: Page,
  id: string | null,
  want: 'true' | 'false',
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  let seen = await savePressed(page, id);
  for (const deadline = Date.now() + timeoutMs; seen !== want && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await savePressed(page, id);
  }
  assert(seen === want, `${id ?? 'first source'} ${what}: aria-pressed=${seen}, expected ${want}`);
}

/** A fixture page, loaded, with the content script's controls in place. */
async function openAnnotated(browser: Browser, url: string): Promise<Page> {
  const page = await fixturePage(browser);
  const response = await page.goto(url);
  assert(response?.ok(), `fixture not served: ${response?.status()}`);
  assert(await contentScriptRan(page, 10_000), `the content script placed nothing on ${url}`);
  await waitSeen(firefoxRoots(page), 'citecast-source', 'button', (b) => !!b, 'no controls');
  return page;
}

export async function runFirefox(): Promise<void> {
  console.log('firefox');
  mkdirSync(SHOTS, { recursive: true });
  let browser: Browser | undefined;
  const started = await test('extension installs as a temporary add-on', async () => {
    const launched = await launchFirefox();
    browser = launched.browser;
    assert(launched.id === 'citecast@citecast.app', `installed as ${launched.id}`);
  });
  if (!started || !browser) {
    await browser?.close();
    return;
  }

  try {
    for (const fixture of [...FIXTURE_PAGES, ...TEST_PAGES]) {
      await test(`content script reads ${fixture.url}`, async () => {
        const page = await fixturePage(browser!);
        const response = await page.goto(fixture.url);
        assert(response?.ok(), `fixture not served: ${response?.status()}`);
        assert(await contentScriptRan(page, 10_000), 'the content script placed nothing');
        await checkCounts(() => page.evaluate(countElementsInPage), fixture);
        await page.screenshot({ path: join(SHOTS, `firefox-${fixture.name}.png`) });
        await page.close();
      });
    }

    const id = '2408.07326';
    const podimo = FIXTURE_PAGES.find((p) => p.name === 'podimo-episode')!;
    const apple = FIXTURE_PAGES.find((p) => p.name === 'apple-episode')!;
    const site = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
    const saved =
      await test('a click on save in the shadow root saves, without following the Podimo link', async () => {
        const page = await openAnnotated(browser!, podimo.url);
        const inLink = await page.evaluate(
          (id) =>
            !!document.querySelector(`citecast-source[data-arxiv-id="${id}"]`)?.closest('a[href]'),
          id,
        );
        assert(inLink, 'the test source is not inside a link-wrapped list item');
        await waitPressed(page, id, 'false', 'before the click');
        const navigations: string[] = [];
        page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
        page.on('request', (r) => r.isNavigationRequest() && navigations.push(r.url()));
        const before = page.url();
        assert(await clickSave(page, id), 'no save button in the shadow root');
        await waitPressed(page, id, 'true', 'after its click');
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert(
          page.url() === before && navigations.length === 0,
          `the click navigated to ${JSON.stringify(navigations)}`,
        );
        await page.screenshot({ path: join(SHOTS, 'firefox-annotated-podimo.png') });
        await page.close();
      });

    if (saved) {
      await test('the saved mark stays after a reload and shows on another page; a second click unsaves', async () => {
        const page = await openAnnotated(browser!, podimo.url);
        await waitPressed(page, id, 'true', 'on a new tab');
        await page.reload();
        assert(await contentScriptRan(page, 10_000), 'no content script after the reload');
        await waitPressed(page, id, 'true', 'after a reload');
        const other = await openAnnotated(browser!, apple.url);
        await waitPressed(other, id, 'true', `on ${apple.name}`);
        assert(await clickSave(other, id), `no save button on ${apple.name}`);
        await waitPressed(other, id, 'false', `on ${apple.name} after a second click`);
        // The open Podimo tab follows the change made in the other tab.
        await waitPressed(page, id, 'false', 'in the other tab after the unsave');
        await other.close();
        await page.reload();
        assert(await contentScriptRan(page, 10_000), 'no content script after the reload');
        await waitPressed(page, id, 'false', 'after the unsave and a reload');
        await page.close();
      }, 60_000);
    }

    await test('page keys: j then s on the page body toggles the first source, and again restores it', async () => {
      const page = await openAnnotated(browser!, site.url);
      // States arrive from the background a moment after the controls.
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Earlier tests leave this fresh profile with nothing saved.
      const before = 'false';
      await waitPressed(page, null, before, 'before the keys');
      const flipped = 'true';
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.body.focus();
      });
      await page.keyboard.press('j');
      const focused = await page.evaluate(
        () =>
          document.querySelector('citecast-source')?.hasAttribute('data-citecast-focus') ?? false,
      );
      assert(focused, 'j did not focus the first source');
      await page.keyboard.press('s');
      await waitPressed(page, null, flipped, 'after j, s');
      await page.keyboard.press('Escape');
      await page.keyboard.press('j');
      await page.keyboard.press('s');
      await waitPressed(page, null, before, 'after j, s again');
      await page.close();
    });

    await test('episode bar: heard shows its date, choose saves the checked paper, sources have copy buttons', async () => {
      const page = await openAnnotated(browser!, site.url);
      const roots = firefoxRoots(page);
      const HEARD = 'button[data-action="heard"]';
      await waitSeen(roots, 'citecast-episode', '.counts', (c) => !!c?.text, 'no counts');
      const clickBar = (action: string) =>
        userClick(page, 'citecast-episode', `[data-action="${action}"]`);
      const heard = await seen(roots, 'citecast-episode', HEARD);
      assert(heard?.text === 'Heard', `heard reads ${heard?.text}`);
      assert(await clickBar('heard'), 'no heard button');
      await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        (b) => /^Heard \d{1,2} \w{3} \d{4}$/.test(b?.text ?? ''),
        'heard shows no date after its click',
        0,
        5_000,
      );
      assert(await clickBar('heard'), 'no heard button');
      await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        pressedIs('false'),
        'heard stays pressed after a second click',
        0,
        5_000,
      );
      const copyNames = (
        await seenAll(roots, 'citecast-source[data-arxiv-id]', 'button[data-action^="copy-"]')
      )
        .slice(0, 2)
        .map((b) => b.attrs['aria-label']);
      assert(
        JSON.stringify(copyNames) ===
          JSON.stringify([
            'Copy this paper as BibTeX (Citecast)',
            'Copy a Markdown link to this paper (Citecast)',
          ]),
        `copy buttons: ${JSON.stringify(copyNames)}`,
      );
      assert(await clickBar('choose'), 'no choose button');
      await waitSeen(
        roots,
        'citecast-episode',
        '.panel.choose input[type="checkbox"]',
        (b) => !!b?.shown,
        'the choose panel did not open with its checkboxes',
        0,
        5_000,
      );
      const checked = await userClick(
        page,
        'citecast-episode',
        '.panel.choose input[type="checkbox"]:not(:checked)',
      );
      assert(checked, 'no unchecked paper in the choose panel');
      await page.screenshot({ path: join(SHOTS, 'firefox-choose-panel.png') });
      const savedCount = async () => {
        const text = (await seen(roots, 'citecast-episode', '.counts'))?.text ?? '';
        return Number(/· (\d+) saved$/.exec(text)?.[1] ?? NaN);
      };
      const before = await savedCount();
      assert(Number.isInteger(before), 'the bar shows no saved count');
      assert(await clickBar('save-checked'), 'no "save checked" button');
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await savedCount()) === before + 1) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert((await savedCount()) === before + 1, `saved ${before} → ${await savedCount()}`);
      assert(
        (await seen(roots, 'citecast-episode', '.panel')) === null,
        'the choose panel stayed open',
      );
      await page.close();
    });

    await test('content script does not run on other hosts', async () => {
      const page = await fixturePage(browser!);
      await page.goto(UNSUPPORTED_PAGE.url);
      assert(
        !(await contentScriptRan(page, 1_500)),
        `content script ran on ${UNSUPPORTED_PAGE.url}`,
      );
      await page.close();
    });
  } catch (error) {
    fail('firefox suite', error);
  } finally {
    await browser.close();
  }
}
