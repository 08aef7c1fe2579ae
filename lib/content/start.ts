/**
 * The content script's startup, on the supported hosts and when "Read this page" injected the same
 * script into the current tab (lib/read-page.ts): read the page, annotate it, follow its changes
 * and start the page keys.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { createAnnotator } from '@/lib/content/annotator';
import type { Annotator } from '@/lib/content/feature';
import { browserEnv } from '@/lib/content/env';
import { pageFeatures } from '@/lib/content/features/index';
import { createPageKeys } from '@/lib/content/features/keys';
import { readInSlices } from '@/lib/content/pass';
import { answerPageEpisodes } from '@/lib/content/page-episodes';
import { createCatalogRecorder } from '@/lib/content/catalog';
import { startPlayback } from '@/lib/content/playback';
import { RUNNING_MARK } from '@/lib/read-page';

/** Told about every read before the annotator: the media watcher and the catalog. */
let readWatchers: { update(found: FoundEpisode[]): void }[] = [];

/** How long the page must stay unchanged before it is read again. */
const REREAD_DELAY_MS = 250;

/** What the last read found (the popup asks for it: ./page-episodes.ts). */
let lastFound: FoundEpisode[] = [];

/** Reads started so far: a pass still placing slices stops when a newer one starts. */
let passCount = 0;

/** The page watcher's observer, whose records of Citecast's own writes are dropped. */
let pageObserver: MutationObserver | null = null;

/**
 * Reads the live page with the site readers (the same code `npm run parse` runs in Node),
 * records what it found (for the popup and the read watchers) and annotates the page
 * (lib/content/annotator.ts).
 */
function readAndRecord(annotator: Annotator, ctx: ContentScriptContext): void {
  const pass = ++passCount;
  if (!isShowPage()) {
    // Navigated (in a single-page app) to a page that is not the show's: what was placed goes,
    // and nothing of this page is read.
    annotator.update([]);
    recordFound([]);
    return;
  }
  readInSlices(annotator, {
    live: () => pass === passCount && ctx.isValid,
    // Citecast's own writes (hosts, split text nodes) must not trigger another read.
    afterWrites: () => void pageObserver?.takeRecords(),
    done: (found) => recordFound(found),
  });
}

/**
 * Records what a complete read found, for the popup and the read watchers. Nothing goes on the
 * page itself: a mark there would tell every page that Citecast is installed.
 */
function recordFound(found: FoundEpisode[]): void {
  lastFound = found;
  try {
    for (const watcher of readWatchers) watcher.update(found);
  } catch (error) {
    console.error('Citecast: could not follow this page’s player or catalog', error);
  }
}

/** Whether a mutation record is only Citecast's own doing (its hosts added or removed). */
function isOwnMutation(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const own = (node: Node) =>
    node.nodeType === 1 &&
    ((node as Element).localName === 'citecast-source' ||
      (node as Element).localName === 'citecast-episode');
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every(own);
}

/**
 * Reads the page again, debounced, whenever its content changes (lists loaded lazily,
 * client-side navigation). Citecast's own insertions never trigger a read. Stops when the
 * extension is reloaded or removed.
 */
function watchPage(ctx: ContentScriptContext, annotator: Annotator): void {
  let timer: number | undefined;
  const schedule = () => {
    if (!ctx.isValid) return;
    if (timer !== undefined) clearTimeout(timer);
    // A plain timer: `ctx.setTimeout` adds an abort listener per call that is never removed,
    // which grows with every change of the page; the one `onInvalidated` below clears it.
    timer = window.setTimeout(() => {
      timer = undefined;
      if (ctx.isValid) readAndRecord(annotator, ctx);
    }, REREAD_DELAY_MS);
  };
  const observer = new MutationObserver((records) => {
    if (records.every(isOwnMutation)) return;
    schedule();
  });
  pageObserver = observer;
  // Only content changes: attributes never trigger a read.
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (pageObserver === observer) pageObserver = null;
    if (timer !== undefined) clearTimeout(timer);
  });
}

/**
 * Where a running Citecast says so: on the content scripts' own global, which every copy of the
 * script and the background's check before "Read this page" share, and the page never sees (a
 * mark in the page would tell every page that Citecast is installed). It answers whether that
 * script's context is still alive.
 */
const RUNNING = Symbol.for(RUNNING_MARK);

/** The content scripts' global, with the running mark. */
const scriptGlobal = globalThis as { [RUNNING]?: () => boolean };

/** Whether a live Citecast content script already annotates this page. */
export function isCitecastRunning(): boolean {
  return scriptGlobal[RUNNING]?.() === true;
}

/** Whether the current page may be read: the automatic script asks {@link isShowPage}. */
let isShowPage: () => boolean = () => true;

/**
 * Starts Citecast on the current page for `ctx`: the first read and annotation, the watch for
 * changes and the page keys. `mayRead` says whether the page is one to read now (a single-page
 * app may navigate away from the show's pages); the on-demand script reads whatever page it is
 * on. Marks itself running ({@link isCitecastRunning}) until `ctx` is invalidated.
 */
export function startCitecast(
  ctx: ContentScriptContext,
  mayRead: () => boolean = () => true,
): void {
  isShowPage = mayRead;
  const alive = () => ctx.isValid;
  scriptGlobal[RUNNING] = alive;
  const env = browserEnv();
  // An arXiv result re-reads the page the usual way (in slices on a big list).
  const annotator: Annotator = createAnnotator(env, pageFeatures, {
    reread: () => readAndRecord(annotator, ctx),
    // An episode placed as it comes near splits the page's text: no reason to read it again.
    afterWrites: () => void pageObserver?.takeRecords(),
  });
  ctx.onInvalidated(() => annotator.stop());
  readWatchers = [startPlayback(ctx), createCatalogRecorder(() => ctx.isValid)];
  readAndRecord(annotator, ctx);
  watchPage(ctx, annotator);
  const keys = createPageKeys(env, annotator);
  ctx.addEventListener(window, 'keydown', keys.onKey, { capture: true });
  ctx.onInvalidated(() => keys.stop());
  answerPageEpisodes(ctx, () => lastFound);
  ctx.onInvalidated(() => {
    if (scriptGlobal[RUNNING] === alive) delete scriptGlobal[RUNNING];
  });
}
