/**
 * Sync in Debian’s chromium (`--only sync` runs it and firefox-sync.ts).
 *
 * Chromium: sync is off until Settings turns it on (the browser's sync storage stays empty); then
 * the test writes into `chrome.storage.sync`, from an extension page, the shards another browser
 * would have written (this episode heard, a paper saved and read, another paper deleted), built
 * by the codec itself in Node; meanwhile this browser saves a paper of its own. The library, the
 * popup and the open episode page (all opened before) follow without a reload, the local save
 * survives and goes back into the sync storage, and removing Citecast's data from the browser's
 * sync leaves only the reset mark and the library as it was.
 *
 * Firefox runs the same steps in firefox-sync.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { decodeShards, paperCode, SYNC_FORMAT } from '@/lib/sync/codec.ts';
import {
  launchChromium,
  openExtensionPage,
  waitFor,
  watchErrors,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, pressedIs, seenAll, waitSeen } from '@/tests/browser/roots.ts';
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

/** Everything in the extension's sync storage, read from one of its pages. */
function syncItems(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(readSyncStorage);
}

/** Writes `items` and removes `remove` in the sync storage, as another browser's sync would. */
function writeSync(page: Page, items: Record<string, unknown>, remove: string[]): Promise<void> {
  return page.evaluate(writeSyncStorage, [items, remove] as const);
}

/** The keys of the paper rows a page lists. */
function rowKeys(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="paper-row"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? '').sort());
}

/** Registers and runs the Chromium sync tests in their own session. */
export async function runChromiumSync(): Promise<void> {
  console.log('chromium: sync through the browser’s sync storage');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('sync: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const s = session;
  try {
    let paperB = '';
    let paperC = '';
    let settings: Page | undefined;
    await test('sync: off by default, nothing in the browser’s sync; Settings turns it on', async () => {
      const page = await s.context.newPage();
      await page.goto(SITE.url);
      const roots = chromiumRoots(page);
      await waitSeen(roots, 'citecast-source', SAVE, (b) => !!b, 'no save button');
      // Paper B saved here; the other browser will delete it.
      await roots.click('citecast-source', SAVE, 1);
      await waitFor(
        async () => (await seenAll(roots, 'citecast-source', SAVE))[1]?.attrs['aria-pressed'],
        (v) => v === 'true',
        'paper B was not saved',
      );
      settings = await openExtensionPage(s, 'library.html#settings');
      const errors = watchErrors(settings);
      const toggle = settings.locator('[data-testid="sync-switch"]');
      await toggle.waitFor({ timeout: 5_000 });
      await waitFor(
        () => toggle.isEnabled(),
        (on) => on,
        'the switch stays disabled',
      );
      assert(!(await toggle.isChecked()), 'sync is on before the user turned it on');
      await page.waitForTimeout(3_000);
      const before = await syncItems(settings);
      assert(Object.keys(before).length === 0, `the sync storage holds ${JSON.stringify(before)}`);
      await toggle.click();
      const usage = settings.locator('[data-testid="sync-usage"]');
      await usage.waitFor({ timeout: 10_000 });
      const said = (await usage.textContent()) ?? '';
      assert(/Syncing [\d.]+ KB of 100 KB\./.test(said), `Settings says ${JSON.stringify(said)}`);
      assert(await toggle.isChecked(), 'the switch is not on');
      await settings
        .locator('[data-testid="settings-sync"]')
        .screenshot({ path: join(SHOTS, 'chromium-sync-settings-on.png') });
      const items = await syncItems(settings);
      const decoded = decodeShards(items);
      const keys = decoded.summary.papers.filter((p) => p.savedAt !== null).map((p) => p.key);
      assert(keys.length === 1, `the sync storage holds papers ${JSON.stringify(keys)}`);
      assert(errors.length === 0, `settings console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    await test('sync: another browser’s shards reach the library, the popup and the episode page; a local save made meanwhile survives', async () => {
      assert(settings, 'no settings page');
      const library = await openExtensionPage(s, 'library.html#papers');
      await library.locator('[data-testid="paper-row"]').first().waitFor({ timeout: 5_000 });
      const firstKeys = await rowKeys(library);
      assert(firstKeys.length === 1, `the library lists ${JSON.stringify(firstKeys)}`);
      paperB = firstKeys[0]!;
      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      await popup.locator('[data-testid="paper-row"]').first().waitFor({ timeout: 5_000 });
      const page = await s.context.newPage();
      await page.goto(SITE.url);
      const roots = chromiumRoots(page);
      await waitSeen(roots, 'citecast-episode', HEARD, pressedIs('false'), 'heard already');
      // The other browser reads the sync storage now...
      const seenThere = await syncItems(settings);
      // ...meanwhile this browser saves paper C...
      await roots.click('citecast-source', SAVE, 2);
      await waitFor(
        async () => (await seenAll(roots, 'citecast-source', SAVE))[2]?.attrs['aria-pressed'],
        (v) => v === 'true',
        'paper C was not saved',
      );
      // ...which this browser pushes; only then does the other browser write what it did, on
      // top of what it read before: its shards lack paper C, and only their arrival starts the
      // merge here.
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
      const saves = await waitFor(
        async () =>
          (await seenAll(roots, 'citecast-source', SAVE)).map((b) => b.attrs['aria-pressed']),
        (v) => v[0] === 'true' && v[1] === 'false' && v[2] === 'true',
        'the episode page’s save buttons (A saved, B deleted, C kept)',
      );
      void saves;
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
      // The local save goes back into the sync storage.
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
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({ path: join(SHOTS, 'chromium-sync-episode.png') });
      await library.screenshot({ path: join(SHOTS, 'chromium-sync-library.png') });
      await popup.close();
      await library.close();
      await page.close();
    });

    await test('sync: removing Citecast’s data from the browser’s sync asks first, leaves the reset mark and the library', async () => {
      assert(settings, 'no settings page');
      await settings.reload();
      const remove = settings.locator('[data-testid="sync-remove"]');
      await remove.waitFor({ timeout: 5_000 });
      await waitFor(
        () => remove.isEnabled(),
        (on) => on,
        'the remove button stays disabled',
      );
      await remove.click();
      // Time for a removal the click alone might have started, before looking.
      await settings.waitForTimeout(1_000);
      assert(Object.keys(await syncItems(settings)).length > 1, 'removed before the confirmation');
      await settings.locator('[data-testid="sync-remove-confirm"]').click();
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
      assert(
        !(await settings.locator('[data-testid="sync-switch"]').isChecked()),
        'sync is still on',
      );
      await settings
        .locator('[data-testid="settings-sync"]')
        .screenshot({ path: join(SHOTS, 'chromium-sync-settings-removed.png') });
      const library = await openExtensionPage(s, 'library.html#papers');
      await waitFor(
        () => rowKeys(library),
        (k) => k.length === 2 && k.includes(PAPER_A) && k.includes(paperC),
        'the library lost papers',
      );
      await library.close();
    });

    await test('sync: data a newer Citecast wrote shows in Settings with what to do, and is never overwritten', async () => {
      assert(settings, 'no settings page');
      const later = { cc: { v: SYNC_FORMAT + 1 }, 'cc.p00': `${SYNC_FORMAT + 1};a-later-format` };
      await writeSync(settings, later, []);
      await settings.locator('[data-testid="sync-switch"]').click();
      const problem = settings.locator('[data-testid="sync-problem"]');
      await problem.waitFor({ timeout: 10_000 });
      const said = (await problem.textContent()) ?? '';
      assert(said.includes('newer Citecast'), `Settings says ${JSON.stringify(said)}`);
      await settings.waitForTimeout(3_000);
      const items = await syncItems(settings);
      assert(
        JSON.stringify(items) === JSON.stringify(later),
        `the newer data was changed: ${JSON.stringify(items)}`,
      );
      await settings
        .locator('[data-testid="settings-sync"]')
        .screenshot({ path: join(SHOTS, 'chromium-sync-settings-newer.png') });
    });
  } finally {
    await s.close();
  }
}
