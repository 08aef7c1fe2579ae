/**
 * The listening log in Debian's firefox-esr (puppeteer-core over WebDriver BiDi) with the Firefox
 * build: the test's WAV served at the fixture episode's mp3 address (with byte ranges), played at
 * 16× with autoplay allowed by a preference; the episode bar shows in progress, then heard (read
 * inside its closed root through WebDriver BiDi, as extension pages cannot be opened here).
 * `--only playback`.
 */
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { launchFirefox } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, fixtureResponse } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { barState, makeWav } from '@/tests/browser/chromium-playback.ts';
import { firefoxRoots, seen } from '@/tests/browser/roots.ts';
import { waitFor } from '@/tests/browser/browsers.ts';

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;

/** Answers the show's mp3s with `wav` (honouring `Range`), fixtures as usual, refuses the rest. */
function answer(request: HTTPRequest, wav: Buffer): void {
  if (request.isInterceptResolutionHandled()) return;
  const url = request.url();
  if (/^https:\/\/podcast\.do-not-panic\.com\/episodes\/[^/]+\.mp3$/.test(url)) {
    const range = /bytes=(\d+)-(\d*)/.exec(request.headers()['range'] ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
    void request.respond({
      status: range ? 206 : 200,
      headers: {
        'accept-ranges': 'bytes',
        ...(range ? { 'content-range': `bytes ${start}-${end}/${wav.length}` } : {}),
      },
      contentType: 'audio/wav',
      body: wav.subarray(start, end + 1),
    });
    return;
  }
  const response = fixtureResponse(url);
  void (response ? request.respond(response) : request.abort('blockedbyclient'));
}

/** Registers and runs the Firefox playback test in its own browser. */
export async function runFirefoxPlayback(): Promise<void> {
  console.log('firefox: listening log from the page’s player');
  let browser: Browser | undefined;
  const started = await test('firefox playback: add-on installs, autoplay allowed', async () => {
    browser = (
      await launchFirefox({ 'media.autoplay.default': 0, 'media.autoplay.blocking_policy': 0 })
    ).browser;
  });
  if (!started || !browser) {
    await browser?.close();
    return;
  }
  try {
    await test('firefox playback: 16× play goes in progress, then heard', async () => {
      const wav = makeWav(60);
      const page = await browser!.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => answer(request, wav));
      await page.goto(SITE.url);
      await page.waitForSelector('citecast-episode', { timeout: 10_000 });
      const roots = firefoxRoots(page);
      const state = () => barState(roots);
      await waitFor(state, (st) => st === 'unheard', 'the bar is not new', 5_000);
      await page.evaluate(async () => {
        const audio = document.querySelector('audio')!;
        audio.playbackRate = 16;
        await audio.play();
      });
      await waitFor(state, (st) => st === 'in_progress', 'never in progress', 10_000);
      await waitFor(state, (st) => st === 'heard', 'never heard', 20_000, 250);
      const pressed =
        (await seen(roots, 'citecast-episode', 'button[data-action="heard"]'))?.attrs[
          'aria-pressed'
        ] ?? null;
      assert(pressed === 'true', `heard toggle aria-pressed=${pressed}`);
      await page.close();
    }, 45_000);
  } finally {
    await browser.close();
  }
}
