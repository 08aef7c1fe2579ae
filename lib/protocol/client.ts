/**
 * How the extension's parts reach the background, which owns the store: the content script, the
 * popup and the library page `ask` it through the typed messenger (`@webext-core/messaging`); it
 * answers every request with a {@link Result}, never a thrown error, and tells every tab and
 * extension page what changed with `storeChanged`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { isResult, type Result, type StoreChange } from '@/lib/core/result';
import { isHttpUrl } from '@/lib/core/urls';
import { localiseError, problem } from '@/lib/i18n/request-errors';
import type { ReplyValue, RequestData, RequestType } from '@/lib/protocol/requests';

/** The answer type of request `K`. */
export type ReplyOf<K extends RequestType> = Result<ReplyValue<K>>;

/** The typed protocol: every request with its payload and answer, and the change broadcast. */
export type ProtocolMap = {
  [K in RequestType]: (data: RequestData<K>) => ReplyOf<K>;
} & {
  /** Sent by the background to every tab and extension page after a write. */
  storeChanged(change: StoreChange): void;
};

/** The messenger every part of the extension sends and receives the protocol with. */
export const messaging = defineExtensionMessaging<ProtocolMap>();

/** The message type of the change broadcast. */
export const STORE_CHANGED = 'storeChanged';

/**
 * The change broadcast in the messaging library's envelope, so receivers take it with
 * `messaging.onMessage('storeChanged', …)`. The background sends it through the promise API,
 * which (unlike the library's callback API) reports tabs without a receiver as a rejection it
 * can ignore instead of an "unchecked lastError" in the console.
 */
export function storeChangedMessage(change: StoreChange): {
  id: number;
  type: typeof STORE_CHANGED;
  data: StoreChange;
  timestamp: number;
} {
  return {
    id: Math.floor(Math.random() * 1e9),
    type: STORE_CHANGED,
    data: change,
    timestamp: Date.now(),
  };
}

/** How a page asks the background: {@link ask}, or a page's own wrapper of {@link sendRequest}. */
export type Ask = <K extends RequestType>(type: K, data: RequestData<K>) => Promise<ReplyOf<K>>;

/**
 * Sends request `type` to the background and resolves to its {@link Result} as it came (its
 * error's `message` in English, its key and facts beside), or to the reason none came: `null`
 * when the answer was not a result, the thrown error's message when the background could not be
 * reached. Never rejects. A script that carries no error texts (the paper pages' card) uses this.
 */
export async function sendRequest<K extends RequestType>(
  type: K,
  data: RequestData<K>,
): Promise<ReplyOf<K> | { unreachable: string } | null> {
  try {
    const send = messaging.sendMessage as (t: K, d: RequestData<K>) => Promise<unknown>;
    const reply = await send(type, data);
    return isResult(reply) ? (reply as ReplyOf<K>) : null;
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Sends request `type` to the background and resolves to its {@link Result}. When the background
 * cannot be reached (the extension was reloaded under a content script, or it is starting), or its
 * answer is not a result, this resolves to an `unavailable` error: it never rejects.
 */
export async function ask<K extends RequestType>(
  type: K,
  data: RequestData<K>,
): Promise<ReplyOf<K>> {
  const reply = await sendRequest(type, data);
  // The page shows errors in its own language.
  if (reply && 'ok' in reply)
    return (reply.ok ? reply : { ...reply, error: localiseError(reply.error) }) as ReplyOf<K>;
  const error = reply
    ? problem('unavailable', 'background.unreachable', { detail: reply.unreachable })
    : problem('unavailable', 'background.noAnswer');
  return { ok: false, error: localiseError(error) } as ReplyOf<K>;
}

/**
 * The wire form of an episode found on a page: everything but its description text and DOM
 * location (which cannot cross a message), with each source's parser-only fields dropped, any
 * address that is not http(s) left out (the background refuses those), and no partial source.
 */
export function episodeForMessage(found: FoundEpisode): RequestData<'recordEpisode'>['episode'] {
  const http = (url: string | null) => (url !== null && isHttpUrl(url) ? url : null);
  return {
    title: found.title,
    published: found.published,
    duration: found.duration,
    audioUrl: http(found.audioUrl),
    visualizationUrl: http(found.visualizationUrl),
    cutShort: found.cutShort,
    // A source cut off mid-item may name a wrong paper: never recorded.
    sources: found.sources
      .filter((s) => s.partial !== true)
      .map((s) => ({
        title: s.title,
        authors: s.authors,
        year: s.year,
        url: http(s.url),
        kind: s.kind,
        arxivId: s.arxivId,
        arxivVersion: s.arxivVersion,
        doi: s.doi,
        pdfUrl: http(s.pdfUrl),
        episode: s.episode,
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// The legacy ping (a plain message without the messaging library's envelope).

/** Asks the background whether it is alive. */
export interface PingMessage {
  type: 'ping';
}

/** The background's answer to {@link PingMessage}. */
export interface PingReply {
  ok: true;
  version: string;
}

/** Whether `value` is a {@link PingMessage}. */
export function isPingMessage(value: unknown): value is PingMessage {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ping'
  );
}
