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
import {
  PAPER_SCRIPT_FILE,
  PAPER_SCRIPT_ID,
  syncPaperScripts,
  turnOffPaperPages,
} from '@/lib/paper-scripts';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_KEY, writeSettings } from '@/lib/settings';
import {
  settleZoteroPdfs,
  turnOffZoteroPdfs,
  watchZoteroPdfs,
  zoteroPdfsOn,
} from '@/lib/zotero/grant';

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
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p) => {
    for (const origin of p.origins ?? []) granted.delete(origin);
    return true;
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

describe('arxiv.org, held by both paper pages and Zotero’s PDFs', () => {
  const ARXIV = 'https://arxiv.org/*';

  it('allowing paper pages does not turn Zotero’s PDF uploads on', async () => {
    for (const origin of PAPER_PAGE_ORIGINS) granted.add(origin);
    await writeSettings({ paperPages: true });
    expect(await zoteroPdfsOn()).toBe(false);
  });

  it('turning paper pages off gives arxiv.org back, unless Zotero’s PDFs use it', async () => {
    for (const origin of PAPER_PAGE_ORIGINS) granted.add(origin);
    await writeSettings({ paperPages: true });
    await turnOffPaperPages();
    expect([...granted]).toEqual([]);

    for (const origin of PAPER_PAGE_ORIGINS) granted.add(origin);
    await writeSettings({ paperPages: true, zoteroPdfs: true });
    await turnOffPaperPages();
    expect([...granted]).toEqual([ARXIV]);
    expect(await zoteroPdfsOn()).toBe(true);
  });

  it('turning Zotero’s PDFs off keeps arxiv.org while paper pages are on', async () => {
    granted.add(ARXIV);
    await writeSettings({ paperPages: true, zoteroPdfs: true });
    await turnOffZoteroPdfs();
    expect(await zoteroPdfsOn()).toBe(false);
    expect(granted.has(ARXIV)).toBe(true);
    await writeSettings({ paperPages: false, zoteroPdfs: true });
    await turnOffZoteroPdfs();
    expect(granted.has(ARXIV)).toBe(false);
  });

  it('a profile from before the setting keeps its PDF uploads when it held arxiv.org for them', async () => {
    granted.add(ARXIV);
    const old = { ...DEFAULT_SETTINGS } as Partial<typeof DEFAULT_SETTINGS>;
    delete old.zoteroPdfs;
    delete old.paperPages;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: old });
    await settleZoteroPdfs();
    expect((await readSettings()).zoteroPdfs).toBe(true);
    // Settled once: turning it off is not undone by the next start.
    await turnOffZoteroPdfs();
    granted.add(ARXIV);
    await settleZoteroPdfs();
    expect((await readSettings()).zoteroPdfs).toBe(false);
  });

  it('so does one that allowed arxiv.org for the PDFs and never stored a setting', async () => {
    granted.add(ARXIV);
    await settleZoteroPdfs();
    expect((await readSettings()).zoteroPdfs).toBe(true);
  });

  it('is settled when Citecast is updated, not on a new install', async () => {
    granted.add(ARXIV);
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    watchZoteroPdfs();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    // Whatever the listener started has finished by the next task.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false });
    await vi.waitFor(async () => expect((await readSettings()).zoteroPdfs).toBe(true));
  });

  it('a profile whose arxiv.org came with paper pages, or a fresh one, gets no PDF uploads', async () => {
    granted.add(ARXIV);
    const old = { ...DEFAULT_SETTINGS, paperPages: true } as Partial<typeof DEFAULT_SETTINGS>;
    delete old.zoteroPdfs;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: old });
    await settleZoteroPdfs();
    expect((await readSettings()).zoteroPdfs).toBe(false);
    fakeBrowser.reset();
    granted.clear();
    await settleZoteroPdfs();
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY)).toEqual({});
  });

  it('arxiv.org taken away in the browser turns the PDFs off, so paper pages cannot bring them back', async () => {
    granted.add(ARXIV);
    await writeSettings({ zoteroPdfs: true });
    let onRemoved: ((p: { origins?: string[] }) => void) | undefined;
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((listener) => {
      onRemoved = listener;
    });
    watchZoteroPdfs();
    granted.delete(ARXIV);
    onRemoved!({ origins: ['https://huggingface.co/*'] });
    expect((await readSettings()).zoteroPdfs).toBe(true);
    onRemoved!({ origins: [ARXIV] });
    await vi.waitFor(async () => expect((await readSettings()).zoteroPdfs).toBe(false));
    for (const origin of PAPER_PAGE_ORIGINS) granted.add(origin);
    await writeSettings({ paperPages: true });
    expect(await zoteroPdfsOn()).toBe(false);
  });
});
