/**
 * Real-browser tests of Citecast's own pages in Debian's chromium with the Chromium
 * build: the popup and every section of the library, filled through the library's own restore
 * (a hand-made backup, tests/fixtures/library/backup.json, its times moved to the last weeks),
 * plus screenshots of the popup and the library, light and dark, empty and with data.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchChromium,
  openExtensionPage,
  request,
  watchErrors,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import { ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const BACKUP = join(ROOT, 'tests', 'fixtures', 'library', 'backup.json');
/** The fixture's own "now": its times are moved so that this becomes two days ago. */
const FIXTURE_NOW = Date.parse('2026-11-20T18:00:00.000Z');
const PAPERS = 8;
const EPISODES = 4;

/**
 * The fixture backup with every time moved by the same amount, so the newest is two days old
 * whenever the test runs (the statistics show the last weeks and months).
 */
function shiftedBackup(): string {
  const backup = JSON.parse(readFileSync(BACKUP, 'utf8')) as Record<string, unknown>;
  const delta = Date.now() - 2 * 86_400_000 - FIXTURE_NOW;
  const shiftMs = (v: unknown) => (typeof v === 'number' && v > 1e12 ? v + delta : v);
  const shiftIso = (v: unknown) =>
    typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)
      ? new Date(Date.parse(v) + delta).toISOString()
      : v;
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    if (key === 'completedAt' || key === 'updatedAt' || key === 'exportedAt')
      return shiftIso(value);
    return shiftMs(value);
  };
  return JSON.stringify(walk(backup), null, 2);
}

/** Waits until `selector` matches exactly `n` elements. */
async function waitCount(page: Page, selector: string, n: number, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([s, n]) => document.querySelectorAll(s as string).length === n,
      [selector, n] as const,
      { timeout: 5_000 },
    );
  } catch {
    throw new Error(`${what}: ${await page.locator(selector).count()} instead of ${n}`);
  }
}

/** Screenshots of the popup and the library's papers, in light and dark, named `…-{label}`. */
async function screenshots(session: ChromiumSession, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await openExtensionPage(
      session,
      'popup.html',
      { width: 420, height: 640 },
      scheme,
    );
    await popup.locator('[data-testid="status"][data-state="ready"]').waitFor({ timeout: 5_000 });
    await popup.waitForTimeout(300);
    await popup.screenshot({ path: join(SHOTS, `pages-popup-${label}-${scheme}.png`) });
    await popup.close();
    for (const section of ['papers', 'episodes', 'stats'] as const) {
      if (label === 'empty' && section !== 'papers') continue;
      const library = await openExtensionPage(
        session,
        `library.html#${section}`,
        undefined,
        scheme,
      );
      await library.locator('.section-title').waitFor({ timeout: 5_000 });
      await library.waitForTimeout(400);
      await library.screenshot({
        path: join(SHOTS, `pages-library-${section}-${label}-${scheme}.png`),
        fullPage: true,
      });
      await library.close();
    }
  }
}

/** Restores `text` as a backup file through the library's Import / export section. */
async function restoreFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('restore-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

export async function runChromiumPages(): Promise<void> {
  console.log('chromium pages (popup and library)');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('pages: the extension starts', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const s = session;

  try {
    await test('pages: empty popup and library say what to do next', async () => {
      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      const errors = watchErrors(popup);
      const empty = popup.getByTestId('empty-papers');
      await empty.waitFor({ timeout: 5_000 });
      const text = (await empty.textContent()) ?? '';
      assert(/Nothing saved yet/.test(text) && /press Save/.test(text), `popup empty: ${text}`);
      assert((await popup.locator('input[type="search"]').count()) === 1, 'no search field');
      // popup.html names its script and styles by hand (entrypoints/popup/index.html): a name
      // the build no longer makes would leave the popup unstyled without any error.
      const sheets = await popup.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map(
          (link) => link.sheet?.cssRules.length ?? 0,
        ),
      );
      assert(sheets.length > 0 && sheets.every((rules) => rules > 20), `popup styles: ${sheets}`);
      // The toolbar popup is as wide as its body: 420 px, whatever room the window gives.
      await popup.setViewportSize({ width: 900, height: 640 });
      const width = await popup.evaluate(() => getComputedStyle(document.body).width);
      assert(width === '420px', `popup body width: ${width}`);
      await popup.close();
      const library = await openExtensionPage(s, 'library.html#papers');
      await library.getByTestId('empty-papers').waitFor({ timeout: 5_000 });
      await library.goto(`chrome-extension://${s.extensionId}/library.html#episodes`);
      await library.getByTestId('empty-episodes').waitFor({ timeout: 5_000 });
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await library.close();
      await screenshots(s, 'empty');
    });

    await test('pages: #import-export refuses a bad file with a clear message, then restores the backup with a report', async () => {
      const page = await openExtensionPage(s, 'library.html#import-export');
      await restoreFile(page, 'notes.json', JSON.stringify({ hello: 'world' }));
      const refused = page.getByTestId('import-refused');
      await refused.waitFor({ timeout: 5_000 });
      const reason = (await refused.textContent()) ?? '';
      assert(/not imported/.test(reason), `refusal says: ${reason}`);
      assert(/format|citecast-backup/i.test(reason), `refusal gives no reason: ${reason}`);
      assert(
        (await page.getByTestId('import-report').count()) === 0,
        'a report for a refused file',
      );
      await page.screenshot({ path: join(SHOTS, 'pages-import-refused.png'), fullPage: true });

      await restoreFile(page, 'backup.json', shiftedBackup());
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 10_000 });
      const papersAdded = await report.locator('tr[data-store="papers"] td').first().textContent();
      assert(papersAdded === String(PAPERS), `papers added: ${papersAdded}`);
      const listensAdded = await report
        .locator('tr[data-store="listens"] td')
        .first()
        .textContent();
      assert(listensAdded === '3', `listens added: ${listensAdded}`);
      assert((await page.getByTestId('import-refused').count()) === 0, 'the refusal stayed');
      await page.close();
    });

    await test('pages: the popup lists paper rows and search narrows them as you type (also by an episode word)', async () => {
      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      const errors = watchErrors(popup);
      // The list is windowed: the rows in view (and a few more) are in the DOM, data-count has all.
      await popup.locator('[data-testid="paper-row"]').first().waitFor({ timeout: 5_000 });
      const total = await popup.getByTestId('paper-list').getAttribute('data-count');
      assert(total === String(PAPERS), `the list counts ${total} papers`);
      const search = popup.locator('input[type="search"]');
      assert(await search.evaluate((el) => el === document.activeElement), 'search has no focus');
      const counts: number[] = [];
      for (const ch of 'mamba') {
        await search.press(ch);
        await popup.waitForTimeout(120);
        counts.push(Number(await popup.getByTestId('paper-list').getAttribute('data-count')));
      }
      await waitCount(popup, '[data-testid="paper-row"]', 1, 'rows for "mamba"');
      const titles = await popup.locator('[data-testid="paper-row"] .line-title').allTextContents();
      assert(/^Mamba:/.test(titles[0] ?? ''), `rows for "mamba": ${titles.join(' | ')}`);
      assert(counts[0]! <= PAPERS && counts.at(-1)! < counts[0]!, `counts while typing: ${counts}`);
      // Keyboard: ↓ makes the first result active, the field keeps focus.
      await search.press('ArrowDown');
      const activeId = await search.getAttribute('aria-activedescendant');
      assert(
        activeId && (await popup.locator(`#${activeId}`).count()) === 1,
        `active: ${activeId}`,
      );
      // A word only in a citing episode's title finds that episode's papers.
      await search.fill('Hopper');
      await waitCount(popup, '[data-testid="paper-row"]', 3, 'rows for the episode word "Hopper"');
      await search.press('Escape');
      assert((await search.inputValue()) === '', 'Esc did not clear the search');
      await waitCount(popup, '[data-testid="listen-row"]', 3, 'recent listens');
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await popup.close();
    });

    await test('pages: #papers shows rows, edits a tag, bulk-deletes and undoes', async () => {
      const page = await openExtensionPage(s, 'library.html#papers');
      const errors = watchErrors(page);
      await waitCount(page, '[data-testid="paper-row"]', PAPERS, 'paper rows');
      assert((await page.locator('input[type="search"]').count()) === 1, 'no search field');
      // A paper cited by two episodes says so.
      const mamba = page.locator('[data-testid="paper-row"][data-key="arxiv:2312.00752"]');
      const cited = (await mamba.getByTestId('cited-in').textContent()) ?? '';
      assert(/cited in 2 episodes \(0 heard\)/.test(cited), `Mamba: ${cited}`);
      await mamba.getByTestId('cited-in').click();
      const detail = page.getByTestId('paper-detail');
      await detail.getByTestId('cited-by').waitFor({ timeout: 5_000 });
      assert((await detail.locator('[data-testid="cited-by"] li').count()) === 2, 'cited-by list');
      const tags = detail.getByTestId('tags-input');
      await tags.fill('state space, to-read');
      await tags.press('Enter');
      await page.waitForFunction(
        () =>
          [
            ...document.querySelectorAll(
              '[data-testid="paper-row"][data-key="arxiv:2312.00752"] [data-testid="tag"]',
            ),
          ].some((t) => t.textContent === 'to-read'),
        null,
        { timeout: 5_000 },
      );
      // Filter by the new tag.
      await page.getByTestId('filter-tag').selectOption('to-read');
      await waitCount(page, '[data-testid="paper-row"]', 1, 'rows tagged to-read');
      await page.getByTestId('filter-tag').selectOption('');
      await waitCount(page, '[data-testid="paper-row"]', PAPERS, 'rows without the filter');
      // Bulk delete two, then undo.
      const boxes = page.getByTestId('select-paper');
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByTestId('delete-selected').click();
      await waitCount(page, '[data-testid="paper-row"]', PAPERS - 2, 'rows after deleting two');
      const toast = (await page.getByTestId('toast').textContent()) ?? '';
      assert(/Deleted 2 papers/.test(toast), `toast: ${toast}`);
      await page.getByTestId('undo').click();
      await waitCount(page, '[data-testid="paper-row"]', PAPERS, 'rows after undo');
      // Keyboard: Tab reaches the list, ↓ moves between rows.
      await page.locator('[data-testid="paper-row"]').first().focus();
      await page.keyboard.press('ArrowDown');
      const focused = await page.evaluate(() =>
        document.activeElement?.getAttribute('data-testid'),
      );
      assert(focused === 'paper-row', `focus after ↓ is on ${focused}`);
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    await test('pages: #episodes shows episode rows with their sources, and filters', async () => {
      const page = await openExtensionPage(s, 'library.html#episodes');
      await waitCount(page, '[data-testid="episode-row"]', EPISODES, 'episode rows');
      const beluga = page.locator(
        '[data-testid="episode-row"][data-key="2026-11-10-beluga-cxl-memory-pooling-b6142f"]',
      );
      const counts = (await beluga.getByTestId('sources-count').textContent()) ?? '';
      assert(/3 of 3 sources saved, 1 read/.test(counts), `Beluga: ${counts}`);
      await beluga.getByTestId('sources-count').click();
      const sources = page.getByTestId('episode-sources');
      await sources.waitFor({ timeout: 5_000 });
      assert((await sources.locator('li').count()) === 4, 'the episode lists 4 sources');
      await page.getByTestId('episode-filter').getByText('Heard', { exact: true }).click();
      await waitCount(page, '[data-testid="episode-row"]', 2, 'heard rows');
      const states = await page
        .locator('[data-testid="episode-row"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
      assert(
        states.every((x) => x === 'heard'),
        `heard filter shows ${states}`,
      );
      await page.getByTestId('episode-filter').getByText('Unheard', { exact: true }).click();
      await waitCount(page, '[data-testid="episode-row"]', 1, 'unheard rows');
      const overlap = await page.getByTestId('overlap-row').count();
      assert(overlap >= 1, 'no unheard episode overlapping saved papers');
      await page.close();
    });

    await test('pages: #stats draws SVG charts with labels and the numbers as text', async () => {
      const page = await openExtensionPage(s, 'library.html#stats');
      await page.getByTestId('chart-heard').waitFor({ timeout: 5_000 });
      const charts = await page.locator('svg[role="img"][aria-label]').count();
      assert(charts >= 4, `${charts} labelled charts`);
      const bars = await page.locator('[data-testid="chart-papers"] rect.bar').count();
      assert(bars > 0, 'no bars in papers per month');
      const heard = await page.locator('.totals').textContent();
      assert(/Episodes heard\s*2/.test(heard ?? ''), `totals: ${heard}`);
      await page.close();
    });

    await test('pages: #settings switches the pages to Norsk and back', async () => {
      const page = await openExtensionPage(s, 'library.html#settings');
      await page.getByTestId('language').selectOption('nb');
      await page.locator('.library-nav a[data-section="papers"]', { hasText: 'Artikler' }).waitFor({
        timeout: 5_000,
      });
      await page
        .waitForFunction(() => document.documentElement.lang === 'nb', null, { timeout: 5_000 })
        .catch(() => {
          throw new Error('lang is not nb');
        });
      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      await popup.getByText('Nylig lagret').waitFor({ timeout: 5_000 });
      await popup.screenshot({ path: join(SHOTS, 'pages-popup-data-nb.png') });
      await popup.close();
      await page.screenshot({ path: join(SHOTS, 'pages-library-settings-nb.png'), fullPage: true });
      // The shortcuts come from browser.commands a moment after the section renders.
      await page
        .getByTestId('shortcut-popup')
        .filter({ hasText: 'L' })
        .waitFor({ timeout: 5_000 })
        .catch(() => {
          throw new Error('the popup shortcut is not shown');
        });
      await page.getByTestId('language').selectOption('auto');
      await page.locator('.library-nav a[data-section="papers"]', { hasText: 'Papers' }).waitFor({
        timeout: 5_000,
      });
      await page.close();
    });

    await test('pages: screenshots with data, light and dark', async () => {
      await screenshots(s, 'data');
    }, 60_000);

    await test('pages: the background still answers a plain request', async () => {
      const page = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      const reply = (await request(page, 'queryPapers', {
        text: 'ep:beluga',
        sort: 'saved',
        direction: 'desc',
        tag: null,
        readState: null,
        year: null,
        episodeKey: null,
        offset: 0,
        limit: 10,
      })) as { ok?: boolean; value?: { total?: number } };
      assert(reply?.ok === true && reply.value?.total === 3, `ep:beluga: ${JSON.stringify(reply)}`);
      await page.close();
    });
  } finally {
    await (s as { close(): Promise<void> }).close();
  }
}
