import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, badgeTitle, isBadgeMessage } from '@/lib/badge';
import { isPingMessage, type PingReply } from '@/lib/protocol/client';
import { watchPaperScripts } from '@/lib/paper-scripts';
import { isReadPageMessage, onReadPageCommand, readTab } from '@/lib/read-page';
import { openStore } from '@/lib/store/db';
import { hybridClock } from '@/lib/sync/clock';
import { startStoreService, type StoreService } from '@/entrypoints/background/router';
import { startSync } from '@/entrypoints/background/sync';
import { watchZoteroPdfs } from '@/lib/zotero/grant';

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export default defineBackground(() => {
  // Every write is stamped by the hybrid clock, which sync moves past what other browsers wrote.
  const clock = hybridClock();
  let service: StoreService | null = null;
  const sync = startSync(clock, (fn) => service!.run(fn));
  // The store's protocol (lib/protocol/requests.ts): listeners registered synchronously, the store opened
  // on the first request.
  service = startStoreService({
    open: () => openStore({ now: clock.now }),
    sync,
    onLocalChanges: (changes, request) => sync.localChanged(changes, request),
  }).service;
  // The paper pages' card runs only where the listener allowed it: registered at every start.
  watchPaperScripts();
  // Zotero's PDF uploads follow their own setting, which losing arxiv.org turns off.
  watchZoteroPdfs();

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isPingMessage(message)) {
      const reply: PingReply = { ok: true, version: browser.runtime.getManifest().version };
      return Promise.resolve(reply);
    }
    if (isBadgeMessage(message)) {
      // Only this extension's content scripts, and only for their own tab.
      const tabId = sender.tab?.id;
      if (sender.id !== browser.runtime.id || tabId === undefined || tabId < 0) return undefined;
      const action = toolbarAction();
      const { sources, saved } = message;
      return Promise.all([
        action.setBadgeText({ tabId, text: badgeText(sources, saved) }),
        action.setTitle({ tabId, title: badgeTitle(sources, saved) }),
        action.setBadgeBackgroundColor({ tabId, color: '#5b21b6' }),
      ])
        .then(() => ({ ok: true }))
        .catch(() => ({ ok: false }));
    }
    if (isReadPageMessage(message)) {
      // Only this extension's own pages (the popup), never a content script.
      const fromOwnPage =
        sender.id === browser.runtime.id &&
        (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
      if (!fromOwnPage) return undefined;
      return readTab(message.tabId);
    }
    // Not ours: let other listeners answer.
    return undefined;
  });

  // "Read this page" from the keyboard (the manifest's `commands`); the key grants activeTab.
  browser.commands.onCommand.addListener((command, tab) => {
    void onReadPageCommand(command, tab).then((reply) => {
      if (reply && !reply.ok) console.warn('Citecast: could not read this page:', reply.error);
    });
  });
});
