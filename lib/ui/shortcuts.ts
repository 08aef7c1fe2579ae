/**
 * The browser's keyboard shortcut settings. Chromium has a page for them that an extension may
 * open with `tabs.create` (not with a link: `chrome://` links from extension pages are blocked);
 * Firefox's is inside about:addons, which extensions cannot open, so the page explains the way.
 */

/** Chromium's page of extension shortcuts. */
export const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** The command that opens the popup, by manifest version (MV3 `_execute_action`). */
export const POPUP_COMMANDS = ['_execute_action', '_execute_browser_action'] as const;

/** The popup's default key (wxt.config.ts). */
export const POPUP_KEY = 'Alt+Shift+L';

/** Whether the extension runs in Firefox, from its own base URL (`moz-extension://`). */
export function isFirefoxBase(extensionBaseUrl: string): boolean {
  return extensionBaseUrl.startsWith('moz-extension:');
}

/** The key bound to `name` among `commands` (`browser.commands.getAll()`), `null` when none. */
export function shortcutOf(
  commands: readonly { name?: string; shortcut?: string }[],
  names: readonly string[],
): string | null {
  const command = commands.find((c) => c.name !== undefined && names.includes(c.name));
  return command?.shortcut ? command.shortcut : null;
}
