/** Shared set-up for the message tests: senders as the browser fills them in, and a service on a fresh store. */
import { afterEach, beforeEach, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Result, StoreChange } from '@/lib/core/result';
import { openStore, type Store } from '@/lib/store/db';
import {
  createStoreService,
  type MessageSender,
  type StoreService,
} from '@/entrypoints/background/router';
import { freshIndexedDb, testClock, type TestClock } from '@/tests/unit/store/helpers';

export const DB_NAME = 'citecast-test';

/** The popup (an extension page). */
export function popupSender(): MessageSender {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
}

/** A content script in tab `tabId` on `url`. */
export function tabSender(
  tabId: number,
  url = 'https://podcast.do-not-panic.com/2026/05/titans.html',
): MessageSender {
  return { id: fakeBrowser.runtime.id, url, tab: { id: tabId } };
}

/** A service on a fresh store with a hand-set clock, recording what it broadcasts. */
export interface TestService {
  service: StoreService;
  clock: TestClock;
  changes: StoreChange[];
  open: Mock<() => Promise<Store>>;
  /** The stores opened so far, first first. */
  opened: Store[];
}

/** Builds a {@link TestService}; `open` may replace how the store opens. */
export function testService(open?: () => Promise<Store>): TestService {
  const clock = testClock();
  const changes: StoreChange[] = [];
  const opened: Store[] = [];
  const opener = vi.fn(async () => {
    const store = await (open ?? (() => openStore({ name: DB_NAME, now: clock.now })))();
    opened.push(store);
    return store;
  });
  const service = createStoreService({
    open: opener,
    persist: false,
    broadcast: async (change) => {
      changes.push(change);
    },
  });
  return { service, clock, changes, open: opener, opened };
}

/** A source as the parser gives it, for `savePaper`. */
export function paperSource(arxivId: string, title = `Paper ${arxivId}`) {
  return {
    title,
    authors: ['Ada Lovelace'],
    year: 2025,
    url: `https://arxiv.org/abs/${arxivId}`,
    arxivId,
    doi: null,
    pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
  };
}

/** The value of a successful result; fails the test otherwise. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * A {@link TestService} on a fresh IndexedDB for each test of the calling suite (closed after
 * it); the returned function gives the current one.
 */
export function eachTestService(): () => TestService {
  let current: TestService;
  beforeEach(() => {
    fakeBrowser.reset();
    freshIndexedDb();
    current = testService();
  });
  afterEach(async () => {
    await current.service.close();
  });
  return () => current;
}
