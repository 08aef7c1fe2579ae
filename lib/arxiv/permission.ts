/**
 * Turning arXiv lookups on and off from an extension page (the grant window, Settings). The host
 * permission is optional: it is asked for only here, from a click, because browsers grant
 * optional permissions only in a user gesture in an extension page (content scripts cannot ask).
 */
import { browser } from 'wxt/browser';
import { holdsOrigin } from '@/lib/permissions';
import { writeSettings } from '@/lib/settings';
import { ARXIV_ORIGIN } from '@/lib/arxiv/query';

/** What asking gave: allowed, refused by the user, or the browser failed. */
export type GrantOutcome = 'granted' | 'refused' | 'error';

/**
 * Asks for the arXiv host permission and, when given, turns the `arxivLookup` setting on. Call
 * it synchronously from a click handler: the request must be the first thing the click does
 * (Firefox drops the gesture at the first `await`).
 */
export async function requestArxivAccess(): Promise<GrantOutcome> {
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [ARXIV_ORIGIN] });
  } catch (error) {
    console.warn('Citecast: the browser refused to ask for the arXiv permission', error);
    return 'error';
  }
  if (!granted) return 'refused';
  try {
    await writeSettings({ arxivLookup: true });
  } catch {
    return 'error';
  }
  return 'granted';
}

/** Turns lookups off and gives the permission back. Never rejects. */
export async function revokeArxivAccess(): Promise<void> {
  await writeSettings({ arxivLookup: false }).catch(() => undefined);
  await browser.permissions.remove({ origins: [ARXIV_ORIGIN] }).catch(() => false);
}

/** Whether the permission is granted now (extension pages only). Never rejects. */
export function hasArxivPermission(): Promise<boolean> {
  return holdsOrigin(ARXIV_ORIGIN);
}
