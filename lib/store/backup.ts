/**
 * Backup and restore. Export writes all the user's data in one file (see backup-format.ts).
 * Import checks the whole file first (backup-check.ts), then merges field by field (newest value
 * wins; tags, notes and address lists are joined) in one transaction over every store, so it is
 * all or nothing, and reports what it added, updated and skipped per part of the file.
 *
 * What is user data and what is a cache is said once, per object store, in
 * {@link BACKUP_COVERAGE} (backup-stores.ts); a unit test holds every store of the database to it.
 */
import type { ErrorText } from '../i18n/errors';
import { readBackup, tooLarge } from './backup-check';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  listenFromBackup,
  listenToBackup,
  MAX_BACKUP_BYTES,
  type Backup,
  type BackupArxivLink,
  type BackupSection,
} from './backup-format';
import { BACKUP_COVERAGE, isBackedUpLink } from './backup-stores';
import type { Store } from './db';
import { CITATION_MERGE_RULES, EPISODE_MERGE_RULES, withTitleKey } from './episodes';
import { sameValue } from './fields';
import { mergeListens } from './listens';
import { mergeRecord } from './merge';
import { PAPER_MERGE_RULES } from './papers';
import type { ArxivCacheRecord } from './schema';

/** What an import did in one store. */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Records already there with nothing newer in the file. */
  skipped: number;
}

/** What an import did, per part of the file (each store, and the arXiv links). */
export type ImportReport = Record<BackupSection, ImportCounts>;

/**
 * The outcome of an import: its report, or why the file was refused (then nothing changed):
 * `problem` for the page to show in its language, `reason` the same in English.
 */
export type ImportResult =
  { ok: true; report: ImportReport } | { ok: false; reason: string; problem: ErrorText };

/** The stores a backup reads or writes: every store with anything of the user's in it. */
const BACKUP_STORES = (Object.keys(BACKUP_COVERAGE) as (keyof typeof BACKUP_COVERAGE)[]).filter(
  (name) => BACKUP_COVERAGE[name] !== 'cache',
);

/**
 * The user's arXiv links among the arXiv cache's records. The whole store is read: corrections
 * have no expiry, so no index holds them alone, and the cache stays small (lookups prune what
 * expired).
 */
function linksOf(records: readonly ArxivCacheRecord[]): BackupArxivLink[] {
  return records.filter(isBackedUpLink);
}

/** All the user's data in the store as a backup. One read transaction: the copy is consistent. */
export async function exportBackup(store: Store): Promise<Backup> {
  const tx = store.db.transaction(BACKUP_STORES, 'readonly');
  const [papers, episodes, citations, listens, arxivCache] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('episodes').getAll(),
    tx.objectStore('citations').getAll(),
    tx.objectStore('listens').getAll(),
    tx.objectStore('arxivCache').getAll(),
  ]);
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(store.now()).toISOString(),
    papers,
    episodes,
    citations,
    listens: listens.map(listenToBackup),
    arxivLinks: linksOf(arxivCache),
  };
}

/**
 * The arXiv link to keep when the store has `local` for the same title and the file `incoming`:
 * a user's correction always replaces a lookup's answer (as it does when the user makes it);
 * between two corrections the later one wins (`fetchedAt` is when the user chose), the stored
 * one on a tie.
 */
export function mergeArxivLink(
  local: ArxivCacheRecord,
  incoming: BackupArxivLink,
): ArxivCacheRecord {
  if (!isBackedUpLink(local)) return incoming;
  return incoming.fetchedAt > local.fetchedAt ? incoming : local;
}

/** The backup file's text: `exportBackup` as indented JSON. */
export async function exportBackupJson(store: Store): Promise<string> {
  return JSON.stringify(await exportBackup(store), null, 2);
}

/**
 * Merges `records` into one object store of an open read-write transaction (a backup import's,
 * or a library import's): a record whose key is new is added; otherwise `merge(local, incoming)`
 * is written unless it equals the stored record. Returns what it added, updated and skipped.
 */
export async function mergeInto<T extends object, K>(
  objectStore: {
    get(key: K): Promise<T | undefined>;
    put(value: T): Promise<unknown>;
  },
  records: readonly T[],
  keyOf: (record: T) => K,
  merge: (local: T, incoming: T) => T,
  finish: (record: T) => T = (record) => record,
): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
  const existing = await Promise.all(records.map((r) => objectStore.get(keyOf(r))));
  const writes: Promise<unknown>[] = [];
  records.forEach((incoming, i) => {
    const local = existing[i];
    if (!local) {
      counts.added++;
      writes.push(objectStore.put(finish(incoming)));
      return;
    }
    const merged = finish(merge(local, incoming));
    if (sameValue(merged, local)) {
      counts.skipped++;
    } else {
      counts.updated++;
      writes.push(objectStore.put(merged));
    }
  });
  await Promise.all(writes);
  return counts;
}

/**
 * Imports a backup file (its text, or the file itself). The whole file is checked first; a
 * malformed, foreign, newer or larger-than-`maxBytes` file is refused with its reason and
 * nothing changes. Then every record merges with the stored one field by field, in one
 * transaction over all stores: if anything fails midway the transaction is aborted, nothing
 * changes, and the error is thrown.
 */
export async function importBackup(
  store: Store,
  file: string | Blob,
  maxBytes: number = MAX_BACKUP_BYTES,
): Promise<ImportResult> {
  if (typeof file !== 'string' && file.size > maxBytes) return tooLarge(maxBytes);
  const read = readBackup(typeof file === 'string' ? file : await file.text(), maxBytes);
  if (!read.ok) return read;
  const { backup } = read;
  const tx = store.db.transaction(BACKUP_STORES, 'readwrite');
  // An abort rejects `done`; the error is reported through the rethrow below instead.
  tx.done.catch(() => {});
  try {
    const papers = await mergeInto(
      tx.objectStore('papers'),
      backup.papers,
      (p) => p.key,
      (a, b) => mergeRecord(a, b, PAPER_MERGE_RULES),
    );
    const episodes = await mergeInto(
      tx.objectStore('episodes'),
      backup.episodes,
      (e) => e.key,
      (a, b) => mergeRecord(a, b, EPISODE_MERGE_RULES),
      withTitleKey,
    );
    const citations = await mergeInto(
      tx.objectStore('citations'),
      backup.citations,
      (c): [string, number] => [c.episodeKey, c.position],
      (a, b) => mergeRecord(a, b, CITATION_MERGE_RULES),
    );
    const listens = await mergeInto(
      tx.objectStore('listens'),
      backup.listens.map(listenFromBackup),
      (l) => l.episodeKey,
      mergeListens,
    );
    // Records of the arXiv cache have no per-field times: a whole link is kept or replaced.
    const arxivLinks = await mergeInto<ArxivCacheRecord, string>(
      tx.objectStore('arxivCache'),
      backup.arxivLinks ?? [],
      (link) => link.key,
      (local, incoming) => mergeArxivLink(local, incoming as BackupArxivLink),
    );
    await tx.done;
    return { ok: true, report: { papers, episodes, citations, listens, arxivLinks } };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
}
