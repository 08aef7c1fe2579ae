import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES } from '@/lib/hosts';
import { onSettingsChanged, readSettings, siteOf, type Settings } from '@/lib/settings';
import { startCitecast } from './start';

/**
 * The automatic content script: on the supported hosts only (lib/hosts.ts), and only on those the
 * user left on in Settings. A site turned on later starts at once; one turned off keeps its
 * controls until the page is reloaded (Settings says so), and "Read this page" still works there.
 */
export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteOf(location.href);
    const enabled = (settings: Settings) => site === null || settings.sites[site];
    let started = false;
    const start = () => {
      if (started || !ctx.isValid) return;
      started = true;
      startCitecast(ctx);
    };
    if (enabled(await readSettings())) return start();
    const stop = onSettingsChanged((settings) => {
      if (!enabled(settings)) return;
      stop();
      start();
    });
    ctx.onInvalidated(stop);
  },
});
