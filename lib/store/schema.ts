/**
 * The records Citecast keeps and the shape of its IndexedDB database. Every record carries
 * `modified`: for each of its fields, when it was last changed (epoch ms). Merges (backup
 * import, later sync) take the newest value per field from it. Key fields are not in `modified`:
 * a record's key never changes.
 */
import type { DBSchema } from 'idb';
import type { ReadState } from '@/lib/core/paper';
import type { ItemTimes, Tombstone } from '@/lib/store/merge';

/** The database's name in the extension's origin. */
export const DATABASE_NAME = 'citecast';

/** When each field of a record was last changed, epoch ms. A missing field was never set. */
export type FieldTimes<T> = Partial<Record<Exclude<keyof T, 'modified'>, number>>;

/** A paper in the library. Unsaving keeps the record (with `savedAt: null`) so merges see it. */
export interface PaperRecord {
  /** `arxiv:ID`, `doi:…` or `title:…` (see `paperKey`). */
  key: string;
  title: string | null;
  authors: string[];
  year: number | null;
  arxivId: string | null;
  doi: string | null;
  /** Every address the paper was cited or saved with, first seen first. */
  urls: string[];
  pdfUrl: string | null;
  /** When it was saved (epoch ms), `null` once unsaved; only saved papers are in `bySavedAt`. */
  savedAt: number | null;
  /** The episode it was saved from, when known. */
  savedFrom: string | null;
  readState: ReadState;
  tags: string[];
  /**
   * When tags were added and removed, one by one, where the list and `modified.tags` do not say
   * it (a tag removed, or added before the list's last change); absent when never edited so.
   * A merge keeps a tag when its latest add is later than its latest removal.
   */
  tagTimes?: Record<string, ItemTimes>;
  note: string;
  /**
   * Where the listener was when saving it: the episode playing on the page and the position, in
   * seconds ("saved at 12:34 in …"). Absent when nothing was playing; records made before moments
   * were kept, and old backups, do not have it.
   */
  savedMoment?: SavedMoment;
  modified: FieldTimes<PaperRecord>;
}

/** The moment a paper was saved at: an episode playing on the page and its position. */
export interface SavedMoment {
  episodeKey: string;
  /** Seconds into the episode. */
  position: number;
}

/** One source of an episode's source list as it stood when the episode was recorded. */
export interface SourceSnapshot {
  title: string | null;
  authors: string[];
  year: number | null;
  url: string | null;
  kind: 'paper' | 'episode' | 'other';
  arxivId: string | null;
  arxivVersion: number | null;
  doi: string | null;
  pdfUrl: string | null;
  /** For a cited episode of the show, the stem of its mp3. */
  episodeStem: string | null;
  /** The key the paper has (or would have) in the library; `null` for anything but a paper. */
  paperKey: string | null;
}

/** An episode seen on some page. */
export interface EpisodeRecord {
  /** The mp3 stem, or `show:` plus the normalised title (see `episodeKey`). */
  key: string;
  /** The mp3 stem when known. */
  stem: string | null;
  title: string | null;
  /**
   * The normalised title (since schema v2): finds the stem-keyed record of an episode that a page
   * shows by title only. Derived from `title`, so it has no time of its own in `modified`.
   */
  titleKey?: string;
  /** Publication date, `YYYY-MM-DD`. */
  published: string | null;
  /** Length in seconds. */
  duration: number | null;
  /** The page addresses the episode was seen on, first seen first. */
  pages: string[];
  /** The source list as last read in full. */
  sources: SourceSnapshot[];
  note: string;
  /** When Citecast first saw the episode (epoch ms). */
  firstSeenAt: number;
  modified: FieldTimes<EpisodeRecord>;
}

/** An episode citing a paper, at one position of its source list. Key: `[episodeKey, position]`. */
export interface CitationRecord {
  episodeKey: string;
  /** Index of the source in the episode's source list, from 0. */
  position: number;
  paperKey: string;
  /** The link exactly as the episode gives it. */
  url: string | null;
  /** The arXiv version the link cites, when it names one. */
  arxivVersion: number | null;
  /**
   * The identifiers the paper's own pages are found by (since schema v5): `arxiv:ID`, `doi:…`,
   * `openreview:ID`, from the link and the paper key (see `citationIds`). Derived, so it has no
   * time of its own in `modified`; absent when there is none.
   */
  ids?: string[];
  modified: FieldTimes<CitationRecord>;
}

/** Where the listener is with an episode. */
export type ListenState = 'unheard' | 'in_progress' | 'heard';

/** The listening log of one episode. Key: `episodeKey`. */
export interface ListenRecord {
  episodeKey: string;
  state: ListenState;
  /** Whether `state` was set by hand; then playback progress never changes it. */
  manual: boolean;
  /** Playback position in seconds. */
  position: number;
  /** Episode length in seconds, when known. */
  duration: number | null;
  /** When the episode became heard (epoch ms), `null` while it is not; only heard ones are in `byHeardAt`. */
  heardAt: number | null;
  /** Seconds actually played, summed over sessions. */
  playedSeconds: number;
  modified: FieldTimes<ListenRecord>;
}

/** The fields of a paper that carry a modified time (all but the key). */
export const PAPER_FIELDS = [
  'title',
  'authors',
  'year',
  'arxivId',
  'doi',
  'urls',
  'pdfUrl',
  'savedAt',
  'savedFrom',
  'readState',
  'tags',
  'note',
  'savedMoment',
] as const satisfies readonly (keyof PaperRecord)[];

/** The fields of an episode that carry a modified time (not the key nor the derived `titleKey`). */
export const EPISODE_FIELDS = [
  'stem',
  'title',
  'published',
  'duration',
  'pages',
  'sources',
  'note',
  'firstSeenAt',
] as const satisfies readonly (keyof EpisodeRecord)[];

/** The fields of a citation that carry a modified time (not its key `[episodeKey, position]`). */
export const CITATION_FIELDS = [
  'paperKey',
  'url',
  'arxivVersion',
] as const satisfies readonly (keyof CitationRecord)[];

/** The fields of a listen that carry a modified time (not its key `episodeKey`). */
export const LISTEN_FIELDS = [
  'state',
  'manual',
  'position',
  'duration',
  'heardAt',
  'playedSeconds',
] as const satisfies readonly (keyof ListenRecord)[];

/** The database schema for idb's typed API (the latest version). */
export interface CitecastSchema extends DBSchema {
  papers: {
    key: string;
    value: PaperRecord;
    indexes: { bySavedAt: number; byTag: string };
  };
  episodes: {
    key: string;
    value: EpisodeRecord;
    indexes: { byTitleKey: string };
  };
  citations: {
    key: [string, number];
    value: CitationRecord;
    indexes: { byPaperKey: string; byEpisodeKey: string; byUrl: string };
  };
  listens: {
    key: string;
    value: ListenRecord;
    indexes: { byHeardAt: number };
  };
  arxivCache: {
    key: string;
    value: ArxivCacheRecord;
    indexes: { byExpiresAt: number };
  };
  tombstones: {
    key: [string, string];
    value: Tombstone;
    indexes: { byDeletedAt: number };
  };
}

/** One paper of an arXiv API answer, as the cache keeps it. */
export interface ArxivEntry {
  /** The id without version: `2511.20172`, `hep-th/9901001`. */
  arxivId: string;
  /** The version this entry describes (the latest, unless a version was asked for). */
  version: number | null;
  /** Whitespace collapsed. */
  title: string;
  /** The abstract, whitespace collapsed. */
  summary: string;
  authors: string[];
  /** When version 1 was submitted (ISO 8601 as arXiv writes it), or `null`. */
  published: string | null;
  /** When the version of this entry was submitted, or `null`. */
  updated: string | null;
  /** The PDF of this version (https). */
  pdfUrl: string;
  /** The abstract page of this version (https). */
  absUrl: string;
  doi: string | null;
  journalRef: string | null;
  primaryCategory: string | null;
}

/**
 * A title-only source looked up on arXiv (since schema v3), keyed `title:` plus the normalised
 * title (the paper key the title would have). `resolved`: a strong match or the user's choice;
 * `weak`: a candidate only offered; `none`: nothing found, or the user unlinked it.
 */
export interface ArxivTitleRecord {
  key: string;
  kind: 'title';
  outcome: 'resolved' | 'weak' | 'none';
  /** The match's score, 0–1 (1 for the user's own choice). */
  confidence: number;
  /** The best candidate (resolved or offered), or `null`. */
  entry: ArxivEntry | null;
  /** Set by the user (link or unlink): never expires, never replaced by a lookup. */
  manual: boolean;
  /** When arXiv answered, or the user chose (epoch ms). */
  fetchedAt: number;
  /** When a lookup's answer goes stale (epoch ms); absent for the user's corrections. */
  expiresAt?: number;
}

/** An arXiv paper's metadata (latest version), keyed `paper:` plus the id without version. */
export interface ArxivPaperRecord {
  key: string;
  kind: 'paper';
  entry: ArxivEntry;
  fetchedAt: number;
  expiresAt: number;
}

/**
 * A record of the arXiv cache. Mostly a cache, left out of backups; the user's corrections
 * (`manual` title records) are the user's own and backups keep them (lib/store/backup/stores.ts).
 * "Delete everything" empties all of it.
 */
export type ArxivCacheRecord = ArxivTitleRecord | ArxivPaperRecord;

/**
 * The stores beyond {@link STORE_NAMES} (what "delete everything" also empties): caches of what
 * can be fetched again, though one may hold some of the user's records that backups keep (see
 * `BACKUP_COVERAGE` in lib/store/backup/stores.ts, the one list of what a backup covers).
 */
export const CACHE_STORE_NAMES = ['arxivCache'] as const;

/**
 * The store of remembered deletes (keys and times only), beyond {@link STORE_NAMES}: not a list
 * the library shows, but the user's history all the same, in backups and emptied by "delete
 * everything".
 */
export const HISTORY_STORE_NAMES = ['tombstones'] as const;

/** The names of the object stores. */
export type StoreName = 'papers' | 'episodes' | 'citations' | 'listens';

/** Every object store, in the order backups list them. */
export const STORE_NAMES: readonly StoreName[] = ['papers', 'episodes', 'citations', 'listens'];
