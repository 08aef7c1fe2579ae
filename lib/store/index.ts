/**
 * The store: Citecast's IndexedDB (papers, episodes, citations, listens), owned by the
 * background. Open it with `openStore`; every other function takes the open `Store`.
 */
export { openStore, type OpenStoreOptions, type Store } from '@/lib/store/db';
export {
  episodeKey,
  episodeStemOf,
  episodeTitleKey,
  normaliseDoi,
  normaliseTitle,
  paperKey,
  type EpisodeIdentity,
  type PaperIdentity,
} from '@/lib/store/keys';
export { LATEST_VERSION, MIGRATIONS, type Migration } from '@/lib/store/migrations';
export {
  getPaper,
  isSaved,
  papersWithTag,
  recentPapers,
  savePaper,
  setNote,
  setReadState,
  setTags,
  unsavePaper,
  type SavableSource,
} from '@/lib/store/papers';
export {
  citationsOfEpisode,
  citationsOfPaper,
  getEpisode,
  recordEpisode,
  setEpisodeNote,
  type EpisodeSighting,
  type SnapshotSource,
} from '@/lib/store/episodes';
export {
  getListen,
  recentlyHeard,
  recordProgress,
  setHeard,
  type ListeningProgress,
} from '@/lib/store/listens';
export {
  exportBackup,
  exportBackupJson,
  importBackup,
  type ImportCounts,
  type ImportReport,
  type ImportResult,
} from '@/lib/store/backup';
export { readBackup } from '@/lib/store/backup-check';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type Backup,
  type BackupListen,
  type BackupReadResult,
} from '@/lib/store/backup-format';
export { deleteEverything } from '@/lib/store/clear';
export type {
  CitationRecord,
  EpisodeRecord,
  ListenRecord,
  ListenState,
  PaperRecord,
  ReadState,
  SourceSnapshot,
} from '@/lib/store/schema';
