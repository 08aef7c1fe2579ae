/**
 * Zotero's optional host permission is the one each build's manifest declares: Chromium's names
 * Zotero's port; Firefox's names the loopback address without a port, because a Firefox match
 * pattern with a port matches no address (the background's requests then meet CORS, which Zotero
 * refuses). The config cannot load project modules, so its text is checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoteroPermission, ZOTERO_ORIGIN } from '@/lib/zotero/client';

describe("Zotero's host permission", () => {
  it('names the port in Chromium and the loopback address in Firefox', () => {
    expect(zoteroPermission('chrome')).toBe(`${ZOTERO_ORIGIN}/*`);
    expect(zoteroPermission('firefox')).toBe('http://127.0.0.1/*');
    // A Firefox pattern must not name a port.
    expect(zoteroPermission('firefox')).not.toMatch(/:\d+\//);
  });

  it('is what wxt.config.ts declares for each browser', () => {
    const config = readFileSync('wxt.config.ts', 'utf8');
    const declared = /browser === 'firefox' \? '([^']+)' : '([^']+)'/.exec(
      config.slice(config.indexOf('const zoteroHost')),
    );
    expect(declared?.slice(1)).toEqual([zoteroPermission('firefox'), zoteroPermission('chrome')]);
  });
});
