/**
 * Backups restore exactly: every store of the database holding the user's data is filled with
 * varied records (through the same repositories the extension writes with, including the arXiv
 * links and rejections the user made), exported, wiped, imported and exported again. The two
 * files must be equal, and so must every user store, record for record. Which stores are user
 * data and which are caches is read from the opened database itself against BACKUP_COVERAGE:
 * a store added by a migration without an entry there, or left out of the backup, fails here.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArxivEntry } from '@/lib/store/schema';
import { titleCacheKey } from '@/lib/core/keys';
import { writeCorrection, writePapers, writeTitles } from '@/lib/arxiv/cache';
import { mergeTitleIntoArxiv } from '@/lib/store/arxiv-link';
import { exportBackup, exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import type { Backup } from '@/lib/store/backup/format';
import { BACKUP_SECTIONS } from '@/lib/store/backup/format';
import { BACKUP_COVERAGE, isBackedUpLink } from '@/lib/store/backup/stores';
import { recordCatalog } from '@/lib/store/catalog';
import { deleteEverything } from '@/lib/store/clear';
import type { Store } from '@/lib/store/db';
import { recordEpisode, setEpisodeNote } from '@/lib/store/episodes';
import { deleteListen, setHeardAt } from '@/lib/store/library/writes';
import { recordProgress, setHeard } from '@/lib/store/listens';
import { savePaper, setNote, setReadState, setTags, unsavePaper } from '@/lib/store/papers';
import { STORE_NAMES, type ArxivCacheRecord } from '@/lib/store/schema';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const OTHER_STEM = '2025-11-02-memory-layers-at-scale-a1b2c3';
const CATALOG_STEM = '2026-06-01-beluga-cxl-memory-pooling-b6142f';
const T0 = Date.UTC(2026, 0, 1);
const SHOW = 'https://podcast.do-not-panic.com';
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(T0);
  store = await openTestStore(clock);
});

/** An arXiv entry as the Atom reader gives it. */
function entry(arxivId: string, title: string, fields: Partial<ArxivEntry> = {}): ArxivEntry {
  return {
    arxivId,
    version: 2,
    title,
    summary: `About ${title}.`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    published: '2025-01-02T03:04:05Z',
    updated: '2025-02-03T04:05:06Z',
    pdfUrl: `https://arxiv.org/pdf/${arxivId}v2`,
    absUrl: `https://arxiv.org/abs/${arxivId}v2`,
    doi: null,
    journalRef: null,
    primaryCategory: 'cs.LG',
    ...fields,
  };
}

/** The title key of `title` (the arXiv cache's and the paper's). */
function titleKey(title: string): string {
  return titleCacheKey(title)!;
}

/**
 * Fills every store with the kinds of records a user makes: saved, unsaved and title-only papers
 * with tags, notes, read states and saved moments; episodes from pages and from the catalog, with
 * notes; citations; listens heard by hand, by playing, with a changed heard date, in progress;
 * arXiv links the user made (one merged a saved title-only paper), rejections, and the lookups'
 * own answers and paper metadata (a cache).
 */
async function populate(): Promise<void> {
  await recordEpisode(store, {
    title: 'Titans: Learning to Memorize at Test Time',
    published: '2026-05-20',
    duration: 1500,
    audioUrl: null,
    visualizationUrl: `${SHOW}/viz/${STEM}.html`,
    sources: [
      arxivSource('2501.00663', 'Titans', 1),
      source({ title: 'Memory Layers', doi: '10.1145/1.2', year: 2024, authors: ['A. Author'] }),
      source({ title: 'A Paper Known Only by Its Title', url: 'https://scholar.google.com/q?a' }),
      source({ title: 'A Wrong Match Rejected', url: 'https://scholar.google.com/q?b' }),
    ],
    pageUrl: `${SHOW}/2026/05/titans/`,
  });
  clock.set(T0 + 1000);
  await recordEpisode(store, {
    title: 'Memory Layers at Scale',
    published: '2025-11-02',
    duration: null,
    audioUrl: `${SHOW}/episodes/${OTHER_STEM}.mp3`,
    visualizationUrl: null,
    sources: [arxivSource('2412.09764', 'Memory Layers at Scale', 2)],
    pageUrl: null,
  });
  await setEpisodeNote(store, OTHER_STEM, 'listen again — “part 2”');
  await recordCatalog(store, [
    {
      title: 'Beluga: CXL Memory Pooling for LLM KV Cache',
      published: '2026-06-01',
      duration: 1800,
      audioUrl: `${SHOW}/episodes/${CATALOG_STEM}.mp3`,
      visualizationUrl: null,
      sources: [],
      pageUrl: null,
    },
    {
      title: 'An Episode Known by Title Only',
      published: null,
      duration: null,
      audioUrl: null,
      visualizationUrl: null,
      sources: [],
      pageUrl: `${SHOW}/`,
    },
  ]);
  clock.set(T0 + 2000);
  await savePaper(store, arxivSource('2501.00663', 'Titans', 1), STEM, {
    episodeKey: STEM,
    position: 754.5,
  });
  await savePaper(store, source({ title: 'Memory Layers', doi: '10.1145/1.2' }), STEM);
  await savePaper(store, source({ title: 'A Paper Known Only by Its Title' }), STEM);
  await savePaper(store, source({ title: 'An unsaved one' }), null);
  clock.set(T0 + 3000);
  await setTags(store, 'arxiv:2501.00663', ['memory', 'test-time', 'æøå']);
  await setNote(store, 'arxiv:2501.00663', 'see §4 — “surprise”\nsecond line');
  await setReadState(store, 'doi:10.1145/1.2', 'reading');
  await setReadState(store, 'arxiv:2501.00663', 'read');
  await unsavePaper(store, 'title:an unsaved one');
  await setHeard(store, STEM, true);
  await recordProgress(store, OTHER_STEM, { position: 120.5, duration: 2000, playedSince: 130 });
  await recordProgress(store, CATALOG_STEM, { position: 1700, duration: 1800, playedSince: 1700 });
  clock.set(T0 + 4000);
  expect((await setHeardAt(store, STEM, T0 - 86_400_000)).ok).toBe(true);
  // arXiv: the lookups' answers (a cache), and the user's own decisions.
  await writePapers(store, [entry('2501.00663', 'Titans'), entry('2412.09764', 'Memory Layers')]);
  await writeTitles(store, [
    {
      key: titleKey('Memory Layers'),
      outcome: 'weak',
      confidence: 0.7,
      entry: entry('2412.09764', 'Memory Layers'),
    },
    { key: titleKey('Nothing Like It'), outcome: 'none', confidence: 0.1, entry: null },
  ]);
  clock.set(T0 + 5000);
  const linked = entry('2503.01234', 'A Paper Known Only by Its Title', { version: null });
  await writeCorrection(store, titleKey('A Paper Known Only by Its Title'), linked);
  await mergeTitleIntoArxiv(store, titleKey('A Paper Known Only by Its Title'), {
    arxivId: linked.arxivId,
    pdfUrl: 'https://arxiv.org/pdf/2503.01234',
    title: linked.title,
    authors: linked.authors,
    year: 2025,
  });
  clock.set(T0 + 6000);
  await writeCorrection(store, titleKey('A Wrong Match Rejected'), null);
  // A listen deleted from the log: remembered, as the title-only paper merged away above is.
  await setHeard(store, 'show:an episode logged by mistake', true);
  clock.set(T0 + 7000);
  expect(await deleteListen(store, 'show:an episode logged by mistake')).toBe(true);
}

/** Every record of every object store of the opened database, by store name. */
async function dumpAll(): Promise<Record<string, unknown[]>> {
  const names = [...store.db.objectStoreNames];
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await store.db.getAll(name)])),
  );
}

/**
 * The stores whose restored records differ from what a backup must keep of `before`: every
 * record of a user store, the user's links of the arXiv cache, nothing of a pure cache.
 */
function restoreMismatches(
  before: Record<string, unknown[]>,
  after: Record<string, unknown[]>,
): string[] {
  const kept = (name: string, records: unknown[]): unknown[] => {
    const coverage = BACKUP_COVERAGE[name as keyof typeof BACKUP_COVERAGE];
    if (coverage === 'user') return records;
    if (coverage === 'mixed') return (records as ArxivCacheRecord[]).filter(isBackedUpLink);
    return [];
  };
  return Object.keys(before).filter(
    (name) => JSON.stringify(kept(name, before[name]!)) !== JSON.stringify(after[name]),
  );
}

describe('what a backup covers', () => {
  it('names every object store of the database, user data or cache', () => {
    const names = [...store.db.objectStoreNames].sort();
    expect(Object.keys(BACKUP_COVERAGE).sort()).toEqual(names);
    // Every store the UI lists in its report is a user store, and the report covers each one.
    for (const name of STORE_NAMES) expect(BACKUP_COVERAGE[name]).toBe('user');
    for (const name of names) {
      if (BACKUP_COVERAGE[name as keyof typeof BACKUP_COVERAGE] === 'user') {
        expect(BACKUP_SECTIONS).toContain(name);
      }
    }
  });

  it('the filled database has records in every store, and user records in each backed-up one', async () => {
    await populate();
    const before = await dumpAll();
    for (const [name, records] of Object.entries(before)) {
      expect(
        records.length,
        `${name} is empty: the round trip would prove nothing`,
      ).toBeGreaterThan(1);
    }
    const links = (before.arxivCache as ArxivCacheRecord[]).filter(isBackedUpLink);
    expect(links.map((l) => l.outcome).sort()).toEqual(['none', 'resolved']);
    // The cache part is there too, so the test sees that it is left out.
    expect(before.arxivCache!.length).toBeGreaterThan(links.length);
  });
});

describe('export → wipe → import → export', () => {
  it('gives the same file and the same records, store by store', async () => {
    await populate();
    const before = await dumpAll();
    const first = await exportBackupJson(store);
    await deleteEverything(store);
    for (const [name, records] of Object.entries(await dumpAll())) {
      expect(records, `${name} after the wipe`).toEqual([]);
    }
    const result = await importBackup(store, first);
    expect(result.ok).toBe(true);
    const parsed = JSON.parse(first) as Backup;
    for (const section of BACKUP_SECTIONS) {
      expect(result.ok && result.report[section]).toEqual({
        added: (parsed[section] ?? []).length,
        updated: 0,
        skipped: 0,
      });
    }
    const second = await exportBackupJson(store);
    // The clock stands still, so even `exportedAt` is the same: the files are equal as they are.
    expect(JSON.parse(second)).toEqual(JSON.parse(first));
    expect(second).toBe(first);
    const after = await dumpAll();
    expect(restoreMismatches(before, after)).toEqual([]);
    // Record for record: each user store equal (order included), the arXiv cache down to the
    // user's links, which are exactly those of before.
    for (const name of STORE_NAMES) expect(after[name], name).toEqual(before[name]);
    expect(after.arxivCache).toEqual(
      (before.arxivCache as ArxivCacheRecord[]).filter(isBackedUpLink),
    );
    expect(parsed.arxivLinks).toHaveLength(2);
  });

  it('into a fresh database too; importing again changes nothing', async () => {
    await populate();
    const before = await dumpAll();
    const text = await exportBackupJson(store);
    store.db.close();
    freshIndexedDb();
    store = await openTestStore(clock);
    expect((await importBackup(store, new Blob([text]))).ok).toBe(true);
    expect(restoreMismatches(before, await dumpAll())).toEqual([]);
    const again = await importBackup(store, text);
    expect(again.ok && again.report.arxivLinks).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(restoreMismatches(before, await dumpAll())).toEqual([]);
  });

  it('restores a paper known by a long title whose key Unicode decomposition lengthens', async () => {
    // 1,000 characters that NFKD turns into 18 each: a key far longer than the title.
    const title = 'ﷺ'.repeat(1_000);
    await savePaper(store, source({ title }), null);
    const text = await exportBackupJson(store);
    const before = await dumpAll();
    expect(before.papers.some((p) => String((p as { key: string }).key).length > 10_000)).toBe(
      true,
    );
    store.db.close();
    freshIndexedDb();
    store = await openTestStore(clock);
    const imported = await importBackup(store, text);
    expect(imported.ok).toBe(true);
    expect(restoreMismatches(before, await dumpAll())).toEqual([]);
  });

  it('the check fails when a backup leaves a store out (it would catch a forgotten store)', async () => {
    await populate();
    const before = await dumpAll();
    const full = await exportBackup(store);
    for (const section of ['arxivLinks', 'listens', 'citations'] as const) {
      await deleteEverything(store);
      const partial: Backup = { ...full, [section]: [] };
      expect((await importBackup(store, JSON.stringify(partial))).ok).toBe(true);
      const expected = section === 'arxivLinks' ? 'arxivCache' : section;
      expect(restoreMismatches(before, await dumpAll())).toContain(expected);
    }
  });
});

describe('arXiv links in backups', () => {
  it('an older backup (version 1, no arXiv links) still imports', async () => {
    const root = fileURLToPath(new URL('../../fixtures/library/backup.json', import.meta.url));
    const text = readFileSync(root, 'utf8');
    expect((JSON.parse(text) as { version: number }).version).toBe(1);
    const result = await importBackup(store, text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.report.arxivLinks).toEqual({ added: 0, updated: 0, skipped: 0 });
    expect(await store.db.count('papers')).toBeGreaterThan(0);
  });

  it('a user’s link replaces a lookup’s answer; between two links the later one wins', async () => {
    await populate();
    const backup = await exportBackup(store);
    const rejected = titleKey('A Wrong Match Rejected');
    await deleteEverything(store);
    // Here a lookup answered for that title; a link made later on this machine for another.
    await writeTitles(store, [
      { key: rejected, outcome: 'resolved', confidence: 0.9, entry: entry('2401.00001', 'Wrong') },
    ]);
    clock.set(T0 + 9000);
    const linkedKey = titleKey('A Paper Known Only by Its Title');
    const newer = await writeCorrection(store, linkedKey, null);
    const result = await importBackup(store, JSON.stringify(backup));
    expect(result.ok && result.report.arxivLinks).toEqual({ added: 0, updated: 1, skipped: 1 });
    expect(await store.db.get('arxivCache', rejected)).toEqual(
      backup.arxivLinks!.find((l) => l.key === rejected),
    );
    expect(await store.db.get('arxivCache', linkedKey)).toEqual(newer);
  });

  const broken: [string, (link: Record<string, unknown>) => void, RegExp][] = [
    [
      'a lookup’s answer',
      (l) => (l.manual = false),
      /arxivLinks\[\d\]\.manual: expected one of true/,
    ],
    ['an expiry', (l) => (l.expiresAt = T0), /arxivLinks\[\d\]: unknown field "expiresAt"/],
    [
      'a key not folded',
      (l) => (l.key = 'title:Not Folded'),
      /arxivLinks\[\d\]\.key: expected title:/,
    ],
    [
      'a script address',
      (l) => {
        if (l.entry) (l.entry as ArxivEntry).pdfUrl = 'javascript:alert(1)';
        else l.key = 'paper:1';
      },
      /arxivLinks\[\d\]\.(entry\.pdfUrl: expected an http\(s\) address|key)/,
    ],
    [
      'a link without its paper',
      (l) => {
        l.outcome = 'resolved';
        l.entry = null;
      },
      /arxivLinks\[\d\]: a linked title needs its arXiv paper/,
    ],
  ];
  for (const [what, breakIt, reason] of broken) {
    it(`refuses ${what}, changing nothing`, async () => {
      await populate();
      const backup = JSON.parse(await exportBackupJson(store)) as Backup;
      const resolved = backup.arxivLinks!.find((l) => l.outcome === 'resolved')!;
      breakIt(resolved as unknown as Record<string, unknown>);
      const before = await dumpAll();
      const result = await importBackup(store, JSON.stringify(backup));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toMatch(reason);
      expect(await dumpAll()).toEqual(before);
    });
  }

  it('refuses the same title twice', async () => {
    await populate();
    const backup = await exportBackup(store);
    backup.arxivLinks!.push(backup.arxivLinks![0]!);
    const result = await importBackup(store, JSON.stringify(backup));
    expect(!result.ok && result.reason).toMatch(/arxivLinks\[2\]: a second record with the key/);
  });
});
