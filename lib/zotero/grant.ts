/**
 * Asking for Zotero's port. The host permission is optional and asked the first time the user
 * sends: browsers grant optional permissions only from a click in an extension page, so the
 * library and the popup ask in their own click, and a page's Zotero button opens a small
 * Citecast window that asks.
 */
import { browser } from 'wxt/browser';
import { holdsOrigin } from '@/lib/permissions';
import { readSettings, SETTINGS_KEY, writeSettings } from '@/lib/settings';
import { ZOTERO_PERMISSION } from '@/lib/zotero/client';
import { ARXIV_PDF_PERMISSION } from '@/lib/zotero/send';

/** The extension page that asks for the permission. */
export const ZOTERO_GRANT_PAGE = '/zotero-grant.html';

/** What asking gave: allowed, refused by the user, or the browser failed. */
export type ZoteroGrantOutcome = 'granted' | 'refused' | 'error';

/**
 * Asks for Zotero's port, and arxiv.org too when `withPdfs`, which then turns `zoteroPdfs` on (so
 * that the PDFs are uploaded into Zotero as files). Call it as the first thing a click handler
 * does: Firefox drops the gesture at the first `await`.
 */
export async function requestZoteroAccess(withPdfs: boolean): Promise<ZoteroGrantOutcome> {
  const origins = withPdfs ? [ZOTERO_PERMISSION, ARXIV_PDF_PERMISSION] : [ZOTERO_PERMISSION];
  try {
    if (!(await browser.permissions.request({ origins }))) return 'refused';
    if (withPdfs) await writeSettings({ zoteroPdfs: true });
    return 'granted';
  } catch (error) {
    console.warn('Citecast: the browser refused to ask for the Zotero permission', error);
    return 'error';
  }
}

/** Whether Zotero's port may be reached now. Never rejects. */
export function hasZoteroPermission(): Promise<boolean> {
  return holdsOrigin(ZOTERO_PERMISSION);
}

/**
 * Stops putting arXiv's PDFs into Zotero, and gives arxiv.org back unless paper pages still use
 * it. Never rejects.
 */
export async function turnOffZoteroPdfs(): Promise<void> {
  try {
    const { paperPages } = await writeSettings({ zoteroPdfs: false });
    if (!paperPages) await browser.permissions.remove({ origins: [ARXIV_PDF_PERMISSION] });
  } catch {
    // Nothing to give back.
  }
}

/** Whether sending to Zotero uploads arXiv's PDFs: the setting on and arxiv.org held. */
export async function zoteroPdfsOn(): Promise<boolean> {
  return (await readSettings()).zoteroPdfs && (await holdsOrigin(ARXIV_PDF_PERMISSION));
}

/**
 * Gives `zoteroPdfs` its value in a profile from before it was a setting: there, holding arxiv.org
 * meant "put the PDFs into Zotero" (paper pages, the other holder, came with the setting), and
 * granting it stored no settings at all. Does nothing once the setting is stored, and nothing on
 * a fresh install (which holds no arxiv.org). Never rejects.
 */
export async function settleZoteroPdfs(): Promise<void> {
  try {
    const stored: unknown = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    const old = typeof stored === 'object' && stored !== null ? stored : {};
    if ('zoteroPdfs' in old) return;
    const paperPages = (old as { paperPages?: unknown }).paperPages === true;
    if (paperPages || !(await holdsOrigin(ARXIV_PDF_PERMISSION))) return;
    await writeSettings({ zoteroPdfs: true });
  } catch {
    // Settings unreadable: the default (off) stands.
  }
}

/**
 * The background's part: settles the setting for an older profile when Citecast is updated (not
 * at every start of the background), and turns it off when arxiv.org is taken away outside
 * Citecast (the browser's add-on or site settings), so that allowing paper pages later, which
 * asks for arxiv.org again, does not start PDF uploads the user had ended.
 */
export function watchZoteroPdfs(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void settleZoteroPdfs();
  });
  browser.permissions.onRemoved.addListener((removed) => {
    if (!removed.origins?.includes(ARXIV_PDF_PERMISSION)) return;
    void writeSettings({ zoteroPdfs: false }).catch(() => undefined);
  });
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
