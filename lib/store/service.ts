/**
 * The background side of the store: answers every request of the message protocol
 * (lib/messages.ts) and tells every tab and extension page what changed.
 *
 * - The store opens lazily, once, on the first request; a `versionchange` (another context
 *   upgrading or deleting the database) closes it, and the next request opens it again.
 * - `navigator.storage.persist()` is asked for once, best effort (Chromium's service worker has
 *   no `persist`; extension pages may ask too, with {@link requestPersistentStorage}).
 * - Every payload is checked against its schema and every sender against the request's access;
 *   every failure comes back as a typed error with a message the UI can show, never a stack.
 * - After each write the change (`{kind, keys}`) goes to every tab and to the extension pages.
 * - The popup's and library's list queries read an in-memory copy of the library
 *   (library-cache.ts); each write's changes mark what it must re-read before its next answer.
 */
import { browser } from 'wxt/browser';
import { isSupportedUrl } from '@/lib/hosts/index';
import { speaksForShow } from '@/lib/hosts/show-page';
import {
  checkRequest,
  MESSAGE_ACCESS,
  MESSAGE_SCHEMAS,
  messaging,
  storeChangedMessage,
  success,
  type CheckedData,
  type ErrorCode,
  type ListenSummary,
  type MessageError,
  type ReplyOf,
  type RequestType,
  type Result,
  type StoreChange,
} from '@/lib/messages';
import { importFeed } from '@/lib/catalog/import-feed';
import { fail, problem } from '@/lib/i18n/errors';
import { readSettings, settingsFrom, writeSettings } from '@/lib/settings';
import * as arxiv from '@/lib/arxiv/service';
import { exportBackupJson, importBackup } from '@/lib/store/backup';
import {
  catalogChanges,
  catalogRefusal,
  catalogSightings,
  catalogStats,
  recordCatalog,
  resolveListens,
} from '@/lib/store/catalog';
import { deleteEverything } from '@/lib/store/clear';
import * as firstScreen from '@/lib/store/first-screen';
import { LibraryCache } from '@/lib/store/library-cache';
import {
  LIBRARY_HANDLERS,
  type LibraryHandler,
  type LibraryRequest,
} from '@/lib/store/library-requests';
import { openStore, type Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { pruneTombstones } from '@/lib/store/tombstones';
import { episodeStemOf, episodeTitleKey } from '@/lib/store/keys';
import { recordProgress, setHeard } from '@/lib/store/listens';
import {
  isSaved,
  sourceAsPaper,
  recentPapers,
  savePaper,
  setNote,
  setReadState,
  setTags,
  unsavePaper,
} from '@/lib/store/papers';
import type { ListenRecord, PaperRecord } from '@/lib/store/schema';

/** The parts of a runtime message sender the service looks at. */
export interface MessageSender {
  /** The extension that sent the message. */
  id?: string;
  /** The page or frame the message came from. */
  url?: string;
  /** Set for messages from a tab (content scripts, and extension pages opened as a tab). */
  tab?: { id?: number };
}

/** Who sent a request: the extension's own pages, or a content script in a web page. */
export type SenderKind = 'extension' | 'content';

/** How to build the service; every field has a default for the extension itself. */
export interface StoreServiceOptions {
  /** Opens the store (tests open their own). */
  open?: () => Promise<Store>;
  /** Sends a change to every tab and extension page; {@link broadcastChange} by default. */
  broadcast?: (change: StoreChange) => Promise<void>;
  /** Whether to ask for persistent storage on the first open (default true). */
  persist?: boolean;
  /** The copy of the library the popup's and library's queries read (a new one by default). */
  library?: LibraryCache;
}

/** The background's request handler. */
export interface StoreService {
  /** Answers one request; never throws. */
  handle<K extends RequestType>(
    type: K,
    data: unknown,
    sender: MessageSender | undefined,
  ): Promise<ReplyOf<K>>;
  /** Answers a request of any name (unknown ones are refused as `invalid`); never throws. */
  handle(type: string, data: unknown, sender: MessageSender | undefined): Promise<Result<unknown>>;
  /** Resolves once every change broadcast started so far has been delivered (or refused). */
  idle(): Promise<void>;
  /** Closes the store if it is open; the next request opens it again. */
  close(): Promise<void>;
}

/** The value type inside the reply of request `K`. */
type ReplyValue<K extends RequestType> = ReplyOf<K> extends Result<infer T> ? T : never;

/** What a handler did: its answer, and what changed. */
interface Outcome<T> {
  result: Result<T>;
  changes?: StoreChange[];
}

/** What a handler knows of its sender. */
interface SenderInfo {
  kind: SenderKind;
  url: string | null;
}

type Handler<K extends RequestType> = (
  store: Store,
  data: CheckedData<K>,
  sender: SenderInfo,
  library: LibraryCache,
) => Promise<Outcome<ReplyValue<K>>>;

/** A key shortened for an error message. */
function shown(key: string): string {
  return JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
}

/** The outcome of a write to one paper: the record and its change, or `not-found`. */
function paperOutcome(key: string, record: PaperRecord | null): Outcome<PaperRecord> {
  if (!record) return { result: fail('not-found', 'paper.notFound', { key: shown(key) }) };
  return { result: success(record), changes: [{ kind: 'papers', keys: [record.key] }] };
}

/** A listen as pages show it. */
function listenSummary(listen: ListenRecord | undefined | null): ListenSummary {
  return listen
    ? {
        state: listen.state,
        position: listen.position,
        duration: listen.duration,
        heardAt: listen.state === 'heard' ? listen.heardAt : null,
      }
    : { state: 'unheard', position: 0, duration: null, heardAt: null };
}

/**
 * Whether what a sender records may only fill gaps: a content script's page must be the show's
 * own (its site, or a host's page that shows it is the show's, lib/show-page.ts) to say what
 * an episode is. Elsewhere (a third party's episode on a host whose description links to a
 * real stem, "Read this page" anywhere) a sighting never rewrites or moves an episode.
 */
function fillsOnly(sender: SenderInfo, showPage: boolean | undefined): boolean {
  if (sender.kind !== 'content') return false;
  if (sender.url === null) return true;
  if (speaksForShow({ url: sender.url, links: [], headings: [] })) return false;
  return !(showPage === true && isSupportedUrl(sender.url));
}

/** The origin of `url`, or `null` when it is not an absolute URL. */
function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The handler of a library request (library-requests.ts), given the service's library copy. */
function libraryHandler<K extends LibraryRequest>(name: K): Handler<K> {
  const handler = LIBRARY_HANDLERS[name] as LibraryHandler<K>;
  return (store, data, _sender, library) => handler({ store, library }, data);
}

/** The answer to each request, given a checked payload and an open store. */
const HANDLERS: { [K in RequestType]: Handler<K> } = {
  async savePaper(store, data) {
    const record = await savePaper(store, data.source, data.episodeKey ?? null, data.moment);
    if (!record) {
      return { result: fail('invalid', 'paper.noSaveKey') };
    }
    return { result: success(record), changes: [{ kind: 'papers', keys: [record.key] }] };
  },
  async unsavePaper(store, data) {
    return paperOutcome(data.key, await unsavePaper(store, data.key));
  },
  async setReadState(store, data) {
    return paperOutcome(data.key, await setReadState(store, data.key, data.readState));
  },
  async setTags(store, data) {
    return paperOutcome(data.key, await setTags(store, data.key, data.tags));
  },
  async setNote(store, data) {
    return paperOutcome(data.key, await setNote(store, data.key, data.note));
  },
  async savedStates(store, data) {
    const saved = await isSaved(store, data.keys);
    return { result: success(Object.fromEntries(saved)) };
  },
  async recordEpisode(store, data, sender) {
    // A content script records only what its own site shows (and always says where it is).
    if (sender.kind === 'content') {
      if (sender.url === null || originOf(sender.url) !== originOf(data.pageUrl)) {
        return { result: fail('forbidden', 'episode.foreignSite') };
      }
    }
    const record = await recordEpisode(store, {
      ...data.episode,
      pageUrl: data.pageUrl,
      onlyFill: fillsOnly(sender, data.showPage),
    });
    if (!record) {
      return { result: fail('invalid', 'episode.noKey') };
    }
    const keys = [record.key];
    const titleKey = episodeTitleKey(data.episode.title);
    const changes: StoreChange[] = [];
    // A page tying a title to its stem moves the title-keyed episode (and its listen) under it.
    if (titleKey && titleKey !== record.key && episodeStemOf(data.episode)) {
      keys.push(titleKey);
      changes.push({ kind: 'listens', keys: [...keys] });
    }
    changes.unshift({ kind: 'episodes', keys });
    return { result: success({ key: record.key }), changes };
  },
  async setHeard(store, data) {
    const listen = await setHeard(store, data.episodeKey, data.heard);
    return {
      result: success(listenSummary(listen)),
      changes: [{ kind: 'listens', keys: [data.episodeKey] }],
    };
  },
  async recordProgress(store, data) {
    // The user's share (Settings) decides when playing makes an episode heard.
    const { heardShare } = await readSettings();
    const listen = await recordProgress(
      store,
      data.episodeKey,
      { position: data.position, duration: data.duration, playedSince: data.playedSince },
      heardShare,
    );
    return {
      result: success(listenSummary(listen)),
      changes: [{ kind: 'listens', keys: [data.episodeKey] }],
    };
  },
  async listenStates(store, data) {
    // A cited episode known by title, or by an mp3 of an episode logged by title, finds its listen.
    const listens = await resolveListens(store, data.episodeKeys);
    const keys = [...new Set(data.episodeKeys)];
    return {
      result: success(Object.fromEntries(keys.map((k) => [k, listenSummary(listens.get(k))]))),
    };
  },
  async recentPapers(store, data) {
    return { result: success(await recentPapers(store, data.limit)) };
  },
  async exportBackup(store) {
    const settings = await readSettings();
    await pruneTombstones(store, settings.tombstoneDays);
    return { result: success({ text: await exportBackupJson(store, settings) }) };
  },
  async importBackup(store, data) {
    const mode = data.mode ?? 'merge';
    const imported = await importBackup(store, data.text, undefined, mode);
    if (!imported.ok) {
      return { result: fail('invalid', 'backup.refused', undefined, imported.problem) };
    }
    const current = await readSettings();
    await pruneTombstones(store, current.tombstoneDays);
    // A replace takes the file's settings too, all but arXiv lookups: whether anything is sent
    // to arXiv stays this browser's own choice.
    if (mode === 'replace' && imported.settings) {
      const { sites, heardShare, language, theme, tombstoneDays } = settingsFrom(
        imported.settings,
        current,
      );
      await writeSettings({ sites, heardShare, language, theme, tombstoneDays });
    }
    const { report } = imported;
    const changed = (kind: keyof typeof report) =>
      mode === 'replace' || report[kind].added + report[kind].updated > 0;
    const changes: StoreChange[] = [];
    if (changed('papers')) changes.push({ kind: 'papers', keys: null });
    if (changed('episodes') || changed('citations')) changes.push({ kind: 'episodes', keys: null });
    if (changed('listens')) changes.push({ kind: 'listens', keys: null });
    return { result: success(report), changes };
  },
  async importLibrary(store, data) {
    // Imported on demand, like BibTeX: the readers come with citation-js.
    const { runLibraryImport } = await import('@/lib/export/library-import');
    const imported = await runLibraryImport(store, data.text, data.format);
    if (!imported.ok) {
      return { result: fail('invalid', 'library.refused', undefined, imported.problem) };
    }
    const { report } = imported;
    const changed = report.added + report.updated > 0;
    return {
      result: success(report),
      changes: changed ? [{ kind: 'papers', keys: null }] : [],
    };
  },
  async libraryImportProgress() {
    const { libraryImportProgress } = await import('@/lib/export/library-import');
    return { result: success(libraryImportProgress()) };
  },
  async cancelLibraryImport() {
    const { cancelLibraryImport } = await import('@/lib/export/library-import');
    return { result: success({ cancelled: cancelLibraryImport() }) };
  },
  async deleteEverything(store) {
    await deleteEverything(store);
    return {
      result: success({ deleted: true as const }),
      changes: [
        { kind: 'papers', keys: null },
        { kind: 'episodes', keys: null },
        { kind: 'listens', keys: null },
      ],
    };
  },
  async bibtex(store, data, sender) {
    // Imported dynamically (citation-js is large): where the build splits chunks it loads on the
    // first BibTeX request only; the single-file MV3 background bundle inlines it.
    const [{ papersWithCitations }, { papersToBibtex }] = await Promise.all([
      import('@/lib/export/cited-by'),
      import('@/lib/export/bibtex'),
    ]);
    const keys = [...new Set(data.keys)];
    const entries = (await papersWithCitations(store, { keys }))
      .filter((e) => e.paper.savedAt !== null)
      // A web page gets the citation only: the listener's note and tags stay in the library.
      .map((e) =>
        sender.kind === 'content' ? { ...e, paper: { ...e.paper, note: '', tags: [] } } : e,
      );
    return { result: success({ text: papersToBibtex(entries), count: entries.length }) };
  },
  async sourceBibtex(store, data) {
    const paper = sourceAsPaper(data.source, store.now());
    if (!paper) {
      return { result: fail('invalid', 'paper.noCiteKey') };
    }
    const { papersToBibtex } = await import('@/lib/export/bibtex');
    return { result: success({ text: papersToBibtex([{ paper, citedBy: [] }]) }) };
  },
  async storeStatus(store) {
    const storage = globalThis.navigator?.storage;
    let persisted: boolean | null = null;
    let usage: number | null = null;
    let quota: number | null = null;
    try {
      if (typeof storage?.persisted === 'function') persisted = await storage.persisted();
      if (typeof storage?.estimate === 'function') {
        const estimate = await storage.estimate();
        usage = estimate.usage ?? null;
        quota = estimate.quota ?? null;
      }
    } catch {
      // The browser cannot tell: the fields stay null.
    }
    return { result: success({ version: store.db.version, persisted, usage, quota }) };
  },
  // Library and popup queries.
  recentSaves: (store, data, _sender, library) =>
    firstScreen.recentSaves(store, library, data.limit),
  warmLibrary: (store, _data, _sender, library) => firstScreen.warmLibrary(store, library),
  queryPapers: libraryHandler('queryPapers'),
  paperDetail: libraryHandler('paperDetail'),
  unsavePapers: libraryHandler('unsavePapers'),
  restorePapers: libraryHandler('restorePapers'),
  queryEpisodes: libraryHandler('queryEpisodes'),
  episodeDetail: libraryHandler('episodeDetail'),
  setHeardAt: libraryHandler('setHeardAt'),
  deleteListen: libraryHandler('deleteListen'),
  setEpisodeNote: libraryHandler('setEpisodeNote'),
  overlapEpisodes: libraryHandler('overlapEpisodes'),
  stats: libraryHandler('stats'),
  exportPapers: libraryHandler('exportPapers'),
  recentListens: libraryHandler('recentListens'),
  // Playback and the show's catalog.
  async recordCatalog(store, data, sender) {
    const refused = catalogRefusal(data, sender.kind === 'content' ? sender.url : null);
    if (refused) return { result: fail('forbidden', 'episode.foreignSite') };
    const onlyFill = fillsOnly(sender, data.showPage);
    const keys = await recordCatalog(
      store,
      catalogSightings(data).map((sighting) => ({ ...sighting, onlyFill })),
    );
    return { result: success({ keys }), changes: catalogChanges(keys) };
  },
  async catalogStats(store, data) {
    return { result: success(await catalogStats(store, data.offset, data.limit)) };
  },
  async importFeed(store) {
    const imported = await importFeed(store);
    return { result: imported, changes: imported.ok ? catalogChanges(imported.value.keys) : [] };
  },
  // arXiv lookups.
  resolveTitles: (store, data) => arxiv.resolveTitles(store, data),
  linkArxiv: (store, data) => arxiv.linkArxiv(store, data),
  unlinkArxiv: (store, data) => arxiv.unlinkArxiv(store, data),
  arxivMetadata: (store, data) => arxiv.arxivMetadata(store, data),
  arxivAccess: () => arxiv.arxivAccess(),
  openArxivGrant: () => arxiv.openArxivGrant(),
  // Zotero: imported on demand, since most listeners never use it.
  async zoteroSend(store, data) {
    const { sendToZotero } = await import('@/lib/zotero/send');
    return { result: await sendToZotero(store, data) };
  },
  async zoteroMarks(store, data) {
    const { zoteroMarks } = await import('@/lib/zotero/send');
    return { result: await zoteroMarks(store, data.keys) };
  },
  async openZoteroGrant() {
    const { openZoteroGrant } = await import('@/lib/zotero/grant');
    return { result: success(await openZoteroGrant()) };
  },
  async sourcesRis(store, data) {
    const [{ papersToRis }, { exportFilename }] = await Promise.all([
      import('@/lib/export/ris'),
      import('@/lib/export/selection'),
    ]);
    const entries = data.sources
      .map((source) => sourceAsPaper(source, store.now()))
      .filter((paper) => paper !== null)
      .map((paper) => ({ paper, citedBy: [] }));
    if (entries.length === 0) return { result: fail('invalid', 'zotero.nothingToSend') };
    return {
      result: success({ text: papersToRis(entries), filename: exportFilename('ris', store.now()) }),
    };
  },
};

/** The name of an error (`QuotaExceededError`, …), when it has one. */
function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    const name = (error as { name: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'Error';
}

/** Whether `error` says the disk or the storage quota is full. */
function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error && isQuotaError(cause);
}

/**
 * The typed error for a failure of the store. `opening` says whether the store failed to open
 * (then it is `unavailable`, with what usually causes it: Firefox set never to remember
 * history refuses IndexedDB with `InvalidStateError`) or a request failed on an open store.
 */
export function storeError(error: unknown, opening: boolean): MessageError {
  if (isQuotaError(error)) return problem('quota', 'store.quota');
  const name = errorName(error);
  // VersionError: the database is at a newer schema than this build knows (a downgrade).
  if (opening && name === 'VersionError') return problem('unavailable', 'store.newer', { name });
  // The texts (lib/i18n/errors.ts) say what usually causes a failure to open.
  if (opening) return problem('unavailable', 'store.cannotOpen', { name });
  return problem('unavailable', 'store.failed', { name });
}

/** Whether `error` says the database connection was closed under the request. */
function isClosedError(error: unknown): boolean {
  const name = errorName(error);
  return name === 'InvalidStateError' || name === 'TransactionInactiveError';
}

/** Who sent a message, or `null` when it is not from this extension at all. */
export function senderKind(sender: MessageSender | undefined): SenderKind | null {
  if (!sender || sender.id !== browser.runtime.id) return null;
  const base = browser.runtime.getURL('/');
  if (typeof sender.url === 'string' && sender.url.startsWith(base)) return 'extension';
  if (sender.tab) return 'content';
  return null;
}

/**
 * Asks the browser to keep the extension's data under storage pressure. Best effort: resolves to
 * the answer, or `null` where it cannot be asked (Chromium's service worker has no `persist`).
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.persist !== 'function') return null;
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/**
 * Sends `change` to every tab (its content script, when it has one) and to the extension's pages.
 * Tabs without a receiver refuse it; that is expected and ignored. Never rejects.
 */
export async function broadcastChange(change: StoreChange): Promise<void> {
  const message = storeChangedMessage(change);
  const ignore = () => undefined;
  const sends: Promise<unknown>[] = [
    Promise.resolve()
      .then(() => browser.runtime.sendMessage(message))
      .catch(ignore),
  ];
  try {
    for (const tab of await browser.tabs.query({})) {
      const tabId = tab.id;
      if (tabId === undefined || tabId < 0) continue;
      sends.push(
        Promise.resolve()
          .then(() => browser.tabs.sendMessage(tabId, message))
          .catch(ignore),
      );
    }
  } catch {
    // No tabs API here: the extension pages still get it.
  }
  await Promise.all(sends);
}

/** A failure to open the store (as opposed to a failure of a request on an open store). */
class OpenError extends Error {
  constructor(cause: unknown) {
    super('the store did not open', { cause });
    this.name = 'OpenError';
  }
}

/** Builds the background's request handler (see the module comment). */
export function createStoreService(options: StoreServiceOptions = {}): StoreService {
  const open = options.open ?? (() => openStore());
  const broadcast = options.broadcast ?? broadcastChange;
  let persistAsked = options.persist === false;
  let opening: Promise<Store> | null = null;
  const pending = new Set<Promise<void>>();
  const library = options.library ?? new LibraryCache();

  /** The open store, opened on first use and again after something closed it. */
  function getStore(): Promise<Store> {
    if (opening) return opening;
    const attempt: Promise<Store> = open().then((store) => {
      const forget = () => {
        if (opening === attempt) opening = null;
      };
      // openStore closes the connection on versionchange; the next request reopens it.
      store.db.addEventListener('versionchange', forget);
      store.db.addEventListener('close', forget);
      return store;
    });
    opening = attempt;
    attempt.catch(() => {
      if (opening === attempt) opening = null;
    });
    if (!persistAsked) {
      persistAsked = true;
      void requestPersistentStorage();
    }
    return attempt;
  }

  /** Runs `fn` on the open store; retries once if the connection was closed under it. */
  async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let store: Store;
      try {
        store = await getStore();
      } catch (error) {
        throw new OpenError(error);
      }
      try {
        return await fn(store);
      } catch (error) {
        if (attempt > 0 || !isClosedError(error)) throw error;
        if (opening) {
          const current = opening;
          opening = null;
          current.then((s) => s.db.close()).catch(() => undefined);
        }
      }
    }
  }

  function announce(changes: readonly StoreChange[]): void {
    for (const change of changes) {
      const sending = broadcast(change).catch(() => undefined);
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    }
  }

  async function handle(
    type: string,
    data: unknown,
    sender: MessageSender | undefined,
  ): Promise<Result<unknown>> {
    if (!Object.prototype.hasOwnProperty.call(MESSAGE_SCHEMAS, type)) {
      return fail('invalid', 'request.unknown', {
        request: JSON.stringify(String(type).slice(0, 60)),
      });
    }
    const request = type as RequestType;
    const kind = senderKind(sender);
    if (!kind) return fail('forbidden', 'request.notCitecast');
    if (MESSAGE_ACCESS[request] === 'extension' && kind !== 'extension') {
      return fail('forbidden', 'request.extensionOnly', { request });
    }
    const checked = checkRequest(request, data);
    if (!checked.ok) return fail('invalid', 'request.refused', { request }, checked.text);
    const info: SenderInfo = { kind, url: typeof sender?.url === 'string' ? sender.url : null };
    try {
      const handler = HANDLERS[request] as Handler<RequestType>;
      const outcome = await withStore((store) => handler(store, checked.data, info, library));
      if (outcome.changes?.length) {
        // The library's copy re-reads what changed before its next query.
        library.noteChanges(outcome.changes);
        if (outcome.result.ok) announce(outcome.changes);
      }
      return outcome.result;
    } catch (error) {
      const opening = error instanceof OpenError;
      const cause = opening ? error.cause : error;
      if (!opening) console.error(`Citecast: ${request} failed`, cause);
      return { ok: false, error: storeError(cause, opening) };
    }
  }

  return {
    handle: handle as StoreService['handle'],
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async close() {
      const current = opening;
      opening = null;
      if (current) await current.then((s) => s.db.close()).catch(() => undefined);
    },
  };
}

/** The codes a request can fail with, for exhaustive UI switches. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'invalid',
  'forbidden',
  'unavailable',
  'quota',
  'not-found',
];

/**
 * Starts answering the protocol in this context (the background): one listener per request
 * type, each handing the payload and the sender to a {@link createStoreService} service.
 * Returns the service and a function that removes the listeners.
 */
export function startStoreService(options: StoreServiceOptions = {}): {
  service: StoreService;
  stop: () => void;
} {
  const service = createStoreService(options);
  const onMessage = messaging.onMessage as (
    type: RequestType,
    listener: (message: { data: unknown; sender?: MessageSender }) => Promise<Result<unknown>>,
  ) => () => void;
  const removers = (Object.keys(MESSAGE_SCHEMAS) as RequestType[]).map((type) =>
    onMessage(type, (message) => service.handle(type, message.data, message.sender)),
  );
  return {
    service,
    stop: () => removers.forEach((remove) => remove()),
  };
}
