/**
 * The library's whole flow end to end in Debian's chromium with the Chromium build, with the
 * catalog and arXiv wiring (`--only flow`):
 *
 * - a paper saved by clicking its `save` button on a fixture episode page, while the page's
 *   `<audio>` plays (a WAV written by the test), shows in the popup as a `paper-row`;
 * - `library.html#papers` finds it by a word of the citing episode's title only, and its detail
 *   says "saved at m:ss in {episode}", linking to the episode page at that time (followed: the
 *   page's player starts there);
 * - marked heard on the page, `#episodes` shows the episode row with its sources, the saved ones
 *   marked;
 * - the selection exported as BibTeX and as RIS through Import / export (the downloads caught)
 *   reads back with the project's own importer of Zotero formats, with the same title;
 * - the show's RSS feed imported from Import / export (the optional permission granted the way a
 *   user allows a site, see `allowSiteAccess`; the feed served from tests/fixtures/feed/feed.xml
 *   at its real address) fills "Heard 1 of N" and the list of unheard episodes;
 * - the arXiv switch in Settings takes and gives back the optional permission, sending nothing;
 * - in Norsk, the popup and the library speak Bokmål.
 *
 * Screenshots of what these parts add, light and dark, go to test-results/screenshots/flow-*.png.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dryRunLibrary } from '@/lib/export/library-import.ts';
import {
  allowSiteAccess,
  hasHostPermission,
  launchChromium,
  request,
  type ChromiumSession,
  openExtensionPage,
  watchErrors,
  waitFor,
} from '@/tests/browser/browsers.ts';
import { serveWav } from '@/tests/browser/chromium-playback.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, pressedIs, seenAll, waitSeen } from '@/tests/browser/roots.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const SITE_STEM = '2026-05-20-synthetic-episode-title-7cc949';
const EPISODE_TITLE = 'Synthetic Episode Title';
/** A word of the episode's title that no source title of the page holds. */
const EPISODE_WORD = 'synthetic';
const PAPER_A = 'Paper A Title: A Subtitle';
const PAPER_A_KEY = 'arxiv:2501.00663';
const PAPER_B = 'Paper B Title';
const FEED_URL = 'https://podcast.do-not-panic.com/feed.xml';
const FEED_FILE = join(ROOT, 'tests', 'fixtures', 'feed', 'feed.xml');
const FEED_ORIGIN = 'https://podcast.do-not-panic.com/*';
const ARXIV_ORIGIN = 'https://export.arxiv.org/*';
const BELUGA_MP3 =
  'https://podcast.do-not-panic.com/episodes/2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f.mp3';

interface Stats {
  total: number;
  heard: number;
  inProgress: number;
  unheardTotal: number;
  unheard: { key: string; url: string | null; title: string | null }[];
}

/** The background's catalog figures, asked from an extension page. */
async function catalogStats(page: Page): Promise<Stats> {
  const reply = (await request(page, 'catalogStats', { offset: 0, limit: 100 })) as {
    ok: boolean;
    value: Stats;
  };
  assert(reply.ok, `catalogStats: ${JSON.stringify(reply)}`);
  return reply.value;
}

/** The settings as stored, read in the background. */
function storedSettings(session: ChromiumSession): Promise<{ arxivLookup?: boolean } | undefined> {
  return session.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    const stored = await chrome.storage.local.get('citecast.settings');
    return stored['citecast.settings'] as { arxivLookup?: boolean } | undefined;
  });
}

/** Exports the selection in `format` through Import / export; the downloaded file's text. */
async function exportThroughUi(page: Page, format: 'bibtex' | 'ris'): Promise<string> {
  await page.getByTestId('export-format').selectOption(format);
  const downloading = page.waitForEvent('download', { timeout: 10_000 });
  await page.getByTestId('export-papers').click();
  const download = await downloading;
  const path = await download.path();
  assert(path, `the ${format} download has no file`);
  const name = download.suggestedFilename();
  assert(
    format === 'bibtex' ? name.endsWith('.bib') : name.endsWith('.ris'),
    `the ${format} file is named ${name}`,
  );
  return readFileSync(path, 'utf8');
}

/** Registers and runs the flow in its own Chromium session. */
export async function runChromiumLibraryFlow(): Promise<void> {
  console.log('chromium: from the page to the library (issue 6 done means, catalog, arXiv)');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('flow: extension loads with autoplay allowed', async () => {
    session = await launchChromium({
      headless: true,
      args: ['--autoplay-policy=no-user-gesture-required'],
    });
  });
  if (!started || !session) return;
  const s: ChromiumSession = session;
  const { context, worker, refused } = s;
  // Later routes win over the launch's catch-all: the show's mp3s are the WAV, the feed its fixture.
  await context.route('https://podcast.do-not-panic.com/episodes/*.mp3', serveWav);
  const feedRequests: string[] = [];
  const feedCount = () => feedRequests.length;
  await context.route(FEED_URL, async (route) => {
    feedRequests.push(route.request().url());
    await route.fulfill({
      status: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      body: readFileSync(FEED_FILE, 'utf8'),
    });
  });
  let episodePage: Page | undefined;
  let moment = 0;

  try {
    await test('flow: a paper saved on the page (while it plays) shows in the popup', async () => {
      const page = await context.newPage();
      episodePage = page;
      await page.goto(SITE.url);
      await page.locator('citecast-episode').first().waitFor({ state: 'attached' });
      const roots = chromiumRoots(page);
      await page.evaluate(async () => {
        const audio = document.querySelector('audio')!;
        audio.playbackRate = 16;
        await audio.play();
      });
      await page.waitForFunction(() => document.querySelector('audio')!.currentTime >= 12, null, {
        timeout: 10_000,
      });
      const SAVE = 'button[data-action="save"]';
      await roots.click('citecast-source[data-arxiv-id="2501.00663"]', SAVE);
      await page.evaluate(() => document.querySelector('audio')!.pause());
      await waitSeen(
        roots,
        'citecast-source[data-arxiv-id="2501.00663"]',
        SAVE,
        pressedIs('true'),
        'the save button is not pressed',
      );
      // A second paper of the same episode, saved with no moment (the audio is paused).
      await roots.click('citecast-source', SAVE, 0, 1);
      await waitFor(
        async () => (await seenAll(roots, 'citecast-source', SAVE))[1]?.attrs['aria-pressed'],
        (v) => v === 'true',
        'the second save button is not pressed',
      );

      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      const errors = watchErrors(popup);
      const rows = popup.locator('[data-testid="paper-row"]');
      await rows.first().waitFor({ timeout: 5_000 });
      const titles = await waitFor(
        () => popup.locator('[data-testid="paper-row"] .line-title').allTextContents(),
        (t) => t.includes(PAPER_A) && t.includes(PAPER_B),
        'the popup does not list both saved papers',
      );
      assert(titles.length === 2, `the popup lists ${titles.join(' | ')}`);
      const recent = (await request(popup, 'recentPapers', { limit: 5 })) as {
        ok: boolean;
        value: { key: string; savedMoment?: { episodeKey: string; position: number } }[];
      };
      const saved = recent.value.find((p) => p.key === PAPER_A_KEY)?.savedMoment;
      assert(
        saved?.episodeKey === SITE_STEM && saved.position >= 12,
        `saved moment ${JSON.stringify(saved)}`,
      );
      moment = Math.floor(saved.position);
      assert(errors.length === 0, `popup console errors: ${errors.join(' | ')}`);
      await popup.close();
    });

    await test('flow: #papers finds it by a word of the episode title only; its detail links the saved moment', async () => {
      assert(
        !PAPER_A.toLowerCase().includes(EPISODE_WORD) &&
          EPISODE_TITLE.toLowerCase().includes(EPISODE_WORD),
        'the search word is not only in the episode title',
      );
      const page = await openExtensionPage(s, 'library.html#papers');
      const errors = watchErrors(page);
      await page.locator('[data-testid="paper-row"]').first().waitFor({ timeout: 5_000 });
      await page.locator('input[type="search"]').fill('zzzz-nothing');
      await waitFor(
        () => page.locator('[data-testid="paper-row"]').count(),
        (n) => n === 0,
        'rows for a word no paper has',
      );
      await page.locator('input[type="search"]').fill(EPISODE_WORD);
      const titles = await waitFor(
        () =>
          page
            .locator('[data-testid="paper-row"] .row-title, [data-testid="paper-row"] .line-title')
            .allTextContents(),
        (t) => t.some((x) => x.includes(PAPER_A)),
        `no row for "${EPISODE_WORD}"`,
      );
      assert(titles.length >= 1, `rows: ${titles.join(' | ')}`);
      const row = page.locator(`[data-testid="paper-row"][data-key="${PAPER_A_KEY}"]`);
      await row.getByTestId('cited-in').click();
      const detail = page.getByTestId('paper-detail');
      const momentLine = detail.getByTestId('saved-moment');
      await momentLine.waitFor({ timeout: 5_000 });
      const clock = `0:${String(moment).padStart(2, '0')}`;
      const text = (await momentLine.textContent()) ?? '';
      assert(
        text.includes(`saved at ${clock} in ${EPISODE_TITLE}`),
        `the moment reads ${JSON.stringify(text)}, expected ${clock}`,
      );
      const href = await momentLine.locator('a').getAttribute('href');
      const expected = `${SITE.url}#t=${moment}`;
      assert(href === expected, `the moment links to ${href}, expected ${expected}`);
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);

      // Following it opens the episode page with its player at that moment.
      const opened = context.waitForEvent('page', { timeout: 5_000 });
      await momentLine.locator('a').click();
      const episode = await opened;
      await episode.waitForLoadState();
      assert(episode.url() === expected, `opened ${episode.url()}`);
      await episode.locator('citecast-episode').first().waitFor({ state: 'attached' });
      await episode.waitForFunction(
        (at) => Math.abs(document.querySelector('audio')!.currentTime - at) < 1,
        moment,
        { timeout: 5_000 },
      );
      await episode.close();
      await page.close();
    });

    await test('flow: marked heard on the page, #episodes shows the episode with its sources, the saved ones marked', async () => {
      assert(episodePage, 'no episode page from the first test');
      const roots = chromiumRoots(episodePage);
      await roots.click('citecast-episode', 'button[data-action="heard"]');
      await waitSeen(
        roots,
        'citecast-episode',
        'button[data-action="heard"]',
        pressedIs('true'),
        'the heard button is not pressed',
      );
      const page = await openExtensionPage(s, 'library.html#episodes');
      await page.getByTestId('episode-filter').getByText('Heard', { exact: true }).click();
      const row = page.locator(`[data-testid="episode-row"][data-key="${SITE_STEM}"]`);
      await row.waitFor({ timeout: 5_000 });
      assert((await row.getAttribute('data-state')) === 'heard', 'the row is not heard');
      const counts = (await row.getByTestId('sources-count').textContent()) ?? '';
      assert(/2 of 3 sources saved, 0 read/.test(counts), `the row says ${counts}`);
      await row.getByTestId('sources-count').click();
      const sources = page.getByTestId('episode-sources');
      await sources.waitFor({ timeout: 5_000 });
      const items = await sources
        .locator('li')
        .evaluateAll((lis) =>
          lis.map((li) => ({ saved: li.getAttribute('data-saved'), text: li.textContent ?? '' })),
        );
      assert(items.length === 4, `${items.length} sources listed`);
      const savedOnes = items.filter((i) => i.saved === 'true').map((i) => i.text);
      assert(
        savedOnes.length === 2 &&
          savedOnes.some((t) => t.startsWith(PAPER_A)) &&
          savedOnes.every((t) => t.includes('Saved')),
        `saved sources: ${JSON.stringify(items)}`,
      );
      await page.close();
    });

    await test('flow: the selection exported as BibTeX and RIS through the UI reads back with the same title', async () => {
      const page = await openExtensionPage(s, 'library.html#papers');
      const row = page.locator(`[data-testid="paper-row"][data-key="${PAPER_A_KEY}"]`);
      await row.waitFor({ timeout: 5_000 });
      await row.getByTestId('select-paper').check();
      await page.getByRole('link', { name: 'Export selected' }).click();
      await page.getByTestId('export-papers').waitFor({ timeout: 5_000 });
      const scope = page.locator('input[name="export-scope"]').first();
      assert(await scope.isChecked(), 'the export is not of the selection');
      for (const format of ['bibtex', 'ris'] as const) {
        const text = await exportThroughUi(page, format);
        const parsed = dryRunLibrary(text);
        assert(parsed.ok, `the ${format} export does not read back: ${JSON.stringify(parsed)}`);
        assert(parsed.format === format, `read back as ${parsed.format}`);
        assert(
          parsed.papers.length === 1 && parsed.refused.length === 0,
          `${parsed.papers.length} papers in the ${format} export of one selected paper`,
        );
        const title = parsed.papers[0]!.title;
        assert(title === PAPER_A, `the ${format} export reads back "${title}"`);
      }
      const status = (await page.getByTestId('export-status').textContent()) ?? '';
      assert(/Exported 1 papers? as citecast-.*\.ris/.test(status), `status: ${status}`);
      await page.close();
    });

    await test('flow: importing the show’s feed from Import / export fills “heard 1 of N” and the unheard list', async () => {
      const page = await openExtensionPage(s, 'library.html#import-export');
      const errors = watchErrors(page);
      const before = await catalogStats(page);
      assert(before.heard === 1, `heard before the import: ${before.heard}`);
      assert(
        !(await hasHostPermission(worker, FEED_ORIGIN)),
        'the feed permission is granted before the user allowed it',
      );
      // The user allows the site in chrome://extensions: not a grant by itself.
      await allowSiteAccess(s, FEED_ORIGIN);
      assert(
        !(await hasHostPermission(worker, FEED_ORIGIN)),
        'the site access alone granted the permission',
      );
      assert(feedCount() === 0, 'the feed was fetched before the click');
      await page.getByTestId('import-feed').click();
      const report = page.getByTestId('feed-report');
      await report.waitFor({ timeout: 10_000 });
      assert(
        await hasHostPermission(worker, FEED_ORIGIN),
        'the click did not grant the permission',
      );
      assert(feedCount() === 1, `${feedCount()} feed requests`);
      const after = await catalogStats(page);
      assert(
        after.total === before.total + 4,
        `catalog ${before.total} → ${after.total}, the feed has 4 new episodes`,
      );
      const reportText = (await report.textContent()) ?? '';
      assert(/4 episodes recorded/.test(reportText), `the report says ${reportText}`);
      await page
        .locator('[data-testid="feed-report"] [data-testid="catalog-line"]')
        .waitFor({ timeout: 5_000 });
      const reportLine = await report.getByTestId('catalog-line').textContent();
      assert(
        reportLine?.includes(`Heard 1 of ${after.total} episodes`),
        `the report's line says ${reportLine}`,
      );
      await page.screenshot({ path: join(SHOTS, 'flow-feed-imported-light.png'), fullPage: true });
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);

      await page.getByRole('link', { name: 'See the episodes you have not heard' }).click();
      const line = page.getByTestId('catalog-line').first();
      await line.waitFor({ timeout: 5_000 });
      const text = (await line.textContent()) ?? '';
      assert(text.includes(`Heard 1 of ${after.total} episodes`), `#episodes says ${text}`);
      await page.getByTestId('catalog-unheard').locator('summary').click();
      const rows = page.getByTestId('catalog-episode');
      await rows.first().waitFor({ timeout: 5_000 });
      const listed = await rows.evaluateAll((lis) =>
        lis.map((li) => ({
          key: li.getAttribute('data-key'),
          href: li.querySelector('a')?.getAttribute('href') ?? null,
        })),
      );
      assert(
        listed.length === Math.min(25, after.unheardTotal),
        `${listed.length} unheard rows, ${after.unheardTotal} unheard`,
      );
      assert(!listed.some((r) => r.key === SITE_STEM), 'the heard episode is listed as unheard');
      assert(
        listed.every((r) => r.href === null || /^https?:\/\//.test(r.href)),
        `a link that is not http(s): ${JSON.stringify(listed)}`,
      );
      const beluga = listed.find((r) => r.href === BELUGA_MP3);
      assert(beluga, `Beluga (from the feed) is not listed: ${JSON.stringify(listed)}`);
      // The listening log's own rows keep their meaning: every known episode, by filter.
      await page.getByTestId('episode-filter').getByText('Heard', { exact: true }).click();
      await waitFor(
        () => page.locator('[data-testid="episode-row"]').count(),
        (n) => n === 1,
        'heard rows in the log',
      );
      await page.close();
    });

    await test('flow: the arXiv switch in Settings takes the permission in the click and gives it back, sending nothing', async () => {
      const page = await openExtensionPage(s, 'library.html#settings');
      const errors = watchErrors(page);
      const toggle = page.getByTestId('arxiv-switch');
      await toggle.waitFor({ timeout: 5_000 });
      await waitFor(() => toggle.isEnabled(), Boolean, 'the switch stays disabled');
      assert((await toggle.getAttribute('aria-checked')) === 'false', 'lookups are on by default');
      const sends = (await page.getByTestId('settings-arxiv').textContent()) ?? '';
      assert(/titles/.test(sends) && /export\.arxiv\.org/.test(sends), `the section says ${sends}`);
      assert(
        (await page.getByTestId('settings-arxiv').locator('a').count()) === 0,
        'the arXiv section links somewhere',
      );
      await allowSiteAccess(s, ARXIV_ORIGIN);
      assert(!(await hasHostPermission(worker, ARXIV_ORIGIN)), 'site access alone granted arXiv');
      await toggle.click();
      await waitFor(
        () => toggle.getAttribute('aria-checked'),
        (v) => v === 'true',
        'the switch did not turn on',
      );
      assert(await hasHostPermission(worker, ARXIV_ORIGIN), 'the arXiv permission was not granted');
      assert((await storedSettings(s))?.arxivLookup === true, 'the setting is not on');
      const status = (await page.getByTestId('arxiv-status').textContent()) ?? '';
      assert(/arXiv lookups are on/.test(status), `status: ${status}`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .getByTestId('settings-arxiv')
          .screenshot({ path: join(SHOTS, `flow-settings-arxiv-on-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await toggle.click();
      await waitFor(
        () => toggle.getAttribute('aria-checked'),
        (v) => v === 'false',
        'the switch did not turn off',
      );
      await waitFor(
        () => hasHostPermission(worker, ARXIV_ORIGIN),
        (v) => !v,
        'the arXiv permission was not given back',
      );
      assert((await storedSettings(s))?.arxivLookup === false, 'the setting is still on');
      const off = (await page.getByTestId('arxiv-status').textContent()) ?? '';
      assert(/off, and the permission was given back/.test(off), `status: ${off}`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page
          .getByTestId('settings-arxiv')
          .screenshot({ path: join(SHOTS, `flow-settings-arxiv-off-${scheme}.png`) });
      }
      const toArxiv = refused.filter((u) => u.startsWith('https://export.arxiv.org'));
      assert(toArxiv.length === 0, `requests to arXiv: ${toArxiv.join(', ')}`);
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    await test('flow: in Norsk the popup and the library speak Bokmål', async () => {
      const page = await openExtensionPage(s, 'library.html#settings');
      await page.getByTestId('language').selectOption('nb');
      await page
        .locator('.library-nav a[data-section="papers"]', { hasText: 'Artikler' })
        .waitFor({ timeout: 5_000 });
      const legend =
        (await page.getByTestId('settings-arxiv').locator('legend').textContent()) ?? '';
      assert(legend === 'Finn PDF-er på arXiv', `the arXiv legend reads ${legend}`);
      const popup = await openExtensionPage(s, 'popup.html', { width: 420, height: 640 });
      await popup.getByText('Nylig lagret').waitFor({ timeout: 5_000 });
      // The rows come a moment after the heading (the popup asks the background for them).
      const rows = popup.locator('[data-testid="paper-row"]');
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await rows.count()) >= 2) break;
        await popup.waitForTimeout(50);
      }
      assert((await rows.count()) >= 2, `the popup in Norsk lists ${await rows.count()} papers`);
      await popup.close();
      const stats = await catalogStats(page);
      await page.goto(`chrome-extension://${s.extensionId}/library.html#episodes`);
      const line = page.getByTestId('catalog-line').first();
      await line.waitFor({ timeout: 5_000 });
      const text = (await line.textContent()) ?? '';
      assert(text.includes(`Hørt 1 av ${stats.total} episoder`), `#episodes says ${text}`);
      const summary =
        (await page.getByTestId('catalog-unheard').locator('summary').textContent()) ?? '';
      assert(summary.startsWith('Ikke hørt ennå'), `the list is titled ${summary}`);
      await page.goto(`chrome-extension://${s.extensionId}/library.html#papers`);
      const row = page.locator(`[data-testid="paper-row"][data-key="${PAPER_A_KEY}"]`);
      await row.getByTestId('cited-in').click();
      const momentLine = page.getByTestId('saved-moment');
      await momentLine.waitFor({ timeout: 5_000 });
      const moment = (await momentLine.textContent()) ?? '';
      assert(/lagret ved \d+:\d\d i Synthetic Episode Title/.test(moment), `moment: ${moment}`);
      await page.screenshot({ path: join(SHOTS, 'flow-papers-moment-nb.png'), fullPage: true });
      await page.goto(`chrome-extension://${s.extensionId}/library.html#settings`);
      await page.getByTestId('language').selectOption('auto');
      await page
        .locator('.library-nav a[data-section="papers"]', { hasText: 'Papers' })
        .waitFor({ timeout: 5_000 });
      await page.close();
    });

    await test('flow: screenshots of the catalog, the saved moment and the feed import, light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const episodes = await openExtensionPage(s, 'library.html#episodes', undefined, scheme);
        await episodes.getByTestId('catalog-unheard').locator('summary').click();
        await episodes.getByTestId('catalog-episode').first().waitFor({ timeout: 5_000 });
        await episodes.waitForTimeout(300);
        await episodes.screenshot({ path: join(SHOTS, `flow-episodes-catalog-${scheme}.png`) });
        await episodes.close();

        const papers = await openExtensionPage(s, 'library.html#papers', undefined, scheme);
        const row = papers.locator(`[data-testid="paper-row"][data-key="${PAPER_A_KEY}"]`);
        await row.getByTestId('cited-in').click();
        await papers.getByTestId('saved-moment').waitFor({ timeout: 5_000 });
        await papers.waitForTimeout(300);
        await papers.screenshot({ path: join(SHOTS, `flow-papers-moment-${scheme}.png`) });
        await papers.close();

        const io = await openExtensionPage(s, 'library.html#import-export', undefined, scheme);
        await io.getByTestId('import-feed').click();
        await io
          .getByTestId('feed-report')
          .getByTestId('catalog-line')
          .waitFor({ timeout: 10_000 });
        await io.locator('#import-feed').screenshot({
          path: join(SHOTS, `flow-feed-report-${scheme}.png`),
        });
        await io.close();

        const stats = await openExtensionPage(s, 'library.html#stats', undefined, scheme);
        await stats.getByTestId('catalog-line').waitFor({ timeout: 5_000 });
        await stats.waitForTimeout(300);
        await stats.screenshot({ path: join(SHOTS, `flow-stats-${scheme}.png`) });
        await stats.close();
      }
    }, 60_000);

    await test('flow: a Zotero BibTeX library imported in Import / export shows as saved on a page citing it; a bad file is refused', async () => {
      const page = await openExtensionPage(s, 'library.html#import-export');
      const errors = watchErrors(page);
      const zotero = String.raw`
@misc{liu_example_2024,
	title = {A {Paper} the {Listener} {Already} {Had}},
	url = {http://arxiv.org/abs/2408.07326},
	author = {Liu, Ada and Turing, Hal},
	year = {2024},
	note = {arXiv:2408.07326 [cs]},
	keywords = {from zotero},
}

@misc{no_key,
	publisher = {Nobody},
}
`;
      const input = page.locator('[data-testid="import-library-file"]');
      await input.setInputFiles({
        name: 'My Library.bib',
        mimeType: 'application/x-bibtex',
        buffer: Buffer.from(zotero),
      });
      const report = page.locator('[data-testid="library-report"]');
      await report.waitFor({ timeout: 10_000 });
      const said = (await report.textContent()) ?? '';
      assert(
        said.includes('My Library.bib (BibTeX), 2 entries: papers added 1, updated 0') &&
          said.includes('1 entry was left out:') &&
          said.includes('line 11: no arXiv id, DOI or title'),
        `the report says ${JSON.stringify(said)}`,
      );
      await report.screenshot({ path: join(SHOTS, 'flow-library-import.png') });
      await input.setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('just some notes, not a library'),
      });
      const refused = page.locator('[data-testid="library-refused"]');
      await refused.waitFor({ timeout: 10_000 });
      assert(
        ((await refused.textContent()) ?? '').includes('not BibTeX, RIS or CSL-JSON'),
        `the refusal says ${JSON.stringify(await refused.textContent())}`,
      );
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();
      // The imported paper is saved wherever a page cites it.
      const podimo = await s.context.newPage();
      await podimo.goto(FIXTURE_PAGES.find((p) => p.name === 'podimo-episode')!.url);
      await waitSeen(
        chromiumRoots(podimo),
        'citecast-source[data-arxiv-id="2408.07326"]',
        'button[data-action="save"]',
        pressedIs('true'),
        'the imported paper does not show as saved on the Podimo page',
      );
      await podimo.close();
    });

    await test('flow: a big library shows "n of N entries" and can be cancelled; the largest corpus file then lists its refused entries, and its papers show as saved on a page citing them', async () => {
      const page = await openExtensionPage(s, 'library.html#import-export');
      const errors = watchErrors(page);
      const input = page.locator('[data-testid="import-library-file"]');
      const big = Array.from(
        { length: 20_000 },
        (_, i) => `@article{big${i},\n  title = {Big library paper ${i}},\n  year = {2020},\n}\n`,
      ).join('');
      await input.setInputFiles({
        name: 'big.bib',
        mimeType: 'application/x-bibtex',
        buffer: Buffer.from(big),
      });
      const progress = page.getByTestId('library-progress');
      const shown = await waitFor(
        async () => (await progress.textContent().catch(() => null)) ?? '',
        (text) => /^[\d,]+ of 20,000 entries$/.test(text),
        'the progress "n of 20,000 entries"',
        20_000,
      );
      await page.getByTestId('library-cancel').click();
      const cancelled = page.getByTestId('library-cancelled');
      await cancelled.waitFor({ timeout: 30_000 });
      const cancelText = (await cancelled.textContent()) ?? '';
      assert(
        /^Cancelled after [\d,]+ of 20,000 entries/.test(cancelText),
        `progress ${JSON.stringify(shown)}, then ${JSON.stringify(cancelText)}`,
      );

      // The largest file of the corpus, as a user would pick it.
      const corpus = join(ROOT, 'tests', 'fixtures', 'library', 'corpus');
      const largest = readdirSync(corpus)
        .filter((f) => /\.(?:bib|ris|json)$/.test(f) && f !== 'expected.json')
        .sort((a, b) => statSync(join(corpus, b)).size - statSync(join(corpus, a)).size)[0]!;
      const expected = JSON.parse(readFileSync(join(corpus, 'expected.json'), 'utf8'))[largest] as {
        papers: { key: string; doi: string | null }[];
        refused: { line: number; reason: string }[];
      };
      await input.setInputFiles(join(corpus, largest));
      const report = page.getByTestId('library-report');
      await waitFor(
        async () => (await report.textContent().catch(() => null)) ?? '',
        (text) => text.includes(largest),
        `the report of ${largest}`,
        20_000,
      );
      const listed = await page.getByTestId('library-left-out').locator('li').allTextContents();
      const wanted = expected.refused.map((r) => `line ${r.line}: ${r.reason}`);
      assert(
        wanted.length > 0 && JSON.stringify(listed) === JSON.stringify(wanted),
        `${largest}: left out ${JSON.stringify(listed.slice(0, 3))}…, expected ${JSON.stringify(wanted.slice(0, 3))}…`,
      );
      await report.screenshot({ path: join(SHOTS, 'flow-library-corpus-report.png') });
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      await page.close();

      // An episode page citing one of its papers by DOI shows it saved.
      const cited = expected.papers.find((p) => p.doi !== null)!;
      const citedDoi = cited.doi!;
      const url = 'https://podcast.do-not-panic.com/episodes/corpus-citing-episode/';
      const html = readFileSync(join(ROOT, SITE.file), 'utf8').replace(
        /<a href="https:\/\/scholar\.google\.com\/scholar\?q=Paper\+B\+Title"[^>]*>[^<]*<\/a>/,
        `<a href="https://doi.org/${cited.doi}" target="_blank">https://doi.org/${cited.doi}</a>`,
      );
      assert(html.includes(`doi.org/${cited.doi}`), 'the citing page was not made');
      await s.context.route(url, (route) =>
        route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
      );
      const episode = await s.context.newPage();
      await episode.goto(url);
      const citingRoots = chromiumRoots(episode);
      await waitFor(
        () =>
          citingRoots.evaluate(
            (doi, rootOf) =>
              [...document.querySelectorAll('citecast-source')].some(
                (el) =>
                  (el.previousElementSibling?.getAttribute('href') ?? '').endsWith(doi) &&
                  rootOf(el)
                    ?.querySelector('button[data-action="save"]')
                    ?.getAttribute('aria-pressed') === 'true',
              ),
            citedDoi,
            'citecast-source',
          ),
        Boolean,
        `${cited.key} from ${largest} does not show as saved on a page citing it`,
      );
      await episode.close();
    }, 120_000);
  } finally {
    await s.close();
  }
}
