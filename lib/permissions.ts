/**
 * The one check of an optional host permission, shared by every feature that asks for one
 * (arXiv lookups, the feed import, Zotero, paper pages).
 */
import { browser } from 'wxt/browser';

/**
 * Whether the extension holds the host permission `origin` now. Never rejects: a browser that
 * cannot answer (a content script, an old API) counts as not holding it.
 */
export async function holdsOrigin(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [origin] });
  } catch {
    return false;
  }
}
