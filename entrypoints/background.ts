import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isPingMessage, type PingReply } from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isPingMessage(message)) {
      const reply: PingReply = { ok: true, version: browser.runtime.getManifest().version };
      return Promise.resolve(reply);
    }
    // Not ours: let other listeners answer.
    return undefined;
  });
});
