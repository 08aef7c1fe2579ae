/**
 * How long or large each field may be, once for every door: the request schemas (lib/schemas/requests.ts)
 * and the backup check (lib/store/backup/check.ts) both read this table, so whatever the store
 * holds can be sent back to it (shown, edited, exported) and what is too long is refused where
 * it comes in, with its reason.
 */

/**
 * The latest time the store keeps (epoch ms): the last moment of year 9999. Later times cannot
 * be written as a four-digit ISO date (a backup could not be read again), and past 8.64e15 a
 * `Date` is invalid and formatting it throws.
 */
export const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Larger backup files are refused unread (50 MB: far beyond any real library). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** Bounds on each field and on what one message may carry. */
export const LIMITS = {
  /**
   * A paper or episode key. A `title:` key carries a whole normalised title: a title of at most
   * `title` characters, which Unicode decomposition can lengthen up to 18 times (NFKD turns one
   * `ﷺ` into 18), so every key made from an accepted title fits.
   */
  key: 64 * 1024,
  /** Keys asked about at once (a page shows a few hundred sources). */
  keys: 5_000,
  title: 2_000,
  author: 500,
  authors: 500,
  url: 4_096,
  id: 300,
  tag: 200,
  /** Tags of one paper (a restore joins two libraries' tags, so more than one person types). */
  tags: 500,
  /** A note (an imported one may be long: a reference manager's notes are kept whole). */
  note: 1_000_000,
  /** Sources in one episode's list. */
  sources: 5_000,
  recentPapers: 1_000,
  /** Rows in one page of a library list. */
  page: 500,
  /** A search with its operators. */
  query: 1_000,
  /** Episodes in one `recordCatalog` message (the content script sends a catalog in parts). */
  catalogBatch: 250,
  /** Seconds: far beyond any episode (a week). */
  seconds: 7 * 24 * 3600,
  backupChars: MAX_BACKUP_BYTES,
} as const;
