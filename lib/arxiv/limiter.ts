/**
 * The one way Citecast's background talks to arXiv: a queue that keeps arXiv's terms of use
 * (https://info.arxiv.org/help/api/tou.html: "no more than one request every three seconds, and
 * limit requests to a single connection at a time"). Requests run one after another, each
 * starting at least {@link MIN_INTERVAL_MS} after the previous one started (and never before it
 * ended). Every outcome is a value, never a throw: a timeout, a 429 or 503 (with `Retry-After`
 * honoured for every later request too, and kept across restarts of the background), an
 * offline browser, a refused or failed connection, an answer too large.
 */
import { browser } from 'wxt/browser';
import { readTextCapped } from '@/lib/fetch-text';

/** arXiv's minimum spacing between two requests. */
export const MIN_INTERVAL_MS = 3_000;
/** How long one request may take before it is given up. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** A `Retry-After` up to this long is waited out and the request tried once more. */
export const MAX_AUTO_RETRY_WAIT_MS = 30_000;
/** A request that would wait longer than this in the queue is answered `rate-limited` at once. */
export const MAX_QUEUE_WAIT_MS = 120_000;
/** Larger answers are cut off while they stream in (arXiv's pages of results are far smaller). */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

/** Where the back-off arXiv asked for is kept, so a restarted background still honours it. */
export const RETRY_AT_KEY = 'citecast.arxivRetryAt';

/** Without a usable `Retry-After`, a 429/503 pauses the queue this long. */
const DEFAULT_BACKOFF_MS = 10_000;
/** The longest pause a `Retry-After` can impose (a far date is treated as this). */
const MAX_BACKOFF_MS = 15 * 60_000;

/** Why a request brought no answer. */
export type FetchFailure =
  | { reason: 'offline' }
  | { reason: 'timeout' }
  | { reason: 'rate-limited'; retryAt: number }
  | { reason: 'bad-answer'; status: number };

/** A request's outcome: the answer's text, or why there is none. */
export type FetchOutcome = { ok: true; text: string } | ({ ok: false } & FetchFailure);

/** What the queue needs from its environment (tests pass fakes). */
export interface LimiterOptions {
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Whether the browser says it is online (`navigator.onLine`), true when unknown. */
  online?: () => boolean;
  intervalMs?: number;
  timeoutMs?: number;
  /**
   * Keeps the time arXiv asked to wait until (epoch ms) across restarts of the background (a
   * service worker stops when idle); `storage.local` by default.
   */
  retryStore?: RetryStore;
}

/** Where the queue keeps arXiv's back-off. */
export interface RetryStore {
  load(): Promise<number>;
  save(retryAt: number): Promise<void>;
}

/** The back-off kept in the extension's `storage.local`; nothing kept where there is none. */
export const storageRetryStore: RetryStore = {
  async load() {
    try {
      const value = (await browser.storage.local.get(RETRY_AT_KEY))[RETRY_AT_KEY];
      return typeof value === 'number' && Number.isFinite(value) ? value : 0;
    } catch {
      return 0;
    }
  },
  async save(retryAt) {
    try {
      await browser.storage.local.set({ [RETRY_AT_KEY]: retryAt });
    } catch {
      // Kept in memory only: the queue still waits while this background runs.
    }
  },
};

/** The queue; see the module comment. */
export interface Limiter {
  /** Fetches `url` in turn; resolves to its text or a {@link FetchFailure}. Never rejects. */
  fetchText(url: string): Promise<FetchOutcome>;
  /** When the next request may start at the earliest (epoch ms). */
  nextSlot(): number;
}

/**
 * The time a `Retry-After` header asks to wait until (epoch ms), from delay-seconds or an HTTP
 * date, capped at 15 minutes from `now`; `null` when the header is missing or unreadable.
 */
export function retryAfterTime(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  let at: number;
  if (/^\d+$/.test(value)) at = now + Number(value) * 1000;
  else {
    const date = Date.parse(value);
    if (!Number.isFinite(date) || !/[a-z]/i.test(value)) return null;
    at = date;
  }
  return Math.min(Math.max(at, now), now + MAX_BACKOFF_MS);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the queue (one per background; see the module comment). */
export function createLimiter(options: LimiterOptions = {}): Limiter {
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? defaultSleep;
  const online = options.online ?? (() => globalThis.navigator?.onLine !== false);
  const interval = options.intervalMs ?? MIN_INTERVAL_MS;
  const timeout = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const retryStore = options.retryStore ?? storageRetryStore;
  /** The earliest start of the next request. */
  let slot = 0;
  /** The back-off an earlier background was asked for, read once before the first request. */
  let restored: Promise<void> | null = null;
  /** The end of the queue: each request starts after the one before it settled. */
  let tail: Promise<unknown> = Promise.resolve();

  /** One request on the wire, with its timeout. */
  async function once(url: string): Promise<FetchOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    try {
      const response = await doFetch(url, { signal: controller.signal });
      if (response.status === 429 || response.status === 503) {
        const retryAt =
          retryAfterTime(response.headers.get('Retry-After'), now()) ?? now() + DEFAULT_BACKOFF_MS;
        // Every later request waits too, also after a restart: arXiv asked this client, not
        // this request, to wait.
        slot = Math.max(slot, retryAt);
        await retryStore.save(retryAt);
        return { ok: false, reason: 'rate-limited', retryAt };
      }
      if (!response.ok) return { ok: false, reason: 'bad-answer', status: response.status };
      const text = await readTextCapped(response, MAX_ANSWER_BYTES);
      if (text === null) return { ok: false, reason: 'bad-answer', status: response.status };
      return { ok: true, text };
    } catch {
      if (timedOut) return { ok: false, reason: 'timeout' };
      // A refused, reset or unresolvable connection: arXiv cannot be reached from here.
      return { ok: false, reason: 'offline' };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for the slot, runs one request, and books the next slot. */
  async function inTurn(url: string): Promise<FetchOutcome> {
    restored ??= retryStore.load().then((at) => {
      slot = Math.max(slot, at);
    });
    await restored;
    for (let attempt = 0; ; attempt++) {
      const wait = slot - now();
      if (wait > MAX_QUEUE_WAIT_MS) return { ok: false, reason: 'rate-limited', retryAt: slot };
      if (wait > 0) await sleep(wait);
      if (!online()) return { ok: false, reason: 'offline' };
      slot = now() + interval;
      const outcome = await once(url);
      slot = Math.max(slot, now());
      if (outcome.ok || outcome.reason !== 'rate-limited' || attempt > 0) return outcome;
      if (outcome.retryAt - now() > MAX_AUTO_RETRY_WAIT_MS) return outcome;
    }
  }

  return {
    fetchText(url) {
      const run = tail.then(() => inTurn(url));
      tail = run.catch(() => undefined);
      return run.catch(() => ({ ok: false, reason: 'offline' }) as const);
    },
    nextSlot: () => slot,
  };
}
