/**
 * Tags keep one limit end to end and stay as they came: a restore or a library import that joins
 * two tag sets never leaves a paper with more tags (or a longer tag log) than a backup may hold,
 * so the library still exports and restores; imported tags (spaces at their ends, `ML` beside
 * `ml`) are never trimmed or merged by a later edit; and a library entry whose keywords break
 * the limits is refused with its reason instead of being cut.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/core/limits';
import { importLibrary } from '@/lib/export/library-import';
import { exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import { readBackup } from '@/lib/store/backup/check';
import type { Backup } from '@/lib/store/backup/format';
import type { Store } from '@/lib/store/db';
import { getPaper, savePaper, setTags } from '@/lib/store/papers';
import { arxivSource, freshTestStore, type TestClock } from '@/tests/unit/store/helpers';

const KEY = 'arxiv:2501.00663';
const T0 = Date.UTC(2026, 0, 1);
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  ({ clock, store } = await freshTestStore(T0));
  await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
});

/** `n` tags named `prefix0`, `prefix1`, … */
const named = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** The library as a backup now, parsed. */
async function backupFile(): Promise<Backup> {
  return JSON.parse(await exportBackupJson(store)) as Backup;
}

/** Whether the library as it is now exports to a backup that reads back. */
async function exportsAndReadsBack(): Promise<string | null> {
  const read = readBackup(await exportBackupJson(store));
  return read.ok ? null : read.reason;
}

describe('a restore joining two tag sets', () => {
  it('keeps at most the limit: all of the newer list, then the other side’s latest adds', async () => {
    // The backup, from another copy: 400 tags added one by one, the last ones latest.
    const file = await backupFile();
    const old = file.papers[0]!;
    old.tags = named('old', 400);
    old.tagTimes = Object.fromEntries(old.tags.map((tag, i) => [tag, { added: T0 + i }]));
    old.modified.tags = T0 + 399;
    // Here, later: 300 other tags.
    clock.set(T0 + 10_000);
    await setTags(store, KEY, named('new', 300));
    expect((await importBackup(store, JSON.stringify(file))).ok).toBe(true);
    const paper = (await getPaper(store, KEY))!;
    expect(paper.tags).toHaveLength(LIMITS.tags);
    expect(paper.tags.slice(0, 300)).toEqual(named('new', 300));
    expect(paper.tags.slice(300)).toEqual(named('old', 400).slice(200));
    expect(await exportsAndReadsBack()).toBeNull();
  });

  it('keeps every tag when both sides fit together', async () => {
    await setTags(store, KEY, named('a', 200));
    const file = await backupFile();
    clock.set(T0 + 10_000);
    await setTags(store, KEY, [...named('a', 200), ...named('b', 250)]);
    expect((await importBackup(store, JSON.stringify(file))).ok).toBe(true);
    expect((await getPaper(store, KEY))!.tags).toHaveLength(450);
  });

  it('keeps a tag log a backup may hold, the latest changes first', async () => {
    // Two copies that each added and removed 600 tags of their own.
    await setTags(store, KEY, named('x', 500));
    clock.set(T0 + 1000);
    await setTags(store, KEY, named('y', 100));
    clock.set(T0 + 2000);
    await setTags(store, KEY, []);
    const file = await backupFile();
    const theirs = file.papers[0]!;
    theirs.tagTimes = Object.fromEntries([
      ...named('p', 500).map((tag) => [tag, { added: T0 + 3000, removed: T0 + 4000 }]),
      ...named('q', 100).map((tag) => [tag, { added: T0 + 3000, removed: T0 + 4000 }]),
    ]);
    theirs.modified.tags = T0 + 4000;
    expect(readBackup(JSON.stringify(file)).ok).toBe(true);
    expect((await importBackup(store, JSON.stringify(file))).ok).toBe(true);
    const paper = (await getPaper(store, KEY))!;
    const log = Object.keys(paper.tagTimes ?? {});
    expect(log).toHaveLength(2 * LIMITS.tags);
    // The 200 left out are among the ones changed first (`x`, removed at T0 + 1000).
    expect(log.filter((tag) => tag.startsWith('x'))).toHaveLength(300);
    expect(await exportsAndReadsBack()).toBeNull();
  });
});

describe('imported tags stay as they came', () => {
  it('a restore keeps them, and an edit of the other tags leaves them be', async () => {
    const file = await backupFile();
    const imported = [' ML ', 'ml', 'ML', 'x, y'];
    file.papers[0]!.tags = imported;
    file.papers[0]!.modified.tags = T0 + 1;
    clock.set(T0 + 10_000);
    expect((await importBackup(store, JSON.stringify(file))).ok).toBe(true);
    expect((await getPaper(store, KEY))!.tags).toEqual(imported);
    // The library's field sends back every tag as it reads (an added one too).
    await setTags(store, KEY, [...imported, 'new']);
    expect((await getPaper(store, KEY))!.tags).toEqual([...imported, 'new']);
  });
});

describe('a library import', () => {
  /** A BibTeX entry for `id` with `keywords`. */
  const entry = (key: string, id: string, keywords: string[]) =>
    `@misc{${key}, title = {Paper ${id}}, eprint = {${id}}, keywords = {${keywords.join(', ')}}}\n`;

  it('refuses, with the reason, an entry with more keywords or longer ones than tags may be', async () => {
    const text = [
      entry('many', '2401.00001', named('k', LIMITS.tags + 1)),
      entry('long', '2401.00002', ['fine', 'k'.repeat(LIMITS.tag + 1)]),
      entry('fits', '2401.00003', named('k', LIMITS.tags)),
    ].join('');
    const result = await importLibrary(store, text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.refused.map((r) => [r.line, r.reason])).toEqual([
      [1, `more than ${LIMITS.tags} keywords, more tags than a paper may hold`],
      [2, `a keyword longer than ${LIMITS.tag} characters, longer than a tag may be`],
    ]);
    expect(await getPaper(store, 'arxiv:2401.00001')).toBeNull();
    expect(await getPaper(store, 'arxiv:2401.00002')).toBeNull();
    expect((await getPaper(store, 'arxiv:2401.00003'))!.tags).toHaveLength(LIMITS.tags);
  });

  it('joined with the tags a paper has, keeps at most the limit', async () => {
    clock.set(T0 + 1000);
    await setTags(store, KEY, named('mine', 300));
    clock.set(T0 + 2000);
    const result = await importLibrary(store, entry('titans', '2501.00663', named('kw', 400)));
    expect(result.ok).toBe(true);
    const tags = (await getPaper(store, KEY))!.tags;
    expect(tags).toHaveLength(LIMITS.tags);
    expect(tags.slice(0, 300)).toEqual(named('mine', 300));
    expect(await exportsAndReadsBack()).toBeNull();
  });
});
