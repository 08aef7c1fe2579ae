/**
 * The background's side of "import the show's feed": fetch the feed, only when the user
 * asked (the `importFeed` message, which only the extension's own pages may send) and only with
 * the optional host permission the page requested at that moment; read it without a DOM; record
 * every episode with its sources in one transaction.
 */
import { fail } from '@/lib/i18n/errors';
import { success, type Result } from '@/lib/core/result';
import type { FeedImportReport } from '@/lib/protocol/requests';
import { recordCatalog } from '@/lib/store/catalog';
import type { Store } from '@/lib/store/db';
import { readTextCapped } from '@/lib/fetch-text';
import { holdsOrigin } from '@/lib/permissions';
import { FEED_PERMISSION, FEED_URL, MAX_FEED_BYTES, readFeedText } from '@/lib/catalog/feed';

/** What the import needs from the browser; tests give their own. */
export interface FeedImportDeps {
  fetch: (url: string) => Promise<Response>;
  /** Whether the optional host permission for the feed is granted. */
  hasPermission: () => Promise<boolean>;
}

const DEFAULT_DEPS: FeedImportDeps = {
  fetch: (url) => fetch(url, { credentials: 'omit', cache: 'no-cache' }),
  hasPermission: () => holdsOrigin(FEED_PERMISSION),
};

/** Fetches, reads and records the show's feed; every failure is a readable typed error. */
export async function importFeed(
  store: Store,
  deps: FeedImportDeps = DEFAULT_DEPS,
): Promise<Result<FeedImportReport>> {
  if (!(await deps.hasPermission())) {
    return fail('forbidden', 'feed.noPermission');
  }
  let text: string;
  try {
    const response = await deps.fetch(FEED_URL);
    if (!response.ok) {
      return fail('unavailable', 'feed.status', { status: response.status });
    }
    // Cut off while it streams in: a huge answer is never held whole.
    const read = await readTextCapped(response, MAX_FEED_BYTES);
    if (read === null) return fail('invalid', 'feed.tooLarge');
    text = read;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('unavailable', 'feed.fetchFailed', { detail });
  }
  let episodes;
  try {
    episodes = readFeedText(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('invalid', 'feed.unreadable', { detail });
  }
  // The feed shows no episode pages: the episodes are known by their mp3 (pageUrl null).
  const keys = await recordCatalog(
    store,
    episodes.map((e) => ({ ...e, pageUrl: null })),
  );
  const recorded = keys.filter((k): k is string => k !== null);
  return success({ episodes: episodes.length, recorded: recorded.length, keys: recorded });
}
