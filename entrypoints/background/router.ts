/**
 * The background's router: answers every request of the protocol (lib/protocol) and tells every
 * tab and extension page what changed.
 *
 * - The store opens lazily, once, on the first request; a `versionchange` (another context
 *   upgrading or deleting the database) closes it, and the next request opens it again.
 * - `navigator.storage.persist()` is asked for once, best effort (Chromium's service worker has
 *   no `persist`; extension pages may ask too, with {@link requestPersistentStorage}).
 * - Every sender is checked against the request's access and every payload against its schema;
 *   every failure comes back as a typed error with a message the UI can show, never a stack.
 * - After each write the change (`{kind, keys}`) goes to every tab and to the extension pages.
 * - The popup's and library's list queries read an in-memory copy of the library; each write's
 *   changes mark what it must re-read before its next answer.
 */
import { browser } from 'wxt/browser';
import type { MessageError, Result, StoreChange } from '@/lib/core/result';
import { fail, problem } from '@/lib/i18n/errors';
import { messaging, storeChangedMessage, type ReplyOf } from '@/lib/protocol/client';
import { REQUESTS, type RequestType } from '@/lib/protocol/requests';
import { openStore, type Store } from '@/lib/store/db';
import { LibraryCache } from '@/lib/store/library-cache';
import type { Handler, SenderInfo, SenderKind } from '@/entrypoints/background/handlers/context';
import { HANDLERS } from '@/entrypoints/background/handlers/index';
import { checkRequest } from '@/lib/schemas/requests';
import type { SyncControl } from '@/lib/sync/service';

/** The parts of a runtime message sender the service looks at. */
export interface MessageSender {
  /** The extension that sent the message. */
  id?: string;
  /** The page or frame the message came from. */
  url?: string;
  /** Set for messages from a tab (content scripts, and extension pages opened as a tab). */
  tab?: { id?: number };
}

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
  /** Sync across the user's browsers, for its requests; without it they answer `unavailable`. */
  sync?: SyncControl;
  /** Told of every change a request made, and the request's name (sync pushes them). */
  onLocalChanges?: (changes: readonly StoreChange[], request: RequestType) => void;
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
  /**
   * Runs `fn` on the open store outside any request (sync's merges): the changes it answers are
   * broadcast and the library's copy re-reads them, as after a request.
   */
  run<T>(fn: (store: Store) => Promise<{ value: T; changes: StoreChange[] }>): Promise<T>;
  /** Resolves once every change broadcast started so far has been delivered (or refused). */
  idle(): Promise<void>;
  /** Closes the store if it is open; the next request opens it again. */
  close(): Promise<void>;
}

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
    if (!Object.prototype.hasOwnProperty.call(REQUESTS, type)) {
      return fail('invalid', 'request.unknown', {
        request: JSON.stringify(String(type).slice(0, 60)),
      });
    }
    const request = type as RequestType;
    const kind = senderKind(sender);
    if (!kind) return fail('forbidden', 'request.notCitecast');
    if (REQUESTS[request].access === 'extension' && kind !== 'extension') {
      return fail('forbidden', 'request.extensionOnly', { request });
    }
    const checked = checkRequest(request, data);
    if (!checked.ok) return fail('invalid', 'request.refused', { request }, checked.text);
    const info: SenderInfo = { kind, url: typeof sender?.url === 'string' ? sender.url : null };
    try {
      const handler = HANDLERS[request] as Handler<RequestType>;
      const outcome = await withStore((store) =>
        handler({ store, library, sender: info, sync: options.sync ?? null }, checked.data),
      );
      if (outcome.changes?.length) {
        // The library's copy re-reads what changed before its next query.
        library.noteChanges(outcome.changes);
        if (outcome.result.ok) {
          announce(outcome.changes);
          options.onLocalChanges?.(outcome.changes, request);
        }
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
    async run(fn) {
      const { value, changes } = await withStore(fn);
      if (changes.length > 0) {
        library.noteChanges(changes);
        announce(changes);
      }
      return value;
    },
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
  const removers = (Object.keys(REQUESTS) as RequestType[]).map((type) =>
    onMessage(type, (message) => service.handle(type, message.data, message.sender)),
  );
  return {
    service,
    stop: () => removers.forEach((remove) => remove()),
  };
}
