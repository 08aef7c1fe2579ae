/**
 * The answer every request gets: a value, or a typed error the UI can act on and show. Pure: the
 * content script, the pages and the background all use it, so it imports nothing.
 */

/** Why a request failed. */
export type ErrorCode = 'invalid' | 'forbidden' | 'unavailable' | 'quota' | 'not-found';

/**
 * An error's key and facts, which a page renders in its own language (the error tables in
 * lib/i18n/errors.ts narrow `key` to the keys they hold).
 */
export interface ErrorFacts {
  key: string;
  params?: Record<string, string | number>;
  reason?: ErrorFacts;
}

/** A failed request: a code the UI can act on and a message it can show. */
export interface MessageError {
  code: ErrorCode;
  /** English; `ask` puts it in the page's language when `text` names the error. */
  message: string;
  /** The error's key and facts, which the page renders in its language. */
  text?: ErrorFacts;
}

/** The answer to every request: its value, or a typed error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

/** A successful {@link Result}. */
export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function failure<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Whether `value` has the shape of a {@link Result}. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    typeof r.error.code === 'string' &&
    typeof r.error.message === 'string'
  );
}

/** What changed in the store: the keys of the records, or `null` for any record of that kind. */
export interface StoreChange {
  kind: 'papers' | 'episodes' | 'listens';
  keys: string[] | null;
}

/**
 * What a background handler did: its answer, and what changed in the store (which the router
 * broadcasts and the library's copy re-reads).
 */
export interface Outcome<T> {
  result: Result<T>;
  changes?: StoreChange[];
}
