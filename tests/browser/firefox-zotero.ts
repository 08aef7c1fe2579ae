/**
 * "Send to Zotero" in Debian's firefox-esr (`--only zotero`), as far as its driver reaches: it
 * cannot open the extension's own pages nor answer the browser's permission prompt, so the
 * permission cannot be granted here and the sending itself is tested in Chromium
 * (chromium-zotero.ts). What Firefox does test: a page's Zotero button, pressed by the real mouse
 * inside its closed root, sends nothing to the fake Zotero server before the permission is given.
 */
import { launchFirefox } from '@/tests/browser/browsers.ts';
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
    firefox = await launchFirefox();
  } catch (error) {
    fail('firefox zotero: start', error);
    await zotero?.close();
    return;
  }
  const z = zotero;
  const { browser } = firefox;
  try {
    await test('firefox zotero: a page sends nothing to Zotero before the permission', async () => {
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
    });
  } finally {
    await browser.close();
    await z.close();
  }
}
