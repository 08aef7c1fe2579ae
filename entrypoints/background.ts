import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isPingMessage, type PingReply } from '@/lib/messages';
import { startStoreService } from '@/lib/store/service';

export default defineBackground(() => {
  // The store's protocol (lib/messages.ts): listeners registered synchronously, the store opened
  // on the first request.
  startStoreService();

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isPingMessage(message)) {
      const reply: PingReply = { ok: true, version: browser.runtime.getManifest().version };
      return Promise.resolve(reply);
    }
    // Not ours: let other listeners answer.
    return undefined;
  });
});
