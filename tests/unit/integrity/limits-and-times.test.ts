/**
 * One limit per field, end to end, and times in range: whatever a restore lets into the store
 * can be asked about, shown, edited and exported through the messages; a time no date can hold
 * is refused at the door with its reason, and never makes a page or an export throw.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIMITS } from '@/lib/core/limits';
import type { RequestData, RequestType } from '@/lib/protocol/requests';
import type { Result } from '@/lib/core/result';
import { exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import { BACKUP_FORMAT } from '@/lib/store/backup/format';
import { openStore } from '@/lib/store/db';
import { paperKey } from '@/lib/core/keys';
import type { PaperRecord } from '@/lib/store/schema';
import { createStoreService, type StoreService } from '@/entrypoints/background/router';
import { formatDay } from '@/lib/ui/dates';
import { DB_NAME, popupSender, tabSender } from '@/tests/unit/messages/helpers';
import { freshIndexedDb, paperRecord, testClock } from '@/tests/unit/store/helpers';

const T0 = Date.UTC(2026, 4, 1);
let service: StoreService;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  const clock = testClock(T0);
  service = createStoreService({
    open: () => openStore({ name: DB_NAME, now: clock.now }),
    persist: false,
    broadcast: async () => {},
  });
});

afterEach(async () => {
  await service.close();
});

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function ask<K extends RequestType>(type: K, data: RequestData<K>) {
  return service.handle(type, data, popupSender());
}

/** A saved paper as a backup holds it. */
function paper(key: string, fields: Partial<PaperRecord> = {}): PaperRecord {
  return paperRecord(key, T0, { title: 'A paper', modified: { savedAt: T0 }, ...fields });
}

/** A backup file's text holding `papers`. */
function backup(papers: unknown[]): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    version: 2,
    exportedAt: new Date(T0).toISOString(),
    papers,
    episodes: [],
    citations: [],
    listens: [],
  });
}

describe('one limit per field', () => {
  it('a key made from any title the messages accept fits the key limit', () => {
    // NFKD lengthens `ﷺ` eighteen times: the worst a title can grow.
    const key = paperKey({ title: 'ﷺ'.repeat(LIMITS.title) })!;
    expect(key.length).toBeGreaterThan(LIMITS.title);
    expect(key.length).toBeLessThanOrEqual(LIMITS.key);
  });

  it('a paper with a long key that a restore accepted can be asked about, opened, edited, exported and unsaved', async () => {
    const long = `title:${'a b '.repeat(1500).trim()}`;
    expect(long.length).toBeGreaterThan(2000);
    const restored = await ask('importBackup', {
      text: backup([paper(long), paper('arxiv:2501.00663')]),
    });
    expect(valueOf(restored).papers.added).toBe(2);
    const states = await service.handle(
      'savedStates',
      { keys: [long, 'arxiv:2501.00663'] },
      tabSender(1),
    );
    expect(valueOf(states)).toEqual({ [long]: true, 'arxiv:2501.00663': true });
    expect(valueOf(await ask('paperDetail', { key: long })).paper.key).toBe(long);
    expect(valueOf(await ask('setNote', { key: long, note: 'kept' })).note).toBe('kept');
    const exported = valueOf(await ask('exportPapers', { keys: [long], format: 'csl-json' }));
    expect(exported.count).toBe(1);
    expect(valueOf(await ask('exportBackup', {})).text).toContain(long);
    expect(valueOf(await ask('unsavePapers', { keys: [long] })).papers).toHaveLength(1);
  });

  it('an imported note longer than the old message limit can be edited and saved whole', async () => {
    const note = 'x'.repeat(30_000);
    valueOf(await ask('importBackup', { text: backup([paper('arxiv:2501.00663', { note })]) }));
    const edited = `${note} and more`;
    const saved = await ask('setNote', { key: 'arxiv:2501.00663', note: edited });
    expect(valueOf(saved).note).toBe(edited);
  });

  it('a backup with a note or tags past the limits is refused with its reason', async () => {
    const tooLong = paper('arxiv:2501.00663', { note: 'x'.repeat(LIMITS.note + 1) });
    const refused = await ask('importBackup', { text: backup([tooLong]) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('papers[0].note');
    const tags = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`);
    const many = await ask('importBackup', { text: backup([paper('arxiv:1', { tags })]) });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error.message).toMatch(/papers\[0\]\.tags: more than 500 items/);
  });
});

describe('times in range', () => {
  it('a backup with savedAt 1e16 is refused, and nothing changes', async () => {
    const refused = await ask('importBackup', {
      text: backup([paper('arxiv:2501.00663', { savedAt: 1e16 })]),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('papers[0].savedAt');
      expect(refused.error.message).toContain('1970');
    }
    expect(valueOf(await ask('exportBackup', {})).text).not.toContain('2501.00663');
  });

  it('a modified time or a heard date past year 9999 is refused', async () => {
    const modified = await ask('importBackup', {
      text: backup([paper('arxiv:2501.00663', { modified: { note: 9e15 } })]),
    });
    expect(modified.ok).toBe(false);
    const result = await importBackup(
      await openStore({ name: 'other', now: () => T0 }),
      JSON.stringify({
        format: BACKUP_FORMAT,
        version: 2,
        exportedAt: new Date(T0).toISOString(),
        papers: [],
        episodes: [],
        citations: [],
        listens: [
          {
            episodeKey: 'show:x',
            status: 'completed',
            manual: true,
            position: 0,
            duration: null,
            playedSeconds: 0,
            completedAt: '0000-01-01T00:00:00.000Z',
            updatedAt: null,
            modified: {},
          },
        ],
      }),
    );
    expect(result.ok).toBe(false);
  });

  it('a bad date never throws while rendering or exporting', async () => {
    expect(formatDay(1e16, 'en-GB')).toBe('?');
    expect(formatDay(Number.NaN, 'nb-NO')).toBe('?');
    const store = await openStore({ name: 'raw', now: () => T0 });
    // As an older Citecast let it in.
    await store.db.put('listens', {
      episodeKey: 'show:x',
      state: 'heard',
      manual: true,
      position: 0,
      duration: null,
      heardAt: 1e16,
      playedSeconds: 0,
      modified: { state: T0 },
    });
    expect(await exportBackupJson(store)).toContain('9999-12-31');
  });
});
