/**
 * What the popup and the library call for the show's catalog. Only for extension pages:
 * content scripts can neither request permissions nor send these requests.
 */
import { browser } from 'wxt/browser';
import { localiseError, problem } from '@/lib/i18n/errors';
import { ask, type ReplyOf } from '@/lib/protocol/client';
import { FEED_PERMISSION } from '@/lib/catalog/feed';

/**
 * Imports the show's RSS feed into the library: asks for the optional host permission for
 * podcast.do-not-panic.com (the browser shows its prompt the first time), then has the background
 * fetch and record the feed. Call it straight from the click handler of a button, before any
 * other `await`: browsers grant a permission request only inside the user's gesture. Never rejects.
 */
export async function importShowFeed(): Promise<ReplyOf<'importFeed'>> {
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [FEED_PERMISSION] });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: localiseError(problem('forbidden', 'feed.askFailed', { detail })) };
  }
  if (!granted) {
    return { ok: false, error: localiseError(problem('forbidden', 'feed.denied')) };
  }
  return ask('importFeed', {});
}
