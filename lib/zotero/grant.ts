/**
 * Asking for Zotero's port. The host permission is optional and asked the first time the user
 * sends: browsers grant optional permissions only from a click in an extension page, so the
 * library and the popup ask in their own click, and a page's Zotero button opens a small
 * Citecast window that asks.
 */
import { browser } from 'wxt/browser';
import { holdsOrigin } from '@/lib/permissions';
import { ZOTERO_PERMISSION } from '@/lib/zotero/client';
import { ARXIV_PDF_PERMISSION } from '@/lib/zotero/send';

/** The extension page that asks for the permission. */
export const ZOTERO_GRANT_PAGE = '/zotero-grant.html';

/** What asking gave: allowed, refused by the user, or the browser failed. */
export type ZoteroGrantOutcome = 'granted' | 'refused' | 'error';

/**
 * Asks for Zotero's port, and arxiv.org too when `withPdfs` (so that the PDFs are uploaded into
 * Zotero as files). Call it as the first thing a click handler does: Firefox drops the gesture at
 * the first `await`.
 */
export async function requestZoteroAccess(withPdfs: boolean): Promise<ZoteroGrantOutcome> {
  const origins = withPdfs ? [ZOTERO_PERMISSION, ARXIV_PDF_PERMISSION] : [ZOTERO_PERMISSION];
  try {
    return (await browser.permissions.request({ origins })) ? 'granted' : 'refused';
  } catch (error) {
    console.warn('Citecast: the browser refused to ask for the Zotero permission', error);
    return 'error';
  }
}

/** Whether Zotero's port may be reached now. Never rejects. */
export function hasZoteroPermission(): Promise<boolean> {
  return holdsOrigin(ZOTERO_PERMISSION);
}

/** Gives back the permission to fetch arXiv's PDFs. Never rejects. */
export async function revokePdfPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ origins: [ARXIV_PDF_PERMISSION] });
  } catch {
    // Nothing to give back.
  }
}

/** Whether Citecast may fetch arXiv's PDFs to put them into Zotero. Never rejects. */
export function hasPdfPermission(): Promise<boolean> {
  return holdsOrigin(ARXIV_PDF_PERMISSION);
}

/** Opens the window that asks for the permission (from a page's Zotero button). */
export async function openZoteroGrant(): Promise<{ opened: true }> {
  const url = browser.runtime.getURL(ZOTERO_GRANT_PAGE);
  try {
    await browser.windows.create({ url, type: 'popup', width: 520, height: 520 });
  } catch {
    // No windows API (Firefox for Android): a tab does the same.
    await browser.tabs.create({ url });
  }
  return { opened: true };
}
