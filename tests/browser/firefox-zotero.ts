/**
 * "Send to Zotero" in Debian's firefox-esr (`--only zotero`), against the fake Zotero server
 * listening where Zotero does (127.0.0.1:23119):
 *
 * - a page's Zotero button, pressed by the real mouse inside its closed root, sends nothing before
 *   the permission is given, and the bar asks for it;
 * - Citecast's own window for it (zotero-grant.html, opened here as a tab of the add-on) asks in
 *   its Allow click, which Firefox's test switch answers without the doorhanger;
 * - then the same button sends that paper, and the fake receives it.
 *
 * The library's selection, resending and the marks are tested in Chromium (chromium-zotero.ts).
 */
import { launchFirefox, openFirefoxExtensionPage, waitFor } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES } from '@/tests/browser/fixture-pages.ts';
import { fixturePage } from '@/tests/browser/firefox.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { firefoxRoots, waitSeen } from '@/tests/browser/roots.ts';
import { startFakeZotero } from '@/tests/zotero/fake-zotero.ts';

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;

/** Runs the Firefox Zotero test. */
export async function runFirefoxZotero(): Promise<void> {
  console.log('\nfirefox: send to Zotero');
  let zotero;
  let firefox;
  try {
    zotero = await startFakeZotero(23119);
    firefox = await launchFirefox({}, undefined, {
      extensionPages: true,
      grantOptionalPermissions: true,
    });
  } catch (error) {
    fail('firefox zotero: start', error);
    await zotero?.close();
    return;
  }
  const z = zotero;
  const { browser } = firefox;
  try {
    await test('firefox zotero: a page sends nothing before the permission; after Citecast’s window grants it, the same button sends the paper', async () => {
      const page = await fixturePage(browser);
      await page.goto(SITE.url);
      const roots = firefoxRoots(page);
      await waitSeen(
        roots,
        'citecast-source',
        'button[data-action="zotero"]',
        (el) => el !== null,
        'the Zotero button',
      );
      await roots.click('citecast-source', 'button[data-action="zotero"]', 0);
      // The background answers "ask for the permission" and opens Citecast's window for it.
      await waitSeen(
        roots,
        'citecast-episode',
        '.status',
        (el) => !!el?.text.includes('Allow Citecast to reach Zotero'),
        'the bar asks for the permission',
      );
      assert(z.requests.length === 0, `requests reached Zotero: ${z.requests.join(', ')}`);

      const grant = await openFirefoxExtensionPage(
        browser,
        'zotero-grant.html',
        'button[data-action="zotero-allow"]',
        { width: 520, height: 520 },
      );
      await grant.click('button[data-action="zotero-allow"]');
      await waitFor(
        () => grant.$eval('.status', (el) => el.textContent ?? ''),
        (said) => said.length > 0 && !said.includes('…'),
        'the window did not say how asking went',
      );
      const said = await grant.$eval('.status', (el) => el.textContent ?? '');
      assert(!(await grant.$eval('.status', (el) => el.classList.contains('error'))), said);
      await grant.close();

      await roots.click('citecast-source', 'button[data-action="zotero"]', 0);
      await waitSeen(
        roots,
        'citecast-episode',
        '.status',
        (el) => !!el?.text.includes('Sent to Zotero (1)'),
        `the bar does not say the paper was sent (Zotero got ${JSON.stringify(z.requests)}; the window said ${JSON.stringify(said)})`,
      );
      assert(z.problems.length === 0, `the fake refused: ${z.problems.join('; ')}`);
      assert(
        z.items.length === 1 && z.items[0]!.item.title === 'Paper A Title: A Subtitle',
        `Zotero received ${JSON.stringify(z.items.map((i) => i.item.title))}`,
      );
    });
  } finally {
    await browser.close();
    await z.close();
  }
}
