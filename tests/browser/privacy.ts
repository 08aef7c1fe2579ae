/**
 * The page never reads the library: a page script on an annotated page tries what a hostile host
 * page would, in Chromium and Firefox, on the release build, in English and Norwegian. It reads
 * the hosts' shadow roots, their attributes and `<html>`'s, and the hosts' sizes before and after
 * the listener saves a paper and marks the episode heard, and before and after the listener links
 * a title to arXiv and turns lookups on; it ticks the "choose" panel's boxes
 * before the listener presses "save checked"; it fakes the player's events. It must learn and
 * cause nothing. The listener's own clicks come through the automation protocols (./roots.ts),
 * as real mouse input. `--only privacy`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import {
  launchChromium,
  launchFirefox,
  request,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import { scholarPage, TITANS } from '@/tests/browser/chromium-arxiv.ts';
import { serveWav } from '@/tests/browser/chromium-playback.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { fixturePage } from '@/tests/browser/firefox.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, firefoxRoots, waitInRoots, type Roots } from '@/tests/browser/roots.ts';

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const SITE_STEM = '2026-05-20-synthetic-episode-title-7cc949';
const SPOTIFY = FIXTURE_PAGES.find((p) => p.name === 'spotify-episode')!;

/** What the page can see of Citecast: its hosts' attributes and boxes, and `<html>`'s attributes. */
interface PageView {
  html: [string, string][];
  hosts: { tag: string; attrs: [string, string][]; width: number; height: number }[];
  openRoots: number;
}

/** Run as a page script: everything the page can read of Citecast's hosts. */
function pageView(page: { evaluate: Page['evaluate'] }): Promise<PageView> {
  // No named functions inside: the test runner's helper for their names is not in the page.
  return page.evaluate(() => {
    const hosts = Array.from(
      document.querySelectorAll('citecast-episode, citecast-source, citecast-help'),
    );
    return {
      html: Array.from(document.documentElement.attributes)
        .map((a): [string, string] => [a.name, a.value])
        .sort((a, b) => a[0].localeCompare(b[0])),
      hosts: hosts.map((h) => {
        const box = h.getBoundingClientRect();
        const attrs = Array.from(h.attributes)
          .map((a): [string, string] => [a.name, a.value])
          .sort((a, b) => a[0].localeCompare(b[0]));
        return { tag: h.localName, attrs, width: box.width, height: box.height };
      }),
      openRoots: hosts.filter((h) => h.shadowRoot !== null).length,
    };
  });
}

/** Waits until the bar shows its counts and every save button its state (answers arrived). */
async function settled(roots: Roots): Promise<void> {
  await waitInRoots(
    roots,
    (_arg: null, rootOf) => {
      const bar = document.querySelector('citecast-episode');
      const counts = bar && rootOf(bar)?.querySelector('.counts')?.textContent;
      const saves = Array.from(document.querySelectorAll('citecast-source')).map((h) =>
        rootOf(h)?.querySelector('button[data-action="save"]'),
      );
      return (
        !!counts && saves.length > 0 && saves.every((b) => !b || b.hasAttribute('aria-pressed'))
      );
    },
    null,
    'the controls never showed their states',
  );
  // The answers are rendered on a short timer; the page is read after they all landed.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

/** `aria-pressed` of every `action` button, in page order, read through the roots. */
function pressed(roots: Roots, action: string): Promise<(string | null)[]> {
  return roots.evaluate(
    (action, rootOf) =>
      Array.from(document.querySelectorAll('citecast-episode, citecast-source')).flatMap((h) =>
        Array.from(rootOf(h)?.querySelectorAll(`button[data-action="${action}"]`) ?? []).map((b) =>
          b.getAttribute('aria-pressed'),
        ),
      ),
    action,
  );
}

/** Checks what the page sees before and after a save and a heard, and that it learned nothing. */
async function learnsNothing(
  page: { evaluate: Page['evaluate'] },
  roots: Roots,
  what: string,
): Promise<void> {
  await settled(roots);
  const before = await pageView(page);
  assert(before.hosts.length >= 5, `${what}: too few hosts: ${before.hosts.length}`);
  // Every way the page learns something is listed, not only the first.
  const problems: string[] = [];
  if (before.openRoots > 0) problems.push(`the page reads ${before.openRoots} shadow roots`);
  if (before.html.some(([name]) => name.startsWith('data-citecast'))) {
    problems.push(`<html> says Citecast runs: ${JSON.stringify(before.html)}`);
  }
  await roots.click('citecast-source', 'button[data-action="save"]', 0);
  await roots.click('citecast-episode', 'button[data-action="heard"]', 0);
  await waitInRoots(
    roots,
    (_arg: null, rootOf) => {
      const bar = document.querySelector('citecast-episode');
      const source = document.querySelector('citecast-source');
      const on = (h: Element | null, action: string) =>
        h &&
        rootOf(h)
          ?.querySelector(`button[data-action="${action}"]`)
          ?.getAttribute('aria-pressed') === 'true';
      return on(bar, 'heard') && on(source, 'save');
    },
    null,
    `${what}: the listener's clicks did not save and mark heard`,
  );
  await settled(roots);
  const after = await pageView(page);
  const attrs = (v: PageView) => JSON.stringify([v.html, v.hosts.map((h) => h.attrs)]);
  const sizes = (v: PageView) => JSON.stringify(v.hosts.map((h) => [h.tag, h.width, h.height]));
  if (attrs(after) !== attrs(before)) {
    problems.push(`attributes changed:\n  ${attrs(before)}\n  ${attrs(after)}`);
  }
  if (sizes(after) !== sizes(before)) {
    problems.push(`sizes changed:\n  ${sizes(before)}\n  ${sizes(after)}`);
  }
  // The fixed slots still fit their longest words ("Heard 4 Dec 2026", "Lagret").
  const clipped = await roots.evaluate(
    (_arg: null, rootOf) =>
      Array.from(document.querySelectorAll('citecast-episode, citecast-source')).flatMap((h) =>
        Array.from(
          rootOf(h)?.querySelectorAll<HTMLElement>(
            'button[data-action="save"], button[data-action="heard"], .ep-state',
          ) ?? [],
        )
          .filter((el) => el.scrollWidth > el.clientWidth)
          .map((el) => el.textContent),
      ),
    null,
  );
  if (clipped.length > 0) problems.push(`labels cut off: ${JSON.stringify(clipped)}`);
  assert(problems.length === 0, `${what}: ${problems.join('\n')}`);
}

/**
 * The arXiv decorations tell the page nothing either. A page with an arXiv source and two
 * title-only ones, as a new listener sees it, then loaded again after the listener linked one
 * title to arXiv (it now shows "linked", "unlink" and opens its PDF) and turned lookups on (every
 * arXiv source offers its abstract): each host keeps its size, and no slot overflows.
 */
async function arxivLearnsNothing(s: ChromiumSession, what: string): Promise<void> {
  const open = async () => {
    const page = await s.context.newPage();
    await page.route(SITE.url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: scholarPage() }),
    );
    await page.goto(SITE.url);
    await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
    await settled(chromiumRoots(page));
    return page;
  };
  /** Per source: its slot's state, the buttons it shows, and whether the slot overflows. */
  const decorations = (page: Page) =>
    chromiumRoots(page).evaluate(
      (_arg: null, rootOf) =>
        Array.from(document.querySelectorAll('citecast-source')).map((host) => {
          const root = rootOf(host);
          const box = root?.querySelector<HTMLElement>('.arxiv');
          return {
            state: box?.dataset.arxivState ?? null,
            actions: Array.from(root?.querySelectorAll('button[data-action]') ?? []).map((b) =>
              b.getAttribute('data-action')!,
            ),
            overflows: !!box && box.scrollWidth > box.clientWidth,
            widths: box ? [box.scrollWidth, box.clientWidth] : null,
          };
        }),
      null,
    );
  const first = await open();
  const before = await pageView(first);
  const plain = await decorations(first);
  assert(
    plain.length === 3 && plain.every((d) => d.state === null && !d.actions.includes('arxiv-info')),
    `${what}: the page shows arXiv decorations before any lookup: ${JSON.stringify(plain)}`,
  );
  await first.close();
  const extension = await s.context.newPage();
  await extension.goto(`chrome-extension://${s.extensionId}/popup.html`);
  const link = (await request(extension, 'linkArxiv', {
    title: TITANS,
    arxivId: '2501.00663',
  })) as { ok: boolean };
  assert(link.ok, `${what}: linkArxiv failed: ${JSON.stringify(link)}`);
  await s.worker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { storage: { local: { set(v: unknown): Promise<void> } } };
      }
    ).chrome.storage.local.set({ 'citecast.settings': { arxivLookup: true } }),
  );
  await extension.close();
  const page = await open();
  let shown = await decorations(page);
  for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
    if (
      shown[1]?.state === 'linked' &&
      shown.filter((d) => d.actions.includes('arxiv-info')).length === 2
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
    shown = await decorations(page);
  }
  assert(
    shown[1]?.state === 'linked' &&
      shown[1].actions.includes('open-pdf') &&
      shown[1].actions.includes('arxiv-unlink') &&
      shown[0]!.actions.includes('arxiv-info'),
    `${what}: the link and the setting did not show: ${JSON.stringify(shown)}`,
  );
  const after = await pageView(page);
  const problems: string[] = [];
  const sizes = (v: PageView) => JSON.stringify(v.hosts.map((h) => [h.tag, h.width, h.height]));
  if (sizes(after) !== sizes(before)) {
    problems.push(`sizes changed:\n  ${sizes(before)}\n  ${sizes(after)}`);
  }
  const attrs = (v: PageView) => JSON.stringify([v.html, v.hosts.map((h) => h.attrs)]);
  if (attrs(after) !== attrs(before)) {
    problems.push(`attributes changed:\n  ${attrs(before)}\n  ${attrs(after)}`);
  }
  if (shown.some((d) => d.overflows)) problems.push(`a slot overflows: ${JSON.stringify(shown)}`);
  // "Find PDFs" without the permission: the bar says so (it opens the permission window too),
  // over the page, so the bar keeps its size whatever a lookup answers.
  const roots = chromiumRoots(page);
  const grant = s.context.waitForEvent('page', { timeout: 5_000 }).catch(() => null);
  await roots.click('citecast-episode', 'button[data-action="find-pdfs"]');
  await waitInRoots(
    roots,
    (_arg: null, rootOf) => {
      const bar = document.querySelector('citecast-episode');
      return !!(bar && rootOf(bar)?.querySelector('.status')?.textContent);
    },
    null,
    `${what}: the bar said nothing after "Find PDFs"`,
  );
  const saying = await pageView(page);
  if (sizes(saying) !== sizes(after)) {
    problems.push(`a message changed the sizes:\n  ${sizes(after)}\n  ${sizes(saying)}`);
  }
  await (await grant)?.close();
  assert(problems.length === 0, `${what}: ${problems.join('\n')}`);
  await page.close();
}

/**
 * The listener opens "choose", the page script ticks every box it can reach, the listener presses
 * "save checked": nothing is saved that was not before.
 */
async function ticksSaveNothing(page: { evaluate: Page['evaluate'] }, roots: Roots): Promise<void> {
  await settled(roots);
  const before = await pressed(roots, 'save');
  await roots.click('citecast-episode', 'button[data-action="choose"]');
  await waitInRoots(
    roots,
    (_a: null, rootOf) =>
      !!rootOf(document.querySelector('citecast-episode')!)?.querySelector('.panel.choose'),
    null,
    'the choose panel did not open',
  );
  const ticked = await page.evaluate(() => {
    let n = 0;
    for (const host of Array.from(document.querySelectorAll('citecast-episode'))) {
      for (const box of Array.from(
        host.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [],
      )) {
        box.checked = true;
        n++;
      }
    }
    return n;
  });
  await roots.click('citecast-episode', 'button[data-action="save-checked"]');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = await pressed(roots, 'save');
  assert(
    JSON.stringify(after) === JSON.stringify(before),
    `the page ticked ${ticked} boxes and saved: ${JSON.stringify([before, after])}`,
  );
}

/** Opens the site's episode page in Chromium, its mp3 answered by a WAV. */
async function openSite(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.route('https://podcast.do-not-panic.com/episodes/*.mp3', serveWav);
  await page.goto(SITE.url);
  await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** Registers and runs the privacy tests in Chromium, in `locale`. */
async function runChromiumPrivacy(locale: string): Promise<void> {
  let session: ChromiumSession | undefined;
  const started = await test(`privacy (${locale}): Chromium starts`, async () => {
    session = await launchChromium({
      headless: true,
      locale,
      args: ['--autoplay-policy=no-user-gesture-required'],
    });
  });
  if (!started || !session) return;
  const s = session;
  try {
    // First, on a fresh library: the episode has no listen yet.
    await test(`privacy (${locale}): the player's faked events log nothing`, async () => {
      const page = await openSite(s);
      await settled(chromiumRoots(page));
      // The page's own player loads its media (the fixture's is `preload="none"`).
      await page.evaluate(() => {
        const audio = document.querySelector('audio')!;
        audio.preload = 'metadata';
        audio.load();
      });
      await page.waitForFunction(() => (document.querySelector('audio')?.readyState ?? 0) >= 1);
      await page.evaluate(async () => {
        const audio = document.querySelector('audio')!;
        for (const type of [
          'play',
          'playing',
          'timeupdate',
          'seeking',
          'seeked',
          'pause',
          'ended',
        ]) {
          audio.dispatchEvent(new Event(type));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const extension = await s.context.newPage();
      await extension.goto(`chrome-extension://${s.extensionId}/popup.html`);
      const reply = (await request(extension, 'listenStates', { episodeKeys: [SITE_STEM] })) as {
        ok: boolean;
        value: Record<string, { state: string; position: number; duration: number | null }>;
      };
      assert(reply.ok, `listenStates failed: ${JSON.stringify(reply)}`);
      const listen = reply.value[SITE_STEM];
      assert(
        listen?.state === 'unheard' && listen.duration === null,
        `faked events were logged: ${JSON.stringify(listen)}`,
      );
      await extension.close();
      await page.close();
    });
    await test(`privacy (${locale}): roots, attributes and sizes tell the page nothing`, async () => {
      const page = await openSite(s);
      await learnsNothing(page, chromiumRoots(page), `chromium ${locale}`);
      await page.close();
    });

    await test(`privacy (${locale}): a page script ticking "choose" boxes saves nothing`, async () => {
      const page = await openSite(s);
      await ticksSaveNothing(page, chromiumRoots(page));
      await page.close();
    });
    await test(`privacy (${locale}): arXiv decorations keep the hosts' sizes when a title is linked and lookups turn on`, async () => {
      await arxivLearnsNothing(s, `chromium ${locale}`);
    });
    if (locale === 'en-US') {
      await test('privacy: on a Spotify page of another show Citecast reads and inserts nothing, until the page navigates to the show’s', async () => {
        const page = await s.context.newPage();
        const show = readFileSync(join(ROOT, SPOTIFY.file), 'utf8');
        const other = show.replaceAll('AI Post Transformers', 'Some Other Show');
        const otherUrl = 'https://open.spotify.com/episode/0000000000000000000000';
        await page.route(otherUrl, (route) =>
          route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: other }),
        );
        await page.goto(otherUrl);
        await page.waitForTimeout(2_500);
        const dormant = await pageView(page);
        assert(
          dormant.hosts.length === 0 &&
            !dormant.html.some(([name]) => name.startsWith('data-citecast')),
          `Citecast acted on another show's page: ${JSON.stringify(dormant)}`,
        );
        // The single-page app navigates to the show's episode in place.
        await page.evaluate(
          ([html, url]) => {
            const doc = new DOMParser().parseFromString(html, 'text/html');
            history.pushState({}, '', url);
            document.title = doc.title;
            document.body.replaceWith(document.adoptNode(doc.body));
          },
          [show, SPOTIFY.url] as const,
        );
        await page
          .locator('citecast-episode')
          .first()
          .waitFor({ state: 'attached', timeout: 10_000 });
        await page.close();
      });
    }
  } finally {
    await s.close();
  }
}

/** Registers and runs the privacy tests in Firefox, with the browser language `language`. */
async function runFirefoxPrivacy(language: string): Promise<void> {
  let browser: Browser | undefined;
  const started = await test(`privacy (firefox ${language}): Firefox starts`, async () => {
    browser = (await launchFirefox({ 'intl.accept_languages': language })).browser;
  });
  if (!started || !browser) return;
  const b = browser;
  try {
    await test(`privacy (firefox ${language}): roots, attributes and sizes tell the page nothing`, async () => {
      const page = await fixturePage(b);
      await page.goto(SITE.url);
      await page.waitForSelector('citecast-episode', { timeout: 10_000 });
      const lang = await page.evaluate(() => navigator.language);
      assert(lang.startsWith(language.slice(0, 2)), `the browser speaks ${lang}, not ${language}`);
      await learnsNothing(
        page as unknown as { evaluate: Page['evaluate'] },
        firefoxRoots(page),
        `firefox ${language}`,
      );
      await page.close();
    });

    await test(`privacy (firefox ${language}): a page script ticking "choose" boxes saves nothing`, async () => {
      const page = await fixturePage(b);
      await page.goto(SITE.url);
      await page.waitForSelector('citecast-episode', { timeout: 10_000 });
      await ticksSaveNothing(page as unknown as { evaluate: Page['evaluate'] }, firefoxRoots(page));
      await page.close();
    });
  } finally {
    await b.close();
  }
}

/** Every privacy test, in both browsers and both languages. */
export async function runPrivacy(): Promise<void> {
  console.log('privacy: what a host page can learn');
  // The fixture must be the page the tests think it is.
  assert(
    readFileSync(join(ROOT, SITE.file), 'utf8').includes('<audio'),
    'the fixture lost its player',
  );
  await runChromiumPrivacy('en-US');
  await runChromiumPrivacy('nb-NO');
  await runFirefoxPrivacy('en-US');
  await runFirefoxPrivacy('nb-NO');
}
