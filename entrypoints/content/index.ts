import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUPPORTED_MATCHES } from '@/lib/hosts';
import { readPage } from '@/lib/sites/index';

/** How long the page must stay unchanged before it is read again. */
const REREAD_DELAY_MS = 250;

/**
 * Reads the live page with the site readers (the same code `npm run parse` runs in Node) and
 * records what it found on `<html>`: `data-citecast-episodes` and `data-citecast-sources`, the
 * counts. Those two attributes are the only change made to the page.
 */
function readAndRecord(): void {
  const root = document.documentElement;
  let episodes = 0;
  let sources = 0;
  try {
    const found = readPage(document, location.href);
    episodes = found.length;
    sources = found.reduce((n, e) => n + e.sources.length, 0);
  } catch (error) {
    console.error('Citecast: could not read this page', error);
  }
  if (root.dataset.citecastEpisodes !== String(episodes))
    root.dataset.citecastEpisodes = String(episodes);
  if (root.dataset.citecastSources !== String(sources))
    root.dataset.citecastSources = String(sources);
}

/**
 * Reads the page again, debounced, whenever its content changes (lists loaded lazily,
 * client-side navigation). Stops when the extension is reloaded or removed.
 */
function watchPage(ctx: ContentScriptContext): void {
  let timer: number | undefined;
  const observer = new MutationObserver(() => {
    if (!ctx.isValid) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = ctx.setTimeout(() => {
      timer = undefined;
      readAndRecord();
    }, REREAD_DELAY_MS);
  });
  // Only content changes: the attributes this script sets on <html> never trigger a read.
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}

export default defineContentScript({
  matches: [...SUPPORTED_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    readAndRecord();
    watchPage(ctx);
    // Marks the page so smoke tests and the demo can tell the content script ran (after the
    // first read, so the counts are there when it is set).
    // Annotation (citecast-episode / citecast-source elements) comes in a later issue.
    document.documentElement.dataset.citecast = 'ready';
  },
});
