/**
 * Real-browser tests of the episode bar's panels and the cited-episode controls in
 * Debian's chromium with the Chromium build: open all arXiv PDFs (asking first above five tabs),
 * choose which papers to save, and a cited episode's listen state and link.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, request, type ChromiumSession } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import {
  chromiumRoots,
  focusedIn,
  pressedIs,
  rectIn,
  seen,
  seenAll,
  waitSeen,
  type Roots,
} from '@/tests/browser/roots.ts';

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
  await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
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

/** Whether the first episode bar has a panel of `kind` open. */
async function panelOpen(roots: Roots, kind: 'confirm' | 'choose'): Promise<boolean> {
  return (await seen(roots, 'citecast-episode', `.panel.${kind}`)) !== null;
}

/** Waits until the source citing arXiv `id` shows `aria-pressed="true"` on its save button. */
async function waitSaved(roots: Roots, id: string): Promise<void> {
  await waitSeen(
    roots,
    `citecast-source[data-arxiv-id="${id}"]`,
    'button[data-action="save"]',
    pressedIs('true'),
    `arXiv ${id} does not show as saved`,
    0,
    5_000,
  );
}

/** The cited episode's state (`data-state`) on the first `episode` source of the page. */
async function citedState(roots: Roots): Promise<string | null> {
  return (
    (await seen(roots, 'citecast-source[data-kind="episode"]', '.ep-state'))?.attrs['data-state'] ??
    null
  );
}

/** The rows of the choose panel shown now. */
async function shownRows(roots: Roots): Promise<number> {
  return (await seenAll(roots, 'citecast-episode', 'li.choice')).filter((r) => r.shown).length;
}

/** Clicks the choose panel's filter field and types `text` in place of what it held. */
async function typeFilter(page: Page, roots: Roots, text: string): Promise<void> {
  await roots.click('citecast-episode', 'input.filter');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
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
      const roots = chromiumRoots(page);
      await roots.click('citecast-episode', 'button[data-action="open-all"]');
      await page.waitForTimeout(1_000);
      assert(!(await panelOpen(roots, 'confirm')), 'a confirm panel appeared for two PDFs');
      assert(opened.count() === 2, `${opened.count()} tabs opened, expected 2`);
      await opened.closeAll();
      await page.close();
    });

    await test('open all: seven PDFs ask first; Cancel and Esc open none, Enter opens all', async () => {
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const roots = chromiumRoots(page);
      const openAll = () => roots.click('citecast-episode', 'button[data-action="open-all"]');
      const panelShows = () =>
        waitSeen(
          roots,
          'citecast-episode',
          '.panel.confirm',
          (p) => !!p?.shown,
          'no confirm panel',
        );
      const opened = countNewPages(context);
      await openAll();
      const text = (await panelShows())?.text ?? '';
      assert(text.includes('Open 7 PDFs?'), `the panel says "${text}"`);
      assert((await focusedIn(roots)) === 'confirm-open', 'the focus did not move into it');
      await roots.click('citecast-episode', 'button[data-action="confirm-cancel"]');
      assert(!(await panelOpen(roots, 'confirm')), 'Cancel left the panel open');
      assert((await focusedIn(roots)) === 'open-all', 'the focus did not go back to the bar');
      await openAll();
      await panelShows();
      await page.keyboard.press('Escape');
      assert(!(await panelOpen(roots, 'confirm')), 'Esc left the panel open');
      await page.waitForTimeout(500);
      assert(opened.count() === 0, `${opened.count()} tabs opened before confirming`);
      await openAll();
      await panelShows();
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
      const roots = chromiumRoots(page);
      const choose = async () => {
        await roots.click('citecast-episode', 'button[data-action="choose"]');
        await waitSeen(roots, 'citecast-episode', '.panel.choose', (p) => !!p?.shown, 'no panel');
      };
      await choose();
      assert((await focusedIn(roots)) === 'input', 'the focus is not in the filter field');
      assert((await shownRows(roots)) === 7, `${await shownRows(roots)} rows, expected 7`);
      await page.keyboard.type('memory');
      assert((await shownRows(roots)) === 1, `"memory" shows ${await shownRows(roots)} rows`);
      await roots.click('citecast-episode', 'li.choice:not([hidden]) input[type="checkbox"]');
      await typeFilter(page, roots, 'cache');
      assert((await shownRows(roots)) === 1, `"cache" shows ${await shownRows(roots)} rows`);
      await roots.click('citecast-episode', 'li.choice:not([hidden]) .choice-label');
      await typeFilter(page, roots, '');
      assert((await shownRows(roots)) === 7, 'clearing the filter does not show every row');
      const clip = await rectIn(roots, 'citecast-episode', '.panel.choose');
      await page.screenshot({ path: join(SHOTS, 'chromium-choose-panel.png'), clip });
      await page.screenshot({ path: join(SHOTS, 'chromium-choose-page.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: join(SHOTS, 'chromium-choose-panel-dark.png'), clip });
      await page.emulateMedia({ colorScheme: 'light' });
      await roots.click('citecast-episode', 'input.filter');
      await page.keyboard.press('Enter');
      await waitSaved(roots, '2501.10002');
      await waitSaved(roots, '2501.10005');
      assert(!(await panelOpen(roots, 'choose')), 'Enter left the panel open');
      const pressed = (
        await seenAll(roots, 'citecast-source[data-arxiv-id]', 'button[data-action="save"]')
      ).map((b) => b.attrs['aria-pressed'] === 'true');
      assert(pressed.filter(Boolean).length === 2, `saved marks: ${JSON.stringify(pressed)}`);
      // Open again: the saved ones are checked and marked; Esc from a checkbox closes it.
      await choose();
      assert(
        (await seenAll(roots, 'citecast-episode', 'li.choice.saved')).length === 2,
        'saved rows are not marked',
      );
      assert(
        (await seenAll(roots, 'citecast-episode', 'input[type="checkbox"]:checked')).length === 2,
        'saved rows are not checked',
      );
      await roots.click('citecast-episode', 'li.choice input[type="checkbox"]');
      await page.keyboard.press('Escape');
      assert(!(await panelOpen(roots, 'choose')), 'Esc did not close the choose panel');
      await page.close();
    });

    await test('copy BibTeX: the saved papers of the episode go to the clipboard', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(SITE.url).origin,
      });
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      // The choose test saved 2501.10002 and 2501.10005; save 2501.10001 too.
      const roots = chromiumRoots(page);
      await waitSaved(roots, '2501.10002');
      await roots.click(
        'citecast-source[data-arxiv-id="2501.10001"]',
        'button[data-action="save"]',
      );
      await waitSaved(roots, '2501.10001');
      await roots.click(
        'citecast-episode',
        'button[aria-label="Copy the saved papers of this episode as BibTeX (Citecast)"]',
      );
      await waitSeen(
        roots,
        'citecast-episode',
        '[role="status"]',
        (st) => st?.text === 'Copied',
        'the bar does not say Copied',
      );
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
      const roots = chromiumRoots(page);
      const source = 'citecast-source[data-arxiv-id="2501.10003"]';
      const savePressed = async () =>
        (await seen(roots, source, 'button[data-action="save"]'))?.attrs['aria-pressed'];
      await waitSeen(roots, source, 'button[data-action="save"]', (b) => !!b, 'no save button');
      assert((await savePressed()) === 'false', 'the source to copy is already saved');
      await roots.click(source, 'button[aria-label="Copy this paper as BibTeX (Citecast)"]');
      await waitSeen(
        roots,
        source,
        'button[data-action="copy-bibtex"]',
        (b) => b?.attrs['data-copied'] === 'true',
        'the BibTeX button did not say copied',
      );
      const bibtex = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        (bibtex.match(/^@/gm) ?? []).length === 1 && bibtex.includes('eprint = {2501.10003}'),
        `clipboard: ${JSON.stringify(bibtex.slice(0, 300))}`,
      );
      await roots.click(
        source,
        'button[aria-label="Copy a Markdown link to this paper (Citecast)"]',
      );
      for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
        if ((await page.evaluate(() => navigator.clipboard.readText())) !== bibtex) break;
        await page.waitForTimeout(50);
      }
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        /^\[[^\]]+\]\(https:\/\/arxiv\.org\/abs\/2501\.10003\)/.test(markdown),
        `clipboard: ${JSON.stringify(markdown)}`,
      );
      assert((await savePressed()) === 'false', 'copying saved the paper');
      await page.locator(source).screenshot({ path: join(SHOTS, 'chromium-source-copied.png') });
      await page.close();
    });

    await test('heard toggle: shows the date it was heard, and loses it when unheard', async () => {
      const page = await openAnnotated(context, SITE.url, manyPdfPage());
      const roots = chromiumRoots(page);
      const HEARD = 'button[data-action="heard"]';
      const heard = await waitSeen(roots, 'citecast-episode', HEARD, (b) => !!b, 'no heard');
      if (heard?.attrs['aria-pressed'] === 'true') await roots.click('citecast-episode', HEARD);
      const unheard = await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        pressedIs('false'),
        'heard stays pressed',
      );
      assert(unheard?.text === 'Heard', `unheard reads ${unheard?.text}`);
      await roots.click('citecast-episode', HEARD);
      const today = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }).format(new Date());
      const dated = await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        (b) => b?.text === `Heard ${today}`,
        'the toggle does not show the date',
        0,
        5_000,
      );
      assert(dated?.attrs['aria-pressed'] === 'true', 'heard is not pressed');
      await page.reload();
      await page.locator('citecast-episode').first().waitFor({ state: 'attached' });
      await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        (b) => b?.text === `Heard ${today}`,
        'the date is gone after a reload',
        0,
        5_000,
      );
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({
          path: join(SHOTS, 'chromium-heard-date.png'),
        });
      await roots.click('citecast-episode', HEARD);
      await waitSeen(
        roots,
        'citecast-episode',
        HEARD,
        (b) => b?.text === 'Heard',
        'the date stays once unheard',
        0,
        5_000,
      );
      await page.close();
    });

    await test('cited episode: shows new, then heard live after setHeard, and links its mp3', async () => {
      const page = await openAnnotated(context, SITE.url);
      const stemUrl =
        'https://podcast.do-not-panic.com/episodes/2026-05-01-prior-episode-title-abc123.mp3';
      const roots = chromiumRoots(page);
      const EPISODE = 'citecast-source[data-kind="episode"]';
      const a = await waitSeen(
        roots,
        EPISODE,
        'a[data-action="open-episode"]',
        (l) => !!l,
        'no episode link',
        0,
        5_000,
      );
      const link = { href: a?.attrs.href, rel: a?.attrs.rel };
      assert(link.href === stemUrl, `the episode link is ${JSON.stringify(link)}`);
      assert(link.rel?.includes('noopener'), `rel is ${link.rel}`);
      assert((await citedState(roots)) === 'new', `state is ${await citedState(roots)}`);
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
      await waitSeen(
        roots,
        EPISODE,
        '.ep-state',
        (st) => st?.attrs['data-state'] === 'heard',
        'the cited episode did not turn heard',
        0,
        5_000,
      );
      await page.reload();
      await page.locator('citecast-episode').first().waitFor({ state: 'attached' });
      const state = await waitSeen(
        roots,
        EPISODE,
        '.ep-state',
        (st) => st?.attrs['data-state'] === 'heard',
        'heard did not survive a reload',
        0,
        5_000,
      );
      assert(state?.text === 'Heard', `the state reads "${state?.text}"`);
      await page.locator('citecast-source[data-kind="episode"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'chromium-cited-episode.png') });
      await page.close();
    });
  } finally {
    await session.close();
  }
}
