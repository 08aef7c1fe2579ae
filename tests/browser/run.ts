/**
 * Runs the real-browser smoke tests: `npm run test:browser` (after `npm run build`).
 * `--only chromium` or `--only firefox` runs one browser; `--only fixtures` the fixture pages in both.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChromium } from '@/tests/browser/chromium.ts';
import { runChromiumAnnotate } from '@/tests/browser/chromium-annotate.ts';
import { runFirefox } from '@/tests/browser/firefox.ts';
import { ROOT } from '@/tests/browser/fixture-pages.ts';
import { summary } from '@/tests/browser/harness.ts';

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const start = performance.now();
// `--only fixtures`: the content script on every fixture page, in both browsers.
if (!only || only === 'chromium' || only === 'fixtures') await runChromium();
if (!only || only === 'chromium') await runChromiumAnnotate();
if (!only || only === 'chromium' || only === 'reader')
  await (await import('@/tests/browser/chromium-reader.ts')).runChromiumReader();
if (!only || only === 'chromium' || only === 'arxiv')
  await (await import('@/tests/browser/chromium-arxiv.ts')).runChromiumArxiv();
if (!only || only === 'chromium' || only === 'settings')
  await (await import('@/tests/browser/chromium-settings-errors.ts')).runChromiumSettingsErrors();
if (!only || only === 'chromium' || only === 'playback')
  await (await import('@/tests/browser/chromium-playback.ts')).runChromiumPlayback();
if (!only || only === 'chromium' || only === 'pages')
  await (await import('@/tests/browser/chromium-pages.ts')).runChromiumPages();
if (!only || only === 'chromium' || only === 'flow')
  await (await import('@/tests/browser/chromium-library-flow.ts')).runChromiumLibraryFlow();
if (!only || only === 'chromium' || only === 'zotero')
  await (await import('@/tests/browser/chromium-zotero.ts')).runChromiumZotero();
if (!only || only === 'chromium' || only === 'big-list')
  await (await import('@/tests/browser/chromium-big-list.ts')).runChromiumBigList();
if (!only || only === 'chromium' || only === 'sync')
  await (await import('@/tests/browser/chromium-sync.ts')).runChromiumSync();
if (!only || only === 'chromium' || only === 'paper')
  await (await import('@/tests/browser/chromium-paper.ts')).runChromiumPaper();
if (!only || only === 'privacy') await (await import('@/tests/browser/privacy.ts')).runPrivacy();
if (!only || only === 'firefox' || only === 'fixtures') await runFirefox();
if (!only || only === 'firefox' || only === 'playback')
  await (await import('@/tests/browser/firefox-playback.ts')).runFirefoxPlayback();
if (!only || only === 'firefox' || only === 'zotero')
  await (await import('@/tests/browser/firefox-zotero.ts')).runFirefoxZotero();
if (!only || only === 'firefox' || only === 'sync')
  await (await import('@/tests/browser/firefox-sync.ts')).runFirefoxSync();
if (!only || only === 'firefox' || only === 'paper')
  await (await import('@/tests/browser/firefox-paper.ts')).runFirefoxPaper();
if (!only || only === 'release') await (await import('@/tests/browser/release.ts')).runRelease();

const { passed, failed, results } = summary();
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'test-results', 'browser.json'),
  JSON.stringify({ passed, failed, results }, null, 2),
);
console.log(`\nbrowser tests took ${((performance.now() - start) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
