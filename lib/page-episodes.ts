/**
 * "This tab" in the popup: the popup asks the active tab's content script what its last read of
 * the page found ({@link PAGE_EPISODES_MESSAGE}), and shows those episodes and sources with the
 * same actions as the page (save, heard, open the PDF). The content script answers only the
 * extension's own pages; the popup checks the answer before it shows anything
 * (lib/schemas/page-episodes.ts, kept apart so the content script carries no schema library).
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import { episodeForMessage } from '@/lib/protocol/client';
import type { RequestData } from '@/lib/protocol/requests';
import { episodeKey, paperKey } from '@/lib/core/keys';

/** The plain message type the popup sends to a tab's content script. */
export const PAGE_EPISODES_MESSAGE = 'citecast:page-episodes';

/** Asks a tab's content script for the episodes it found. */
export interface PageEpisodesMessage {
  type: typeof PAGE_EPISODES_MESSAGE;
}

/** One episode found on the page, in the wire form the background records, with its keys. */
export interface PageEpisode {
  /** The episode's key in the library, `null` when it has no stem nor title. */
  key: string | null;
  episode: RequestData<'recordEpisode'>['episode'];
  /** The library key of each source, in the episode's order (`null`: not savable). */
  sourceKeys: (string | null)[];
}

/** The content script's answer. */
export interface PageEpisodesReply {
  /** The page's address. */
  url: string;
  episodes: PageEpisode[];
}

/** At most this many episodes go into one answer (a show page lists hundreds). */
export const PAGE_EPISODES_LIMIT = 200;

/** Whether `value` is a {@link PageEpisodesMessage}. */
export function isPageEpisodesMessage(value: unknown): value is PageEpisodesMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === PAGE_EPISODES_MESSAGE
  );
}

/** The answer for what the last read found on `url` (first {@link PAGE_EPISODES_LIMIT} episodes). */
export function pageEpisodesReply(url: string, found: readonly FoundEpisode[]): PageEpisodesReply {
  return {
    url,
    episodes: found.slice(0, PAGE_EPISODES_LIMIT).map((e) => ({
      key: episodeKey(e),
      episode: episodeForMessage(e),
      // One key per source of the wire form, which leaves partial sources out.
      sourceKeys: e.sources
        .filter((s) => s.partial !== true)
        .map((s) => (s.kind === 'paper' ? paperKey(s) : null)),
    })),
  };
}
