/**
 * The paper pages' card script is registered only for the allowed paper hosts while "Show on
 * paper pages" is on, updated when a host is given back, and unregistered when the setting goes;
 * the optional hosts in wxt.config.ts are the paper pages' own. The browser's permissions and
 * script registry are stood in for (the fake browser has neither).
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAPER_PAGE_MATCHES, PAPER_PAGE_ORIGINS } from '@/lib/paper-pages';
import { PAPER_SCRIPT_FILE, PAPER_SCRIPT_ID, syncPaperScripts } from '@/lib/paper-scripts';
import { DEFAULT_SETTINGS, writeSettings } from '@/lib/settings';

type Registered = { id: string; js?: string[]; matches?: string[] };

let granted: Set<string>;
let registered: Map<string, Registered>;

/** Whether `pattern` (a match or an origin) lies under a granted origin. */
const covered = (pattern: string) =>
  [...granted].some((origin) => pattern.startsWith(origin.replace(/\*$/, '')));

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  registered = new Map();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every(covered),
  );
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(
    async (filter) =>
      [...registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (list) => {
    for (const s of list) {
      if (registered.has(s.id)) throw new Error(`duplicate id ${s.id}`);
      registered.set(s.id, s);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
  });
});

describe('the paper pages script', () => {
  it('stays unregistered by default, even with arxiv.org allowed for Zotero', async () => {
    expect(DEFAULT_SETTINGS.paperPages).toBe(false);
    granted.add('https://arxiv.org/*');
    expect(await syncPaperScripts()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('runs on the allowed paper hosts while the setting is on, and nowhere once it is off', async () => {
    await writeSettings({ paperPages: true });
    expect(await syncPaperScripts()).toEqual([]);
    for (const origin of PAPER_PAGE_ORIGINS) granted.add(origin);
    expect(await syncPaperScripts()).toEqual([...PAPER_PAGE_MATCHES]);
    expect(registered.get(PAPER_SCRIPT_ID)).toMatchObject({
      js: [PAPER_SCRIPT_FILE],
      matches: [...PAPER_PAGE_MATCHES],
    });
    granted.delete('https://huggingface.co/*');
    const left = await syncPaperScripts();
    expect(left).not.toContain('https://huggingface.co/papers/*');
    expect(registered.get(PAPER_SCRIPT_ID)?.matches).toEqual(left);
    await writeSettings({ paperPages: false });
    expect(await syncPaperScripts()).toEqual([]);
    expect(registered.size).toBe(0);
  });

  it('names the built card script and the hosts wxt.config.ts declares optional', () => {
    expect(PAPER_SCRIPT_FILE).toBe('content-scripts/paper-card.js');
    expect(existsSync('entrypoints/paper-card.content.ts')).toBe(true);
    const config = readFileSync('wxt.config.ts', 'utf8');
    for (const origin of PAPER_PAGE_ORIGINS) expect(config).toContain(`'${origin}'`);
    // Never a manifest content script: it would need the hosts as required permissions.
    expect(config).not.toContain('paper-card');
  });
});
