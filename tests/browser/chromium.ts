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
  } catch (error) {
    fail('chromium suite', error);
  } finally {
    await session.close();
  }
}
