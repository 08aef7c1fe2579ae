import { defineContentScript } from 'wxt/utils/define-content-script';
import { isCitecastRunning, startCitecast } from '@/lib/content/start';

/**
 * "Read this page" (popup button or keyboard command): the same reader and annotator as the
 * automatic content script, injected on demand into the current tab by the background
 * (lib/read-page.ts) with `activeTab` + `scripting`. Not in the manifest's `content_scripts` and
 * with no `matches`, so it adds no host permission. Injected again, WXT stops the earlier copy
 * (same script name) before this one starts, so nothing doubles; on a supported page the
 * automatic script already runs and this one does nothing.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    if (isCitecastRunning()) return;
    startCitecast(ctx);
  },
});
