/** Hooks the popup and the library share: live store changes, and paged queries. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageError, StoreChange } from '@/lib/core/result';
import { PageCache, type PageFetcher, type PagedState } from '@/lib/ui/paged';
import { useServices } from '@/components/common/services';

/**
 * Calls `onChange` (debounced by a frame's worth) after writes to the store that touch one of
 * `kinds`. The latest `onChange` is used, so it may close over fresh state.
 */
export function useStoreChanged(
  kinds: readonly StoreChange['kind'][],
  onChange: (change: StoreChange) => void,
): void {
  const { onStoreChanged } = useServices();
  const latest = useRef(onChange);
  latest.current = onChange;
  const key = kinds.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: StoreChange | null = null;
    const stop = onStoreChanged((change) => {
      if (!key.split(',').includes(change.kind)) return;
      last = change;
      // Bulk writes broadcast several changes at once: one refresh for them all.
      clearTimeout(timer);
      timer = setTimeout(() => last && latest.current(last), 30);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [onStoreChanged, key]);
}

/** A paged query's state, and the function a windowed list calls with its visible rows. */
export interface Paged<T> extends PagedState<T, MessageError> {
  /**
   * The query key whose answer is shown (while a new query's first page is on its way, the old
   * one's rows stay), or `null` before any answer. Pages put it on the list (`data-query`), so a
   * test or benchmark can tell the exact moment the results of what was typed are in.
   */
  shownKey: string | null;
  ensure(start: number, end: number): void;
  /** Drops every loaded page and loads the visible ones again (after a write). */
  reload(): void;
}

/**
 * Rows of a query fetched a page at a time. A change of `queryKey` (the query's parameters as a
 * string) starts afresh; `fetch` must fetch that query.
 */
export function usePaged<T>(
  queryKey: string,
  fetch: PageFetcher<T, MessageError>,
  pageSize: number,
): Paged<T> {
  const [, setTick] = useState(0);
  const [generation, setGeneration] = useState(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const cacheRef = useRef<PageCache<T, MessageError> | null>(null);
  const keyRef = useRef<string | null>(null);
  const lastRange = useRef<[number, number]>([0, pageSize]);
  const previous = useRef<PagedState<T, MessageError> | null>(null);
  const previousKey = useRef<string | null>(null);
  const cacheKey = `${generation}|${queryKey}`;
  if (keyRef.current !== cacheKey) {
    const sameQuery = keyRef.current !== null && keyRef.current.endsWith(`|${queryKey}`);
    // While the new query's first page is on its way, the old rows stay (no flicker while typing).
    if (cacheRef.current) {
      const old = cacheRef.current.state();
      // A query that never got an answer leaves the one before it on screen.
      if (old.total !== null || old.error !== null || !previous.current) {
        previous.current = old;
        previousKey.current = keyRef.current?.slice(keyRef.current.indexOf('|') + 1) ?? null;
      }
    }
    cacheRef.current?.stop();
    keyRef.current = cacheKey;
    const cache: PageCache<T, MessageError> = new PageCache<T, MessageError>(
      (offset, limit) => fetchRef.current(offset, limit),
      pageSize,
      () => {
        if (cacheRef.current === cache) previous.current = null;
        setTick((n) => n + 1);
      },
    );
    cacheRef.current = cache;
    // A reload keeps what is on screen; a new query starts at the top.
    cache.ensure(sameQuery ? lastRange.current[0] : 0, sameQuery ? lastRange.current[1] : pageSize);
  }
  useEffect(() => () => cacheRef.current?.stop(), []);
  const cache = cacheRef.current!;
  const state = cache.state();
  const showsPrevious = state.total === null && state.error === null && !!previous.current;
  const shown = showsPrevious ? previous.current! : state;
  const answered = shown.total !== null || shown.error !== null;
  return {
    ...shown,
    shownKey: !answered ? null : showsPrevious ? previousKey.current : queryKey,
    loading: state.loading,
    ensure(start, end) {
      lastRange.current = [start, end];
      cache.ensure(start, end);
    },
    reload() {
      setGeneration((g) => g + 1);
    },
  };
}

/** A detail panel's record, as {@link useDetail} keeps it. */
export interface DetailState<T> {
  detail: T | null;
  setDetail(update: (detail: T | null) => T | null): void;
  error: MessageError | null;
  setError(error: MessageError | null): void;
}

/**
 * The record a detail panel shows: fetched with `fetch` when `key` changes (`onFirst` then fills
 * the panel's form fields from it), and again after writes that touch one of `kinds` (the form
 * fields keep what the user typed). The last failure is in `error`.
 */
export function useDetail<T>(
  key: string,
  fetch: () => Promise<{ ok: true; value: T } | { ok: false; error: MessageError }>,
  kinds: readonly StoreChange['kind'][],
  onFirst: (detail: T) => void,
): DetailState<T> {
  const [detail, setDetail] = useState<T | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const load = async () => {
    const reply = await fetch();
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setDetail(reply.value);
    return reply.value;
  };
  useEffect(() => {
    setDetail(null);
    void load().then((d) => {
      if (d) onFirst(d);
    });
  }, [key]);
  useStoreChanged(kinds, () => void load());
  return { detail, setDetail, error, setError };
}
