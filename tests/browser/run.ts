/**
 * Runs the real-browser smoke tests: `npm run test:browser` (after `npm run build`).
 * `--only chromium` or `--only firefox` runs one browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChromium } from './chromium.ts';
import { runChromiumAnnotate } from './chromium-annotate.ts';
import { runFirefox } from './firefox.ts';
import { ROOT } from './fixture-pages.ts';
import { summary } from './harness.ts';

const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null;
const start = performance.now();
if (!only || only === 'chromium') await runChromium();
if (!only || only === 'chromium') await runChromiumAnnotate();
if (!only || only === 'chromium') await (await import('./chromium-reader.ts')).runChromiumReader();
if (!only || only === 'firefox') await runFirefox();

const { passed, failed, results } = summary();
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'test-results', 'browser.json'),
  JSON.stringify({ passed, failed, results }, null, 2),
);
console.log(`\nbrowser tests took ${((performance.now() - start) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
