/**
 * Real-browser tests of the listening log in Debian's chromium with the Chromium build:
 * a WAV written by the test (a minute of 8 kHz mono tone) is served, with byte ranges, at a
 * fixture episode's mp3 address; the page's own `<audio>` plays it at 16× (autoplay allowed by a
 * launch flag). The episode goes in progress, the bar offers to resume, a paper saved while it
 * plays keeps the moment, and playing to the end makes it heard. A seek to the end alone stays in
 * progress, and the month archive's list shows the state on each card. `--only playback`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import {
  launchChromium,
  request,
  waitFor,
  type ChromiumSession,
} from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { assert, test } from '@/tests/browser/harness.ts';
import { chromiumRoots, pressedIs, waitSeen, type Roots } from '@/tests/browser/roots.ts';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

const SITE = FIXTURE_PAGES.find((p) => p.name === 'site-episode')!;
const SITE_STEM = '2026-05-20-synthetic-episode-title-7cc949';
const MONTH_URL = 'https://podcast.do-not-panic.com/2026/05/index.html';
const HOME_URL = 'https://podcast.do-not-panic.com/';
const TITANS_STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';

/** Seconds of audio in the generated file. */
const SECONDS = 60;

/** A mono 16-bit PCM WAV of `seconds` of a quiet 440 Hz tone at 8 kHz. */
export function makeWav(seconds: number): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    buffer.writeInt16LE(Math.round(2000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  }
  return buffer;
}

const WAV = makeWav(SECONDS);

/** Answers a media request with the WAV, honouring `Range` (media elements need it to seek). */
export async function serveWav(route: Route): Promise<void> {
  const range = /bytes=(\d+)-(\d*)/.exec(route.request().headers()['range'] ?? '');
  if (!range) {
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' },
      body: WAV,
    });
    return;
  }
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), WAV.length - 1) : WAV.length - 1;
  await route.fulfill({
    status: 206,
    headers: {
      'content-type': 'audio/wav',
      'accept-ranges': 'bytes',
      'content-range': `bytes ${start}-${end}/${WAV.length}`,
    },
    body: WAV.subarray(start, end + 1),
  });
}

/** Opens `url` with the show's mp3s answered by the WAV (and `file` as the page, when given). */
async function openWithAudio(context: BrowserContext, url: string, file?: string): Promise<Page> {
  const page = await context.newPage();
  await page.route('https://podcast.do-not-panic.com/episodes/*.mp3', serveWav);
  if (file) {
    const body = readFileSync(join(ROOT, file), 'utf8');
    await page.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
  await page.goto(url);
  await page.locator('citecast-episode').first().waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** The listen of `key` as the background answers an extension page. */
async function listenOf(
  extension: Page,
  key: string,
): Promise<{ state: string; position: number; duration: number | null }> {
  const reply = (await request(extension, 'listenStates', { episodeKeys: [key] })) as {
    ok: boolean;
    value: Record<string, { state: string; position: number; duration: number | null }>;
  };
  assert(reply.ok, `listenStates failed: ${JSON.stringify(reply)}`);
  return reply.value[key]!;
}

/** Waits until the background says `key` is `state` (polled, up to `ms`). */
async function waitListen(extension: Page, key: string, state: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = await listenOf(extension, key);
  while (last.state !== state && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await listenOf(extension, key);
  }
  assert(last.state === state, `${key} is ${JSON.stringify(last)}, expected ${state}`);
}

/**
 * The listen state (`unheard`, `in_progress`, `heard`) the bar shows, inside its closed root, of
 * the episode whose `<audio>` plays `stem` (else of the first bar); `null` without a bar.
 */
export function barState(roots: Roots, stem?: string): Promise<string | null> {
  return roots.evaluate((stem, rootOf) => {
    const bars = Array.from(document.querySelectorAll('citecast-episode'));
    const audio = Array.from(document.querySelectorAll('audio')).find(
      (a) => !!stem && (a.querySelector('source')?.src ?? a.src).includes(stem),
    );
    const card = audio?.closest('.card');
    const bar = stem ? bars.find((b) => card?.contains(b)) : bars[0];
    const shown = rootOf(bar!)?.querySelector('.listen-state')?.getAttribute('data-state');
    if (!shown) return null;
    return shown === 'heard' ? 'heard' : shown === 'progress' ? 'in_progress' : 'unheard';
  }, stem ?? null);
}

/** Every bar's listen state, as {@link barState} reads one. */
function barStates(roots: Roots): Promise<(string | null)[]> {
  return roots.evaluate(
    (_arg: null, rootOf) =>
      Array.from(document.querySelectorAll('citecast-episode')).map((bar) => {
        const shown = rootOf(bar)?.querySelector('.listen-state')?.getAttribute('data-state');
        if (!shown) return null;
        return shown === 'heard' ? 'heard' : shown === 'progress' ? 'in_progress' : 'unheard';
      }),
    null,
  );
}

/** Registers and runs the playback tests in their own Chromium session. */
export async function runChromiumPlayback(): Promise<void> {
  console.log('chromium: listening log from the page’s player');
  mkdirSync(SHOTS, { recursive: true });
  let session: ChromiumSession | undefined;
  const started = await test('playback: extension loads with autoplay allowed', async () => {
    session = await launchChromium({
      headless: true,
      args: ['--autoplay-policy=no-user-gesture-required'],
    });
  });
  if (!started || !session) return;
  const { context, extensionId, worker } = session;
  const extension = await context.newPage();
  await extension.goto(`chrome-extension://${extensionId}/popup.html`);
  try {
    await test('playback: playing at 16× logs in progress, resume, saved moment, then heard', async () => {
      const page = await openWithAudio(context, SITE.url);
      assert((await listenOf(extension, SITE_STEM)).state === 'unheard', 'heard before playing');
      await page.evaluate(async () => {
        const audio = document.querySelector('audio')!;
        audio.playbackRate = 16;
        await audio.play();
      });
      await waitListen(extension, SITE_STEM, 'in_progress');
      await page.waitForFunction(() => document.querySelector('audio')!.currentTime >= 20, null, {
        timeout: 10_000,
      });
      const pausedAt = await page.evaluate(() => {
        const audio = document.querySelector('audio')!;
        audio.pause();
        return audio.currentTime;
      });
      assert(pausedAt < SECONDS - 5, `paused too late, at ${pausedAt}`);
      await page.waitForTimeout(500);
      const listen = await listenOf(extension, SITE_STEM);
      assert(listen.state === 'in_progress', `after pause: ${JSON.stringify(listen)}`);
      assert(
        Math.abs(listen.position - pausedAt) < 1,
        `position ${listen.position}, paused at ${pausedAt}`,
      );
      assert(
        listen.duration !== null && Math.abs(listen.duration - SECONDS) < 1,
        `duration ${listen.duration}`,
      );
      // After a reload the bar shows it, and offers to resume there; resume seeks and plays.
      await page.reload();
      await page.locator('citecast-episode').first().waitFor({ state: 'attached' });
      const roots = chromiumRoots(page);
      await waitFor(
        () => barState(roots),
        (st) => st === 'in_progress',
        'the bar is not in progress',
      );
      const RESUME = 'button[data-action="resume"]';
      const resume = await waitSeen(
        roots,
        'citecast-episode',
        RESUME,
        (b) => !!b && !('data-off' in b.attrs),
        'no resume offered',
        0,
        5_000,
      );
      await page
        .locator('citecast-episode')
        .first()
        .screenshot({
          path: join(SHOTS, 'chromium-playback-resume.png'),
        });
      const label = resume?.text ?? '';
      const clock = `0:${String(Math.floor(pausedAt)).padStart(2, '0')}`;
      assert(
        label.includes(clock),
        `resume button reads ${JSON.stringify(label)}, expected ${clock}`,
      );
      await roots.click('citecast-episode', RESUME);
      await page.waitForFunction(
        (at) => {
          const audio = document.querySelector('audio')!;
          return !audio.paused && audio.currentTime >= at;
        },
        Math.floor(pausedAt),
        { timeout: 5_000 },
      );
      // A paper saved while it plays keeps the moment.
      await roots.click(
        'citecast-source[data-arxiv-id="2501.00663"]',
        'button[data-action="save"]',
      );
      const papers = (await request(extension, 'recentPapers', { limit: 5 })) as {
        ok: boolean;
        value: { key: string; savedMoment?: { episodeKey: string; position: number } }[];
      };
      const moment = papers.value.find((p) => p.key === 'arxiv:2501.00663')?.savedMoment;
      assert(
        moment?.episodeKey === SITE_STEM && moment.position >= Math.floor(pausedAt),
        `saved moment ${JSON.stringify(moment)}`,
      );

      // Play to the end at 16×: heard.
      await page.evaluate(() => {
        document.querySelector('audio')!.playbackRate = 16;
      });
      await page.waitForFunction(() => document.querySelector('audio')!.ended, null, {
        timeout: 15_000,
      });
      await waitListen(extension, SITE_STEM, 'heard');
      await waitSeen(
        roots,
        'citecast-episode',
        'button[data-action="heard"]',
        pressedIs('true'),
        'the bar does not say heard',
        0,
        5_000,
      );
      await page.close();
    });

    await test('playback: a seek to the end alone stays in progress; the month list shows it', async () => {
      const page = await openWithAudio(
        context,
        MONTH_URL,
        'tests/fixtures/site/month-2026-05.html',
      );
      await page.evaluate(async (stem) => {
        const audio = Array.from(document.querySelectorAll('audio')).find((a) =>
          (a.querySelector('source')?.src ?? a.src).includes(stem),
        )!;
        audio.preload = 'auto';
        audio.load();
        await new Promise((resolve) =>
          audio.addEventListener('loadedmetadata', resolve, { once: true }),
        );
        audio.currentTime = audio.duration - 0.2;
        await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
        await audio.play();
        await new Promise((resolve) => audio.addEventListener('ended', resolve, { once: true }));
      }, TITANS_STEM);
      await waitListen(extension, TITANS_STEM, 'in_progress');
      await page.waitForTimeout(1_500);
      const listen = await listenOf(extension, TITANS_STEM);
      assert(listen.state === 'in_progress', `after the seek: ${JSON.stringify(listen)}`);
      assert(listen.position > SECONDS - 1, `position ${listen.position}`);
      const roots = chromiumRoots(page);
      await waitFor(
        () => barState(roots, TITANS_STEM),
        (st) => st === 'in_progress',
        'the Titans card is not in progress',
        5_000,
      );
      // Every card of the list shows its own state: the others are new.
      const states = await barStates(roots);
      assert(
        states.length >= 2 && states.every((s) => s !== null),
        `card states ${JSON.stringify(states)}`,
      );
      assert(
        states.filter((s) => s === 'in_progress').length === 1,
        `card states ${JSON.stringify(states)}`,
      );
      assert(
        (await barState(roots, TITANS_STEM)) === 'in_progress',
        'the Titans card is not in progress',
      );
      // The cards' bars, as a listener scrolling the archive sees them: one in progress, one new.
      for (const [i, name] of [
        [0, 'first'],
        [1, 'second'],
      ] as const) {
        await page
          .locator('citecast-episode')
          .nth(i)
          .screenshot({ path: join(SHOTS, `chromium-playback-month-card-${name}.png`) });
      }
      await page.close();
    });

    await test('catalog: the home page records every catalog episode; heard N of M', async () => {
      const page = await openWithAudio(context, HOME_URL, 'tests/fixtures/site/home.html');
      const deadline = Date.now() + 10_000;
      let stats: { ok: boolean; value?: { total: number; heard: number; unheardTotal: number } };
      do {
        await page.waitForTimeout(200);
        stats = (await request(extension, 'catalogStats', {
          offset: 0,
          limit: 50,
        })) as typeof stats;
      } while (stats.ok && (stats.value?.total ?? 0) < 5 && Date.now() < deadline);
      assert(stats.ok, `catalogStats failed: ${JSON.stringify(stats)}`);
      // The two episodes played above, plus the home page's four catalog entries (Titans once).
      assert(stats.value!.total >= 5, `catalog total ${stats.value!.total}`);
      assert(stats.value!.heard === 1, `heard ${stats.value!.heard}`);
      await page.close();
    });

    await test('feed: the background has no access to the feed until the user grants it', async () => {
      const granted = await worker.evaluate(() =>
        (
          globalThis as unknown as {
            chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
          }
        ).chrome.permissions.contains({ origins: ['https://podcast.do-not-panic.com/*'] }),
      );
      assert(granted === false, 'the content-script match already grants the feed host');
      const reply = (await request(extension, 'importFeed', {})) as {
        ok: boolean;
        error?: { code: string };
      };
      assert(
        !reply.ok && reply.error?.code === 'forbidden',
        `importFeed: ${JSON.stringify(reply)}`,
      );
    });
  } finally {
    await session.close();
  }
}
