/**
 * What every request handler gets and answers, and the small helpers several areas share.
 * A handler receives the open store, the library's in-memory copy and what it knows of the
 * sender, with a payload the router has already checked; it answers an {@link Outcome}: its
 * result and what changed, which the router broadcasts.
 */
import type { Outcome } from '@/lib/core/result';
import { isSupportedUrl } from '@/lib/hosts/index';
import type { RequestType, ReplyValue, ListenSummary } from '@/lib/protocol/requests';
import { speaksForShow } from '@/lib/hosts/show-page';
import type { Store } from '@/lib/store/db';
import type { LibraryCache } from '@/lib/store/library-cache';
import type { ListenRecord } from '@/lib/store/schema';
import type { CheckedData } from '@/lib/schemas/requests';
import type { SyncControl } from '@/lib/sync/service';

/** Who sent a request: the extension's own pages, or a content script in a web page. */
export type SenderKind = 'extension' | 'content';

/** What a handler knows of its sender. */
export interface SenderInfo {
  kind: SenderKind;
  url: string | null;
}

/** What every handler gets besides its payload. */
export interface HandlerContext {
  store: Store;
  /** The copy of the library the popup's and library's list queries read. */
  library: LibraryCache;
  sender: SenderInfo;
  /** Sync across the user's browsers; missing where the background runs without it (tests). */
  sync?: SyncControl | null;
}

/** The handler of request `K`. */
export type Handler<K extends RequestType> = (
  ctx: HandlerContext,
  data: CheckedData<K>,
) => Promise<Outcome<ReplyValue<K>>>;

/** One handler per request; each area's file fills a part of it. */
export type HandlerTable = { [K in RequestType]: Handler<K> };

/** A key shortened for an error message. */
export function shown(key: string): string {
  return JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
}

/** A listen as pages show it. */
export function listenSummary(listen: ListenRecord | undefined | null): ListenSummary {
  return listen
    ? {
        state: listen.state,
        position: listen.position,
        duration: listen.duration,
        heardAt: listen.state === 'heard' ? listen.heardAt : null,
      }
    : { state: 'unheard', position: 0, duration: null, heardAt: null };
}

/**
 * Whether what a sender records may only fill gaps: a content script's page must be the show's
 * own (its site, or a host's page that shows it is the show's) to say what an episode is.
 * Elsewhere (a third party's episode on a host whose description links to a real stem, "Read
 * this page" anywhere) a sighting never rewrites or moves an episode.
 */
export function fillsOnly(sender: SenderInfo, showPage: boolean | undefined): boolean {
  if (sender.kind !== 'content') return false;
  if (sender.url === null) return true;
  if (speaksForShow({ url: sender.url, links: [], headings: [] })) return false;
  return !(showPage === true && isSupportedUrl(sender.url));
}
