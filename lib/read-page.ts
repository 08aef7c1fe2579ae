/**
 * "Read this page": on a page outside the supported hosts (or one turned off in Settings), the
 * popup's button and the keyboard command {@link READ_PAGE_COMMAND} have the background inject the
 * content script itself (entrypoints/content/index.ts, the same bundle the supported hosts load)
 * into that tab, after marking the script's world as asked ({@link markReadPage}) so the script
 * reads the page whatever its address. The popup's or the key's user gesture grants `activeTab`
 * for the tab; `scripting` injects. No host permission is involved.
 */
import { browser } from 'wxt/browser';

/** The keyboard command's name in the manifest's `commands`. */
export const READ_PAGE_COMMAND = 'read-page';

/** The default key of {@link READ_PAGE_COMMAND}. */
export const READ_PAGE_KEY = 'Alt+Shift+C';

/** The content script as built (WXT's `content-scripts/<name>.js`), injected on demand too. */
export const READ_PAGE_SCRIPT = '/content-scripts/content.js';

/**
 * The global mark, in the content scripts' own world, of Citecast running there (set by
 * lib/content/start.ts; its value answers whether that script is still alive).
 */
export const RUNNING_MARK = 'citecast.running';

/** The global mark, in the content scripts' own world, of "Read this page" asked. */
export const READ_PAGE_MARK = 'citecast.read-page';

/**
 * Run in the tab's content-script world before the injection (so it names its marks itself: it is
 * sent as source text): `true` when Citecast already annotates the page, else marks the world as
 * asked and answers `false`. The page's own scripts never see that world.
 */
export function markReadPage(running: string, asked: string): boolean {
  const world = globalThis as unknown as Record<symbol, unknown>;
  const alive = world[Symbol.for(running)];
  if (typeof alive === 'function' && alive() === true) return true;
  world[Symbol.for(asked)] = true;
  return false;
}

/**
 * In the content script: whether "Read this page" injected it ({@link markReadPage}); the mark is
 * taken, so a later automatic start is not mistaken for one.
 */
export function takeReadPageMark(): boolean {
  const world = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(READ_PAGE_MARK);
  const asked = world[key] === true;
  delete world[key];
  return asked;
}

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
 * Reads and annotates tab `tabId` on demand: injects {@link READ_PAGE_SCRIPT} into its top frame,
 * unless Citecast already runs there (a supported page, or a second read: nothing doubles).
 * Works only where the extension may script the tab (activeTab after a user gesture, or a
 * supported host); never throws, the reply says why it failed.
 */
export async function readTab(tabId: number): Promise<ReadPageReply> {
  try {
    const [mark] = await browser.scripting.executeScript({
      target: { tabId },
      func: markReadPage,
      args: [RUNNING_MARK, READ_PAGE_MARK],
    });
    if (mark?.result === true) return { ok: true };
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
