/**
 * Schema migrations: a versioned list of upgrade steps, applied in order inside IndexedDB's
 * upgrade transaction. Steps only ever add stores, indexes and derived fields: no step may delete
 * a store (a unit test runs every upgrade path and fails on any `deleteObjectStore`). A new
 * version is a new entry at the end of `MIGRATIONS`; existing entries are never edited.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { normaliseTitle } from '@/lib/core/keys';
import { withCitationIds } from '@/lib/store/citation-ids';
import type { CitecastSchema } from '@/lib/store/schema';

/** The upgrade transaction's database, as a migration sees it. */
export type UpgradeDatabase = IDBPDatabase<CitecastSchema>;

/** The upgrade transaction, as a migration sees it. */
export type UpgradeTransaction = IDBPTransaction<
  CitecastSchema,
  StoreNames<CitecastSchema>[],
  'versionchange'
>;

/** One upgrade step: what the database at `version - 1` must do to become `version`. */
export interface Migration {
  version: number;
  /** What the step adds, for people reading the list. */
  description: string;
  /** Runs inside the upgrade transaction; may only await requests of that transaction. */
  upgrade(db: UpgradeDatabase, tx: UpgradeTransaction): void | Promise<void>;
}

/** Every schema version, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'papers, episodes, citations and listens, with the indexes the UI asks for',
    upgrade(db) {
      const papers = db.createObjectStore('papers', { keyPath: 'key' });
      papers.createIndex('bySavedAt', 'savedAt');
      papers.createIndex('byTag', 'tags', { multiEntry: true });
      db.createObjectStore('episodes', { keyPath: 'key' });
      const citations = db.createObjectStore('citations', {
        keyPath: ['episodeKey', 'position'],
      });
      citations.createIndex('byPaperKey', 'paperKey');
      citations.createIndex('byEpisodeKey', 'episodeKey');
      const listens = db.createObjectStore('listens', { keyPath: 'episodeKey' });
      listens.createIndex('byHeardAt', 'heardAt');
    },
  },
  {
    version: 2,
    description:
      'episodes by normalised title, so a page showing only the title finds the stem-keyed episode',
    async upgrade(_db, tx) {
      const episodes = tx.objectStore('episodes');
      episodes.createIndex('byTitleKey', 'titleKey');
      // Fill in the derived field on the records v1 wrote; nothing else in them changes.
      for (let cursor = await episodes.openCursor(); cursor; cursor = await cursor.continue()) {
        const record = cursor.value;
        const titleKey = record.title ? normaliseTitle(record.title) : '';
        if (titleKey && record.titleKey !== titleKey) await cursor.update({ ...record, titleKey });
      }
    },
  },
  {
    version: 3,
    description:
      'arxivCache: arXiv lookups of title-only sources and paper metadata, with their expiry',
    upgrade(db) {
      // A new store only: nothing earlier changes.
      const cache = db.createObjectStore('arxivCache', { keyPath: 'key' });
      cache.createIndex('byExpiresAt', 'expiresAt');
    },
  },
  {
    version: 4,
    description:
      'tombstones: the keys of deleted or merged-away records and when they went, so a restore does not bring them back',
    upgrade(db) {
      // A new store only: nothing earlier changes.
      const tombstones = db.createObjectStore('tombstones', { keyPath: ['kind', 'key'] });
      tombstones.createIndex('byDeletedAt', 'deletedAt');
    },
  },
  {
    version: 5,
    description:
      'citations by the ids of the cited paper (arXiv id, DOI, OpenReview forum id), so a paper page finds the episodes citing it',
    async upgrade(_db, tx) {
      const citations = tx.objectStore('citations');
      citations.createIndex('byUrl', 'ids', { multiEntry: true });
      // Fill in the derived field on the records earlier versions wrote; nothing else changes.
      for (let cursor = await citations.openCursor(); cursor; cursor = await cursor.continue()) {
        const next = withCitationIds(cursor.value);
        if (next !== cursor.value) await cursor.update(next);
      }
    },
  },
];

/** The latest schema version. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies, in order, every step of `migrations` with `oldVersion < version <= newVersion`. Each
 * step finishes before the next starts. Throws when the list is not numbered 1, 2, 3, ….
 */
export async function applyMigrations(
  db: UpgradeDatabase,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTransaction,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i} has version ${m.version}`);
  });
  for (const migration of migrations) {
    if (migration.version > oldVersion && migration.version <= newVersion) {
      await migration.upgrade(db, tx);
    }
  }
}
