/**
 * What the pages need from the extension, in one context so component tests can pass fakes:
 * asking the background, hearing about store changes, opening tabs.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask, messaging, type ReplyOf } from '@/lib/protocol/client';
import type { RequestData, RequestType } from '@/lib/protocol/requests';
import type { StoreChange } from '@/lib/core/result';
import {
  PAGE_EPISODES_MESSAGE,
  type PageEpisodesMessage,
  type PageEpisodesReply,
} from '@/lib/page-episodes';
import { checkPageEpisodesReply } from '@/lib/schemas/page-episodes';
import { READ_PAGE_MESSAGE, type ReadPageMessage, type ReadPageReply } from '@/lib/read-page';

/** Sends a request to the background; resolves to its result, never rejects (see `ask`). */
export type AskFn = <K extends RequestType>(type: K, data: RequestData<K>) => Promise<ReplyOf<K>>;

/** The extension as the pages use it. */
export interface Services {
  ask: AskFn;
  /** Calls `listener` after every write to the store; returns a function that stops it. */
  onStoreChanged(listener: (change: StoreChange) => void): () => void;
  /** Opens `url` in a new tab (next to the current one). */
  openTab(url: string): void;
  /** Opens the library at `section` (`papers`, `episodes`, …) in a new tab. */
  openLibrary(section: string): void;
  /** What the active tab's content script found (`null`: no content script, or a bad answer). */
  pageEpisodes(): Promise<PageEpisodesReply | null>;
  /** Has the background read and annotate the active tab ("Read this page"); rejects with why not. */
  readActiveTab(): Promise<void>;
  /**
   * The active tab's address, which opening the popup lets it see (`activeTab`); `null` when the
   * browser does not say. Optional: pages without a tab (tests) leave it out.
   */
  activeTabUrl?(): Promise<string | null>;
}

/** The active tab of the current window, if any. */
async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const changeListeners = new Set<(change: StoreChange) => void>();
let stopMessages: (() => void) | null = null;

/**
 * Adds a listener of the change broadcast. The messaging library allows one listener per message
 * type in a page, so the page has one, shared by every component that listens.
 */
function listenToChanges(listener: (change: StoreChange) => void): () => void {
  changeListeners.add(listener);
  stopMessages ??= messaging.onMessage('storeChanged', (message) => {
    for (const l of [...changeListeners]) l(message.data);
  });
  return () => {
    changeListeners.delete(listener);
    if (changeListeners.size === 0 && stopMessages) {
      stopMessages();
      stopMessages = null;
    }
  };
}

/** The real extension's services. */
export const extensionServices: Services = {
  ask,
  onStoreChanged: listenToChanges,
  openTab(url) {
    browser.tabs.create({ url }).catch((error: unknown) => {
      console.error('Citecast: could not open a tab', error);
    });
  },
  openLibrary(section) {
    extensionServices.openTab(`${browser.runtime.getURL('/library.html')}#${section}`);
  },
  async pageEpisodes() {
    try {
      const tabId = await activeTabId();
      if (tabId === null) return null;
      const message: PageEpisodesMessage = { type: PAGE_EPISODES_MESSAGE };
      return checkPageEpisodesReply(await browser.tabs.sendMessage(tabId, message));
    } catch {
      // No content script in the tab (another site, a browser page): nothing found there.
      return null;
    }
  },
  async readActiveTab() {
    // The click on the popup's button is the gesture that grants `activeTab` (lib/read-page.ts).
    const tabId = await activeTabId();
    if (tabId === null) throw new Error('no tab to read');
    const message: ReadPageMessage = { type: READ_PAGE_MESSAGE, tabId };
    const reply = (await browser.runtime.sendMessage(message)) as ReadPageReply | undefined;
    if (!reply) throw new Error('no answer from the background');
    if (!reply.ok) throw new Error(reply.error);
  },
  async activeTabUrl() {
    try {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.url ?? null;
    } catch {
      return null;
    }
  },
};

const ServicesContext = createContext<Services>(extensionServices);

/** Provides `services` to the components below. */
export function ServicesProvider(props: { services: Services; children: ComponentChildren }) {
  return (
    <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>
  );
}

/** The services of the page (the real extension's unless a provider says otherwise). */
export function useServices(): Services {
  return useContext(ServicesContext);
}
