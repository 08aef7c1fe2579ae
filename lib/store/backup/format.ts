/**
 * The backup file format, version 2: one JSON object with papers, episodes, citations, the
 * listening log and the user's arXiv links. Records are written as stored, except listens, which
 * are written PortCast-like (`unplayed` / `in_progress` / `completed`, position, ISO timestamps).
 *
 * Versions: 1 had no `arxivLinks`; 2 added them (the titles the user linked to an arXiv paper,
 * or marked as not on arXiv); 3 added `tombstones` (what was deleted, and when), `settings`,
 * and the papers' `tagTimes`. This code reads all three: an older file simply lacks the newer
 * parts. An older Citecast refuses a newer file as "made by a newer Citecast" instead of
 * failing on the unknown fields, which is why the version goes up.
 */
import type {
  ArxivTitleRecord,
  FieldTimes,
  ListenRecord,
  ListenState,
  PaperRecord,
  EpisodeRecord,
  CitationRecord,
} from '@/lib/store/schema';
import type { ErrorText } from '@/lib/i18n/errors';
import { LATEST_TIME, MAX_BACKUP_BYTES } from '@/lib/core/limits';
import type { Settings } from '@/lib/settings';
import type { Tombstone } from '@/lib/store/merge';

/** The `format` every Citecast backup names. */
export const BACKUP_FORMAT = 'citecast-backup';

/** The backup file version this code writes (it reads this one and every older one). */
export const BACKUP_VERSION = 3;

/** Every version this code reads, oldest first. */
export const READABLE_BACKUP_VERSIONS = [1, 2, 3] as const;

/** A version this code reads. */
export type BackupVersion = (typeof READABLE_BACKUP_VERSIONS)[number];

/** Larger backup files are refused unread (the bound is kept with the others, lib/limits.ts). */
export { MAX_BACKUP_BYTES };

/** A listen's state as the backup file writes it (PortCast-like). */
export type BackupListenStatus = 'unplayed' | 'in_progress' | 'completed';

/** A listen as the backup file writes it. */
export interface BackupListen {
  episodeKey: string;
  status: BackupListenStatus;
  /** Whether the status was set by hand. */
  manual: boolean;
  /** Playback position, seconds. */
  position: number;
  /** Length, seconds. */
  duration: number | null;
  /** Seconds actually played. */
  playedSeconds: number;
  /** When the episode was completed (heard), ISO 8601. */
  completedAt: string | null;
  /** When anything in the listen last changed, ISO 8601 (derived from `modified`; not read back). */
  updatedAt: string | null;
  /** Per-field modified times, by Citecast's field names. */
  modified: FieldTimes<ListenRecord>;
}

/**
 * A correction the user made to the arXiv lookup of a title (`manual: true` in the arXiv cache):
 * linked to a paper (`resolved`, with its entry) or not on arXiv (`none`, no entry). Written as
 * stored; it has no expiry.
 */
export type BackupArxivLink = ArxivTitleRecord & { manual: true; expiresAt?: never };

/** A whole backup file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: BackupVersion;
  /** ISO 8601. */
  exportedAt: string;
  papers: PaperRecord[];
  episodes: EpisodeRecord[];
  citations: CitationRecord[];
  listens: BackupListen[];
  /** Since version 2; a version 1 file has none. */
  arxivLinks?: BackupArxivLink[];
  /** Since version 3: the deletes remembered when the file was made. */
  tombstones?: Tombstone[];
  /** Since version 3: the settings when the file was made (restored by "replace" only). */
  settings?: Settings;
}

/** The parts of a backup an import reports on: the stores, then the arXiv links. */
export const BACKUP_SECTIONS = [
  'papers',
  'episodes',
  'citations',
  'listens',
  'arxivLinks',
  'tombstones',
] as const;

/** One part of a backup. */
export type BackupSection = (typeof BACKUP_SECTIONS)[number];

/**
 * The outcome of reading a backup file: the checked backup, or why it is refused (`problem`, for
 * the page to show in its language; `reason`, the same in English).
 */
export type BackupReadResult =
  { ok: true; backup: Backup } | { ok: false; reason: string; problem: ErrorText };

const STATUS_OF: Record<ListenState, BackupListenStatus> = {
  unheard: 'unplayed',
  in_progress: 'in_progress',
  heard: 'completed',
};

const STATE_OF: Record<BackupListenStatus, ListenState> = {
  unplayed: 'unheard',
  in_progress: 'in_progress',
  completed: 'heard',
};

/**
 * `ms` as an ISO 8601 date-time, held to the years a backup can carry (1970 to 9999): a time
 * out of that range, stored before imports refused it, must not make every export throw.
 */
function isoTime(ms: number): string {
  return new Date(Math.min(Math.max(ms, 0), LATEST_TIME)).toISOString();
}

/** A listen in its backup form. */
export function listenToBackup(listen: ListenRecord): BackupListen {
  const times = Object.values(listen.modified).filter((t): t is number => t !== undefined);
  return {
    episodeKey: listen.episodeKey,
    status: STATUS_OF[listen.state],
    manual: listen.manual,
    position: listen.position,
    duration: listen.duration,
    playedSeconds: listen.playedSeconds,
    completedAt: listen.heardAt === null ? null : isoTime(listen.heardAt),
    updatedAt: times.length > 0 ? isoTime(Math.max(...times)) : null,
    modified: { ...listen.modified },
  };
}

/** A listen from its backup form. */
export function listenFromBackup(listen: BackupListen): ListenRecord {
  return {
    episodeKey: listen.episodeKey,
    state: STATE_OF[listen.status],
    manual: listen.manual,
    position: listen.position,
    duration: listen.duration,
    heardAt: listen.completedAt === null ? null : Date.parse(listen.completedAt),
    playedSeconds: listen.playedSeconds,
    modified: { ...listen.modified },
  };
}
