/**
 * Paper pages in Debian's firefox-esr (`--only paper`), as far as its driver reaches: it cannot
 * open the extension's own pages nor answer the browser's permission prompt, so "Show on paper
 * pages" cannot be turned on here, and the card itself is tested in Chromium (chromium-paper.ts).
 * What Firefox does test: with a citing episode read, our stand-in arXiv abstract gets no card
 * and no Citecast element, because without the permission no script runs there.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, fixtureResponse } from '@/tests/browser/fixture-pages.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';
import { paperResponse } from '@/tests/browser/paper-pages.ts';

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;

/** A tab serving the fixture pages and our stand-in paper pages; everything else refused. */
async function servedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const response = paperResponse(request.url()) ?? fixtureResponse(request.url());
    void (response ? request.respond(response) : request.abort('blockedbyclient'));
  });
  return page;
}

/** Runs the Firefox paper page test. */
export async function runFirefoxPaper(): Promise<void> {
  console.log('\nfirefox: paper pages');
  let firefox;
  try {
    firefox = await launchFirefox();
  } catch (error) {
    fail('firefox paper: start', error);
    return;
  }
  const { browser } = firefox;
  try {
    await test('firefox paper: without the permission no script runs on an arXiv abstract', async () => {
      const page = await servedPage(browser);
      await page.goto(SITE.url);
      await page.waitForFunction(() => document.querySelector('citecast-source') !== null, {
        timeout: 10_000,
      });
      await page.goto('https://arxiv.org/abs/2501.00663v1');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const found = await page.evaluate(() => ({
        title: document.title,
        citecast: document.querySelectorAll('citecast-discussed, citecast-episode, citecast-source')
          .length,
      }));
      assert(found.title.includes('2501.00663'), `the stand-in page did not load: ${found.title}`);
      assert(found.citecast === 0, `${found.citecast} Citecast elements on the arXiv page`);
    });
  } finally {
    await browser.close();
  }
}
