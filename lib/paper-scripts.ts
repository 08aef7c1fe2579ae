/**
 * The paper pages' card script (entrypoints/paper-card.content.ts) is not in the manifest: the
 * background registers it with `scripting.registerContentScripts` only for the paper hosts the
 * listener allowed (optional host permissions), and only while "Show on paper pages" is on;
 * it unregisters it when either goes. {@link watchPaperScripts} keeps that true at startup and on
 * every change of permissions or settings. The permissions are asked for from an extension page
 * (Settings, or the popup's offer), inside the click, as browsers require.
 */
import { browser } from 'wxt/browser';
import { PAPER_PAGE_MATCHES, PAPER_PAGE_ORIGINS } from '@/lib/paper-pages';
import { holdsOrigin } from '@/lib/permissions';
import { onSettingsChanged, readSettings, writeSettings } from '@/lib/settings';

/** The registered script's id. */
export const PAPER_SCRIPT_ID = 'citecast-paper-card';

/** The card script as built (WXT's `content-scripts/<name>.js`). */
export const PAPER_SCRIPT_FILE = 'content-scripts/paper-card.js';

/**
 * arxiv.org is also the permission "put arXiv PDFs into Zotero as files" uses; turning paper
 * pages off keeps it while that setting is on.
 */
const SHARED_ORIGINS: readonly string[] = ['https://arxiv.org/*'];

/** What asking gave: allowed, refused by the user, or the browser failed. */
export type PaperGrantOutcome = 'granted' | 'refused' | 'error';

/** The paper page addresses the card may run on now: the setting on, each one's host allowed. */
export async function allowedPaperMatches(): Promise<string[]> {
  if (!(await readSettings()).paperPages) return [];
  const allowed = await Promise.all(PAPER_PAGE_MATCHES.map(holdsOrigin));
  return PAPER_PAGE_MATCHES.filter((_, i) => allowed[i]);
}

/** Whether every paper host is allowed now. Never rejects. */
export async function hasPaperHosts(): Promise<boolean> {
  return (await Promise.all(PAPER_PAGE_MATCHES.map(holdsOrigin))).every(Boolean);
}

/** Runs one sync at a time: permission and settings events come in bursts. */
let syncing: Promise<string[]> = Promise.resolve([]);

/**
 * Registers the card script for {@link allowedPaperMatches}, updates it when they changed, and
 * unregisters it when there are none. Resolves to the addresses it runs on now; never rejects.
 */
export function syncPaperScripts(): Promise<string[]> {
  syncing = syncing.then(syncNow, syncNow);
  return syncing;
}

async function syncNow(): Promise<string[]> {
  try {
    const matches = await allowedPaperMatches();
    const [current] = await browser.scripting.getRegisteredContentScripts({
      ids: [PAPER_SCRIPT_ID],
    });
    if (matches.length === 0) {
      if (current) await browser.scripting.unregisterContentScripts({ ids: [PAPER_SCRIPT_ID] });
      return [];
    }
    const same =
      current?.matches?.length === matches.length &&
      matches.every((m) => current.matches!.includes(m));
    if (same) return matches;
    if (current) await browser.scripting.unregisterContentScripts({ ids: [PAPER_SCRIPT_ID] });
    await browser.scripting.registerContentScripts([
      { id: PAPER_SCRIPT_ID, js: [PAPER_SCRIPT_FILE], matches, runAt: 'document_idle' },
    ]);
    return matches;
  } catch (error) {
    console.warn('Citecast: could not register the paper pages’ script', error);
    return [];
  }
}

/** The background's part: syncs now, and on every change of permissions or settings. */
export function watchPaperScripts(): void {
  const sync = () => void syncPaperScripts();
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  onSettingsChanged(sync);
  sync();
}

/**
 * Asks for the paper hosts and, when given, turns "Show on paper pages" on. Call it as the first
 * thing a click handler does: Firefox drops the gesture at the first `await`.
 */
export async function requestPaperPages(): Promise<PaperGrantOutcome> {
  let granted: boolean;
  try {
    granted = await browser.permissions.request({ origins: [...PAPER_PAGE_ORIGINS] });
  } catch (error) {
    console.warn('Citecast: the browser refused to ask for the paper pages', error);
    return 'error';
  }
  if (!granted) return 'refused';
  try {
    await writeSettings({ paperPages: true, paperPagesOffered: true });
  } catch {
    return 'error';
  }
  return 'granted';
}

/**
 * Turns paper pages off and gives back their hosts (arxiv.org too, unless Zotero's PDFs use it).
 * Never rejects.
 */
export async function turnOffPaperPages(): Promise<void> {
  const { zoteroPdfs } = await writeSettings({ paperPages: false }).catch(() => readSettings());
  const origins = zoteroPdfs
    ? PAPER_PAGE_ORIGINS.filter((o) => !SHARED_ORIGINS.includes(o))
    : [...PAPER_PAGE_ORIGINS];
  await browser.permissions.remove({ origins }).catch(() => false);
}
