/**
 * Runtime messages between the extension's parts. The content script, the popup and the library
 * ask the background (which owns the store) through the typed protocol below
 * (`@webext-core/messaging`); the background answers every request with a {@link Result}, never a
 * thrown error, and tells every tab and extension page what changed with `storeChanged`.
 *
 * Every payload is untrusted where it arrives: the background checks it against the valibot
 * schema of its message ({@link MESSAGE_SCHEMAS}) and checks the sender ({@link MESSAGE_ACCESS}).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import * as v from 'valibot';
import { RESOLVE_LIMIT as ARXIV_RESOLVE_LIMIT } from '@/lib/arxiv/query';
import { localiseError, problem, requestIssueText, type ErrorText } from '@/lib/i18n/errors';
import type { ArxivAccess, ArxivMetadata, ArxivStatus, ArxivTitleStatus } from '@/lib/arxiv/status';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { parseArxivId } from '@/lib/links/arxiv';
import type { LibraryImportProgress, LibraryImportReport } from '@/lib/export/library-import';
import type { ImportReport } from '@/lib/store/backup';
import { withoutBidi } from '@/lib/bidi';
import { LATEST_TIME, LIMITS } from '@/lib/limits';
import type { FeedImportReport } from '@/lib/catalog/import-feed';
import type { CatalogStats } from '@/lib/store/catalog';
import type { ListenState, PaperRecord } from '@/lib/store/schema';
import type { RecentSaves } from '@/lib/store/recent-saves';
import type { MarksReply, SendReply } from '@/lib/zotero/send';
import type {
  EpisodeDetail,
  EpisodePage,
  OverlapView,
  PaperDetail,
  PaperPage,
  RecentListen,
  StatsView,
} from '@/lib/views';

// ---------------------------------------------------------------------------------------------
// The legacy ping (a plain message without the messaging library's envelope).

/** Asks the background whether it is alive. */
export interface PingMessage {
  type: 'ping';
}

/** The background's answer to {@link PingMessage}. */
export interface PingReply {
  ok: true;
  version: string;
}

/** Every plain (non-protocol) message the background understands. */
export type RuntimeMessage = PingMessage;

/** Whether `value` is a {@link PingMessage}. */
export function isPingMessage(value: unknown): value is PingMessage {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ping'
  );
}

// ---------------------------------------------------------------------------------------------
// Results and errors.

/** Why a request failed. */
export type ErrorCode = 'invalid' | 'forbidden' | 'unavailable' | 'quota' | 'not-found';

/** A failed request: a code the UI can act on and a message it can show. */
export interface MessageError {
  code: ErrorCode;
  /** English; `ask` puts it in the page's language when `text` names the error. */
  message: string;
  /** The error's key and facts, which the page renders in its language (lib/i18n/errors.ts). */
  text?: ErrorText;
}

/** The answer to every request: its value, or a typed error. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

/** A successful {@link Result}. */
export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function failure<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

// ---------------------------------------------------------------------------------------------
// Limits and small schemas.

/** Bounds on each field (lib/limits.ts, shared with the backup check). */
export { LIMITS };

/** Whether `value` is an absolute `http:` or `https:` URL (never `javascript:`, `data:`, …). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const boundedString = (max: number) => v.pipe(v.string(), v.maxLength(max));
const keySchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.key));
// Titles and addresses are stored without bidirectional controls (lib/bidi.ts).
const titleSchema = v.pipe(boundedString(LIMITS.title), v.transform(withoutBidi));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.transform(withoutBidi),
  v.check(isHttpUrl, 'expected an http(s) address'),
);
const year = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(LIMITS.seconds));
const authors = v.pipe(v.array(boundedString(LIMITS.author)), v.maxLength(LIMITS.authors));

/** A source to save, as the parser gives it (other fields of a `Source` are dropped). */
const savableSourceSchema = v.object({
  title: v.nullable(titleSchema),
  authors,
  year: v.nullable(year),
  url: v.nullable(httpUrl),
  arxivId: v.nullable(boundedString(LIMITS.id)),
  doi: v.nullable(boundedString(LIMITS.id)),
  pdfUrl: v.nullable(httpUrl),
});

/** A source of an episode's list, as the parser gives it. */
const snapshotSourceSchema = v.object({
  ...savableSourceSchema.entries,
  kind: v.picklist(['paper', 'episode', 'other']),
  arxivVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  episode: v.nullable(
    v.object({
      stem: boundedString(LIMITS.id),
      date: boundedString(10),
      slug: boundedString(LIMITS.id),
      hash: boundedString(6),
    }),
  ),
});

/** An episode as a page shows it (a `FoundEpisode` without its description and DOM location). */
const episodeSchema = v.object({
  title: v.nullable(titleSchema),
  published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))),
  duration: v.nullable(seconds),
  audioUrl: v.nullable(httpUrl),
  visualizationUrl: v.nullable(httpUrl),
  sources: v.pipe(v.array(snapshotSourceSchema), v.maxLength(LIMITS.sources)),
  cutShort: v.optional(v.boolean()),
});

const noData = v.nullish(v.strictObject({}));

/** The schema of every request's payload. Unknown top-level fields are refused. */
export const MESSAGE_SCHEMAS = {
  savePaper: v.strictObject({
    source: savableSourceSchema,
    episodeKey: v.nullish(keySchema),
    /** The episode playing on the page when the paper was saved, and its position (issue 7). */
    moment: v.optional(v.strictObject({ episodeKey: keySchema, position: seconds })),
  }),
  unsavePaper: v.strictObject({ key: keySchema }),
  setReadState: v.strictObject({
    key: keySchema,
    readState: v.picklist(['unread', 'reading', 'read']),
  }),
  setTags: v.strictObject({
    key: keySchema,
    tags: v.pipe(v.array(boundedString(LIMITS.tag)), v.maxLength(LIMITS.tags)),
  }),
  setNote: v.strictObject({ key: keySchema, note: boundedString(LIMITS.note) }),
  savedStates: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  recordEpisode: v.strictObject({
    episode: episodeSchema,
    pageUrl: httpUrl,
    /** The page shows it is the show's own (lib/show-page.ts); else a host's page only fills gaps. */
    showPage: v.optional(v.boolean()),
  }),
  setHeard: v.strictObject({ episodeKey: keySchema, heard: v.boolean() }),
  recordProgress: v.strictObject({
    episodeKey: keySchema,
    position: seconds,
    duration: v.nullable(v.pipe(seconds, v.minValue(1))),
    playedSince: seconds,
  }),
  listenStates: v.strictObject({
    episodeKeys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  recentPapers: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.recentPapers)),
  }),
  exportBackup: noData,
  importBackup: v.strictObject({
    text: boundedString(LIMITS.backupChars),
    /** `merge` (the default) or `replace` (the page asked the user first). */
    mode: v.optional(v.picklist(['merge', 'replace'])),
  }),
  /** A reference library as Zotero exports it; `format` null: told from the file's first lines. */
  importLibrary: v.strictObject({
    text: boundedString(LIMITS.backupChars),
    format: v.nullable(v.picklist(['bibtex', 'ris', 'csl-json'])),
  }),
  /** How far the running library import got; asked while it runs. */
  libraryImportProgress: noData,
  /** Stops the running library import after the chunk it is writing. */
  cancelLibraryImport: noData,
  deleteEverything: v.strictObject({ confirm: v.literal(true) }),
  storeStatus: noData,
  bibtex: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  sourceBibtex: v.strictObject({ source: savableSourceSchema }),
  // Library and popup queries.
  recentSaves: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  warmLibrary: noData,
  queryPapers: v.strictObject({
    text: boundedString(LIMITS.query),
    sort: v.picklist(['saved', 'title', 'year', 'read', 'cited', 'relevance']),
    direction: v.picklist(['asc', 'desc']),
    tag: v.nullable(boundedString(LIMITS.tag)),
    readState: v.nullable(v.picklist(['unread', 'reading', 'read'])),
    year: v.nullable(year),
    episodeKey: v.nullable(keySchema),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  paperDetail: v.strictObject({ key: keySchema }),
  unsavePapers: v.strictObject({ keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)) }),
  /** Papers as `unsavePapers` answered them (undo); each is checked like a backup's paper. */
  restorePapers: v.strictObject({
    papers: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.keys)),
  }),
  queryEpisodes: v.strictObject({
    filter: v.picklist(['all', 'heard', 'in_progress', 'unheard']),
    text: boundedString(LIMITS.query),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  episodeDetail: v.strictObject({ key: keySchema }),
  setHeardAt: v.strictObject({
    episodeKey: keySchema,
    heardAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATEST_TIME)),
  }),
  deleteListen: v.strictObject({ episodeKey: keySchema }),
  setEpisodeNote: v.strictObject({ key: keySchema, note: boundedString(LIMITS.note) }),
  overlapEpisodes: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  stats: v.strictObject({ now: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  exportPapers: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
    format: v.picklist(['bibtex', 'ris', 'csl-json', 'markdown']),
  }),
  recentListens: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  // Playback and the show's catalog.
  /** Many episodes at once (the home page's catalog), each with its own page address. */
  recordCatalog: v.strictObject({
    pageUrl: httpUrl,
    showPage: v.optional(v.boolean()),
    episodes: v.pipe(
      v.array(v.object({ ...episodeSchema.entries, pageUrl: v.nullable(httpUrl) })),
      v.minLength(1),
      v.maxLength(LIMITS.catalogBatch),
    ),
  }),
  catalogStats: v.strictObject({
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  importFeed: noData,
  // arXiv lookups.
  /** Title-only sources of one page (a batch: the page sends a few at a time). */
  resolveTitles: v.strictObject({
    sources: v.pipe(
      v.array(v.object({ title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()), authors })),
      v.maxLength(ARXIV_RESOLVE_LIMIT),
    ),
    cacheOnly: v.boolean(),
  }),
  linkArxiv: v.strictObject({
    title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()),
    arxivId: v.pipe(
      boundedString(LIMITS.id),
      v.check((id) => parseArxivId(id) !== null, 'expected an arXiv id'),
    ),
  }),
  unlinkArxiv: v.strictObject({ title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()) }),
  arxivMetadata: v.strictObject({
    arxivId: v.pipe(
      boundedString(LIMITS.id),
      v.check((id) => parseArxivId(id) !== null, 'expected an arXiv id'),
    ),
    episodeDate: v.nullable(
      v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')),
    ),
    citedVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  }),
  arxivAccess: noData,
  openArxivGrant: noData,
  // Zotero.
  zoteroSend: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
    sources: v.pipe(v.array(savableSourceSchema), v.maxLength(LIMITS.sources)),
    resend: v.boolean(),
  }),
  zoteroMarks: v.strictObject({ keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)) }),
  openZoteroGrant: noData,
  sourcesRis: v.strictObject({
    sources: v.pipe(v.array(savableSourceSchema), v.minLength(1), v.maxLength(LIMITS.sources)),
  }),
} as const;

/** The name of every request the background answers. */
export type RequestType = keyof typeof MESSAGE_SCHEMAS;

/** What a request carries, as its sender writes it. */
export type RequestData<K extends RequestType> = v.InferInput<(typeof MESSAGE_SCHEMAS)[K]>;

/** What a request carries once checked (extra fields of nested objects dropped). */
export type CheckedData<K extends RequestType> = v.InferOutput<(typeof MESSAGE_SCHEMAS)[K]>;

/**
 * Who may send each request: `any` (content scripts too) or `extension` (only the extension's own
 * pages: popup, library). Reading or replacing the whole library is never left to a content script.
 */
export const MESSAGE_ACCESS: Record<RequestType, 'any' | 'extension'> = {
  savePaper: 'any',
  unsavePaper: 'any',
  // Only the library edits these; a page has no reason to touch a paper's notes or tags.
  setReadState: 'extension',
  setTags: 'extension',
  setNote: 'extension',
  savedStates: 'any',
  recordEpisode: 'any',
  setHeard: 'any',
  recordProgress: 'any',
  listenStates: 'any',
  storeStatus: 'any',
  bibtex: 'any',
  sourceBibtex: 'any',
  recentPapers: 'extension',
  exportBackup: 'extension',
  importBackup: 'extension',
  importLibrary: 'extension',
  libraryImportProgress: 'extension',
  cancelLibraryImport: 'extension',
  deleteEverything: 'extension',
  // Library and popup queries.
  recentSaves: 'extension',
  warmLibrary: 'extension',
  queryPapers: 'extension',
  paperDetail: 'extension',
  unsavePapers: 'extension',
  restorePapers: 'extension',
  queryEpisodes: 'extension',
  episodeDetail: 'extension',
  setHeardAt: 'extension',
  deleteListen: 'extension',
  setEpisodeNote: 'extension',
  overlapEpisodes: 'extension',
  stats: 'extension',
  exportPapers: 'extension',
  recentListens: 'extension',
  // Playback and the show's catalog.
  recordCatalog: 'any',
  catalogStats: 'extension',
  importFeed: 'extension',
  // arXiv lookups.
  resolveTitles: 'any',
  linkArxiv: 'any',
  unlinkArxiv: 'any',
  arxivMetadata: 'any',
  arxivAccess: 'any',
  openArxivGrant: 'any',
  // Zotero: a page sends what it shows; what Zotero holds answers only for the keys asked.
  zoteroSend: 'any',
  zoteroMarks: 'any',
  openZoteroGrant: 'any',
  sourcesRis: 'any',
};

/**
 * Checks `data` against the schema of request `type`. The refusal names the first field that
 * does not fit (`source.url: expected an http(s) address`).
 */
export function checkRequest<K extends RequestType>(
  type: K,
  data: unknown,
): { ok: true; data: CheckedData<K> } | { ok: false; reason: string; text: ErrorText } {
  const schema = MESSAGE_SCHEMAS[type] as v.GenericSchema<unknown, CheckedData<K>>;
  const parsed = v.safeParse(schema, data);
  if (parsed.success) return { ok: true, data: parsed.output };
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue);
  const message = issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
  const text = requestIssueText(path ?? '', issue);
  return { ok: false, reason: path ? `${path}: ${message}` : message, text };
}

// ---------------------------------------------------------------------------------------------
// Values the background answers with.

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

/** What changed in the store: the keys of the records, or `null` for any record of that kind. */
export interface StoreChange {
  kind: 'papers' | 'episodes' | 'listens';
  keys: string[] | null;
}

/** The typed protocol: every request with its payload and answer, and the change broadcast. */
export interface ProtocolMap {
  savePaper(data: RequestData<'savePaper'>): Result<PaperRecord>;
  unsavePaper(data: RequestData<'unsavePaper'>): Result<PaperRecord>;
  setReadState(data: RequestData<'setReadState'>): Result<PaperRecord>;
  setTags(data: RequestData<'setTags'>): Result<PaperRecord>;
  setNote(data: RequestData<'setNote'>): Result<PaperRecord>;
  /** Whether each key is a saved paper (every key asked is in the answer). */
  savedStates(data: RequestData<'savedStates'>): Result<Record<string, boolean>>;
  /** Records an episode seen on a page; answers its key. */
  recordEpisode(data: RequestData<'recordEpisode'>): Result<{ key: string }>;
  setHeard(data: RequestData<'setHeard'>): Result<ListenSummary>;
  recordProgress(data: RequestData<'recordProgress'>): Result<ListenSummary>;
  /** The listen of each episode (`unheard` at 0 for one never played). */
  listenStates(data: RequestData<'listenStates'>): Result<Record<string, ListenSummary>>;
  recentPapers(data: RequestData<'recentPapers'>): Result<PaperRecord[]>;
  /** The backup file's text. */
  exportBackup(data?: RequestData<'exportBackup'>): Result<{ text: string }>;
  importBackup(data: RequestData<'importBackup'>): Result<ImportReport>;
  /**
   * Merges a BibTeX, RIS or CSL-JSON library (as Zotero exports it) into the saved papers, never
   * overwriting a value the library has; refused as a whole (`invalid`, with its reason) when the
   * file cannot be read.
   */
  importLibrary(data: RequestData<'importLibrary'>): Result<LibraryImportReport>;
  libraryImportProgress(data?: RequestData<'libraryImportProgress'>): Result<LibraryImportProgress>;
  cancelLibraryImport(data?: RequestData<'cancelLibraryImport'>): Result<{ cancelled: boolean }>;
  deleteEverything(data: RequestData<'deleteEverything'>): Result<{ deleted: true }>;
  storeStatus(data?: RequestData<'storeStatus'>): Result<StoreStatus>;
  /**
   * The saved papers among `keys` as BibTeX, in citation-key order (keys of papers not saved are
   * left out); `count` is the number of entries.
   */
  bibtex(data: RequestData<'bibtex'>): Result<{ text: string; count: number }>;
  /** One source as a BibTeX entry, saved or not (nothing is written). */
  sourceBibtex(data: RequestData<'sourceBibtex'>): Result<{ text: string }>;
  // Library and popup queries.
  /** The newest saved papers, cheap before the library copy is built (then without the total). */
  recentSaves(data: RequestData<'recentSaves'>): Result<RecentSaves>;
  /** Builds the library copy and its search index; answers when built, whether it was before. */
  warmLibrary(data?: RequestData<'warmLibrary'>): Result<{ built: boolean }>;
  /** One page of saved papers (search, filters, sort). */
  queryPapers(data: RequestData<'queryPapers'>): Result<PaperPage>;
  paperDetail(data: RequestData<'paperDetail'>): Result<PaperDetail>;
  /** Unsaves papers; answers the records as they were, for undo with `restorePapers`. */
  unsavePapers(data: RequestData<'unsavePapers'>): Result<{ papers: PaperRecord[] }>;
  /** Puts back papers `unsavePapers` answered (undo); answers how many were restored. */
  restorePapers(data: RequestData<'restorePapers'>): Result<{ count: number }>;
  /** One page of the listening log. */
  queryEpisodes(data: RequestData<'queryEpisodes'>): Result<EpisodePage>;
  episodeDetail(data: RequestData<'episodeDetail'>): Result<EpisodeDetail>;
  /** Changes when a heard episode was heard (epoch ms); marks it heard by hand. */
  setHeardAt(data: RequestData<'setHeardAt'>): Result<ListenSummary>;
  /** Deletes an episode's listening log entry (the episode stays known). */
  deleteListen(data: RequestData<'deleteListen'>): Result<{ deleted: boolean }>;
  setEpisodeNote(data: RequestData<'setEpisodeNote'>): Result<{ key: string }>;
  /** Unheard episodes citing saved papers, most saved papers first. */
  overlapEpisodes(data: RequestData<'overlapEpisodes'>): Result<OverlapView[]>;
  stats(data: RequestData<'stats'>): Result<StatsView>;
  /** The saved papers among `keys` in one export format, with a file name to save it as. */
  exportPapers(
    data: RequestData<'exportPapers'>,
  ): Result<{ text: string; count: number; filename: string; mimeType: string }>;
  /** Listens changed most recently (heard or in progress). */
  recentListens(data: RequestData<'recentListens'>): Result<RecentListen[]>;
  // Playback and the show's catalog.
  /** Records many episodes seen on one page in one transaction; answers each one's key. */
  recordCatalog(data: RequestData<'recordCatalog'>): Result<{ keys: (string | null)[] }>;
  /** "Heard N of M" and one page of the episodes not heard yet, newest first. */
  catalogStats(data: RequestData<'catalogStats'>): Result<CatalogStats>;
  /** Fetches and records the show's RSS feed (the page must have got the host permission first). */
  importFeed(data?: RequestData<'importFeed'>): Result<FeedImportReport>;
  // arXiv lookups.
  /** Each source's arXiv status, in order (cached; else looked up unless `cacheOnly`). */
  resolveTitles(data: RequestData<'resolveTitles'>): Result<ArxivTitleStatus[]>;
  /** The user links a title to an arXiv paper (never expires). */
  linkArxiv(data: RequestData<'linkArxiv'>): Result<ArxivStatus>;
  /** The user unlinks a title: not on arXiv, never looked up again. */
  unlinkArxiv(data: RequestData<'unlinkArxiv'>): Result<ArxivStatus>;
  /** An arXiv paper's metadata and versions, or the status saying why there is none. */
  arxivMetadata(
    data: RequestData<'arxivMetadata'>,
  ): Result<{ ok: true; metadata: ArxivMetadata } | { ok: false; status: ArxivStatus }>;
  /** Whether the optional permission and the setting allow lookups. */
  arxivAccess(data?: RequestData<'arxivAccess'>): Result<ArxivAccess>;
  /** Opens the small extension window that asks for the optional arXiv permission. */
  openArxivGrant(data?: RequestData<'openArxivGrant'>): Result<{ opened: true }>;
  // Zotero.
  /**
   * Sends papers to the Zotero app on this machine; answers what it sent, what must be confirmed
   * first (sent before, or in Zotero already), or that the permission must be asked for.
   */
  zoteroSend(data: RequestData<'zoteroSend'>): Result<SendReply>;
  /** Which of `keys` the user's Zotero library holds (only when the user turned the marks on). */
  zoteroMarks(data: RequestData<'zoteroMarks'>): Result<MarksReply>;
  /** Opens the small extension window that asks for the Zotero permission. */
  openZoteroGrant(data?: RequestData<'openZoteroGrant'>): Result<{ opened: true }>;
  /** Sources as a RIS file (their citations only), the fallback when Zotero is not there. */
  sourcesRis(data: RequestData<'sourcesRis'>): Result<{ text: string; filename: string }>;
  /** Sent by the background to every tab and extension page after a write. */
  storeChanged(change: StoreChange): void;
}

/** The answer type of request `K`. */
export type ReplyOf<K extends RequestType> = ReturnType<ProtocolMap[K]>;

/** The messenger every part of the extension sends and receives the protocol with. */
export const messaging = defineExtensionMessaging<ProtocolMap>();

/** The message type of the change broadcast. */
export const STORE_CHANGED = 'storeChanged';

/**
 * The change broadcast in the messaging library's envelope, so receivers take it with
 * `messaging.onMessage('storeChanged', …)`. The background sends it through the promise API,
 * which (unlike the library's callback API) reports tabs without a receiver as a rejection it
 * can ignore instead of an "unchecked lastError" in the console.
 */
export function storeChangedMessage(change: StoreChange): {
  id: number;
  type: typeof STORE_CHANGED;
  data: StoreChange;
  timestamp: number;
} {
  return {
    id: Math.floor(Math.random() * 1e9),
    type: STORE_CHANGED,
    data: change,
    timestamp: Date.now(),
  };
}

/**
 * Sends request `type` to the background and resolves to its {@link Result}. When the background
 * cannot be reached (the extension was reloaded under a content script, or it is starting), or its
 * answer is not a result, this resolves to an `unavailable` error: it never rejects.
 */
export async function ask<K extends RequestType>(
  type: K,
  data: RequestData<K>,
): Promise<ReplyOf<K>> {
  try {
    const send = messaging.sendMessage as (t: K, d: RequestData<K>) => Promise<unknown>;
    const reply = await send(type, data);
    // The page shows errors in its own language (lib/i18n/errors.ts).
    if (isResult(reply))
      return (reply.ok ? reply : { ...reply, error: localiseError(reply.error) }) as ReplyOf<K>;
    const none = problem('unavailable', 'background.noAnswer');
    return { ok: false, error: localiseError(none) } as ReplyOf<K>;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const unreachable = problem('unavailable', 'background.unreachable', { detail });
    return { ok: false, error: localiseError(unreachable) } as ReplyOf<K>;
  }
}

/** Whether `value` has the shape of a {@link Result}. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.error === 'object' &&
    r.error !== null &&
    typeof r.error.code === 'string' &&
    typeof r.error.message === 'string'
  );
}

/**
 * The wire form of an episode found on a page: everything but its description text and DOM
 * location (which cannot cross a message), with each source's parser-only fields dropped, any
 * address that is not http(s) left out (the background refuses those), and no partial source.
 */
export function episodeForMessage(found: FoundEpisode): RequestData<'recordEpisode'>['episode'] {
  const http = (url: string | null) => (url !== null && isHttpUrl(url) ? url : null);
  return {
    title: found.title,
    published: found.published,
    duration: found.duration,
    audioUrl: http(found.audioUrl),
    visualizationUrl: http(found.visualizationUrl),
    cutShort: found.cutShort,
    // A source cut off mid-item may name a wrong paper: never recorded.
    sources: found.sources
      .filter((s) => s.partial !== true)
      .map((s) => ({
        title: s.title,
        authors: s.authors,
        year: s.year,
        url: http(s.url),
        kind: s.kind,
        arxivId: s.arxivId,
        arxivVersion: s.arxivVersion,
        doi: s.doi,
        pdfUrl: http(s.pdfUrl),
        episode: s.episode,
      })),
  };
}
