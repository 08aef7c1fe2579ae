/**
 * The store: Citecast's IndexedDB (papers, episodes, citations, listens), owned by the
 * background. Open it with `openStore`; every other function takes the open `Store`.
 */
export { openStore, type OpenStoreOptions, type Store } from './db';
export {
  episodeKey,
  episodeStemOf,
  episodeTitleKey,
  normaliseDoi,
  normaliseTitle,
  paperKey,
  type EpisodeIdentity,
  type PaperIdentity,
} from './keys';
export { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
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
} from './papers';
export {
  citationsOfEpisode,
  citationsOfPaper,
  getEpisode,
  recordEpisode,
  setEpisodeNote,
  type EpisodeSighting,
  type SnapshotSource,
} from './episodes';
export {
  getListen,
  recentlyHeard,
  recordProgress,
  setHeard,
  type ListeningProgress,
} from './listens';
export {
  exportBackup,
  exportBackupJson,
  importBackup,
  type ImportCounts,
  type ImportReport,
  type ImportResult,
} from './backup';
export { readBackup } from './backup-check';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type Backup,
  type BackupListen,
  type BackupReadResult,
} from './backup-format';
export { deleteEverything } from './clear';
export type {
  CitationRecord,
  EpisodeRecord,
  ListenRecord,
  ListenState,
  PaperRecord,
  ReadState,
  SourceSnapshot,
} from './schema';
