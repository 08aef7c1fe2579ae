/**
 * Real-browser tests of "Find PDFs" in Debian's chromium with the Chromium build.
 * arXiv's API is stubbed through request interception (hand-written Atom from
 * tests/fixtures/arxiv); every request to export.arxiv.org is logged, so the tests can say that
 * none was made.
 *
 * How the optional permission is granted, honestly: Chromium answers `permissions.request` for a
 * host with a dialog in the browser's own UI, which no automation can click. A user can also
 * allow a site in chrome://extensions ("Site access"); the test does exactly that, with the
 * call that page makes (`chrome.developerPrivate.addHostPermission`), which by itself does NOT
 * grant the permission to the extension (`permissions.contains` stays false, checked below).
 * Then the extension's own window is clicked (a real click, so a user gesture) and its
 * `permissions.request` runs: Chromium answers it without a dialog because the user already
 * allowed the site. So the extension's own request code is what grants it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import {
  allowSiteAccess,
  hasHostPermission,
  launchChromium,
  request,
  type ChromiumSession,
  waitFor,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, seen, waitSeen } from '@/tests/browser/roots.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const ARXIV_ORIGIN = 'https://export.arxiv.org/*';
export const TITANS = 'Titans: Learning to Memorize at Test Time';
const VLLM = 'Efficient Memory Management for Large Language Model Serving with PagedAttention';

/** The site's episode page with three sources: an arXiv link and two Scholar-only titles. */
export function scholarPage(): string {
  const html = readFileSync(join(ROOT, SITE.file), 'utf8');
  const scholar = (title: string) =>
    `https://scholar.google.com/scholar?q=${encodeURIComponent(title).replace(/%20/g, '+')}`;
  const items = [
    [
      'Memory Layers at Scale — Vincent-Pierre Berges et al., 2024',
      'http://arxiv.org/abs/2412.09764v1',
    ],
    [`${TITANS} — Ali Behrouz, Peilin Zhong, Vahab Mirrokni, 2025`, scholar(TITANS)],
    [`${VLLM} — Woosuk Kwon et al., 2023`, scholar(VLLM)],
  ]
    .map(
      ([text, url], i) =>
        `${i + 1}. ${text}<br>     <a href="${url}" target="_blank">${url}</a><br>`,
    )
    .join('');
  const replaced = html.replace(
    /Sources:<br>[\s\S]*?Interactive Visualization: /,
    () => `Sources:<br>${items}Interactive Visualization: `,
  );
  assert(replaced !== html, 'the site fixture has no source list to replace');
  return replaced;
}

/** arXiv's stubbed answer: the batched feed of several.xml plus the near miss's entry. */
function stubFeed(): string {
  const read = (name: string) =>
    readFileSync(join(ROOT, 'tests', 'fixtures', 'arxiv', name), 'utf8');
  const nearMiss = /<entry>[\s\S]*<\/entry>/.exec(read('near-miss.xml'))![0];
  return read('several.xml').replace('</feed>', `${nearMiss}\n</feed>`);
}

/** Logs (and answers with the stub) every request to arXiv's API, from any page or worker. */
async function stubArxiv(context: BrowserContext): Promise<string[]> {
  const log: string[] = [];
  await context.route('https://export.arxiv.org/**', async (route) => {
    log.push(route.request().url());
    await route.fulfill({
      status: 200,
      contentType: 'application/atom+xml; charset=utf-8',
      body: stubFeed(),
    });
  });
  return log;
}

async function openScholarPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.route(SITE.url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: scholarPage() }),
  );
  await page.goto(SITE.url);
  await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** What each source of the page shows: its arXiv id, state, label and buttons. */
function sourceStates(page: Page) {
  return chromiumRoots(page).evaluate(
    (_arg: null, rootOf) =>
      Array.from(document.querySelectorAll('citecast-source')).map((host) => {
        const root = rootOf(host);
        const box = root?.querySelector<HTMLElement>('.arxiv');
        return {
          arxivId: host.getAttribute('data-arxiv-id'),
          state: box?.dataset.arxivState ?? null,
          label: box?.querySelector('.arxiv-label')?.textContent ?? null,
          actions: Array.from(root?.querySelectorAll('button[data-action]') ?? []).map((b) =>
            b.getAttribute('data-action')!,
          ),
        };
      }),
    null,
  );
}

function hasPermission(worker: Worker): Promise<boolean> {
  return hasHostPermission(worker, ARXIV_ORIGIN);
}

/** Registers and runs the "Find PDFs" tests in their own Chromium session. */
export async function runChromiumArxiv(): Promise<void> {
  console.log('chromium: arXiv lookups (Find PDFs)');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('arxiv: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const { context, worker, extensionId, refused } = session;
  const log = await stubArxiv(context);
  const arxivRefused = () => refused.filter((u) => u.startsWith('https://export.arxiv.org'));
  let page: Page | undefined;
  try {
    await test('arxiv: without the permission nothing goes to export.arxiv.org', async () => {
      assert(!(await hasPermission(worker)), 'a fresh install already has the arXiv permission');
      page = await openScholarPage(context);
      const roots = chromiumRoots(page);
      const FIND = 'button[data-action="find-pdfs"]';
      await waitSeen(roots, 'citecast-episode', FIND, (b) => !!b?.shown, 'no Find PDFs', 0, 5_000);
      // Even with the setting on, no permission means no request.
      await worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
          }
        ).chrome.storage.local.set({ 'citecast.settings': { arxivLookup: true } }),
      );
      const grantOpened = context.waitForEvent('page', {
        predicate: (p) => p.url().includes('/arxiv-grant.html'),
        timeout: 5_000,
      });
      await roots.click('citecast-episode', FIND);
      const grant = await grantOpened;
      await grant.waitForLoadState();
      await grant.screenshot({ path: join(SHOTS, 'chromium-arxiv-grant.png') });
      await waitFor(
        async () => (await seen(roots, 'citecast-episode', '.status'))?.text,
        (t) => (t ?? '').includes('Allow arXiv lookups'),
        'the bar does not say to allow lookups',
      );
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const direct = (await request(popup, 'resolveTitles', {
        sources: [{ title: TITANS, authors: [] }],
        cacheOnly: false,
      })) as { ok: boolean; value?: { status: { state: string; reason?: string } }[] };
      assert(
        direct.ok && direct.value?.[0]?.status.reason === 'no-permission',
        `the background answered ${JSON.stringify(direct)}`,
      );
      await popup.close();
      await grant.close();
      await page.waitForTimeout(1_000);
      const states = await sourceStates(page);
      assert(
        states.every((s) => !s.actions.includes('open-pdf') || s.arxivId === '2412.09764'),
        `a title-only source got a PDF: ${JSON.stringify(states)}`,
      );
      assert(log.length === 0, `requests went to arXiv: ${log.join(', ')}`);
      assert(arxivRefused().length === 0, `requests to arXiv were refused: ${arxivRefused()}`);
    });

    await test('arxiv: once allowed, Find PDFs offers the Scholar-only source’s arXiv PDF; the weak match is only offered', async () => {
      assert(page, 'no page from the previous test');
      // The user allows the site in chrome://extensions (see the module comment): not a grant yet.
      await allowSiteAccess(session!, ARXIV_ORIGIN);
      assert(!(await hasPermission(worker)), 'the site access alone granted the permission');
      await worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
          }
        ).chrome.storage.local.set({ 'citecast.settings': { arxivLookup: false } }),
      );
      const grantOpened = context.waitForEvent('page', {
        predicate: (p) => p.url().includes('/arxiv-grant.html'),
        timeout: 5_000,
      });
      const roots = chromiumRoots(page);
      await roots.click('citecast-episode', 'button[data-action="find-pdfs"]');
      const grant = await grantOpened;
      await grant.locator('button[data-action="arxiv-allow"]').click();
      await waitFor(() => hasPermission(worker), Boolean, 'the permission was not granted');
      await grant.screenshot({ path: join(SHOTS, 'chromium-arxiv-grant-done.png') });
      await grant.close();
      // The page carries on by itself once the setting turns on.
      const states = await waitFor(
        () => sourceStates(page!),
        (s) => s[1]?.state === 'found' && s[2]?.state === 'maybe',
        'the sources did not resolve',
      );
      // The host keeps what the page says (no arXiv id): a lookup is not the page's to read.
      assert(states[1]!.arxivId === null, `Titans has data-arxiv-id ${states[1]!.arxivId}`);
      assert(
        states[1]!.actions.includes('open-pdf'),
        `Titans has no open-pdf: ${states[1]!.actions}`,
      );
      assert(states[1]!.label === 'found 100 %', `Titans shows "${states[1]!.label}"`);
      assert(!states[2]!.actions.includes('open-pdf'), 'the weak match got an open-pdf button');
      assert(states[2]!.actions.includes('arxiv-use'), 'the weak match offers no "use it"');
      assert(log.length === 1, `${log.length} requests to arXiv, expected one batch`);
      const query = new URL(log[0]!).searchParams.get('search_query') ?? '';
      assert(
        query.includes('ti:"titans learning to memorize at test time"') && query.includes(' OR '),
        `the batch query was ${query}`,
      );
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({ path: join(SHOTS, 'chromium-arxiv-found.png') });
      await page
        .locator('.card-sources')
        .first()
        .screenshot({ path: join(SHOTS, 'chromium-arxiv-sources.png') });

      // open-pdf opens arXiv's PDF of the resolved paper (the address, refused by the fake network).
      const pdfOpened = context.waitForEvent('page', { timeout: 5_000 });
      await roots.click('citecast-source', 'button[data-action="open-pdf"]', 0, 1);
      const pdf = await pdfOpened;
      const wanted = 'https://arxiv.org/pdf/2501.00663';
      await waitFor(async () => refused.includes(wanted), Boolean, `no request for ${wanted}`);
      await pdf.close();

      // The user takes the weak match: now it is linked and opens too.
      await roots.click('citecast-source', 'button[data-action="arxiv-use"]', 0, 2);
      const after = await waitFor(
        () => sourceStates(page!),
        (s) => s[2]?.state === 'linked',
        'the weak match was not linked',
      );
      assert(after[2]!.arxivId === null, `the link shows on the host: ${after[2]!.arxivId}`);
      assert(after[2]!.actions.includes('open-pdf'), 'the linked source has no open-pdf');
      const linkedOpened = context.waitForEvent('page', { timeout: 5_000 });
      await roots.click('citecast-source', 'button[data-action="open-pdf"]', 0, 2);
      const linkedPdf = await linkedOpened;
      const linked = 'https://arxiv.org/pdf/2309.09999';
      await waitFor(async () => refused.includes(linked), Boolean, `no request for ${linked}`);
      await linkedPdf.close();

      // The abstract on request: from the cache, no further request.
      await roots.hover('citecast-source', 'button[data-action="arxiv-info"]', 0, 1);
      const preview = await waitSeen(
        roots,
        'citecast-source',
        '.arxiv-preview .p-summary',
        (p) => !!p,
        'no abstract preview',
        0,
        5_000,
      );
      const summary = preview?.text ?? '';
      assert(summary.startsWith('Over more than a decade'), `the preview shows "${summary}"`);
      await page.screenshot({ path: join(SHOTS, 'chromium-arxiv-preview.png') });
      assert(log.length === 1, `${log.length} requests to arXiv after the preview`);
    });

    await test('arxiv: a reload shows the resolution from the cache without asking arXiv', async () => {
      assert(page, 'no page');
      await page.reload();
      await page
        .locator('citecast-episode')
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 });
      const states = await waitFor(
        () => sourceStates(page!),
        (s) => s[1]?.state === 'found' && s[2]?.state === 'linked',
        'the cached resolutions did not show',
      );
      assert(states[1]!.actions.includes('open-pdf'), 'no open-pdf after the reload');
      assert(log.length === 1, `${log.length} requests to arXiv after the reload`);
    });
  } finally {
    await session.close();
  }
}
