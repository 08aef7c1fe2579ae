/**
 * The backup file format, version 1: one JSON object with papers, episodes, citations and the
 * listening log. Records are written as stored, except listens, which are written PortCast-like
 * (`unplayed` / `in_progress` / `completed`, position, ISO timestamps).
 */
import type {
  FieldTimes,
  ListenRecord,
  ListenState,
  PaperRecord,
  EpisodeRecord,
  CitationRecord,
} from './schema';

/** The `format` every Citecast backup names. */
export const BACKUP_FORMAT = 'citecast-backup';

/** The backup file version this code writes and reads. */
export const BACKUP_VERSION = 1;

/** Larger backup files are refused unread (50 MB: far beyond any real library). */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

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

/** A whole backup file. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  papers: PaperRecord[];
  episodes: EpisodeRecord[];
  citations: CitationRecord[];
  listens: BackupListen[];
}

/** The outcome of reading a backup file: the checked backup, or why it is refused. */
export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; reason: string };

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
    completedAt: listen.heardAt === null ? null : new Date(listen.heardAt).toISOString(),
    updatedAt: times.length > 0 ? new Date(Math.max(...times)).toISOString() : null,
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
