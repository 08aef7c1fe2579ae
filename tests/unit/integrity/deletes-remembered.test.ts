/**
 * Deletes are remembered: restoring a backup made before a delete never brings back the deleted
 * listen, the citations a shrunken source list dropped, or the paper and episode merged into
 * another; an older file never undoes a later edit of tags or notes; "replace" holds exactly the
 * file; tombstones go after the days Settings give; and a backup written before tombstones
 * existed (a fixture made by that code) still restores fully.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeTitleIntoArxiv } from '@/lib/store/arxiv-link';
import { exportBackup, exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import type { Backup } from '@/lib/store/backup/format';
import type { Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { deleteListen } from '@/lib/store/library/writes';
import { getListen, setHeard } from '@/lib/store/listens';
import { getPaper, savePaper, setNote, setTags } from '@/lib/store/papers';
import { STORE_NAMES } from '@/lib/store/schema';
import { pruneTombstones } from '@/lib/store/tombstones';
import { arxivSource, freshTestStore, source, type TestClock } from '@/tests/unit/store/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const SHOW = 'https://podcast.do-not-panic.com';
const T0 = Date.UTC(2026, 0, 1);
const DAY = 24 * 3600 * 1000;
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  ({ clock, store } = await freshTestStore(T0));
});

/** The episode Titans with `sources`, seen on the show's page. */
function titans(sources: ReturnType<typeof source>[]) {
  return recordEpisode(store, {
    title: 'Titans: Learning to Memorize at Test Time',
    published: '2026-05-20',
    duration: 1500,
    audioUrl: null,
    visualizationUrl: `${SHOW}/viz/${STEM}.html`,
    sources,
    pageUrl: `${SHOW}/2026/05/titans/`,
  });
}

/** Makes a backup now, and moves the clock on. */
async function backupNow(): Promise<string> {
  const text = await exportBackupJson(store);
  clock.set(clock.now() + 60_000);
  return text;
}

describe('a restore never brings back what was deleted after the backup', () => {
  it('a deleted listen', async () => {
    await setHeard(store, STEM, true);
    const backup = await backupNow();
    expect(await deleteListen(store, STEM)).toBe(true);
    expect((await importBackup(store, backup)).ok).toBe(true);
    expect(await getListen(store, STEM)).toBeNull();
  });

  it('the citations a shrunken source list dropped', async () => {
    await titans([arxivSource('2501.00663', 'Titans'), arxivSource('1706.03762', 'Attention')]);
    const backup = await backupNow();
    await titans([arxivSource('2501.00663', 'Titans')]);
    expect(await store.db.count('citations')).toBe(1);
    expect((await importBackup(store, backup)).ok).toBe(true);
    expect(await store.db.count('citations')).toBe(1);
  });

  it('a paper merged into its arXiv record', async () => {
    await savePaper(store, source({ title: 'A Paper Known by Title' }), null);
    const backup = await backupNow();
    await mergeTitleIntoArxiv(store, 'title:a paper known by title', {
      arxivId: '2503.01234',
      pdfUrl: 'https://arxiv.org/pdf/2503.01234',
      title: 'A Paper Known by Title',
      authors: [],
      year: 2025,
    });
    expect((await importBackup(store, backup)).ok).toBe(true);
    expect(await getPaper(store, 'title:a paper known by title')).toBeNull();
    expect((await getPaper(store, 'arxiv:2503.01234'))?.savedAt).not.toBeNull();
  });

  it('an episode known by title, merged under its stem', async () => {
    await recordEpisode(store, {
      title: 'Titans: Learning to Memorize at Test Time',
      published: null,
      duration: null,
      audioUrl: null,
      visualizationUrl: null,
      sources: [],
      pageUrl: `${SHOW}/`,
    });
    await setHeard(store, 'show:titans learning to memorize at test time', true);
    const backup = await backupNow();
    await titans([]);
    expect((await importBackup(store, backup)).ok).toBe(true);
    const keys = await store.db.getAllKeys('episodes');
    expect(keys).toEqual([STEM]);
    expect(await getListen(store, 'show:titans learning to memorize at test time')).toBeNull();
    expect((await getListen(store, STEM))?.state).toBe('heard');
  });

  it('a record changed after its delete (made again) is kept, with the newer values', async () => {
    await setHeard(store, STEM, true);
    const backup = await backupNow();
    await deleteListen(store, STEM);
    clock.set(clock.now() + 1000);
    await setHeard(store, STEM, false);
    expect((await importBackup(store, backup)).ok).toBe(true);
    expect((await getListen(store, STEM))?.state).toBe('unheard');
  });
});

describe('an older file never undoes a later edit', () => {
  it('tags removed since stay removed, tags added since stay, and the newer note stays', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
    await setTags(store, 'arxiv:2501.00663', ['memory', 'ML', 'ml']);
    await setNote(store, 'arxiv:2501.00663', 'short');
    const backup = JSON.parse(await backupNow()) as Backup;
    // The backup's note holds the local one and more: still older, so it loses.
    backup.papers[0]!.note = 'short, and a longer old draft';
    await setTags(store, 'arxiv:2501.00663', ['ML', 'new']);
    await setNote(store, 'arxiv:2501.00663', 'shorter');
    expect((await importBackup(store, JSON.stringify(backup))).ok).toBe(true);
    const paper = (await getPaper(store, 'arxiv:2501.00663'))!;
    expect(paper.tags).toEqual(['ML', 'new']);
    expect(paper.note).toBe('shorter');
  });

  it('a tag another copy added after this one removed it comes back', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
    await setTags(store, 'arxiv:2501.00663', ['memory']);
    clock.set(T0 + 1000);
    await setTags(store, 'arxiv:2501.00663', []);
    const file = JSON.parse(await exportBackupJson(store)) as Backup;
    // Elsewhere, later: `memory` added again.
    const elsewhere = file.papers[0]!;
    elsewhere.tags = ['memory'];
    elsewhere.tagTimes = { memory: { added: T0 + 2000, removed: T0 + 1000 } };
    elsewhere.modified.tags = T0 + 2000;
    expect((await importBackup(store, JSON.stringify(file))).ok).toBe(true);
    expect((await getPaper(store, 'arxiv:2501.00663'))!.tags).toEqual(['memory']);
  });
});

describe('replace my library with this backup', () => {
  it('holds exactly what the file holds', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
    const backup = await backupNow();
    await savePaper(store, arxivSource('1706.03762', 'Attention'), null);
    await setHeard(store, STEM, true);
    expect((await importBackup(store, backup, undefined, 'replace')).ok).toBe(true);
    expect(await store.db.getAllKeys('papers')).toEqual(['arxiv:2501.00663']);
    expect(await store.db.count('listens')).toBe(0);
  });
});

describe('tombstones', () => {
  it('are keys and times only, and go after the days given', async () => {
    await setHeard(store, STEM, true);
    await deleteListen(store, STEM);
    expect(await store.db.getAll('tombstones')).toEqual([
      { kind: 'listens', key: STEM, deletedAt: T0 },
    ]);
    clock.set(T0 + 399 * DAY);
    expect(await pruneTombstones(store, 400)).toBe(0);
    clock.set(T0 + 401 * DAY);
    expect(await pruneTombstones(store, 400)).toBe(1);
    expect(await store.db.count('tombstones')).toBe(0);
  });
});

describe('a backup written before deletes were remembered', () => {
  it('restores fully', async () => {
    const text = readFileSync(
      new URL('../store/fixtures/backup-v2-before-tombstones.json', import.meta.url),
      'utf8',
    );
    const fixture = JSON.parse(text) as Backup;
    const result = await importBackup(store, text);
    expect(result.ok).toBe(true);
    const restored = await exportBackup(store);
    for (const name of STORE_NAMES) expect(restored[name], name).toEqual(fixture[name]);
    expect(restored.arxivLinks).toEqual(fixture.arxivLinks);
    expect(restored.tombstones).toEqual([]);
    const tags = restored.papers.find((p) => p.key === 'doi:10.1145/1.2')!.tags;
    expect(tags).toEqual(['Tag, with comma', 'ML', 'ml']);
  });
});
