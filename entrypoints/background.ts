import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, badgeTitle, isBadgeMessage } from '@/lib/badge';
import { isPingMessage, type PingReply } from '@/lib/messages';
import { startStoreService } from '@/lib/store/service';

/** The toolbar action: `action` in MV3, `browserAction` in Firefox's MV2. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export default defineBackground(() => {
  // The store's protocol (lib/messages.ts): listeners registered synchronously, the store opened
  // on the first request.
  startStoreService();

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
    // Not ours: let other listeners answer.
    return undefined;
  });
});
