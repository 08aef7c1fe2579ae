/** Real-browser smoke tests in Debian's chromium (playwright-core), with the Chromium build. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  CHROME_EXT,
  launchChromium,
  request,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import {
  checkCounts,
  countElementsInPage,
  FIXTURE_PAGES,
  TEST_PAGES,
  ROOT,
  UNSUPPORTED_PAGE,
  waitCounts,
} from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, pressedIs, seenAll, waitSeen } from '@/tests/browser/roots.ts';

/** A source's save toggle inside its root. */
const SAVE = 'button[data-action="save"]';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** Whether the content script placed its elements in the page within `timeoutMs`. */
async function contentScriptRan(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => document.querySelector('citecast-episode, citecast-source') !== null,
      null,
      { timeout: timeoutMs },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Reloads the extension: a new service worker, the store opened again from disk. Chromium (137+)
 * disables an unpacked extension on reload unless developer mode is on, as it is for anyone who
 * loaded Citecast unpacked; a fresh profile has it off, so it is turned on first.
 */
async function reloadExtension(context: BrowserContext, extensionId: string): Promise<void> {
  const extensionsPage = await context.newPage();
  await extensionsPage.goto('chrome://extensions');
  const developerMode = await extensionsPage.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        developerPrivate: {
          updateProfileConfiguration(c: { inDeveloperMode: boolean }): Promise<void>;
          getProfileConfiguration(): Promise<{ inDeveloperMode: boolean }>;
        };
      };
    };
    await chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true });
    return (await chrome.developerPrivate.getProfileConfiguration()).inDeveloperMode;
  });
  assert(developerMode, 'developer mode did not turn on');
  await extensionsPage.close();
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  assert(worker, 'no service worker to reload');
  const restarted = context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().includes(extensionId) && w !== worker,
    timeout: 10_000,
  });
  await worker
    .evaluate(() => {
      (
        globalThis as unknown as { chrome: { runtime: { reload(): void } } }
      ).chrome.runtime.reload();
    })
    .catch(() => undefined); // The worker may die before it answers.
  await restarted;
}

/** Clicks, as the user, the save button of the first source citing arXiv `id`. */
function clickSave(page: Page, id: string): Promise<void> {
  return chromiumRoots(page).click(`citecast-source[data-arxiv-id="${id}"]`, SAVE);
}

/** Waits until the first source citing `id` shows `aria-pressed="want"` on its save button. */
async function waitSaved(page: Page, id: string, what: string, want: 'true' | 'false' = 'true') {
  await waitSeen(
    chromiumRoots(page),
    `citecast-source[data-arxiv-id="${id}"]`,
    SAVE,
    pressedIs(want),
    `arXiv ${id} does not show aria-pressed=${want} ${what}`,
  );
}

/** Opens `url` (a fixture) in a new tab and waits for the content script's annotation. */
async function openAnnotated(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  assert(await contentScriptRan(page, 10_000), `the content script did not run on ${url}`);
  await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** `value` as JSON, for assertion messages. */
const json = (value: unknown) => JSON.stringify(value);

export async function runChromium(): Promise<void> {
  console.log('chromium');
  mkdirSync(SHOTS, { recursive: true });
  const version = (
    JSON.parse(readFileSync(join(CHROME_EXT, 'manifest.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  let session: ChromiumSession | undefined;
  const started = await test('extension loads and its service worker starts', async () => {
    session = await launchChromium({ headless: true });
    assert(/^[a-p]{32}$/.test(session.extensionId), `odd extension id ${session.extensionId}`);
  });
  if (!started || !session) return;
  const { context, extensionId } = session;

  try {
    await test('popup renders "Citecast" and the background answers ping', async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setViewportSize({ width: 360, height: 200 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await page.getByRole('heading', { name: 'Citecast' }).waitFor({ timeout: 5_000 });
      const status = page.getByTestId('status');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="status"]')?.getAttribute('data-state') !==
          'checking',
        null,
        { timeout: 5_000 },
      );
      const text = (await status.textContent()) ?? '';
      assert(text.includes(`Ready · v${version}`), `popup status is "${text}"`);
      const reply = await page.evaluate(() => {
        const { chrome } = globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
        };
        return chrome.runtime.sendMessage({ type: 'ping' });
      });
      assert(
        JSON.stringify(reply) === JSON.stringify({ ok: true, version }),
        `ping answered ${JSON.stringify(reply)}`,
      );
      await page.screenshot({ path: join(SHOTS, 'chromium-popup.png') });
      assert(errors.length === 0, `console errors: ${errors.join(' | ')}`);
      await page.close();
    });

    for (const fixture of [...FIXTURE_PAGES, ...TEST_PAGES]) {
      await test(`content script reads ${fixture.url}`, async () => {
        const page = await context.newPage();
        const response = await page.goto(fixture.url);
        assert(response?.ok(), `fixture not served: ${response?.status()}`);
        assert(await contentScriptRan(page, 10_000), 'the content script placed nothing');
        await checkCounts(() => page.evaluate(countElementsInPage), fixture);
        await page.screenshot({
          path: join(SHOTS, `chromium-${fixture.name}.png`),
          fullPage: true,
        });
        await page.close();
      });
    }

    await test('content script does not run on other hosts', async () => {
      const page = await context.newPage();
      await page.goto(UNSUPPORTED_PAGE.url);
      // Give it the same chance as on a supported page; a supported page is marked well within this.
      assert(
        !(await contentScriptRan(page, 1_500)),
        `content script ran on ${UNSUPPORTED_PAGE.url}`,
      );
      await page.close();
    });

    await test('a paper saved through the message API stays saved across popups, a new service worker and an extension reload', async () => {
      const key = 'arxiv:2501.00663';
      const saved = { ok: true, value: { [key]: true } };
      const listener = await context.newPage();
      await listener.goto(`chrome-extension://${extensionId}/popup.html`);
      // An open extension page hears about the change (the broadcast after each write).
      await listener.evaluate(() => {
        const g = globalThis as unknown as {
          changes: unknown[];
          chrome: { runtime: { onMessage: { addListener(f: (m: unknown) => void): void } } };
        };
        g.changes = [];
        g.chrome.runtime.onMessage.addListener((m) => {
          if ((m as { type?: unknown }).type === 'storeChanged') g.changes.push(m);
        });
      });
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      const source = {
        title: 'Titans: Learning to Memorize at Test Time',
        authors: ['Ali Behrouz'],
        year: 2024,
        url: 'https://arxiv.org/abs/2501.00663v1',
        arxivId: '2501.00663',
        doi: null,
        pdfUrl: 'https://arxiv.org/pdf/2501.00663v1',
      };
      const reply = await request(popup, 'savePaper', { source, episodeKey: null });
      assert(
        (reply as { ok?: boolean; value?: { key?: string } })?.value?.key === key,
        `savePaper answered ${json(reply)}`,
      );
      let states = await request(popup, 'savedStates', { keys: [key] });
      assert(json(states) === json(saved), `savedStates answered ${json(states)}`);
      const refused = await request(popup, 'savePaper', {
        source: { ...source, url: 'javascript:alert(1)' },
      });
      assert(
        (refused as { error?: { code?: string } })?.error?.code === 'invalid',
        `a javascript: URL was not refused: ${json(refused)}`,
      );
      await listener.waitForFunction(
        (key) =>
          (
            globalThis as unknown as { changes: { data: { kind: string; keys: string[] } }[] }
          ).changes.some((c) => c.data.kind === 'papers' && c.data.keys?.includes(key)),
        key,
        { timeout: 5_000 },
      );
      const status = await request(popup, 'storeStatus');
      assert((status as { ok?: boolean })?.ok === true, `storeStatus answered ${json(status)}`);
      await listener.close();
      await popup.close();

      // Closed and reopened popup.
      const again = await context.newPage();
      await again.goto(`chrome-extension://${extensionId}/popup.html`);
      states = await request(again, 'savedStates', { keys: [key] });
      assert(json(states) === json(saved), `after reopening the popup: ${json(states)}`);
      await again.close();

      await reloadExtension(context, extensionId);
      const reloaded = await context.newPage();
      let after: unknown = null;
      // The new worker takes a moment to register its listeners.
      for (let attempt = 0; attempt < 20; attempt++) {
        await reloaded.goto(`chrome-extension://${extensionId}/popup.html`);
        after = await request(reloaded, 'savedStates', { keys: [key] }).catch((e: unknown) =>
          String(e),
        );
        if (json(after) === json(saved)) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert(json(after) === json(saved), `after the extension reload: ${json(after)}`);
      await reloaded.close();
    });

    await test('annotation: controls in place, a click saves without following the Podimo link, and the saved mark shows on another page, after a reload and after an extension reload', async () => {
      const id = '2408.07326';
      const podimo = FIXTURE_PAGES.find((p) => p.name === 'podimo-episode')!;
      const apple = FIXTURE_PAGES.find((p) => p.name === 'apple-episode')!;
      const page = await openAnnotated(context, podimo.url);
      const navigations: string[] = [];
      page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
      // Every control is a named button; the episode bar says how many sources it has.
      const roots = chromiumRoots(page);
      await waitSeen(
        roots,
        'citecast-episode',
        '.counts',
        (c) => c?.text === '22 sources · 0 saved',
        'the third bar does not count its sources',
        2,
      );
      const names = (await seenAll(roots, 'citecast-source, citecast-episode', 'button'))
        .filter((b) => b.shown)
        .map((b) => b.attrs['aria-label'] ?? '');
      assert(
        names.length > 40 && names.every((n) => n.length > 0),
        `button names: ${json(names.slice(0, 5))}`,
      );
      // The source sits inside a list item that Podimo wraps in a link.
      const inLink = await page.evaluate(
        (id) =>
          !!document.querySelector(`citecast-source[data-arxiv-id="${id}"]`)?.closest('a[href]'),
        id,
      );
      assert(inLink, 'the test source is not inside a link-wrapped list item');
      const before = page.url();
      await clickSave(page, id);
      await waitSaved(page, id, 'after its click');
      await roots.click('citecast-episode', 'button[data-action="heard"]', 2);
      await waitSeen(
        roots,
        'citecast-episode',
        'button[data-action="heard"]',
        pressedIs('true'),
        'the third bar is not heard after its click',
        2,
      );
      await page.waitForTimeout(300);
      assert(
        page.url() === before && navigations.length === 0,
        `the click navigated to ${json(navigations)}`,
      );
      await waitSeen(
        roots,
        'citecast-episode',
        '.counts',
        (c) => c?.text === '22 sources · 1 saved',
        'the third bar does not count the save',
        2,
      );
      await page.screenshot({ path: join(SHOTS, 'chromium-annotated-podimo.png'), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({
        path: join(SHOTS, 'chromium-annotated-podimo-dark.png'),
        fullPage: true,
      });

      // Another page citing the same paper, opened after the save; it goes live too.
      const other = await openAnnotated(context, apple.url);
      await waitSaved(other, id, `on ${apple.name}`);
      await other.screenshot({ path: join(SHOTS, 'chromium-annotated-apple.png'), fullPage: true });
      // A page that is open while the paper is unsaved elsewhere follows storeChanged.
      await clickSave(page, id);
      await waitSaved(other, id, 'after unsaving it in another tab', 'false');
      await clickSave(page, id);
      await waitSaved(other, id, 'after saving it again in another tab');
      await other.reload();
      await waitSaved(other, id, `on ${apple.name} after a reload`);
      await other.close();
      await page.close();

      await reloadExtension(context, extensionId);
      let after: Page | null = null;
      // The new worker takes a moment to register its listeners.
      for (let attempt = 0; attempt < 10; attempt++) {
        after = await openAnnotated(context, apple.url);
        try {
          await waitSaved(after, id, 'after the extension reload');
          break;
        } catch (error) {
          await after.close();
          after = null;
          if (attempt === 9) throw error;
        }
      }
      await after?.close();
    }, 60_000);

    await test('page keys: j then s saves the first source, s in a page input does nothing, ? shows the help and Esc closes it', async () => {
      const site = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
      const page = await openAnnotated(context, site.url);
      const roots = chromiumRoots(page);
      const first = async () =>
        (await seenAll(roots, 'citecast-source', SAVE))[0]?.attrs['aria-pressed'];
      const waitFirst = (want: 'true' | 'false', what: string) =>
        waitSeen(roots, 'citecast-source', SAVE, pressedIs(want), what);
      await waitSeen(roots, 'citecast-source', 'button', (b) => b !== null, 'no source controls');
      // An earlier test saved this paper: it starts unsaved here, and is saved again at the end.
      await page.waitForTimeout(300);
      const before = await first();
      if (before === 'true') {
        await roots.click('citecast-source', SAVE);
        await waitFirst('false', 'the first source did not unsave');
      }
      const flipped = 'true';
      // Typed into a page field, the keys are the page's.
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'page-field';
        document.body.prepend(input);
      });
      await page.focus('#page-field');
      await page.keyboard.type('js');
      await page.waitForTimeout(300);
      assert(
        (await page.inputValue('#page-field')) === 'js',
        'the page field did not get its text',
      );
      assert((await first()) === 'false', `s in a page field saved: ${await first()}`);
      assert(
        (await page.locator('citecast-source[data-citecast-focus]').count()) === 0,
        'j in a page field moved the focus ring',
      );
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('j');
      assert(
        await page.evaluate(
          () =>
            document.querySelector('citecast-source')?.hasAttribute('data-citecast-focus') ?? false,
        ),
        'j did not focus the first source',
      );
      await page.keyboard.press('s');
      await waitFirst(flipped, 's did not save the focused source');
      await page.keyboard.press('?');
      await waitSeen(
        roots,
        'citecast-help',
        '[role="dialog"]',
        (d) => d?.attrs['aria-label'] === 'Citecast keys' && d.shown,
        'the key help did not open',
      );
      await page.setViewportSize({ width: 900, height: 700 });
      await page.locator('citecast-episode').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'chromium-keys-help.png') });
      await page.keyboard.press('Escape');
      assert((await page.locator('citecast-help').count()) === 0, 'Esc left the help open');
      assert(
        (await page.locator('citecast-source[data-citecast-focus]').count()) === 0,
        'Esc left the focus ring',
      );
      // Back as it was, so later tests start as before.
      if (before !== 'true') {
        await page.keyboard.press('j');
        await page.keyboard.press('s');
      }
      await waitFirst(before === 'true' ? 'true' : 'false', 'the first source is not as before');
      await page.close();
    });

    await test('annotation: running again after the page changes never duplicates, and orphans go', async () => {
      const podimo = FIXTURE_PAGES.find((p) => p.name === 'podimo-show-lazy')!;
      const page = await openAnnotated(context, podimo.url);
      const count = () => page.evaluate(countElementsInPage);
      const full = podimo.countsAfterLoad ?? podimo.counts;
      await waitCounts(count, [full], 'after load');
      // A change elsewhere triggers a re-read; nothing doubles.
      await page.evaluate(() => document.body.append(document.createElement('div')));
      await page.waitForTimeout(600);
      await waitCounts(count, [full], 'after a re-read');
      // The page drops one list item: its hosts go with it, the others stay single.
      const dropped = await page.evaluate(() => {
        const item = document.querySelector('citecast-episode')?.closest('li, a, article');
        const hosts = {
          episodes: item?.getElementsByTagName('citecast-episode').length ?? 0,
          sources: item?.getElementsByTagName('citecast-source').length ?? 0,
        };
        item?.remove();
        return hosts;
      });
      assert(
        dropped.episodes === 1 && dropped.sources > 0 && dropped.sources < full.sources,
        `the dropped item held ${json(dropped)}`,
      );
      await page.waitForTimeout(600);
      await waitCounts(
        count,
        [{ episodes: full.episodes - 1, sources: full.sources - dropped.sources }],
        'after the page dropped an item',
      );
      await page.close();
    });
    await test('bar: copy the reading list puts Markdown on the clipboard and says "Copied"', async () => {
      const site = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(site.url).origin,
      });
      const page = await openAnnotated(context, site.url);
      const roots = chromiumRoots(page);
      await roots.click(
        'citecast-episode',
        'button[aria-label="Copy the reading list as Markdown (Citecast)"]',
      );
      await waitSeen(
        roots,
        'citecast-episode',
        '[role="status"]',
        (st) => st?.text === 'Copied',
        'the bar does not say Copied',
      );
      const text = await page.evaluate(() => navigator.clipboard.readText());
      assert(
        text.startsWith('# Synthetic Episode Title\n') &&
          text.includes('https://arxiv.org/pdf/2501.00663v1'),
        `clipboard: ${json(text.slice(0, 300))}`,
      );
      await page.close();
    });

    await test('Norwegian browser: the controls speak Bokmål', async () => {
      const nb = await launchChromium({ headless: true, locale: 'nb-NO' });
      try {
        const site = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
        const page = await openAnnotated(nb.context, site.url);
        const roots = chromiumRoots(page);
        await waitSeen(
          roots,
          'citecast-episode',
          '.counts',
          (c) => c?.text === '4 kilder · 0 lagret',
          'the bar does not count in Norwegian',
        );
        await waitSeen(
          roots,
          'citecast-episode',
          'button[data-action="heard"]',
          (b) => b?.attrs['aria-label'] === 'Merk episoden som hørt (Citecast)',
          'heard is not named in Norwegian',
        );
        await waitSeen(
          roots,
          'citecast-source',
          SAVE,
          (b) => b?.attrs['aria-label'] === 'Lagre denne artikkelen i Citecast',
          'save is not named in Norwegian',
        );
        await page.screenshot({ path: join(SHOTS, 'chromium-nb-site.png') });
        await page.close();
      } finally {
        await nb.close();
      }
    });
  } catch (error) {
    fail('chromium suite', error);
  } finally {
    await session.close();
  }
}
