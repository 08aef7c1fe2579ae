/**
 * Real-browser smoke tests in Debian's firefox-esr (puppeteer-core over WebDriver BiDi), with the
 * Firefox build installed as a temporary add-on. Fixture pages are served at their real addresses
 * through puppeteer's request interception (it works over BiDi in Firefox 153 ESR), so the release
 * build is tested as is. Extension pages (moz-extension://) cannot be opened this way.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXT, requireBuild, which } from './browsers.ts';
import {
  checkCounts,
  checkElements,
  countElementsInPage,
  FIXTURE_PAGES,
  fixtureResponse,
  ROOT,
  UNSUPPORTED_PAGE,
  type SeenCounts,
} from './fixture-pages.ts';
import { assert, fail, test } from './harness.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

/** A new tab whose every request is answered by the fixtures or refused. */
async function fixturePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = fixtureResponse(request.url());
    void (response ? request.respond(response) : request.abort('blockedbyclient'));
  });
  return page;
}

async function contentScriptRan(page: Page, timeoutMs: number): Promise<boolean> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.citecast === 'ready', {
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

export async function runFirefox(): Promise<void> {
  console.log('firefox');
  mkdirSync(SHOTS, { recursive: true });
  let browser: Browser | undefined;
  const started = await test('extension installs as a temporary add-on', async () => {
    const executablePath = which('firefox-esr') ?? which('firefox');
    if (!executablePath) throw new Error('firefox-esr not found: apt-get install -y firefox-esr');
    requireBuild(FIREFOX_EXT);
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: true,
    });
    const id = await browser.installExtension(FIREFOX_EXT);
    assert(id === 'citecast@citecast.app', `installed as ${id}`);
  });
  if (!started || !browser) {
    await browser?.close();
    return;
  }

  try {
    for (const fixture of FIXTURE_PAGES) {
      await test(`content script reads ${fixture.url}`, async () => {
        const page = await fixturePage(browser!);
        const response = await page.goto(fixture.url);
        assert(response?.ok(), `fixture not served: ${response?.status()}`);
        assert(await contentScriptRan(page, 10_000), 'data-citecast="ready" never appeared');
        await checkCounts(() => seenCounts(page), fixture);
        await checkElements(() => page.evaluate(countElementsInPage));
        await page.screenshot({ path: join(SHOTS, `firefox-${fixture.name}.png`) });
        await page.close();
      });
    }

    await test('content script does not run on other hosts', async () => {
      const page = await fixturePage(browser!);
      await page.goto(UNSUPPORTED_PAGE.url);
      assert(
        !(await contentScriptRan(page, 1_500)),
        `content script ran on ${UNSUPPORTED_PAGE.url}`,
      );
      await page.close();
    });
  } catch (error) {
    fail('firefox suite', error);
  } finally {
    await browser.close();
  }
}
