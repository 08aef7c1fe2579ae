/**
 * Every request the background answers, declared once: what it carries, what it answers and who
 * may send it. The background's schemas (lib/schemas/requests.ts) and its handler
 * table are type-checked against this table, so a request missing from either, or one they have
 * and this table does not, is a type error.
 *
 * Declaring a request pulls in no schema library: the content script imports this file.
 */
import type { ReadState, SavableSource, SnapshotSource } from '@/lib/core/paper';
import type { ArxivAccess, ArxivMetadata, ArxivStatus, ArxivTitleStatus } from '@/lib/arxiv/status';
import type { LibraryImportProgress, LibraryImportReport } from '@/lib/export/library-import';
import type { ImportReport } from '@/lib/store/backup/backup';
import type { CatalogStats } from '@/lib/store/catalog';
import type { Discussed } from '@/lib/store/discussed';
import type { RecentSaves } from '@/lib/store/library/recent-saves';
import type { ListenState, PaperRecord } from '@/lib/store/schema';
import type {
  EpisodeDetail,
  EpisodePage,
  EpisodeQuery,
  OverlapView,
  PaperDetail,
  PaperExportFormat,
  PaperPage,
  PaperQuery,
  RecentListen,
  StatsView,
} from '@/lib/store/library/types';
import type { SyncStatus } from '@/lib/sync/service';
import type { MarksReply, SendReply } from '@/lib/zotero/send';

/**
 * Who may send a request: `any` (content scripts too) or `extension` (only the extension's own
 * pages: popup, library). Reading or replacing the whole library is never left to a content script.
 */
export type Access = 'any' | 'extension';

/** One request: who may send it; its payload and answer types ride along for the type checker. */
export interface Request<Data, Reply> {
  access: Access;
  /** Never set: carries the types only. */
  types?: { data: Data; reply: Reply };
}

function request<Data, Reply>(access: Access): Request<Data, Reply> {
  return { access };
}

/** A request that carries nothing. */
export type NoData = Record<string, never> | null | undefined;

/** An episode as a page shows it (a found episode without its description and DOM location). */
export interface EpisodeSnapshot {
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** Seconds. */
  duration: number | null;
  audioUrl: string | null;
  visualizationUrl: string | null;
  sources: SnapshotSource[];
  cutShort?: boolean;
}

/** A listen as pages show it. */
export interface ListenSummary {
  state: ListenState;
  /** Seconds. */
  position: number;
  /** Seconds, when known. */
  duration: number | null;
  /** When it became heard (epoch ms), while it is heard; else `null`. */
  heardAt: number | null;
}

/** What the store can tell about itself. */
export interface StoreStatus {
  /** The database's schema version. */
  version: number;
  /** Whether the browser keeps the data under storage pressure; `null` when it cannot tell. */
  persisted: boolean | null;
  /** Bytes used and available to the extension's origin, when the browser says. */
  usage: number | null;
  quota: number | null;
}

/** What an import of the show's feed did. */
export interface FeedImportReport {
  /** Items the feed holds. */
  episodes: number;
  /** Episodes recorded (every item with an mp3, a visualization link or a title). */
  recorded: number;
  /** Their keys, in feed order (for the change broadcast). */
  keys: string[];
}

type Keys = { keys: string[] };
type Limit = { limit: number };
type Key = { key: string };
type Written = { text: string; count: number };

/** Every request, with its payload, its answer and who may send it. */
export const REQUESTS = {
  /** Saves a source; `moment`: the episode playing on the page when it was saved, and where. */
  savePaper: request<
    {
      source: SavableSource;
      episodeKey?: string | null;
      moment?: { episodeKey: string; position: number };
    },
    PaperRecord
  >('any'),
  unsavePaper: request<Key, PaperRecord>('any'),
  // Only the library edits these; a page has no reason to touch a paper's notes or tags.
  setReadState: request<{ key: string; readState: ReadState }, PaperRecord>('extension'),
  setTags: request<{ key: string; tags: string[] }, PaperRecord>('extension'),
  setNote: request<{ key: string; note: string }, PaperRecord>('extension'),
  /** Whether each key is a saved paper (every key asked is in the answer). */
  savedStates: request<Keys, Record<string, boolean>>('any'),
  /**
   * Records an episode seen on a page; answers its key. `showPage`: the page shows it is the
   * show's own; else a host's page only fills gaps.
   */
  recordEpisode: request<
    { episode: EpisodeSnapshot; pageUrl: string; showPage?: boolean },
    { key: string }
  >('any'),
  setHeard: request<{ episodeKey: string; heard: boolean }, ListenSummary>('any'),
  recordProgress: request<
    { episodeKey: string; position: number; duration: number | null; playedSince: number },
    ListenSummary
  >('any'),
  /** The listen of each episode (`unheard` at 0 for one never played). */
  listenStates: request<{ episodeKeys: string[] }, Record<string, ListenSummary>>('any'),
  storeStatus: request<NoData, StoreStatus>('any'),
  /**
   * The saved papers among `keys` as BibTeX, in citation-key order (keys of papers not saved are
   * left out); `count` is the number of entries.
   */
  bibtex: request<Keys, Written>('any'),
  /** One source as a BibTeX entry, saved or not (nothing is written). */
  sourceBibtex: request<{ source: SavableSource }, { text: string }>('any'),
  recentPapers: request<Limit, PaperRecord[]>('extension'),
  /** The backup file's text. */
  exportBackup: request<NoData, { text: string }>('extension'),
  /** `mode`: `merge` (the default) or `replace` (the page asked the user first). */
  importBackup: request<{ text: string; mode?: 'merge' | 'replace' }, ImportReport>('extension'),
  /**
   * Merges a BibTeX, RIS or CSL-JSON library (as Zotero exports it) into the saved papers, never
   * overwriting a value the library has; refused as a whole (`invalid`, with its reason) when the
   * file cannot be read. `format` null: told from the file's first lines.
   */
  importLibrary: request<
    { text: string; format: 'bibtex' | 'ris' | 'csl-json' | null },
    LibraryImportReport
  >('extension'),
  /** How far the running library import got; asked while it runs. */
  libraryImportProgress: request<NoData, LibraryImportProgress>('extension'),
  /** Stops the running library import after the chunk it is writing. */
  cancelLibraryImport: request<NoData, { cancelled: boolean }>('extension'),
  deleteEverything: request<{ confirm: true }, { deleted: true }>('extension'),
  // Library and popup queries.
  /** The newest saved papers, cheap before the library copy is built (then without the total). */
  recentSaves: request<Limit, RecentSaves>('extension'),
  /** Builds the library copy and its search index; answers when built, whether it was before. */
  warmLibrary: request<NoData, { built: boolean }>('extension'),
  /** One page of saved papers (search, filters, sort). */
  queryPapers: request<PaperQuery, PaperPage>('extension'),
  paperDetail: request<Key, PaperDetail>('extension'),
  /** Unsaves papers; answers the records as they were, for undo with `restorePapers`. */
  unsavePapers: request<Keys, { papers: PaperRecord[] }>('extension'),
  /**
   * Puts back papers `unsavePapers` answered (undo), each checked like a backup's paper; answers
   * how many were restored.
   */
  restorePapers: request<{ papers: unknown[] }, { count: number }>('extension'),
  /** One page of the listening log. */
  queryEpisodes: request<EpisodeQuery, EpisodePage>('extension'),
  episodeDetail: request<Key, EpisodeDetail>('extension'),
  /** Changes when a heard episode was heard (epoch ms); marks it heard by hand. */
  setHeardAt: request<{ episodeKey: string; heardAt: number }, ListenSummary>('extension'),
  /** Deletes an episode's listening log entry (the episode stays known). */
  deleteListen: request<{ episodeKey: string }, { deleted: boolean }>('extension'),
  setEpisodeNote: request<{ key: string; note: string }, { key: string }>('extension'),
  /** Unheard episodes citing saved papers, most saved papers first. */
  overlapEpisodes: request<Limit, OverlapView[]>('extension'),
  stats: request<{ now?: number }, StatsView>('extension'),
  /** The saved papers among `keys` in one export format, with a file name to save it as. */
  exportPapers: request<
    { keys: string[]; format: PaperExportFormat },
    Written & { filename: string; mimeType: string }
  >('extension'),
  /** Listens changed most recently (heard or in progress). */
  recentListens: request<Limit, RecentListen[]>('extension'),
  // Playback and the show's catalog.
  /** Records many episodes seen on one page in one transaction; answers each one's key. */
  recordCatalog: request<
    {
      pageUrl: string;
      showPage?: boolean;
      episodes: (EpisodeSnapshot & { pageUrl: string | null })[];
    },
    { keys: (string | null)[] }
  >('any'),
  /** "Heard N of M" and one page of the episodes not heard yet, newest first. */
  catalogStats: request<{ offset: number; limit: number }, CatalogStats>('extension'),
  /** Fetches and records the show's RSS feed (the page must have got the host permission first). */
  importFeed: request<NoData, FeedImportReport>('extension'),
  // arXiv lookups.
  /**
   * Each title-only source's arXiv status, in order (cached; else looked up unless
   * `cacheOnly`). A page sends a few at a time.
   */
  resolveTitles: request<
    { sources: { title: string; authors: string[] }[]; cacheOnly: boolean },
    ArxivTitleStatus[]
  >('any'),
  /** The user links a title to an arXiv paper (never expires). */
  linkArxiv: request<{ title: string; arxivId: string }, ArxivStatus>('any'),
  /** The user unlinks a title: not on arXiv, never looked up again. */
  unlinkArxiv: request<{ title: string }, ArxivStatus>('any'),
  /** An arXiv paper's metadata and versions, or the status saying why there is none. */
  arxivMetadata: request<
    { arxivId: string; episodeDate: string | null; citedVersion: number | null },
    { ok: true; metadata: ArxivMetadata } | { ok: false; status: ArxivStatus }
  >('any'),
  /** Whether the optional permission and the setting allow lookups. */
  arxivAccess: request<NoData, ArxivAccess>('any'),
  /** Opens the small extension window that asks for the optional arXiv permission. */
  openArxivGrant: request<NoData, { opened: true }>('any'),
  // Zotero: a page sends what it shows; what Zotero holds answers only for the keys asked.
  /**
   * Sends papers to the Zotero app on this machine; answers what it sent, what must be confirmed
   * first (sent before, or in Zotero already), or that the permission must be asked for.
   */
  zoteroSend: request<{ keys: string[]; sources: SavableSource[]; resend: boolean }, SendReply>(
    'any',
  ),
  /** Which of `keys` the user's Zotero library holds (only when the user turned the marks on). */
  zoteroMarks: request<Keys, MarksReply>('any'),
  /** Opens the small extension window that asks for the Zotero permission. */
  openZoteroGrant: request<NoData, { opened: true }>('any'),
  /** Sources as a RIS file (their citations only), the fallback when Zotero is not there. */
  sourcesRis: request<{ sources: SavableSource[] }, { text: string; filename: string }>('any'),
  // Paper pages.
  /**
   * The episodes citing the paper of a paper page (arXiv, Hugging Face, alphaXiv, OpenReview),
   * found by the ids in `url` and by the `title` the page shows, oldest first.
   */
  discussedIn: request<{ url: string; title: string | null }, Discussed>('any'),
  // Sync through the browser's own sync storage (Settings only).
  /** Whether sync is on, how much it holds, what stays here, and what went wrong. */
  syncStatus: request<NoData, SyncStatus>('extension'),
  /** Turns sync on (merging this library with the synced one at once) or off (the data stays). */
  setSync: request<{ on: boolean }, SyncStatus>('extension'),
  /** Removes Citecast's data from the browser's sync (the page asked first); sync turns off. */
  clearSync: request<{ confirm: true }, SyncStatus>('extension'),
  /** Opens the library at the episode's sources (the paper card's "n other papers"). */
  openEpisodeSources: request<{ episodeKey: string }, { opened: true }>('any'),
};

/** The name of every request the background answers. */
export type RequestType = keyof typeof REQUESTS;

type Types<K extends RequestType> = NonNullable<(typeof REQUESTS)[K]['types']>;

/** What request `K` carries. */
export type RequestData<K extends RequestType> = Types<K>['data'];

/** The value request `K` answers with. */
export type ReplyValue<K extends RequestType> = Types<K>['reply'];
