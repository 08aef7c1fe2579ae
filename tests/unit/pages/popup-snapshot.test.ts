/**
 * The popup's snapshot of its first screen (lib/ui/popup-snapshot.ts): kept and read back
 * exactly, and ignored whenever it cannot be trusted (another version's, bad JSON, the wrong
 * shape, storage that throws), so a bad snapshot never breaks the popup.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import {
  clearPopupSnapshot,
  POPUP_SNAPSHOT_KEY,
  readPopupSnapshot,
  writePopupSnapshot,
  type SnapshotStorage,
} from '@/lib/ui/popup-snapshot';

function memoryStorage(): SnapshotStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const RECENT = {
  total: null,
  rows: [
    {
      paper: {
        key: 'arxiv:2312.00752',
        title: 'Mamba',
        authors: ['Albert Gu'],
        year: 2023,
        arxivId: '2312.00752',
        doi: null,
        urls: [],
        pdfUrl: null,
        savedAt: 1,
        savedFrom: null,
        readState: 'unread' as const,
        tags: ['ssm'],
        note: 'read §3',
        modified: {},
      },
      citedIn: 2,
      citedInHeard: 1,
    },
  ],
};

describe('the popup snapshot', () => {
  it('reads back what was written by the same version', () => {
    const storage = memoryStorage();
    const settings = { ...DEFAULT_SETTINGS, language: 'nb' as const, theme: 'dark' as const };
    writePopupSnapshot(storage, '0.1.0', { settings, recent: RECENT });
    expect(readPopupSnapshot(storage, '0.1.0')).toEqual({ settings, recent: RECENT });
  });

  it('ignores another version’s snapshot, and none at all', () => {
    const storage = memoryStorage();
    expect(readPopupSnapshot(storage, '0.1.0')).toBeNull();
    writePopupSnapshot(storage, '0.1.0', { settings: DEFAULT_SETTINGS, recent: RECENT });
    expect(readPopupSnapshot(storage, '0.2.0')).toBeNull();
  });

  it.each([
    ['bad JSON', '{"version":'],
    ['not an object', '"text"'],
    ['rows missing', JSON.stringify({ version: '1', settings: {}, recent: { total: 1 } })],
    [
      'a row without a key',
      JSON.stringify({
        version: '1',
        recent: { total: 1, rows: [{ paper: {}, citedIn: 1, citedInHeard: 0 }] },
      }),
    ],
    [
      'a row without counts',
      JSON.stringify({ version: '1', recent: { total: 1, rows: [{ paper: { key: 'k' } }] } }),
    ],
    ['a total that is text', JSON.stringify({ version: '1', recent: { total: '3', rows: [] } })],
  ])('ignores a snapshot with %s', (_case, raw) => {
    const storage = memoryStorage();
    storage.map.set(POPUP_SNAPSHOT_KEY, raw);
    expect(readPopupSnapshot(storage, '1')).toBeNull();
  });

  it('mends unknown settings to the defaults instead of trusting them', () => {
    const storage = memoryStorage();
    storage.map.set(
      POPUP_SNAPSHOT_KEY,
      JSON.stringify({
        version: '1',
        settings: { language: 'xx', theme: 42 },
        recent: { total: 0, rows: [] },
      }),
    );
    expect(readPopupSnapshot(storage, '1')?.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('survives storage that throws, and forgets on clear', () => {
    const throwing: SnapshotStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readPopupSnapshot(throwing, '1')).toBeNull();
    expect(() =>
      writePopupSnapshot(throwing, '1', { settings: DEFAULT_SETTINGS, recent: RECENT }),
    ).not.toThrow();
    expect(() => clearPopupSnapshot(throwing)).not.toThrow();
    const storage = memoryStorage();
    writePopupSnapshot(storage, '1', { settings: DEFAULT_SETTINGS, recent: RECENT });
    clearPopupSnapshot(storage);
    expect(readPopupSnapshot(storage, '1')).toBeNull();
  });
});
