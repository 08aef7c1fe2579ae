/** Real-browser smoke tests in Debian's chromium (playwright-core), with the Chromium build. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_EXT, launchChromium, type ChromiumSession } from './browsers.ts';
import {
  checkCounts,
  FIXTURE_PAGES,
  ROOT,
  UNSUPPORTED_PAGE,
  type SeenCounts,
} from './fixture-pages.ts';
import { assert, fail, test } from './harness.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** Whether the content script marked the page within `timeoutMs`. */
async function contentScriptRan(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.citecast === 'ready', null, {
      timeout: timeoutMs,
    });
    return true;
  } catch {
    return false;
  }
}

/** The counts the content script recorded on `<html>`. */
function seenCounts(page: Page): Promise<SeenCounts> {
  return page.evaluate(() => ({
    episodes: document.documentElement.dataset.citecastEpisodes ?? null,
    sources: document.documentElement.dataset.citecastSources ?? null,
  }));
}

/** The protocol's answer to `type` with `data`, asked from an extension page as @webext-core/messaging asks. */
function request(page: Page, type: string, data?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([type, data]) => {
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      };
      const envelope = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
      const reply = (await chrome.runtime.sendMessage(envelope)) as { res?: unknown } | undefined;
      return reply && 'res' in reply ? reply.res : reply;
    },
    [type, data] as const,
  );
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

    for (const fixture of FIXTURE_PAGES) {
      await test(`content script reads ${fixture.url}`, async () => {
        const page = await context.newPage();
        const response = await page.goto(fixture.url);
        assert(response?.ok(), `fixture not served: ${response?.status()}`);
        assert(await contentScriptRan(page, 10_000), 'data-citecast="ready" never appeared');
        await checkCounts(() => seenCounts(page), fixture);
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

      // The extension reloaded: a new service worker, the store opened again from disk. Chromium
      // (137+) disables an unpacked extension on reload unless developer mode is on, as it is for
      // anyone who loaded Citecast unpacked; a fresh profile has it off, so turn it on first.
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
  } catch (error) {
    fail('chromium suite', error);
  } finally {
    await session.close();
  }
}
