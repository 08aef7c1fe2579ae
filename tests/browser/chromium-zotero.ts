/**
 * "Send to Zotero" in Debian's chromium with the Chromium build (`--only zotero`), against the
 * fake Zotero server (tests/zotero/fake-zotero.ts) listening where Zotero does, 127.0.0.1:23119:
 *
 * - nothing reaches the port before the user's click grants the optional permission: a page's
 *   Zotero button opens Citecast's window, whose Allow asks (the site allowed the way a user
 *   allows it, see `allowSiteAccess`, so no browser dialog has to be clicked);
 * - on an episode page, one source's Zotero button, and the sources chosen in the episode's
 *   "choose" panel, become items (the controls reached inside their closed roots);
 * - a library selection becomes Zotero items, checked field by field as the server received
 *   them, and the confirmation names the collection selected in Zotero;
 * - sending the same papers again asks first;
 * - with the server stopped, the library says Zotero is not running and offers the RIS file.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  allowSiteAccess,
  hasHostPermission,
  launchChromium,
  openExtensionPage,
  request,
  waitFor,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, waitSeen } from '@/tests/browser/roots.ts';
import { startFakeZotero, type FakeZotero } from '@/tests/zotero/fake-zotero.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const ZOTERO = 'http://127.0.0.1:23119/*';
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;

/** The papers of the show-site fixture the test saves, by the API the page's buttons use. */
const PAPERS = [
  {
    title: 'Paper A Title: A Subtitle',
    authors: ['Ada Lovelace', 'Alan Turing'],
    year: 2025,
    url: 'https://arxiv.org/abs/2501.00663',
    arxivId: '2501.00663',
    doi: null,
    pdfUrl: 'https://arxiv.org/pdf/2501.00663',
  },
  {
    title: 'Paper C by DOI',
    authors: ['Grace Hopper'],
    year: 2020,
    url: 'https://doi.org/10.1145/1234',
    arxivId: null,
    doi: '10.1145/1234',
    pdfUrl: null,
  },
];

/** Runs the Zotero tests. */
export async function runChromiumZotero(): Promise<void> {
  console.log('\nchromium: send to Zotero');
  mkdirSync(SHOTS, { recursive: true });
  let zotero: FakeZotero | null = null;
  let session: ChromiumSession | null = null;
  try {
    zotero = await startFakeZotero(23119, { collection: 'Podcast papers' });
    session = await launchChromium({ headless: true });
    // The fake network refuses everything else; Zotero's port is this machine's own.
    await session.context.route('http://127.0.0.1:23119/**', (route) => route.continue());
  } catch (error) {
    fail('chromium zotero: start', error);
    await session?.close();
    await zotero?.close();
    return;
  }
  const z = zotero;
  const s = session;
  try {
    const episodePage = await s.context.newPage();
    await episodePage.goto(SITE.url);
    await episodePage.waitForFunction(
      () => document.getElementsByTagName('citecast-episode').length > 0,
    );
    const library = await openExtensionPage(s, 'library.html#papers');
    for (const source of PAPERS) {
      const reply = (await request(library, 'savePaper', { source, episodeKey: null })) as {
        ok: boolean;
      };
      assert(reply.ok, `savePaper: ${JSON.stringify(reply)}`);
    }
    await request(library, 'setTags', { key: 'arxiv:2501.00663', tags: ['memory'] });

    const roots = chromiumRoots(episodePage);
    const statusSays = (text: string) =>
      waitSeen(
        roots,
        'citecast-episode',
        '.status',
        (el) => !!el?.text.includes(text),
        `the bar says "${text}"`,
      );

    await test('zotero: a page sends nothing before the permission, and its window asks for it', async () => {
      const grantOpened = s.context.waitForEvent('page', {
        predicate: (p) => p.url().includes('/zotero-grant.html'),
        timeout: 10_000,
      });
      await roots.click('citecast-source', 'button[data-action="zotero"]', 0);
      const grant = await grantOpened;
      assert(z.requests.length === 0, `requests reached Zotero: ${z.requests.join(', ')}`);
      await allowSiteAccess(s, ZOTERO);
      await grant.locator('button[data-action="zotero-allow"]').click();
      await waitFor(() => hasHostPermission(s.worker, ZOTERO), Boolean, 'the permission');
      await grant.screenshot({ path: join(SHOTS, 'chromium-zotero-grant.png') });
      await grant.close();
      assert(z.requests.length === 0, `requests reached Zotero: ${z.requests.join(', ')}`);
    });

    await test("zotero: one source's button on the page sends that paper", async () => {
      await roots.click('citecast-source', 'button[data-action="zotero"]', 0);
      await statusSays('Sent to Zotero (1), into “Podcast papers”.');
      assert(z.problems.length === 0, `the fake refused: ${z.problems.join('; ')}`);
      const item = z.items.at(-1)!.item;
      assert(
        item.title === 'Paper A Title: A Subtitle' &&
          item.itemType === 'preprint' &&
          item.archiveID === 'arXiv:2501.00663',
        JSON.stringify(item),
      );
      const note = (item.notes as { note: string }[])[0]?.note ?? '';
      assert(note.includes('<i>Synthetic Episode Title</i> (2026-05-20)'), `the note: ${note}`);
    });

    await test("zotero: the episode's chosen sources go to Zotero from its choose panel", async () => {
      const before = z.items.length;
      await roots.click('citecast-episode', 'button[data-action="choose"]');
      // Paper A (saved, so ticked) cleared, papers B and C ticked, by real clicks.
      await roots.click('citecast-episode', 'li.choice input', 0);
      await roots.click('citecast-episode', 'li.choice input', 1);
      await roots.click('citecast-episode', 'li.choice input', 2);
      await roots.click('citecast-episode', 'button[data-action="zotero-checked"]');
      await statusSays('Sent to Zotero (2)');
      const titles = z.items.slice(before).map((r) => r.item.title);
      assert(
        JSON.stringify(titles) === JSON.stringify(['Paper B Title', 'Paper C Title']),
        `sent ${JSON.stringify(titles)}`,
      );
      await episodePage.screenshot({ path: join(SHOTS, 'chromium-zotero-page.png') });
    });

    await test('zotero: a library selection becomes items', async () => {
      z.items.length = 0;
      await library.reload();
      const rows = library.getByTestId('paper-row');
      await waitFor(
        () => rows.count(),
        (n) => n === 2,
        'paper rows',
      );
      for (const box of await library
        .locator('[data-testid="paper-row"] input[type="checkbox"]')
        .all()) {
        await box.check();
      }
      await library.locator('[data-testid="zotero-send"] button[data-action="zotero"]').click();
      // Paper A was sent from the page: the library asks first.
      await library.getByTestId('zotero-confirm').waitFor({ timeout: 10_000 });
      await library.locator('button[data-action="zotero-resend"]').click();
      const status = library.getByTestId('zotero-status');
      await status.waitFor({ timeout: 10_000 });
      const text = (await status.textContent()) ?? '';
      assert(
        text.includes('Sent 2 papers to Zotero') && text.includes('Podcast papers'),
        `the library said "${text}"`,
      );
      assert(z.problems.length === 0, `the fake refused: ${z.problems.join('; ')}`);
      const items = z.items.map((r) => r.item);
      const arxiv = items.find((i) => i.title === 'Paper A Title: A Subtitle');
      assert(arxiv, `items received: ${JSON.stringify(items)}`);
      const expect = {
        itemType: 'preprint',
        date: '2025',
        url: 'https://arxiv.org/abs/2501.00663',
        archiveID: 'arXiv:2501.00663',
        creators: [
          { creatorType: 'author', firstName: 'Ada', lastName: 'Lovelace' },
          { creatorType: 'author', firstName: 'Alan', lastName: 'Turing' },
        ],
        tags: [{ tag: 'memory' }],
      };
      for (const [field, value] of Object.entries(expect)) {
        assert(
          JSON.stringify(arxiv[field]) === JSON.stringify(value),
          `${field}: ${JSON.stringify(arxiv[field])}`,
        );
      }
      const doi = items.find((i) => i.title === 'Paper C by DOI');
      assert(doi?.itemType === 'journalArticle' && doi.DOI === '10.1145/1234', JSON.stringify(doi));
      console.log(`      one item as the fake Zotero received it: ${JSON.stringify(arxiv)}`);
      await library.screenshot({ path: join(SHOTS, 'chromium-zotero-sent.png') });
    });

    await test('zotero: sending the same papers again asks first', async () => {
      const before = z.items.length;
      await library.locator('[data-testid="zotero-send"] button[data-action="zotero"]').click();
      const confirm = library.getByTestId('zotero-confirm');
      await confirm.waitFor({ timeout: 10_000 });
      assert(z.items.length === before, 'the papers were sent again without asking');
      await library.locator('button[data-action="zotero-resend"]').click();
      await waitFor(
        async () => z.items.length,
        (n) => n === before + 2,
        'items sent again',
      );
    });

    await test('zotero: with the marks on, sources already in the Zotero library are marked on the page', async () => {
      z.options.localApi = true;
      z.options.library = [{ itemType: 'journalArticle', title: 'Paper C Title' }];
      const settings = await openExtensionPage(s, 'library.html#settings');
      await settings.getByTestId('zotero-marks').check();
      await settings.close();
      await episodePage.reload();
      const marks = () =>
        roots.evaluate(
          (_arg, rootOf) =>
            Array.from(document.querySelectorAll('citecast-source')).map(
              (host) => !(rootOf(host)?.querySelector('.zmark')?.hasAttribute('data-off') ?? true),
            ),
          null,
          'citecast-source',
        );
      await waitFor(
        marks,
        (m) => JSON.stringify(m) === JSON.stringify([false, false, true, false]),
        'In Zotero marks',
      );
      assert(
        z.requests.filter((r) => r.startsWith('GET /api/')).length >= 1,
        `the local API was not read: ${z.requests.join(', ')}`,
      );
    });

    await test('zotero: with Zotero stopped, the library says so and offers the RIS file', async () => {
      await z.close();
      await library.locator('[data-testid="zotero-send"] button[data-action="zotero"]').click();
      await library.locator('button[data-action="zotero-resend"]').click();
      const error = library.getByTestId('zotero-error');
      await error.waitFor({ timeout: 15_000 });
      const text = (await error.textContent()) ?? '';
      assert(text.startsWith('Zotero is not running, so nothing was sent.'), `it said "${text}"`);
      const download = library.waitForEvent('download', { timeout: 10_000 });
      await library.locator('button[data-action="zotero-ris"]').click();
      const file = await download;
      assert(file.suggestedFilename().endsWith('.ris'), `downloaded ${file.suggestedFilename()}`);
      await library.screenshot({ path: join(SHOTS, 'chromium-zotero-not-running.png') });
    });
  } finally {
    await s.close();
    await z.close();
  }
}
