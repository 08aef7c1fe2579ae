/**
 * Real-browser tests in Debian's chromium of what a user sees when something is off: a supported
 * site turned off in Settings gets no controls (and gets them once turned on again), and a store
 * that cannot open (here: a database left at a newer schema version, as after a downgrade) reaches
 * the page as a readable message in the episode bar instead of a silent failure.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DATABASE_NAME } from '@/lib/store/schema.ts';
import { SETTINGS_KEY } from '@/lib/settings.ts';
import { launchChromium, request, type ChromiumSession } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, pressedIs, seen, waitSeen } from '@/tests/browser/roots.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;

/** Sets the stored settings from an extension page, as the library's Settings section does. */
async function storeSettings(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    async ([key, value]) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      };
      await chrome.storage.local.set({ [key as string]: value });
    },
    [SETTINGS_KEY, value] as const,
  );
}

/** The number of Citecast episode bars on `page` after it has settled. */
async function barCount(page: Page): Promise<number> {
  await page.waitForTimeout(800);
  return page.locator('citecast-episode').count();
}

/** Registers and runs the settings and failure tests in their own Chromium session. */
export async function runChromiumSettingsErrors(): Promise<void> {
  console.log('chromium: settings and store failures');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('settings/errors: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const { context, extensionId } = session;
  const extensionPage = `chrome-extension://${extensionId}/popup.html`;
  try {
    await test('a site turned off in Settings gets no controls; turned on, it gets them at once', async () => {
      const settingsPage = await context.newPage();
      await settingsPage.goto(extensionPage);
      await storeSettings(settingsPage, { sites: { show: false } });
      const page = await context.newPage();
      await page.goto(SITE.url);
      assert((await barCount(page)) === 0, 'the turned-off site got an episode bar');
      await storeSettings(settingsPage, { sites: { show: true } });
      await page.locator('citecast-episode').first().waitFor({ timeout: 5_000 });
      await page.close();
      await settingsPage.close();
    });

    await test('a page script clicking Citecast’s hosts or pressing its keys saves nothing', async () => {
      const page = await context.newPage();
      await page.goto(SITE.url);
      const roots = chromiumRoots(page);
      const SAVE = 'button[data-action="save"]';
      const HEARD = 'button[data-action="heard"]';
      const save = await waitSeen(roots, 'citecast-source', SAVE, (b) => !!b, 'no save button');
      assert(save?.attrs['aria-pressed'] === 'false', 'already saved');
      // What a hostile page could do: script clicks on the hosts (their roots are closed to it)
      // and keys.
      await page.evaluate(() => {
        for (const host of Array.from(
          document.querySelectorAll('citecast-source, citecast-episode'),
        )) {
          (host as HTMLElement).click();
          host.shadowRoot?.querySelector<HTMLElement>('button')?.click();
        }
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      });
      await page.waitForTimeout(600);
      const after = await seen(roots, 'citecast-source', SAVE);
      assert(after?.attrs['aria-pressed'] === 'false', 'a scripted click saved');
      const heard = await seen(roots, 'citecast-episode', HEARD);
      assert(heard?.attrs['aria-pressed'] === 'false', 'a scripted click marked heard');
      // The user's own click still works.
      await roots.click('citecast-source', SAVE);
      await waitSeen(roots, 'citecast-source', SAVE, pressedIs('true'), 'the click did not save');
      await roots.click('citecast-source', SAVE);
      await page.close();
    });

    await test('a store that cannot open: saving says so in the bar, in words', async () => {
      const page = await context.newPage();
      await page.goto(SITE.url);
      const roots = chromiumRoots(page);
      await waitSeen(roots, 'citecast-source', 'button[data-action="save"]', (b) => !!b, 'no save');
      // The database moves past any version this build knows: its next open fails (VersionError).
      const ext = await context.newPage();
      await ext.goto(extensionPage);
      const moved = await ext.evaluate(
        (name) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open(name, 1_000);
            open.onsuccess = () => {
              const version = open.result.version;
              open.result.close();
              resolve(version);
            };
            open.onerror = () => reject(new Error(String(open.error)));
            open.onblocked = () => reject(new Error('blocked'));
          }),
        DATABASE_NAME,
      );
      assert(moved === 1_000, `the database is at version ${moved}`);
      const status = await request(ext, 'storeStatus');
      assert(
        (status as { ok?: boolean; error?: { code?: string } }).ok === false &&
          (status as { error: { code: string } }).error.code === 'unavailable',
        `storeStatus answered ${JSON.stringify(status)}`,
      );
      await roots.click('citecast-source', 'button[data-action="save"]');
      const message = await waitSeen(
        roots,
        'citecast-episode',
        '.status.error',
        (m) => !!m?.text,
        'the bar says nothing',
        0,
        5_000,
      );
      const text = message?.text ?? '';
      assert(
        text.startsWith('Citecast’s storage was written by a newer version of Citecast'),
        `the bar says ${JSON.stringify(text)}`,
      );
      assert(!/at \w+ \(|\.js:\d+/.test(text), `the message shows a stack: ${text}`);
      await waitSeen(
        roots,
        'citecast-source',
        'button[data-action="save"]',
        pressedIs('false'),
        'the save toggle claims a save that failed',
      );
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({ path: join(SHOTS, 'chromium-store-unavailable.png') });
      // The popup and the library say the same, in words, with what to do.
      for (const [name, url] of [
        ['popup', `chrome-extension://${extensionId}/popup.html`],
        ['library', `chrome-extension://${extensionId}/library.html#papers`],
      ] as const) {
        const view = await context.newPage();
        await view.goto(url);
        const error = view.locator('[data-testid="store-error"]').first();
        await error.waitFor({ timeout: 5_000 }).catch(() => {
          throw new Error(`the ${name} shows no store error`);
        });
        const said = (await error.textContent()) ?? '';
        assert(
          said.includes('newer version of Citecast') &&
            (await error.getAttribute('role')) === 'alert',
          `the ${name} says ${JSON.stringify(said)}`,
        );
        assert(
          (await view.locator('[data-testid="paper-row"]').count()) === 0,
          `the ${name} shows paper rows from a store it cannot open`,
        );
        await view.screenshot({ path: join(SHOTS, `chromium-store-unavailable-${name}.png`) });
        await view.close();
      }
      // Put things back for any later test: delete the future database.
      await ext.evaluate(
        (name) =>
          new Promise<void>((resolve) => {
            const del = indexedDB.deleteDatabase(name);
            del.onsuccess = del.onerror = del.onblocked = () => resolve();
          }),
        DATABASE_NAME,
      );
      await ext.close();
      await page.close();
    });
  } finally {
    await session.close();
  }
}
