/**
 * The release archives `npm run zip` makes, installed as a user installs them: the Chrome archive
 * unpacked and loaded in Chromium, the Firefox archive as a temporary add-on in Firefox. Each must
 * annotate a fixture page, and the Chromium one must open its popup; the sources archive must hold
 * what a reviewer needs to build the same extension.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { launchChromium, launchFirefox, waitFor } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { fixturePage } from '@/tests/browser/firefox.ts';
import { assert, fail, test } from '@/tests/browser/harness.ts';

const OUTPUT = join(ROOT, process.env.CITECAST_OUTPUT ?? '.output');
const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** The archive for `kind` (`chrome`, `firefox` or `sources`), named with the package's version. */
export function archivePath(kind: 'chrome' | 'firefox' | 'sources'): string {
  return join(OUTPUT, `${name}-${version}-${kind}.zip`);
}

/** Unpacks `zipFile` into a new temporary folder and answers the folder. */
async function unpack(zipFile: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'citecast-archive-'));
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return dir;
}

const page = FIXTURE_PAGES[0]!;

/** Installs the three archives and checks each, in Chromium and Firefox. */
export async function runRelease(): Promise<void> {
  console.log('\nrelease archives');
  const missing = (['chrome', 'firefox', 'sources'] as const)
    .map(archivePath)
    .filter((file) => !existsSync(file));
  if (missing.length > 0) {
    fail('release archives exist', `missing ${missing.join(', ')}: run \`npm run zip\` first`);
    return;
  }

  await test('the sources archive holds what builds the extension', async () => {
    const zip = await JSZip.loadAsync(readFileSync(archivePath('sources')));
    for (const file of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']) {
      assert(zip.file(file), `the sources archive lacks ${file}`);
    }
    const names = Object.keys(zip.files);
    for (const folder of ['entrypoints/', 'lib/', 'components/']) {
      assert(
        names.some((n) => n.startsWith(folder)),
        `the sources archive lacks ${folder}`,
      );
    }
    assert(
      !names.some((n) => n.startsWith('node_modules/')),
      'the sources archive holds node_modules',
    );
  });

  const unpacked = await unpack(archivePath('chrome'));
  try {
    await test('the Chrome archive, loaded unpacked, reads a page and opens its popup', async () => {
      const session = await launchChromium({ headless: true, extension: unpacked });
      try {
        const tab = await session.context.newPage();
        await tab.goto(page.url);
        await tab.waitForFunction(
          (n) => document.getElementsByTagName('citecast-episode').length === n,
          page.counts.episodes,
          { timeout: 10_000 },
        );
        const popup = await session.context.newPage();
        await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
        await popup.locator('input[type="search"]').waitFor({ timeout: 10_000 });
      } finally {
        await session.close();
      }
    }, 60_000);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }

  await test('the Firefox archive, installed as a temporary add-on, reads a page', async () => {
    const { browser } = await launchFirefox({}, archivePath('firefox'));
    try {
      const tab = await fixturePage(browser);
      await tab.goto(page.url);
      await waitFor(
        () => tab.evaluate(() => document.getElementsByTagName('citecast-episode').length),
        (n) => n === page.counts.episodes,
        'citecast-episode elements on the page',
      );
    } finally {
      await browser.close();
    }
  }, 60_000);
}
