/**
 * Which object stores hold the user's data (in every backup, restored exactly) and which only
 * cache what can be fetched again (left out of backups). Every store of the database has its
 * entry: the type below fails to compile when a store is added to the schema without one, and a
 * unit test (tests/unit/store/backup-roundtrip.test.ts) fails when the opened database has a
 * store this list does not name, or a user store a backup leaves out.
 */
import type { StoreNames } from 'idb';
import type { BackupArxivLink } from '@/lib/store/backup/format';
import type { ArxivCacheRecord, CitecastSchema } from '@/lib/store/schema';

/**
 * How a backup covers a store: `user`, every record; `cache`, none (rebuilt as it is used);
 * `mixed`, the user's records only (which ones: {@link isBackedUpLink} for the arXiv cache).
 */
export type BackupCoverage = 'user' | 'cache' | 'mixed';

/** Every object store of the database, and how a backup covers it. */
export const BACKUP_COVERAGE: { readonly [K in StoreNames<CitecastSchema>]: BackupCoverage } = {
  // Saved papers with their tags, notes, read state and the moment they were saved at.
  papers: 'user',
  // Every episode seen (the show's catalog when imported), with its source list and notes.
  episodes: 'user',
  // Which episode cites which paper: the library's "cited by" comes from nothing else.
  citations: 'user',
  // The listening log: heard, position, time played, set by hand or by playing.
  listens: 'user',
  // arXiv's answers (title lookups and paper metadata) are a cache: they expire within days and
  // are asked again when needed, and a restore on another machine should not carry answers that
  // may be stale. But the user's corrections in it (a title linked by hand to a paper, or marked
  // "not this paper" / not on arXiv) are the user's own decisions: no lookup can rebuild them, and
  // losing a rejection brings back the wrong match. Backups keep those (`arxivLinks`).
  arxivCache: 'mixed',
  // What the user deleted, and what was merged into another record: keys and times only. A
  // restore must not bring those back, here or on another machine.
  tombstones: 'user',
};

/** Whether a record of the arXiv cache is a user's correction, which backups keep. */
export function isBackedUpLink(record: ArxivCacheRecord): record is BackupArxivLink {
  return record.kind === 'title' && record.manual && record.expiresAt === undefined;
}
