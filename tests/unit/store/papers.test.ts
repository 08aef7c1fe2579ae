import { describe, it, expect, beforeEach } from 'vitest';
import type { Store } from '@/lib/store/db';
import {
  getPaper,
  isSaved,
  papersWithTag,
  recentPapers,
  savePaper,
  setNote,
  setReadState,
  setTags,
  unsavePaper,
} from '@/lib/store/papers';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const EPISODE = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const T0 = Date.UTC(2026, 0, 1);
let clock: TestClock;
let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(T0);
  store = await openTestStore(clock);
});

describe('savePaper', () => {
  it('stores a parsed source under its key, stamping every field', async () => {
    const saved = await savePaper(
      store,
      { ...arxivSource('2501.00663', 'Titans', 1), authors: ['Ali Behrouz'], year: 2024 },
      EPISODE,
    );
    expect(saved).toEqual({
      key: 'arxiv:2501.00663',
      title: 'Titans',
      authors: ['Ali Behrouz'],
      year: 2024,
      arxivId: '2501.00663',
      doi: null,
      urls: ['https://arxiv.org/abs/2501.00663v1'],
      pdfUrl: 'https://arxiv.org/pdf/2501.00663v1',
      savedAt: T0,
      savedFrom: EPISODE,
      readState: 'unread',
      tags: [],
      note: '',
      modified: {
        title: T0,
        authors: T0,
        year: T0,
        arxivId: T0,
        doi: T0,
        urls: T0,
        pdfUrl: T0,
        savedAt: T0,
        savedFrom: T0,
        readState: T0,
        tags: T0,
        note: T0,
      },
    });
    expect(await getPaper(store, 'arxiv:2501.00663')).toEqual(saved);
  });

  it('saving another version of the same paper keeps one record, its date, and both links', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans', 1), EPISODE);
    clock.set(T0 + 1000);
    const again = await savePaper(store, arxivSource('2501.00663', 'Titans', 2), null);
    expect(again!.savedAt).toBe(T0);
    expect(again!.savedFrom).toBe(EPISODE);
    expect(again!.urls).toEqual([
      'https://arxiv.org/abs/2501.00663v1',
      'https://arxiv.org/abs/2501.00663v2',
    ]);
    expect(again!.modified.urls).toBe(T0 + 1000);
    expect(again!.modified.savedAt).toBe(T0);
    expect(await store.db.count('papers')).toBe(1);
  });

  it('returns null for a source with nothing to key it by', async () => {
    expect(await savePaper(store, source({ url: 'https://example.com/x' }), null)).toBeNull();
    expect(await store.db.count('papers')).toBe(0);
  });
});

describe('unsave and save again', () => {
  it('keeps the record with savedAt null, then brings back tags and note', async () => {
    await savePaper(store, source({ title: 'A Paper' }), null);
    await setTags(store, 'title:a paper', ['memory']);
    await setNote(store, 'title:a paper', 'read §3');
    clock.set(T0 + 10);
    const unsaved = await unsavePaper(store, 'title:a paper');
    expect(unsaved!.savedAt).toBeNull();
    expect(unsaved!.modified.savedAt).toBe(T0 + 10);
    expect((await isSaved(store, ['title:a paper'])).get('title:a paper')).toBe(false);
    expect(await recentPapers(store)).toEqual([]);
    expect(await papersWithTag(store, 'memory')).toEqual([]);

    clock.set(T0 + 20);
    const resaved = await savePaper(store, source({ title: 'A paper!' }), EPISODE);
    expect(resaved!.savedAt).toBe(T0 + 20);
    expect(resaved!.savedFrom).toBe(EPISODE);
    expect(resaved!.tags).toEqual(['memory']);
    expect(resaved!.note).toBe('read §3');
  });

  it('changes nothing for an unknown paper', async () => {
    expect(await unsavePaper(store, 'title:nothing')).toBeNull();
    expect(await setReadState(store, 'title:nothing', 'read')).toBeNull();
    expect(await setTags(store, 'title:nothing', ['x'])).toBeNull();
    expect(await setNote(store, 'title:nothing', 'x')).toBeNull();
    expect(await store.db.count('papers')).toBe(0);
  });
});

describe('read state, tags and note', () => {
  it('stamp only the field they change, and only when it changes', async () => {
    await savePaper(store, source({ title: 'P' }), null);
    clock.set(T0 + 1);
    await setReadState(store, 'title:p', 'reading');
    clock.set(T0 + 2);
    await setTags(store, 'title:p', [' memory ', 'rl', 'ML', 'ml']);
    clock.set(T0 + 3);
    await setNote(store, 'title:p', 'good');
    clock.set(T0 + 4);
    await setReadState(store, 'title:p', 'reading');
    const paper = await getPaper(store, 'title:p');
    // Tags stay as they came (the request's check refuses empty or repeated ones).
    expect(paper).toMatchObject({
      readState: 'reading',
      tags: [' memory ', 'rl', 'ML', 'ml'],
      note: 'good',
    });
    expect(paper!.modified).toMatchObject({
      title: T0,
      readState: T0 + 1,
      tags: T0 + 2,
      note: T0 + 3,
    });
  });

  it('tags are found through the tag index', async () => {
    await savePaper(store, source({ title: 'One' }), null);
    clock.set(T0 + 1);
    await savePaper(store, source({ title: 'Two' }), null);
    await setTags(store, 'title:one', ['memory']);
    await setTags(store, 'title:two', ['memory', 'rl']);
    expect((await papersWithTag(store, 'memory')).map((p) => p.key)).toEqual([
      'title:two',
      'title:one',
    ]);
    expect((await papersWithTag(store, 'rl')).map((p) => p.key)).toEqual(['title:two']);
  });
});

describe('isSaved', () => {
  it('answers for many keys at once, each key once', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans'), null);
    await savePaper(store, source({ title: 'Gone' }), null);
    await unsavePaper(store, 'title:gone');
    const answer = await isSaved(store, [
      'arxiv:2501.00663',
      'title:gone',
      'doi:10.1/none',
      'arxiv:2501.00663',
    ]);
    expect([...answer]).toEqual([
      ['arxiv:2501.00663', true],
      ['title:gone', false],
      ['doi:10.1/none', false],
    ]);
    expect((await isSaved(store, [])).size).toBe(0);
  });
});

describe('recentPapers', () => {
  it('lists saved papers newest first, up to the limit', async () => {
    for (let i = 0; i < 5; i++) {
      clock.set(T0 + i * 1000);
      await savePaper(store, source({ title: `Paper ${i}` }), null);
    }
    expect((await recentPapers(store, 3)).map((p) => p.title)).toEqual([
      'Paper 4',
      'Paper 3',
      'Paper 2',
    ]);
    expect(await recentPapers(store, 0)).toEqual([]);
    expect(await recentPapers(store)).toHaveLength(5);
  });
});
