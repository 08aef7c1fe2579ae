/**
 * Rows of a long list fetched a page at a time, as a windowed list scrolls: the pages never
 * hold the whole library, only the pages asked for. A new query (search text, filter) starts a
 * new cache; answers of an older one are dropped.
 */

/** One page of a query's answer. */
export interface FetchedPage<T> {
  total: number;
  rows: T[];
}

/** Fetches `limit` rows from `offset`; a thrown error or rejected promise is reported. */
export type PageFetcher<T, E> = (
  offset: number,
  limit: number,
) => Promise<{ ok: true; page: FetchedPage<T> } | { ok: false; error: E }>;

/** What the list shows now. */
export interface PagedState<T, E> {
  /** Rows known so far, by index (holes where a page is not loaded yet). */
  rows: (T | undefined)[];
  /** The total from the last answer; `null` before the first one. */
  total: number | null;
  error: E | null;
  loading: boolean;
}

/** A cache of pages for one query. */
export class PageCache<T, E> {
  private readonly rows: (T | undefined)[] = [];
  private readonly asked = new Set<number>();
  private total: number | null = null;
  private error: E | null = null;
  private pending = 0;
  private stopped = false;

  /**
   * @param fetch fetches a page of this query
   * @param pageSize rows per request
   * @param onChange called after every answer
   */
  constructor(
    private readonly fetch: PageFetcher<T, E>,
    private readonly pageSize: number,
    private readonly onChange: () => void,
  ) {}

  /** Makes sure rows `[start, end)` are loaded or being loaded. */
  ensure(start: number, end: number): void {
    if (this.stopped) return;
    const last = this.total === null ? Math.max(start, end - 1) : Math.min(end, this.total) - 1;
    const first = Math.max(0, start);
    for (let page = Math.floor(first / this.pageSize); page * this.pageSize <= last; page++) {
      if (this.asked.has(page)) continue;
      this.asked.add(page);
      void this.load(page);
    }
    if (this.total === null && this.asked.size === 0) {
      this.asked.add(0);
      void this.load(0);
    }
  }

  private async load(page: number): Promise<void> {
    this.pending++;
    let outcome: Awaited<ReturnType<PageFetcher<T, E>>>;
    try {
      outcome = await this.fetch(page * this.pageSize, this.pageSize);
    } catch (error) {
      outcome = { ok: false, error: error as E };
    }
    this.pending--;
    if (this.stopped) return;
    if (outcome.ok) {
      this.total = outcome.page.total;
      this.error = null;
      outcome.page.rows.forEach((row, i) => {
        this.rows[page * this.pageSize + i] = row;
      });
      this.rows.length = Math.min(this.rows.length, this.total);
    } else {
      this.error = outcome.error;
      // Asked again on the next ensure (a retry), not in a loop.
      this.asked.delete(page);
    }
    this.onChange();
  }

  /** What the list shows now. */
  state(): PagedState<T, E> {
    return {
      rows: this.rows,
      total: this.total,
      error: this.error,
      loading: this.pending > 0,
    };
  }

  /** Drops answers still to come (the query changed or the list went away). */
  stop(): void {
    this.stopped = true;
  }
}
