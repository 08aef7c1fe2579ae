import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPaperCard } from '@/lib/content/paper-card';

/**
 * The "discussed in" card on paper pages (lib/content/paper-card.ts). Not in the manifest: the
 * background registers it (lib/paper-scripts.ts) only for the paper hosts the listener allowed,
 * with "Show on paper pages" on, so without that permission it runs nowhere.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startPaperCard(ctx);
  },
});
