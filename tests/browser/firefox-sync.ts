/**
 * Sync in Debian's firefox-esr with the Firefox build (`--only sync`), the same steps as
 * chromium-sync.ts. Firefox's `storage.sync` keeps its data in the profile and syncs it only
 * through a Firefox account, which a test machine does not have; writing into it from an add-on
 * page is what another browser's sync arriving looks like to Citecast (the same `onChanged`).
 *
 * - Off by default: the sync storage stays empty until Settings' switch turns sync on.
 * - Another browser's shards (this episode heard, a paper saved and read, another deleted) reach
 *   the library, the popup and the open episode page; a save made here meanwhile survives and
 *   goes back into the sync storage.
 * - Removing Citecast's data asks first, leaves only the reset mark, and the library as it was.
 * - Data a newer Citecast wrote shows in Settings with what to do, and is never overwritten.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { decodeShards, paperCode, SYNC_FORMAT } from '@/lib/sync/codec.ts';
import { launchFirefox, openFirefoxExtensionPage, waitFor } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { fixturePage } from '@/tests/browser/firefox.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { firefoxRoots, pressedIs, seenAll, waitSeen } from '@/tests/browser/roots.ts';
import {
  otherBrowserItems,
  readSyncStorage,
  SYNC_PAPER_A,
  writeSyncStorage,
} from '@/tests/browser/sync-shards.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const PAPER_A = SYNC_PAPER_A;
const SAVE = 'button[data-action="save"]';
const HEARD = 'button[data-action="heard"]';
const SWITCH = '[data-testid="sync-switch"]';

/** Everything in the add-on's sync storage, read from one of its pages. */
function syncItems(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(readSyncStorage);
}

/** Writes `items` and removes `remove` in the sync storage, as another browser's sync would. */
function writeSync(page: Page, items: Record<string, unknown>, remove: string[]): Promise<void> {
  return page.evaluate(writeSyncStorage, [items, remove] as const);
}

/** The keys of the paper rows a page lists. */
function rowKeys(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="paper-row"]', (rows) =>
    rows.map((r) => r.getAttribute('data-key') ?? '').sort(),
  );
}

/** Whether Settings' sync switch is on. */
function syncOn(settings: Page): Promise<boolean> {
  return settings.$eval(SWITCH, (el) => (el as HTMLInputElement).checked);
}

/** The `save` buttons' `aria-pressed` on an episode page, in page order. */
async function saves(page: Page): Promise<(string | undefined)[]> {
  return (await seenAll(firefoxRoots(page), 'citecast-source', SAVE)).map(
    (b) => b.attrs['aria-pressed'],
  );
}

/** Screenshots Settings' sync section as `name`. */
async function shootSync(settings: Page, name: string): Promise<void> {
  const section = await settings.$('[data-testid="settings-sync"]');
  await section?.screenshot({ path: join(SHOTS, name) });
}

/** Runs the Firefox sync tests in their own browser. */
export async function runFirefoxSync(): Promise<void> {
  console.log('\nfirefox: sync through the browser’s sync storage');
  mkdirSync(SHOTS, { recursive: true });
  let browser: Browser;
  try {
    ({ browser } = await launchFirefox({}, undefined, { extensionPages: true }));
  } catch (error) {
    fail('firefox sync: start', error);
    return;
  }
  try {
    let paperB = '';
    let paperC = '';
    let settings: Page | undefined;
    await test('firefox sync: off by default, nothing in the browser’s sync; Settings turns it on', async () => {
      const page = await fixturePage(browser);
      await page.goto(SITE.url);
      const roots = firefoxRoots(page);
      await waitSeen(roots, 'citecast-source', SAVE, pressedIs('false'), 'no save button');
      // Paper B saved here; the other browser will delete it.
      await roots.click('citecast-source', SAVE, 1);
      await waitFor(
        async () => (await saves(page))[1],
        (v) => v === 'true',
        'paper B was not saved',
      );
      settings = await openFirefoxExtensionPage(
        browser,
        'library.html#settings',
        `${SWITCH}:not([disabled])`,
      );
      assert(!(await syncOn(settings)), 'sync is on before the user turned it on');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const before = await syncItems(settings);
      assert(Object.keys(before).length === 0, `the sync storage holds ${JSON.stringify(before)}`);
      await settings.click(SWITCH);
      const usage = await settings.waitForSelector('[data-testid="sync-usage"]', {
        timeout: 10_000,
      });
      const said = (await usage!.evaluate((el) => el.textContent)) ?? '';
      assert(/Syncing [\d.]+ KB of 100 KB\./.test(said), `Settings says ${JSON.stringify(said)}`);
      assert(await syncOn(settings), 'the switch is not on');
      await shootSync(settings, 'firefox-sync-settings-on.png');
      const decoded = decodeShards(await syncItems(settings));
      const keys = decoded.summary.papers.filter((p) => p.savedAt !== null).map((p) => p.key);
      assert(keys.length === 1, `the sync storage holds papers ${JSON.stringify(keys)}`);
      await page.close();
    });

    await test('firefox sync: another browser’s shards reach the library, the popup and the episode page; a local save made meanwhile survives', async () => {
      assert(settings, 'no settings page');
      const library = await openFirefoxExtensionPage(
        browser,
        'library.html#papers',
        '[data-testid="paper-row"]',
      );
      const firstKeys = await rowKeys(library);
      assert(firstKeys.length === 1, `the library lists ${JSON.stringify(firstKeys)}`);
      paperB = firstKeys[0]!;
      const popup = await openFirefoxExtensionPage(
        browser,
        'popup.html',
        '[data-testid="paper-row"]',
        { width: 420, height: 640 },
      );
      const page = await fixturePage(browser);
      await page.goto(SITE.url);
      const roots = firefoxRoots(page);
      await waitSeen(roots, 'citecast-episode', HEARD, pressedIs('false'), 'heard already');
      // The other browser reads the sync storage now...
      const seenThere = await syncItems(settings);
      // ...meanwhile this browser saves paper C and pushes it; only then does the other browser
      // write what it did, on top of what it read before: its shards lack paper C.
      await roots.click('citecast-source', SAVE, 2);
      await waitFor(
        async () => (await saves(page))[2],
        (v) => v === 'true',
        'paper C was not saved',
      );
      await waitFor(
        async () => decodeShards(await syncItems(settings!)).summary.papers.length,
        (n) => n === 2,
        'this browser did not push paper C',
        15_000,
      );
      const other = otherBrowserItems(seenThere, paperB, Date.now());
      await writeSync(settings, other.items, other.remove);

      await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        pressedIs('true'),
        'the episode is not heard',
      );
      await waitFor(
        () => saves(page),
        (v) => v[0] === 'true' && v[1] === 'false' && v[2] === 'true',
        'the episode page’s save buttons (A saved, B deleted, C kept)',
      );
      const keys = await waitFor(
        () => rowKeys(library),
        (k) => k.length === 2 && k.includes(PAPER_A) && !k.includes(paperB),
        'the library lists A and C, not B',
      );
      paperC = keys.find((k) => k !== PAPER_A)!;
      await waitFor(
        () => rowKeys(popup),
        (k) => k.includes(PAPER_A) && k.includes(paperC) && !k.includes(paperB),
        'the popup lists A and C, not B',
      );
      await waitFor(
        async () =>
          decodeShards(await syncItems(settings!))
            .summary.papers.filter((p) => p.savedAt !== null)
            .map((p) => p.key)
            .sort(),
        (codes) =>
          codes.length === 2 &&
          codes.includes(paperCode(PAPER_A)) &&
          codes.includes(paperCode(paperC)),
        'the sync storage holds A and C',
        15_000,
      );
      const episode = await page.$('citecast-episode');
      await episode?.screenshot({ path: join(SHOTS, 'firefox-sync-episode.png') });
      await library.screenshot({ path: join(SHOTS, 'firefox-sync-library.png') });
      await popup.screenshot({ path: join(SHOTS, 'firefox-sync-popup.png') });
      await popup.close();
      await library.close();
      await page.close();
    });

    await test('firefox sync: removing Citecast’s data from the browser’s sync asks first, leaves the reset mark and the library', async () => {
      assert(settings, 'no settings page');
      await settings.click('[data-testid="sync-remove"]:not([disabled])');
      // Time for a removal the click alone might have started, before looking.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert(Object.keys(await syncItems(settings)).length > 1, 'removed before the confirmation');
      const confirm = await settings.waitForSelector('[data-testid="sync-remove-confirm"]');
      await confirm!.click();
      const items = await waitFor(
        () => syncItems(settings!),
        (i) => Object.keys(i).length === 1,
        'the sync storage still holds shards',
      );
      const meta = items.cc as { v?: number; reset?: string } | undefined;
      assert(
        meta?.v === SYNC_FORMAT && typeof meta.reset === 'string',
        `left ${JSON.stringify(items)}`,
      );
      await waitFor(
        () => syncOn(settings!),
        (on) => !on,
        'sync is still on',
      );
      await shootSync(settings, 'firefox-sync-settings-removed.png');
      const library = await openFirefoxExtensionPage(
        browser,
        'library.html#papers',
        '[data-testid="paper-row"]',
      );
      await waitFor(
        () => rowKeys(library),
        (k) => k.length === 2 && k.includes(PAPER_A) && k.includes(paperC),
        'the library lost papers',
      );
      await library.close();
    });

    await test('firefox sync: data a newer Citecast wrote shows in Settings with what to do, and is never overwritten', async () => {
      assert(settings, 'no settings page');
      const later = { cc: { v: SYNC_FORMAT + 1 }, 'cc.p00': `${SYNC_FORMAT + 1};a-later-format` };
      await writeSync(settings, later, []);
      await settings.click(SWITCH);
      const problem = await settings.waitForSelector('[data-testid="sync-problem"]', {
        timeout: 10_000,
      });
      const said = (await problem!.evaluate((el) => el.textContent)) ?? '';
      assert(said.includes('newer Citecast'), `Settings says ${JSON.stringify(said)}`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const items = await syncItems(settings);
      assert(
        JSON.stringify(items) === JSON.stringify(later),
        `the newer data was changed: ${JSON.stringify(items)}`,
      );
      await shootSync(settings, 'firefox-sync-settings-newer.png');
    });
  } finally {
    await browser.close();
  }
}
