import { execFileSync } from 'node:child_process';
import { defineWebExtConfig } from 'wxt';

/** Debian's chromium, when installed; `wxt` dev mode launches it instead of looking for its own. */
function debianChromium(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

const chrome = debianChromium();

// `wxt` (dev mode) opens a browser; without a display (CI, root over ssh) that crashes, so it is
// disabled there. `wxt build` never launches a browser.
export default defineWebExtConfig({
  disabled: !!process.env.CI || !process.env.DISPLAY,
  ...(chrome ? { binaries: { chrome } } : {}),
  chromiumArgs: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
