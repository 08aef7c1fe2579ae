/**
 * The two things every episode bar shares between features: its status line (a message that
 * clears itself after a moment, so a failure is never silent) and the one panel open at a time.
 */
import { setEpisodeStatus } from '@/lib/content/controls';
import type { EpisodeInfo, Page } from '@/lib/content/feature';
import type { Panel } from '@/lib/content/panels';

/** How long "Copied" (or another short note) stays in the bar. */
const STATUS_MS = 2500;
/** How long a failure of the library (unavailable, full, refused) stays in the bar. */
const ERROR_MS = 10_000;

/** The bars' status lines and panel, for the annotator's {@link Page}. */
export function createEpisodeBars(
  episodes: () => readonly EpisodeInfo[],
  rootOf: (host: HTMLElement) => ShadowRoot | null,
): Pick<Page, 'say' | 'showPanel' | 'closePanels' | 'panelOpen'> & { stop(): void } {
  /** Timers that clear a bar's status line; cleared when the extension stops. */
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** The one panel open in an episode bar, with the bar button that opened it. */
  let panel: { info: EpisodeInfo; element: HTMLElement; opener: HTMLElement } | null = null;

  function closePanels(refocus = true): boolean {
    if (!panel) return false;
    const { element, opener } = panel;
    panel = null;
    element.remove();
    if (opener.getAttribute('aria-expanded') !== null)
      opener.setAttribute('aria-expanded', 'false');
    if (refocus && opener.isConnected) opener.focus();
    return true;
  }

  return {
    say(info, text, error = false, lasting = error) {
      for (const e of info ? [info] : episodes()) {
        const root = rootOf(e.host);
        if (!root) continue;
        setEpisodeStatus(root, text, error);
        // A plain timer: WXT's `ctx.setTimeout` adds an abort listener per call that is never
        // removed, which would grow with every click.
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            setEpisodeStatus(root, '');
          },
          lasting ? ERROR_MS : STATUS_MS,
        );
        timers.add(timer);
      }
    },
    showPanel(info, opener, made: Panel) {
      closePanels(false);
      const box = rootOf(info.host)?.querySelector('.panels');
      if (!box) return;
      box.append(made.element);
      panel = { info, element: made.element, opener };
      if (opener.getAttribute('aria-expanded') !== null)
        opener.setAttribute('aria-expanded', 'true');
      made.first.focus();
    },
    closePanels,
    panelOpen: (info, opener) => panel?.info === info && panel.opener === opener,
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      closePanels(false);
    },
  };
}
