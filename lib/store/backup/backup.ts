/**
 * Backup and restore. Export writes all the user's data in one file (see lib/store/backup/format.ts).
 * Import checks the whole file first (lib/store/backup/check.ts), then merges field by field (newest value
 * wins; tags, notes and address lists are joined) in one transaction over every store, so it is
 * all or nothing, and reports what it added, updated and skipped per part of the file.
 *
 * What is user data and what is a cache is said once, per object store, in
 * {@link BACKUP_COVERAGE} (lib/store/backup/stores.ts); a unit test holds every store of the database to it.
 */
import type { IDBPTransaction } from 'idb';
import { hasBidi, withoutBidi, withoutBidiOrNull } from '@/lib/core/bidi';
import type { ErrorText } from '@/lib/i18n/errors';
import type { Settings } from '@/lib/settings';
import { readBackup, tooLarge } from '@/lib/store/backup/check';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  listenFromBackup,
  listenToBackup,
  MAX_BACKUP_BYTES,
  type Backup,
  type BackupArxivLink,
  type BackupSection,
} from '@/lib/store/backup/format';
import { BACKUP_COVERAGE, isBackedUpLink } from '@/lib/store/backup/stores';
import type { Store } from '@/lib/store/db';
import {
  mergeHistoryInto,
  mergeInto,
  type HistoryTransaction,
  type ImportCounts,
} from '@/lib/store/history';
import type {
  ArxivCacheRecord,
  CitecastSchema,
  EpisodeRecord,
  PaperRecord,
} from '@/lib/store/schema';

export type { ImportCounts };

/** What an import did, per part of the file (each store, and the arXiv links). */
export type ImportReport = Record<BackupSection, ImportCounts>;

/**
 * The outcome of an import: its report, or why the file was refused (then nothing changed):
 * `problem` for the page to show in its language, `reason` the same in English.
 */
export type ImportResult =
  | { ok: true; report: ImportReport; settings?: Settings }
  | { ok: false; reason: string; problem: ErrorText };

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
export async function exportBackup(store: Store, settings?: Settings): Promise<Backup> {
  const tx = store.db.transaction(BACKUP_STORES, 'readonly');
  const [papers, episodes, citations, listens, arxivCache, tombstones] = await Promise.all([
    tx.objectStore('papers').getAll(),
    tx.objectStore('episodes').getAll(),
    tx.objectStore('citations').getAll(),
    tx.objectStore('listens').getAll(),
    tx.objectStore('arxivCache').getAll(),
    tx.objectStore('tombstones').getAll(),
  ]);
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(store.now()).toISOString(),
    papers,
    episodes,
    // The index's ids are derived from the link and the key: a restore derives them again.
    citations: citations.map(({ ids: _ids, ...citation }) => citation),
    listens: listens.map(listenToBackup),
    arxivLinks: linksOf(arxivCache),
    tombstones,
    ...(settings ? { settings } : {}),
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
export async function exportBackupJson(store: Store, settings?: Settings): Promise<string> {
  return JSON.stringify(await exportBackup(store, settings), null, 2);
}

/** A restored paper with its title and addresses free of bidirectional controls. */
function cleanPaper(paper: PaperRecord): PaperRecord {
  // Most records have none: they are kept as they are, with no copy.
  if (!hasBidi(paper.title) && !hasBidi(paper.pdfUrl) && !paper.urls.some(hasBidi)) return paper;
  return {
    ...paper,
    title: withoutBidiOrNull(paper.title),
    urls: paper.urls.map(withoutBidi),
    pdfUrl: withoutBidiOrNull(paper.pdfUrl),
  };
}

/** A restored episode with its titles and addresses free of bidirectional controls. */
function cleanEpisode(episode: EpisodeRecord): EpisodeRecord {
  const clean =
    !hasBidi(episode.title) &&
    !episode.pages.some(hasBidi) &&
    !episode.sources.some((s) => hasBidi(s.title) || hasBidi(s.url) || hasBidi(s.pdfUrl));
  if (clean) return episode;
  return {
    ...episode,
    title: withoutBidiOrNull(episode.title),
    pages: episode.pages.map(withoutBidi),
    sources: episode.sources.map((s) => ({
      ...s,
      title: withoutBidiOrNull(s.title),
      url: withoutBidiOrNull(s.url),
      pdfUrl: withoutBidiOrNull(s.pdfUrl),
    })),
  };
}

/** How a restore treats the library: merged with the file, or replaced by it. */
export type RestoreMode = 'merge' | 'replace';

/** The read-write transaction of a restore, over every store a backup covers. */
type BackupTransaction = IDBPTransaction<CitecastSchema, typeof BACKUP_STORES, 'readwrite'>;

/**
 * Imports a backup file (its text, or the file itself). The whole file is checked first; a
 * malformed, foreign, newer or larger-than-`maxBytes` file is refused with its reason and
 * nothing changes. Then, in one transaction over all stores: with `merge`, every record merges
 * with the stored one by the merge rules (merge.ts: the newer change wins, field by field and
 * tag by tag, and nothing deleted after a record's last change comes back); with `replace`,
 * the library is emptied first and holds what the file holds. If anything fails midway the
 * transaction is aborted, nothing changes, and the error is thrown. The file's settings come
 * back with the report, for the caller to apply on a replace.
 */
export async function importBackup(
  store: Store,
  file: string | Blob,
  maxBytes: number = MAX_BACKUP_BYTES,
  mode: RestoreMode = 'merge',
): Promise<ImportResult> {
  if (typeof file !== 'string' && file.size > maxBytes) return tooLarge(maxBytes);
  const read = readBackup(typeof file === 'string' ? file : await file.text(), maxBytes);
  if (!read.ok) return read;
  const { backup } = read;
  const tx = store.db.transaction(BACKUP_STORES, 'readwrite');
  // An abort rejects `done`; the error is reported through the rethrow below instead.
  tx.done.catch(() => {});
  try {
    if (mode === 'replace') await clearUserData(tx);
    const { papers, episodes, citations, listens, tombstones } = await mergeHistoryInto(
      // The restore's transaction covers the arXiv cache too, beyond what the merge touches.
      tx as unknown as HistoryTransaction,
      {
        papers: backup.papers.map(cleanPaper),
        episodes: backup.episodes.map(cleanEpisode),
        citations: backup.citations,
        listens: backup.listens.map(listenFromBackup),
        tombstones: backup.tombstones ?? [],
      },
    );
    // Records of the arXiv cache have no per-field times: a whole link is kept or replaced.
    const arxivLinks = await mergeInto<ArxivCacheRecord, string>(
      tx.objectStore('arxivCache'),
      backup.arxivLinks ?? [],
      (link) => link.key,
      (local, incoming) => mergeArxivLink(local, incoming as BackupArxivLink),
    );
    await tx.done;
    return {
      ok: true,
      report: { papers, episodes, citations, listens, arxivLinks, tombstones },
      settings: backup.settings,
    };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
}

/**
 * Empties what a backup covers, inside the restore's transaction, for "replace my library":
 * every user store, and the user's own arXiv links (the cache of lookups stays).
 */
async function clearUserData(tx: BackupTransaction): Promise<void> {
  for (const name of BACKUP_STORES) {
    if (BACKUP_COVERAGE[name] === 'user') await tx.objectStore(name).clear();
  }
  const cache = tx.objectStore('arxivCache');
  for (let cursor = await cache.openCursor(); cursor; cursor = await cursor.continue()) {
    if (isBackedUpLink(cursor.value)) await cursor.delete();
  }
}
