/**
 * Real-browser tests of the episode bar's panels and the cited-episode controls (issue 5) in
 * Debian's chromium with the Chromium build: open all arXiv PDFs (asking first above five tabs),
 * choose which papers to save, and a cited episode's listen state and link.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, request, type ChromiumSession } from './browsers.ts';
import { FIXTURE_PAGES, ROOT } from './fixture-pages.ts';
import { assert, test } from './harness.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const APPLE = FIXTURE_PAGES.find((p) => p.name === 'apple-episode')!;

/** The titles of the sources of the many-PDF page, each with its own arXiv id. */
const MANY = [
  ['Alpha Attention Sinks', '2501.10001'],
  ['Beta Memory Layers', '2501.10002'],
  ['Gamma Routing for Experts', '2501.10003'],
  ['Delta Decoding at Scale', '2501.10004'],
  ['Epsilon Cache Sharing', '2501.10005'],
  ['Zeta Kernels for Inference', '2501.10006'],
  ['Eta Serving Systems', '2501.10007'],
] as const;

/** The site's episode fixture with its source list replaced by the seven arXiv papers above. */
function manyPdfPage(): string {
  const html = readFileSync(join(ROOT, SITE.file), 'utf8');
  const items = MANY.map(([title, id], i) => {
    const url = `https://arxiv.org/abs/${id}v1`;
    return `${i + 1}. ${title} — Author ${i + 1}, 2025<br>     <a href="${url}" target="_blank">${url}</a><br>`;
  }).join('');
  const replaced = html.replace(/Sources:<br>[\s\S]*?Interactive Visualization: /, () => {
    return `Sources:<br>${items}Interactive Visualization: `;
  });
  assert(replaced !== html, 'the site fixture has no source list to replace');
  return replaced;
}

/** Opens `url` (served by the fixtures, or by `body`) and waits for the first episode bar. */
async function openAnnotated(context: BrowserContext, url: string, body?: string): Promise<Page> {
  const page = await context.newPage();
  if (body !== undefined) {
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
  await page.goto(url);
  await page.locator('citecast-episode').first().waitFor({ timeout: 10_000 });
  return page;
}

/** Counts the pages (tabs) the context opens from now on. */
function countNewPages(context: BrowserContext): { count(): number; closeAll(): Promise<void> } {
  const pages: Page[] = [];
  context.on('page', (p) => pages.push(p));
  return {
    count: () => pages.length,
    closeAll: async () => {
      for (const p of pages) await p.close().catch(() => undefined);
    },
  };
}

/** The innermost focused element's `data-action` (or tag name), through shadow roots. */
function focusedAction(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return el.getAttribute('data-action') ?? el.localName;
  });
}

/** Whether the first episode bar has a panel of `kind` open. */
function panelOpen(page: Page, kind: 'confirm' | 'choose'): Promise<boolean> {
  return page.evaluate(
    (kind) =>
      !!document.querySelector('citecast-episode')?.shadowRoot?.querySelector(`.panel.${kind}`),
    kind,
  );
}

/** Waits until the source citing arXiv `id` shows `aria-pressed="true"` on its save button. */
async function waitSaved(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction(
      (id) =>
        document
          .querySelector(`citecast-source[data-arxiv-id="${id}"]`)
          ?.shadowRoot?.querySelector('button[data-action="save"]')
          ?.getAttribute('aria-pressed') === 'true',
      id,
      { timeout: 5_000 },
    )
    .catch(() => {
      throw new Error(`arXiv ${id} does not show as saved`);
    });
}

/** The cited episode's state (`data-state`) on the first `episode` source of the page. */
function citedState(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      document
        .querySelector('citecast-source[data-kind="episode"]')
        ?.shadowRoot?.querySelector('.ep-state')
        ?.getAttribute('data-state') ?? null,
  );
}

/** Registers and runs the bar and cited-episode tests in their own Chromium session. */
export async function runChromiumAnnotate(): Promise<void> {
  console.log('chromium: episode bar panels and cited episodes');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('annotate: extension loads', async () => {
    session = await launchChromium({ headless: true });
  });
  if (!started || !session) return;
  const { context, extensionId } = session;
  try {
    await test('open all: two arXiv PDFs open directly in new tabs', async () => {
      const page = await openAnnotated(context, APPLE.url);
      const opened = countNewPages(context);
      await page.locator('citecast-episode button[data-action="open-all"]').first().click();
      await page.waitForTimeout(1_000);
      assert(!(await panelOpen(page, 'confirm')), 'a confirm panel appeared for two PDFs');
      assert(opened.count() === 2, `${opened.count()} tabs opened, expected 2`);
      await opened.closeAll();
      await page.close();
    });

    await test('open all: seven PDFs ask first; Cancel and Esc open none, Enter opens all', async () => {
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const openAll = page.locator('citecast-episode button[data-action="open-all"]').first();
      const opened = countNewPages(context);
      await openAll.click();
      const panel = page.locator('citecast-episode .panel.confirm').first();
      await panel.waitFor({ timeout: 5_000 });
      const text = (await panel.textContent()) ?? '';
      assert(text.includes('Open 7 PDFs?'), `the panel says "${text}"`);
      assert((await focusedAction(page)) === 'confirm-open', 'the focus did not move into it');
      await panel.locator('button[data-action="confirm-cancel"]').click();
      assert(!(await panelOpen(page, 'confirm')), 'Cancel left the panel open');
      assert((await focusedAction(page)) === 'open-all', 'the focus did not go back to the bar');
      await openAll.click();
      await panel.waitFor({ timeout: 5_000 });
      await page.keyboard.press('Escape');
      assert(!(await panelOpen(page, 'confirm')), 'Esc left the panel open');
      await page.waitForTimeout(500);
      assert(opened.count() === 0, `${opened.count()} tabs opened before confirming`);
      await openAll.click();
      await panel.waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      for (const deadline = Date.now() + 5_000; opened.count() < 7 && Date.now() < deadline;) {
        await page.waitForTimeout(100);
      }
      assert(opened.count() === 7, `${opened.count()} tabs opened, expected 7`);
      await opened.closeAll();
      await page.close();
    });

    await test('choose: filter, check two, Enter saves just those; Esc on the page closes it', async () => {
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const bar = page.locator('citecast-episode').first();
      await bar.locator('button[data-action="choose"]').click();
      const panel = bar.locator('.panel.choose');
      await panel.waitFor({ timeout: 5_000 });
      assert((await focusedAction(page)) === 'input', 'the focus is not in the filter field');
      const rows = panel.locator('li.choice:visible');
      assert((await rows.count()) === 7, `${await rows.count()} rows, expected 7`);
      await page.keyboard.type('memory');
      assert((await rows.count()) === 1, `"memory" shows ${await rows.count()} rows`);
      await rows.first().locator('input[type="checkbox"]').check();
      await panel.locator('input.filter').fill('cache');
      assert((await rows.count()) === 1, `"cache" shows ${await rows.count()} rows`);
      await rows.first().locator('.choice-label').click();
      await panel.locator('input.filter').fill('');
      assert((await rows.count()) === 7, 'clearing the filter does not show every row');
      await panel.screenshot({ path: join(SHOTS, 'chromium-choose-panel.png') });
      await page.screenshot({ path: join(SHOTS, 'chromium-choose-page.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await panel.screenshot({ path: join(SHOTS, 'chromium-choose-panel-dark.png') });
      await page.emulateMedia({ colorScheme: 'light' });
      await panel.locator('input.filter').focus();
      await page.keyboard.press('Enter');
      await waitSaved(page, '2501.10002');
      await waitSaved(page, '2501.10005');
      assert(!(await panelOpen(page, 'choose')), 'Enter left the panel open');
      const pressed = await page.evaluate(() =>
        Array.from(document.querySelectorAll('citecast-source[data-arxiv-id]')).map(
          (h) =>
            h.shadowRoot
              ?.querySelector('button[data-action="save"]')
              ?.getAttribute('aria-pressed') === 'true',
        ),
      );
      assert(pressed.filter(Boolean).length === 2, `saved marks: ${JSON.stringify(pressed)}`);
      // Open again: the saved ones are checked and marked; Esc from a checkbox closes it.
      await bar.locator('button[data-action="choose"]').click();
      await panel.waitFor({ timeout: 5_000 });
      assert((await panel.locator('li.choice.saved').count()) === 2, 'saved rows are not marked');
      assert(
        (await panel.locator('input[type="checkbox"]:checked').count()) === 2,
        'saved rows are not checked',
      );
      await panel.locator('button[data-action="select-all"]').focus();
      await page.keyboard.press('Escape');
      assert(!(await panelOpen(page, 'choose')), 'Esc did not close the choose panel');
      await page.close();
    });

    await test('copy BibTeX: the saved papers of the episode go to the clipboard', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(SITE.url).origin,
      });
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      // The choose test saved 2501.10002 and 2501.10005; save 2501.10001 too.
      await waitSaved(page, '2501.10002');
      await page
        .locator('citecast-source[data-arxiv-id="2501.10001"] button[data-action="save"]')
        .click();
      await waitSaved(page, '2501.10001');
      const bar = page.locator('citecast-episode').first();
      await bar
        .getByRole('button', {
          name: 'Copy the saved papers of this episode as BibTeX (Citecast)',
        })
        .click();
      await bar.getByRole('status').filter({ hasText: 'Copied' }).waitFor({ timeout: 10_000 });
      const text = await page.evaluate(() => navigator.clipboard.readText());
      const entries = text.match(/^@misc\{/gm) ?? [];
      assert(
        entries.length === 3 &&
          ['2501.10001', '2501.10002', '2501.10005'].every((id) =>
            text.includes(`eprint = {${id}}`),
          ),
        `clipboard: ${JSON.stringify(text.slice(0, 400))}`,
      );
      await page.close();
    });

    await test('source copies: one paper as BibTeX (unsaved) and as a Markdown link, ✓ on its button', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(SITE.url).origin,
      });
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const source = page.locator('citecast-source[data-arxiv-id="2501.10003"]');
      await source.locator('button[data-action="save"]').waitFor({ timeout: 5_000 });
      assert(
        (await source.locator('button[data-action="save"]').getAttribute('aria-pressed')) ===
          'false',
        'the source to copy is already saved',
      );
      const bib = source.getByRole('button', { name: 'Copy this paper as BibTeX (Citecast)' });
      await bib.click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('citecast-source[data-arxiv-id="2501.10003"]')
            ?.shadowRoot?.querySelector('button[data-action="copy-bibtex"]')
            ?.getAttribute('data-copied') === 'true',
        null,
        { timeout: 10_000 },
      );
      const bibtex = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        (bibtex.match(/^@/gm) ?? []).length === 1 && bibtex.includes('eprint = {2501.10003}'),
        `clipboard: ${JSON.stringify(bibtex.slice(0, 300))}`,
      );
      await source
        .getByRole('button', { name: 'Copy a Markdown link to this paper (Citecast)' })
        .click();
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await page.evaluate(() => navigator.clipboard.readText())) !== bibtex) break;
        await page.waitForTimeout(50);
      }
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        /^\[[^\]]+\]\(https:\/\/arxiv\.org\/abs\/2501\.10003\)/.test(markdown),
        `clipboard: ${JSON.stringify(markdown)}`,
      );
      assert(
        (await source.locator('button[data-action="save"]').getAttribute('aria-pressed')) ===
          'false',
        'copying saved the paper',
      );
      await source.screenshot({ path: join(SHOTS, 'chromium-source-copied.png') });
      await page.close();
    });

    await test('heard toggle: shows the date it was heard, and loses it when unheard', async () => {
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const heard = page.locator('citecast-episode').first().locator('button[data-action="heard"]');
      await heard.waitFor({ timeout: 5_000 });
      if ((await heard.getAttribute('aria-pressed')) === 'true') await heard.click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('citecast-episode')
            ?.shadowRoot?.querySelector('button[data-action="heard"]')
            ?.getAttribute('aria-pressed') === 'false',
      );
      assert((await heard.textContent()) === 'Heard', `unheard reads ${await heard.textContent()}`);
      await heard.click();
      const today = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(new Date());
      await page
        .waitForFunction(
          (label) =>
            document
              .querySelector('citecast-episode')
              ?.shadowRoot?.querySelector('button[data-action="heard"]')?.textContent === label,
          `Heard ${today}`,
          { timeout: 5_000 },
        )
        .catch(async () => {
          throw new Error(`the toggle reads ${JSON.stringify(await heard.textContent())}`);
        });
      assert((await heard.getAttribute('aria-pressed')) === 'true', 'heard is not pressed');
      await page.reload();
      await page.locator('citecast-episode').first().waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        (label) =>
          document
            .querySelector('citecast-episode')
            ?.shadowRoot?.querySelector('button[data-action="heard"]')?.textContent === label,
        `Heard ${today}`,
        { timeout: 5_000 },
      );
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({
          path: join(SHOTS, 'chromium-heard-date.png'),
        });
      await heard.click();
      await page.waitForFunction(
        () =>
          document
            .querySelector('citecast-episode')
            ?.shadowRoot?.querySelector('button[data-action="heard"]')?.textContent === 'Heard',
        null,
        { timeout: 5_000 },
      );
      await page.close();
    });

    await test('cited episode: shows new, then heard live after setHeard, and links its mp3', async () => {
      const page = await openAnnotated(context, SITE.url);
      const stemUrl =
        'https://podcast.do-not-panic.com/episodes/2026-05-01-prior-episode-title-abc123.mp3';
      await page.waitForFunction(
        () => !!document.querySelector('citecast-source[data-kind="episode"]')?.shadowRoot,
        null,
        { timeout: 5_000 },
      );
      const link = await page.evaluate(() => {
        const a = document
          .querySelector('citecast-source[data-kind="episode"]')
          ?.shadowRoot?.querySelector('a[data-action="open-episode"]');
        return a ? { href: a.getAttribute('href'), rel: a.getAttribute('rel') } : null;
      });
      assert(link?.href === stemUrl, `the episode link is ${JSON.stringify(link)}`);
      assert(link.rel?.includes('noopener'), `rel is ${link.rel}`);
      assert((await citedState(page)) === 'new', `state is ${await citedState(page)}`);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const reply = await request(popup, 'setHeard', {
        episodeKey: '2026-05-01-prior-episode-title-abc123',
        heard: true,
      });
      assert(
        (reply as { ok?: boolean })?.ok === true,
        `setHeard answered ${JSON.stringify(reply)}`,
      );
      await popup.close();
      await page
        .waitForFunction(
          () =>
            document
              .querySelector('citecast-source[data-kind="episode"]')
              ?.shadowRoot?.querySelector('.ep-state')
              ?.getAttribute('data-state') === 'heard',
          null,
          { timeout: 5_000 },
        )
        .catch(() => {
          throw new Error('the cited episode did not turn heard');
        });
      await page.reload();
      await page.locator('citecast-episode').first().waitFor({ timeout: 10_000 });
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await citedState(page)) === 'heard') break;
        await page.waitForTimeout(100);
      }
      assert((await citedState(page)) === 'heard', 'heard did not survive a reload');
      const text = await page.evaluate(
        () =>
          document
            .querySelector('citecast-source[data-kind="episode"]')
            ?.shadowRoot?.querySelector('.ep-state')?.textContent,
      );
      assert(text === 'Heard', `the state reads "${text}"`);
      await page.locator('citecast-source[data-kind="episode"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'chromium-cited-episode.png') });
      await page.close();
    });
  } finally {
    await session.close();
  }
}
