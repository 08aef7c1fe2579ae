/**
 * "Send to Zotero" in Debian's firefox-esr (`--only zotero`), against the fake Zotero server
 * listening where Zotero does (127.0.0.1:23119), in two browsers:
 *
 * - before the permission, a page's Zotero button, pressed by the real mouse inside its closed
 *   root, sends nothing and the bar asks for it (Citecast then opens its own window to ask);
 * - in a fresh browser, Settings' "In Zotero" box asks for Zotero's port in its real click, which
 *   Firefox's test switch answers without the doorhanger; then the page's Zotero button sends
 *   that paper, and the fake receives it. (Not through the window the page opens: the driver
 *   cannot reach a window the add-on opens itself, and input to a tab behind it is unreliable.)
 *
 * The library's selection, resending and the marks are tested in Chromium (chromium-zotero.ts).
 */
import type { Browser } from 'puppeteer-core';
import { launchFirefox, openFirefoxExtensionPage, waitFor } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES } from '@/tests/browser/fixture-pages.ts';
import { fixturePage } from '@/tests/browser/firefox.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { firefoxRoots, waitSeen } from '@/tests/browser/roots.ts';
import { startFakeZotero, type FakeZotero } from '@/tests/zotero/fake-zotero.ts';

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const ZOTERO_BUTTON = 'button[data-action="zotero"]';

/** Runs `body` with a fresh Firefox (reaching `extensionPages` when asked); false when it did not start. */
async function withFirefox(
  extensionPages: boolean,
  body: (browser: Browser) => Promise<void>,
): Promise<void> {
  let firefox;
  try {
    firefox = await launchFirefox({}, undefined, {
      extensionPages,
      grantOptionalPermissions: extensionPages,
    });
  } catch (error) {
    fail('firefox zotero: start', error);
    return;
  }
  try {
    await body(firefox.browser);
  } finally {
    await firefox.browser.close();
  }
}

/** Runs the Firefox Zotero tests. */
export async function runFirefoxZotero(): Promise<void> {
  console.log('\nfirefox: send to Zotero');
  let z: FakeZotero;
  try {
    z = await startFakeZotero(23119);
  } catch (error) {
    fail('firefox zotero: start', error);
    return;
  }
  try {
    await withFirefox(false, (browser) =>
      test('firefox zotero: a page sends nothing to Zotero before the permission', async () => {
        const page = await fixturePage(browser);
        await page.goto(SITE.url);
        const roots = firefoxRoots(page);
        await waitSeen(roots, 'citecast-source', ZOTERO_BUTTON, (el) => el !== null, 'no button');
        await roots.click('citecast-source', ZOTERO_BUTTON, 0);
        // The background answers "ask for the permission" and opens Citecast's window for it.
        await waitSeen(
          roots,
          'citecast-episode',
          '.status',
          (el) => !!el?.text.includes('Allow Citecast to reach Zotero'),
          'the bar asks for the permission',
        );
        assert(z.requests.length === 0, `requests reached Zotero: ${z.requests.join(', ')}`);
      }).then(() => undefined),
    );
    await withFirefox(true, (browser) =>
      test('firefox zotero: once Settings was given Zotero’s port, the page’s button sends the paper', async () => {
        // The "In Zotero" marks read Zotero's local API: on, with an empty library.
        z.options.localApi = true;
        const settings = await openFirefoxExtensionPage(
          browser,
          'library.html#settings',
          '[data-testid="zotero-marks"]',
        );
        await settings.click('[data-testid="zotero-marks"]');
        await waitFor(
          () =>
            settings.$eval(
              '[data-testid="zotero-marks"]',
              (el) => (el as HTMLInputElement).checked,
            ),
          (on) => on,
          'Settings did not get Zotero’s port',
        );
        await settings.close();
        const page = await fixturePage(browser);
        await page.goto(SITE.url);
        const roots = firefoxRoots(page);
        await waitSeen(roots, 'citecast-source', ZOTERO_BUTTON, (el) => el !== null, 'no button');
        await roots.click('citecast-source', ZOTERO_BUTTON, 0);
        await waitSeen(
          roots,
          'citecast-episode',
          '.status',
          (el) => !!el?.text.includes('Sent to Zotero (1)'),
          `the bar does not say the paper was sent (Zotero got ${JSON.stringify(z.requests)})`,
        );
        assert(z.problems.length === 0, `the fake refused: ${z.problems.join('; ')}`);
        const titles = z.items.map((i) => i.item.title);
        assert(
          titles.length === 1 && titles[0] === 'Paper A Title: A Subtitle',
          `Zotero received ${JSON.stringify(titles)}`,
        );
      }).then(() => undefined),
    );
  } finally {
    await z.close();
  }
}
