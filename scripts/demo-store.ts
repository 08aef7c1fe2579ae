/**
 * The store listing's screenshots, made by the headless demo from the built extension and the
 * bundled demo pages, so that the listing never shows an older Citecast than the code. A few of
 * the demo episode's papers are saved first, so that the pages and the library show saved marks
 * and rows as a listener's would.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openExtensionPage, request, type ChromiumSession } from '@/tests/browser/browsers.ts';
import { FIXTURE_PAGES, ROOT } from '@/tests/browser/fixture-pages.ts';
import { readSavedPage } from '@/scripts/read-saved-page.ts';

/** The Chrome Web Store's screenshot size. */
export const STORE_SHOT = { width: 1280, height: 800 } as const;

/** Where the listing's screenshots are kept, beside its texts. */
export const STORE_SHOTS = join(ROOT, 'store', 'screenshots');

/** How long the saved marks may take to arrive after the controls appear. */
const SETTLE_MS = 1_000;

/** Saves the first `count` papers the first demo page cites, as its save buttons would. */
async function saveSomePapers(session: ChromiumSession, count: number): Promise<void> {
  const fixture = FIXTURE_PAGES[0]!;
  const episodes = readSavedPage(fixture.file, readFileSync(join(ROOT, fixture.file), 'utf8'), {
    url: fixture.url,
    now: new Date(),
  });
  const page = await openExtensionPage(session, 'library.html');
  try {
    const papers = episodes.flatMap((e) => e.sources).filter((s) => s.kind === 'paper');
    for (const source of papers.slice(0, count)) {
      const reply = (await request(page, 'savePaper', { source, episodeKey: null })) as {
        ok?: boolean;
      };
      if (!reply?.ok) throw new Error(`saving "${source.title}" failed: ${JSON.stringify(reply)}`);
    }
  } finally {
    await page.close();
  }
}

/** Writes the listing's screenshots into `store/screenshots/`; answers the files written. */
export async function writeStoreScreenshots(session: ChromiumSession): Promise<string[]> {
  mkdirSync(STORE_SHOTS, { recursive: true });
  await saveSomePapers(session, 4);
  const written: string[] = [];
  const shots = [
    { file: '1-podimo-episode.png', fixture: FIXTURE_PAGES[0]! },
    { file: '2-show-site-episode.png', fixture: FIXTURE_PAGES[1]! },
  ];
  for (const { file, fixture } of shots) {
    const page = await session.context.newPage();
    await page.setViewportSize(STORE_SHOT);
    await page.goto(fixture.url);
    await page.waitForFunction(
      () => document.getElementsByTagName('citecast-source').length > 0,
      null,
      { timeout: 10_000 },
    );
    await page.waitForTimeout(SETTLE_MS);
    await page.screenshot({ path: join(STORE_SHOTS, file) });
    written.push(file);
    await page.close();
  }
  const library = await openExtensionPage(session, 'library.html#papers', STORE_SHOT);
  await library.getByTestId('paper-row').first().waitFor({ timeout: 10_000 });
  await library.screenshot({ path: join(STORE_SHOTS, '3-library-papers.png') });
  written.push('3-library-papers.png');
  await library.close();
  return written.map((file) => join(STORE_SHOTS, file));
}
