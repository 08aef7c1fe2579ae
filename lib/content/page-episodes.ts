/**
 * Answers the popup's "what is on this tab?" (lib/page-episodes.ts) from the last read of the
 * page. Only the extension's own pages may ask (a message from another tab's content script, or
 * another extension, gets no answer).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { isPageEpisodesMessage, pageEpisodesReply } from '@/lib/page-episodes';

/** Starts answering; stops when `ctx` is invalidated. `lastRead` gives the latest read. */
export function answerPageEpisodes(
  ctx: ContentScriptContext,
  lastRead: () => readonly FoundEpisode[],
): void {
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    if (!isPageEpisodesMessage(message)) return undefined;
    // The popup is an extension page: same extension, and not itself a tab's content script.
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    return Promise.resolve(pageEpisodesReply(location.href, lastRead()));
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
