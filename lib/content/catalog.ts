/**
 * The show's catalog from its home page: the home page's inline `searchIndex` holds
 * every episode, but only the newest few have a card (and a bar) on the page. The episodes with
 * no place on the page are recorded here, in `recordCatalog` batches (one transaction each), once
 * per page content: never one message per episode.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import { ask, episodeForMessage } from '@/lib/protocol/client';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import { siteOf } from '@/lib/hosts/index';

/** The catalog entries of a page read: its episodes that have no place in the page's DOM. */
export function catalogEntries(found: readonly FoundEpisode[]): FoundEpisode[] {
  return found.filter((e) => !e.location);
}

/** Starts recording catalogs for this page; `update` runs after every read. */
export function createCatalogRecorder(isValid: () => boolean): {
  update(found: readonly FoundEpisode[]): void;
} {
  let lastSignature = '';
  let running = false;

  async function record(entries: readonly FoundEpisode[], pageUrl: string): Promise<void> {
    running = true;
    try {
      for (let i = 0; i < entries.length && isValid(); i += LIMITS.catalogBatch) {
        const batch = entries.slice(i, i + LIMITS.catalogBatch).map((e) => {
          const own = e.pageUrl ?? null;
          return { ...episodeForMessage(e), pageUrl: own !== null && isHttpUrl(own) ? own : null };
        });
        const reply = await ask('recordCatalog', { pageUrl, episodes: batch });
        if (!reply.ok) {
          console.warn(`Citecast: the show’s catalog was not recorded: ${reply.error.message}`);
          return;
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    update(found) {
      // Only the show's own site carries the catalog (its home page's searchIndex).
      const pageUrl = location.href;
      if (siteOf(pageUrl) !== 'show' || running) return;
      const entries = catalogEntries(found);
      if (entries.length === 0) return;
      const signature = `${pageUrl}|${entries.length}|${entries[0]!.title}|${entries.at(-1)!.title}`;
      if (signature === lastSignature) return;
      lastSignature = signature;
      void record(entries, pageUrl);
    },
  };
}
