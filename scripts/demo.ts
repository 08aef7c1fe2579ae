/**
 * `npm start` (after `npm run build`): opens Debian's chromium with the Chromium build loaded on the
 * bundled demo pages, each served at its real address; every other request is refused, so nothing
 * leaves the machine. With a display it stays open until the browser is closed; without one it runs
 * headless, prints what it found on each page and writes screenshots/demo-*.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchChromium } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { describeWithParser } from '@/scripts/demo-parser.ts';
import { writeStoreScreenshots } from '@/scripts/demo-store.ts';

const headed = !!process.env.DISPLAY;
const SHOTS = join(ROOT, 'screenshots');

const ensure = spawnSync('bash', [join(ROOT, 'scripts', 'ensure-browsers.sh'), 'chromium'], {
  stdio: 'inherit',
});
if (ensure.status !== 0) process.exit(1);

const session = await launchChromium({ headless: !headed }).catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { context, extensionId } = session;
console.log(
  `Citecast loaded in chromium (extension id ${extensionId}), ${headed ? 'headed' : 'headless'}\n`,
);
mkdirSync(SHOTS, { recursive: true });

for (const [i, fixture] of FIXTURE_PAGES.entries()) {
  // The first demo page reuses the blank tab the browser opens with.
  const page = (i === 0 ? context.pages()[0] : undefined) ?? (await context.newPage());
  await page.goto(fixture.url);
  const ran = await page
    .waitForFunction(
      () => document.querySelector('citecast-episode, citecast-source') !== null,
      null,
      {
        timeout: 5_000,
      },
    )
    .then(
      () => true,
      () => false,
    );
  const found = await page.evaluate(() => ({
    episodes: document.querySelectorAll('citecast-episode').length,
    sources: document.querySelectorAll('citecast-source').length,
    text: document.body.innerText,
  }));
  console.log(fixture.url);
  console.log(`  content script: ${ran ? 'ran' : 'did NOT run'}`);
  console.log(
    `  annotations: ${found.episodes} citecast-episode, ${found.sources} citecast-source`,
  );
  console.log(
    `  ${describeWithParser({ url: fixture.url, text: found.text, html: await page.content() })}`,
  );
  if (!headed) {
    const file = join(SHOTS, `demo-${fixture.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  screenshot: ${relative(ROOT, file)}`);
    await page.close();
  }
  console.log();
}

if (headed) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  console.log('Chromium is open on the demo pages. Close its window to end.');
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await session.close();
} else {
  for (const file of await writeStoreScreenshots(session)) {
    console.log(`store screenshot: ${relative(ROOT, file)}`);
  }
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="status"]')?.getAttribute('data-state') !== 'checking',
      null,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  // A toolbar popup is as wide as its page says and as tall as its content, up to the 600 px
  // browsers allow; the screenshot shows the whole of it at that size. The page is measured in a
  // short viewport, since a document is never shorter than the viewport it is shown in.
  const width = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
  await popup.setViewportSize({ width, height: 100 });
  const height = await popup.evaluate(() =>
    Math.min(600, Math.ceil(document.documentElement.scrollHeight)),
  );
  const size = { width, height };
  await popup.setViewportSize(size);
  const file = join(SHOTS, 'demo-popup.png');
  await popup.screenshot({ path: file });
  console.log(`popup: ${(await popup.getByTestId('status').textContent()) ?? ''}`);
  console.log(`  screenshot: ${relative(ROOT, file)} (${size.width}×${size.height})`);
  await session.close();
}
