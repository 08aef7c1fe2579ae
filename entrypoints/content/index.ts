import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isShowPage, siteOf, SUPPORTED_MATCHES } from '@/lib/hosts/index';
import { onSettingsChanged, readSettings, type Settings } from '@/lib/settings';
import { isCitecastRunning, startCitecast } from '@/lib/content/start';
import { takeReadPageMark } from '@/lib/read-page';

/** Whether the page as it is now is one of the show's (its address and title only). */
function onShowPage(): boolean {
  return isShowPage(location.href, document.title);
}

/**
 * Calls `start` once the page is one of the show's: at once, or when an in-page navigation
 * (a single-page app's) gets there. Until then only the address and the title are looked at.
 */
function whenShowPage(ctx: ContentScriptContext, start: () => void): void {
  if (onShowPage()) return start();
  const check = () => {
    if (!onShowPage()) return;
    observer.disconnect();
    start();
  };
  // The title changes a moment after the address in a single-page app.
  const observer = new MutationObserver(check);
  observer.observe(document.head ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.addEventListener(window, 'wxt:locationchange', check);
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * The content script. Automatic on the supported hosts only (lib/hosts), and only on those the
 * user left on in Settings. A site turned on later starts at once; one turned off keeps its
 * controls until the page is reloaded (Settings says so). On a host's page that is not the
 * show's it reads, inserts and sends nothing. "Read this page" injects this same script into any
 * tab (lib/read-page.ts), marked as asked: then it reads whatever page it is on.
 */
export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    if (takeReadPageMark()) {
      if (!isCitecastRunning()) startCitecast(ctx);
      return;
    }
    const site = siteOf(location.href);
    const enabled = (settings: Settings) => site === null || settings.sites[site];
    let started = false;
    const start = () => {
      // "Read this page" may have started Citecast here already.
      if (started || !ctx.isValid || isCitecastRunning()) return;
      started = true;
      startCitecast(ctx, onShowPage);
    };
    if (enabled(await readSettings())) return whenShowPage(ctx, start);
    const stop = onSettingsChanged((settings) => {
      if (!enabled(settings)) return;
      stop();
      whenShowPage(ctx, start);
    });
    ctx.onInvalidated(stop);
  },
});
