/**
 * `popup.open_10k_ms`: how long the popup takes from opening `popup.html` to its first paper row
 * painted, with 10,000 papers and 2,000 episodes in the store, beside the same popup opened with
 * an empty store (to its "nothing saved yet" state painted) in the same run. Real Chromium,
 * headless, with the built extension; two profiles, opened in turn each round.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_EXT, request, which } from '../tests/browser/browsers.ts';

/**
 * In the popup's own world before its scripts: the time (ms since navigation start) of the first
 * frame painted after `selector` appeared.
 */
const paintedScript = (selector: string) => `(() => {
  globalThis.__painted = new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector(${JSON.stringify(selector)})) return false;
      // Two frames: the first runs before the paint, the second after it.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      return true;
    };
    const start = () => {
      if (check()) return;
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    };
    if (document.documentElement) start();
    else document.addEventListener('readystatechange', start, { once: true });
  });
})();`;

interface Profile {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

async function openProfile(executablePath: string): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'citecast-bench-popup-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${CHROME_EXT}`,
      `--load-extension=${CHROME_EXT}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Nothing leaves the machine: only the extension's own files load.
  await context.route('**/*', (route) =>
    route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort(),
  );
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the popup once; ms from navigation start to `selector` painted. */
async function openOnce(profile: Profile, selector: string): Promise<number> {
  const page: Page = await profile.context.newPage();
  try {
    await page.setViewportSize({ width: 420, height: 600 });
    await page.addInitScript(paintedScript(selector));
    await page.goto(`chrome-extension://${profile.extensionId}/popup.html`);
    return (await page.evaluate(
      () =>
        Promise.race([
          (globalThis as unknown as { __painted: Promise<number> }).__painted,
          new Promise((_, reject) => setTimeout(() => reject(new Error('not painted')), 20_000)),
        ]) as Promise<number>,
    )) as number;
  } finally {
    await page.close();
  }
}

/** Builds the Chromium extension when it is missing; whether it is there. */
function ensureBuild(): boolean {
  if (existsSync(join(CHROME_EXT, 'manifest.json'))) return true;
  process.stderr.write(`bench: ${CHROME_EXT} is missing, building it (wxt build)\n`);
  try {
    const root = fileURLToPath(new URL('..', import.meta.url));
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
    return existsSync(join(CHROME_EXT, 'manifest.json'));
  } catch {
    return false;
  }
}

/**
 * The figures, or `null` with one line on stderr saying why they were skipped (no Chromium, no
 * build). `backupText` is the backup with the papers and episodes to import.
 */
export async function benchPopupOpen(
  backupText: string,
  expectedPapers: number,
  rounds = 7,
): Promise<{ openMs: number; emptyMs: number } | null> {
  const executablePath = which('chromium');
  if (!executablePath) {
    process.stderr.write(
      'bench: popup.open_10k_ms skipped: chromium is missing (apt-get install -y chromium)\n',
    );
    return null;
  }
  if (!ensureBuild()) {
    process.stderr.write('bench: popup.open_10k_ms skipped: the build failed (npm run build)\n');
    return null;
  }
  const full = await openProfile(executablePath);
  const empty = await openProfile(executablePath);
  try {
    const page = await full.context.newPage();
    await page.goto(`chrome-extension://${full.extensionId}/popup.html`);
    const reply = (await request(page, 'importBackup', { text: backupText })) as {
      ok?: boolean;
      value?: { papers?: { added?: number } };
      error?: { message?: string };
    };
    await page.close();
    if (!reply?.ok || reply.value?.papers?.added !== expectedPapers)
      throw new Error(`the bench backup was not imported: ${JSON.stringify(reply).slice(0, 300)}`);
    const opened: number[] = [];
    const baseline: number[] = [];
    // One warm-up each (the service worker's first answer builds its copy of the library).
    for (let round = -1; round < rounds; round++) {
      const a = await openOnce(full, '[data-testid="paper-row"]');
      const b = await openOnce(empty, '[data-testid="empty-papers"]');
      if (round < 0) continue;
      opened.push(a);
      baseline.push(b);
    }
    const mid = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)]!;
    return { openMs: mid(opened), emptyMs: mid(baseline) };
  } finally {
    await full.close();
    await empty.close();
  }
}
