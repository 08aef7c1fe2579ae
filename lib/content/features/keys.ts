/**
 * The page keyboard: `j`/`k` move a focus ring between the sources, `o` opens
 * the focused source's PDF, `s` saves it, `h` marks its episode heard, `?` shows the keys and
 * `Esc` closes what Citecast opened. Keys are Citecast's only while the focus is not in a text
 * field (lib/content/keymap.ts decides). The other keys run what the features registered
 * (lib/content/feature.ts, `keys`).
 */
import { createHelpPanel } from '@/lib/content/help';
import { isTextField, keyAction, moveIndex } from '@/lib/content/keymap';
import { rootOf } from '@/lib/content/roots';
import type { Annotator } from '@/lib/content/feature';
import type { ContentEnv } from '@/lib/content/env';

/** The attribute that draws the focus ring on a source host (styles.ts). */
const FOCUS_ATTR = 'data-citecast-focus';

/** The innermost element that has the focus, through open shadow roots and Citecast's own. */
function deepActiveElement(document: Document): Element | null {
  let active: Element | null = document.activeElement;
  for (let root = rootOf(active) ?? active?.shadowRoot; root?.activeElement;) {
    active = root.activeElement;
    root = rootOf(active) ?? active.shadowRoot;
  }
  return active;
}

/** Whether a key event happens in a text field (its target, or the focused element). */
function inTextField(event: KeyboardEvent, document: Document): boolean {
  const target = event.composedPath()[0];
  if (target instanceof Element && isTextField(target as HTMLElement)) return true;
  return isTextField(deepActiveElement(document) as HTMLElement | null);
}

/** The page keyboard: its key handler, and `stop` (which closes what it opened). */
export interface PageKeys {
  onKey(event: KeyboardEvent): void;
  stop(): void;
}

/** Starts the page keyboard for `annotator`; see the module comment. */
export function createPageKeys(env: ContentEnv, annotator: Annotator): PageKeys {
  const { document } = env;
  let stopped = false;
  let focused: HTMLElement | null = null;
  let help: HTMLElement | null = null;

  /** Stops following the page's growth for the previous focus (see {@link keepInView}). */
  let stopKeeping: (() => void) | null = null;

  /**
   * Scrolls `host` into view, and again whenever the page grows in the next second. Why: on a big
   * list, episodes near the new viewport get their bars and controls only after the scroll
   * (the annotator fills them when they come near), which pushes the focused source out of view
   * again; scroll anchoring makes up for only part of it (chromium-big-list.ts, `k` from the top).
   */
  function keepInView(host: HTMLElement): void {
    stopKeeping?.();
    env.scrollIntoView(host);
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => {
      if (focused !== host || !host.isConnected) return stop();
      const box = host.getBoundingClientRect();
      const height = window.innerHeight || document.documentElement.clientHeight;
      if (box.top < 0 || box.bottom > height) {
        env.scrollIntoView(host);
      }
    });
    const timer = setTimeout(() => stop(), 1000);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      if (stopKeeping === stop) stopKeeping = null;
    };
    stopKeeping = stop;
    observer.observe(document.documentElement);
  }

  function setFocus(host: HTMLElement | null): void {
    if (focused && focused !== host) focused.removeAttribute(FOCUS_ATTR);
    focused = host;
    if (!host) {
      stopKeeping?.();
      return;
    }
    host.setAttribute(FOCUS_ATTR, '');
    keepInView(host);
  }

  /** The placed source hosts the page shows, in document order. */
  function shownHosts(): HTMLElement[] {
    return annotator
      .sourceHosts()
      .filter((host) => env.isShown(host))
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  function move(step: 1 | -1): boolean {
    let hosts = shownHosts();
    const target = () =>
      hosts[moveIndex(focused ? hosts.indexOf(focused) : -1, hosts.length, step)] ?? null;
    // A big list's next episode may wait unplaced, far from the viewport: placed first when the
    // move leaves the focused source's episode.
    if (annotator.reach(focused, step, hosts.length > 0 ? target() : null)) hosts = shownHosts();
    if (hosts.length === 0) return false;
    setFocus(target());
    return true;
  }

  function closeHelp(): boolean {
    if (!help) return false;
    help.remove();
    help = null;
    return true;
  }

  function toggleHelp(): boolean {
    if (closeHelp()) return true;
    if (annotator.sourceHosts().length === 0) return false;
    help = createHelpPanel(env, closeHelp);
    document.documentElement.append(help);
    return true;
  }

  function closeAll(): boolean {
    const panels = annotator.closePanels();
    const closed = closeHelp() || panels;
    const hadFocus = focused !== null;
    setFocus(null);
    return closed || hadFocus;
  }

  function onKey(event: KeyboardEvent): void {
    // A key the page script made up (not typed by the user) never saves or marks anything.
    if (stopped || event.defaultPrevented || !env.isTrusted(event)) return;
    const action = keyAction(event, inTextField(event, document));
    if (action === null) return;
    if (focused && !focused.isConnected) setFocus(null);
    let handled = false;
    if (action === 'next') handled = move(1);
    else if (action === 'previous') handled = move(-1);
    else if (action === 'help') handled = toggleHelp();
    else if (action === 'close') handled = closeAll();
    else if (action === 'heard') handled = annotator.perform('heard', focused);
    else if (focused) handled = annotator.perform(action, focused);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  return {
    onKey,
    stop() {
      stopped = true;
      closeHelp();
      setFocus(null);
    },
  };
}
