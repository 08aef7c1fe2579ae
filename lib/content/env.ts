/**
 * The browser around the annotator and its features, handed to them as one object: the trusted-
 * event check, the near-the-viewport watcher, the stylesheet adoption, the messages, the
 * clipboard, new tabs and the page's player. The content script passes {@link browserEnv}; unit
 * tests pass their own, because a DOM built in Node has no trusted events, no
 * IntersectionObserver and no constructable stylesheets.
 */
import { browser } from 'wxt/browser';
import { ask, messaging } from '@/lib/protocol/client';
import { isHttpUrl } from '@/lib/core/urls';
import { type StoreChange } from '@/lib/core/result';
import { playableKeys, playingMoment, resumeEpisode } from '@/lib/content/playback';
import type { SavedMoment } from '@/lib/store/schema';

/** Adds the stylesheet `css` to `root`, once. */
export type AdoptStyles = (root: ShadowRoot, css: string) => void;

/** Watches elements and calls back once one comes near the viewport. */
export interface NearWatcher {
  observe(target: Element): void;
  unobserve(target: Element): void;
  disconnect(): void;
}

/** See the module comment. */
export interface ContentEnv {
  document: Document;
  /** The page's address now. */
  pageUrl(): string;
  /** Whether the user made the event (a page script can dispatch any event on our hosts). */
  isTrusted(event: Event): boolean;
  /** A watcher calling `onNear` with targets that came within `margin`; `null` where none. */
  watchNear(onNear: (target: Element) => void, margin: string): NearWatcher | null;
  adoptStyles: AdoptStyles;
  /** Whether `element` is laid out (hidden list items have no box). */
  isShown(element: Element): boolean;
  /** Scrolls `element` into view, as little as needed. */
  scrollIntoView(element: Element): void;
  /** Asks the background (`lib/messages`). */
  ask: typeof ask;
  /** Follows the store's changes; answers the function that stops following. */
  onStoreChanged(listener: (change: StoreChange) => void): () => void;
  /** Tells the background the toolbar badge's counts. */
  sendBadge(message: object): void;
  /** Opens an http(s) address in a new tab; anything else is ignored. */
  open(url: string): void;
  /** Puts `text` on the clipboard; whether the browser let it. */
  writeClipboard(text: string): Promise<boolean>;
  /** The page's player: episodes it can resume, resuming one, and the moment playing now. */
  player: {
    playable(): ReadonlySet<string>;
    resume(key: string, position: number): void;
    moment(): SavedMoment | null;
  };
}

/** Constructable sheets by text, shared by every root (`null`: the browser has none). */
const sheets = new Map<string, CSSStyleSheet | null>();

function sheetOf(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (sheet !== undefined) return sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    sheet = null;
  }
  sheets.set(css, sheet);
  return sheet;
}

/** Adds `css` to `root` as a `<style>` element, unless one with that text is there. */
export function adoptStyleElement(root: ShadowRoot, css: string): void {
  for (const style of Array.from(root.querySelectorAll('style'))) {
    if (style.textContent === css) return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

/**
 * Adds `css` to `root`'s adopted sheets (one sheet per text, shared by every root); where the
 * browser refuses it (no constructable sheets, or a content-script wrapper that cannot hand the
 * sheet over), a `<style>` element with the same text.
 */
function adoptSheet(root: ShadowRoot, css: string): void {
  const sheet = sheetOf(css);
  if (sheet) {
    try {
      const adopted = root.adoptedStyleSheets;
      if (adopted.includes(sheet)) return;
      root.adoptedStyleSheets = [...adopted, sheet];
      if (root.adoptedStyleSheets.includes(sheet)) return;
    } catch {
      // Falls through to a <style> element.
    }
  }
  adoptStyleElement(root, css);
}

/** The real browser's environment for the content script. */
export function browserEnv(): ContentEnv {
  return {
    document,
    pageUrl: () => location.href,
    isTrusted: (event) => event.isTrusted,
    watchNear(onNear, margin) {
      if (typeof IntersectionObserver !== 'function') return null;
      return new IntersectionObserver(
        (entries) => {
          for (const entry of entries) if (entry.isIntersecting) onNear(entry.target);
        },
        { rootMargin: margin },
      );
    },
    adoptStyles: adoptSheet,
    isShown: (element) => element.isConnected && element.getClientRects().length > 0,
    scrollIntoView: (element) => element.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
    ask,
    onStoreChanged: (listener) => messaging.onMessage('storeChanged', ({ data }) => listener(data)),
    sendBadge: (message) => void browser.runtime.sendMessage(message).catch(() => undefined),
    open(url) {
      if (isHttpUrl(url)) window.open(url, '_blank', 'noopener');
    },
    async writeClipboard(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (error) {
        console.warn('Citecast: could not copy', error);
        return false;
      }
    },
    player: { playable: playableKeys, resume: resumeEpisode, moment: playingMoment },
  };
}
