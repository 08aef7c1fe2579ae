/**
 * "Read this page": on a page outside the supported hosts, the popup's button
 * and the keyboard command {@link READ_PAGE_COMMAND} have the background inject the on-demand
 * content script (entrypoints/read-page.content.ts) into that tab. The popup's or the key's user
 * gesture grants `activeTab` for the tab; `scripting` injects. No host permission is involved.
 */
import { browser } from 'wxt/browser';

/** The keyboard command's name in the manifest's `commands`. */
export const READ_PAGE_COMMAND = 'read-page';

/** The default key of {@link READ_PAGE_COMMAND}. */
export const READ_PAGE_KEY = 'Alt+Shift+C';

/** The on-demand content script as built (WXT's `content-scripts/<name>.js`). */
export const READ_PAGE_SCRIPT = '/content-scripts/read-page.js';

/** The plain message type the popup sends to the background. */
export const READ_PAGE_MESSAGE = 'citecast:read-page';

/** Asks the background to read and annotate tab `tabId`. */
export interface ReadPageMessage {
  type: typeof READ_PAGE_MESSAGE;
  tabId: number;
}

/** The background's answer to a {@link ReadPageMessage}. */
export type ReadPageReply = { ok: true } | { ok: false; error: string };

/** Whether `value` is a well-formed {@link ReadPageMessage}. */
export function isReadPageMessage(value: unknown): value is ReadPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { type, tabId } = value as { type?: unknown; tabId?: unknown };
  return (
    type === READ_PAGE_MESSAGE && typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0
  );
}

/**
 * Reads and annotates tab `tabId` on demand: injects {@link READ_PAGE_SCRIPT} into its top frame.
 * Works only where the extension may script the tab (activeTab after a user gesture, or a
 * supported host); never throws, the reply says why it failed.
 */
export async function readTab(tabId: number): Promise<ReadPageReply> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [READ_PAGE_SCRIPT] });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The keyboard command's handler: reads the tab the command came with, else the active tab of
 * the current window. Ignores other commands.
 */
export async function onReadPageCommand(
  command: string,
  tab?: { id?: number },
): Promise<ReadPageReply | null> {
  if (command !== READ_PAGE_COMMAND) return null;
  let tabId = tab?.id;
  if (tabId === undefined) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = active?.id;
  }
  if (tabId === undefined || tabId < 0) return { ok: false, error: 'no tab to read' };
  return readTab(tabId);
}
