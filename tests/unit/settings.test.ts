import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  onSettingsChanged,
  readSettings,
  SETTINGS_KEY,
  settingsFrom,
  writeSettings,
} from '@/lib/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults on a fresh install: every site on, arXiv lookups off', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.arxivLookup).toBe(false);
    // The sites' keys are what earlier versions stored: renaming one would drop the user's choice.
    expect(DEFAULT_SETTINGS.sites).toEqual({
      show: true,
      podimo: true,
      spotify: true,
      apple: true,
    });
  });

  it('keeps each valid stored field and replaces each invalid one by its default', () => {
    const read = settingsFrom({
      sites: { podimo: false, spotify: 'no', evil: true },
      heardShare: 0.2,
      language: 'nb',
      theme: '<script>',
      arxivLookup: true,
    });
    expect(read).toEqual({
      ...DEFAULT_SETTINGS,
      sites: { show: true, podimo: false, spotify: true, apple: true },
      language: 'nb',
      arxivLookup: true,
    });
    expect(settingsFrom('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('writes a change, keeps the rest, and tells listeners', async () => {
    const seen: number[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.heardShare));
    const next = await writeSettings({ heardShare: 0.75, sites: { apple: false } });
    expect(next.heardShare).toBe(0.75);
    expect(next.sites).toEqual({ show: true, podimo: true, spotify: true, apple: false });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(next);
    await writeSettings({ heardShare: 7 });
    expect((await readSettings()).heardShare).toBe(0.75);
    stop();
    await writeSettings({ heardShare: 0.5 });
    expect(seen).toEqual([0.75, 0.75]);
  });
});
