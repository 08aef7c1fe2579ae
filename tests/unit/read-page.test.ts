import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isReadPageMessage,
  onReadPageCommand,
  READ_PAGE_COMMAND,
  READ_PAGE_KEY,
  READ_PAGE_MESSAGE,
  READ_PAGE_MARK,
  READ_PAGE_SCRIPT,
  readTab,
  markReadPage,
  RUNNING_MARK,
  takeReadPageMark,
} from '@/lib/read-page';

/** Stubs `browser.scripting.executeScript` (the fake browser has no `scripting`). */
function stubScripting(impl: (injection: unknown) => Promise<unknown>) {
  const executeScript = vi.fn(impl);
  (browser as unknown as { scripting: unknown }).scripting = { executeScript };
  return executeScript;
}

describe('read this page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('marks the tab as asked, then injects the one content script into the given tab only', async () => {
    const executeScript = stubScripting(() => Promise.resolve([{ result: false }]));
    expect(await readTab(7)).toEqual({ ok: true });
    expect(executeScript.mock.calls).toEqual([
      [{ target: { tabId: 7 }, func: markReadPage, args: [RUNNING_MARK, READ_PAGE_MARK] }],
      // The same bundle the supported hosts load: no second copy of Citecast in the build.
      [{ target: { tabId: 7 }, files: ['/content-scripts/content.js'] }],
    ]);
  });

  it('injects nothing where Citecast already runs', async () => {
    const executeScript = stubScripting(() => Promise.resolve([{ result: true }]));
    expect(await readTab(7)).toEqual({ ok: true });
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('the mark: set only where Citecast is not running, taken once by the script', () => {
    const world = globalThis as unknown as Record<symbol, unknown>;
    expect(takeReadPageMark()).toBe(false);
    expect(markReadPage(RUNNING_MARK, READ_PAGE_MARK)).toBe(false);
    expect(takeReadPageMark()).toBe(true);
    expect(takeReadPageMark()).toBe(false);
    world[Symbol.for(RUNNING_MARK)] = () => true;
    try {
      expect(markReadPage(RUNNING_MARK, READ_PAGE_MARK)).toBe(true);
      expect(takeReadPageMark()).toBe(false);
      // A stopped script (its context invalidated) no longer counts as running.
      world[Symbol.for(RUNNING_MARK)] = () => false;
      expect(markReadPage(RUNNING_MARK, READ_PAGE_MARK)).toBe(false);
      expect(takeReadPageMark()).toBe(true);
    } finally {
      delete world[Symbol.for(RUNNING_MARK)];
    }
  });

  it('says why when the tab cannot be scripted (no activeTab grant)', async () => {
    stubScripting(() => Promise.reject(new Error('Cannot access contents of the page.')));
    expect(await readTab(7)).toEqual({ ok: false, error: 'Cannot access contents of the page.' });
  });

  it('the keyboard command reads the tab it came with, else the active tab', async () => {
    const executeScript = stubScripting(() => Promise.resolve([]));
    expect(await onReadPageCommand('something-else', { id: 3 })).toBeNull();
    expect(await onReadPageCommand(READ_PAGE_COMMAND, { id: 3 })).toEqual({ ok: true });
    expect(executeScript).toHaveBeenLastCalledWith({
      target: { tabId: 3 },
      files: [READ_PAGE_SCRIPT],
    });
    const tab = { id: 11 };
    const query = vi.fn(() => Promise.resolve([tab]));
    (browser.tabs as unknown as { query: typeof query }).query = query;
    expect(await onReadPageCommand(READ_PAGE_COMMAND)).toEqual({ ok: true });
    expect(executeScript).toHaveBeenLastCalledWith({
      target: { tabId: tab.id },
      files: [READ_PAGE_SCRIPT],
    });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('accepts only a well-formed message', () => {
    expect(isReadPageMessage({ type: READ_PAGE_MESSAGE, tabId: 4 })).toBe(true);
    for (const bad of [
      null,
      { type: READ_PAGE_MESSAGE },
      { type: READ_PAGE_MESSAGE, tabId: -1 },
      { type: READ_PAGE_MESSAGE, tabId: 1.5 },
      { type: READ_PAGE_MESSAGE, tabId: '4' },
      { type: 'ping', tabId: 4 },
    ])
      expect(isReadPageMessage(bad)).toBe(false);
  });

  it('wxt.config.ts declares the command and its key, and no host permission but optional ones', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    expect(config).toContain(`'${READ_PAGE_COMMAND}': {`);
    expect(config).toContain(`suggested_key: { default: '${READ_PAGE_KEY}' }`);
    expect(config).toContain("permissions: ['storage', 'activeTab', 'scripting']");
    // Hosts only as optional permissions, asked for when the user acts (feed, arXiv).
    expect(config).not.toMatch(/(?<!optional_)host_permissions|<all_urls>/);
    expect(config).toContain('optional_host_permissions: [');
    expect(READ_PAGE_KEY).not.toBe('Ctrl+Shift+S');
  });
});
