/** Moving a paper from its title key to its arXiv id once its title is resolved on arXiv on arXiv. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mergeTitleIntoArxiv } from '@/lib/store/arxiv-link';
import type { Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { savePaper, setNote, setReadState, setTags, unsavePaper } from '@/lib/store/papers';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  source,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';

const TITLE = 'Titans: Learning to Memorize at Test Time';
const TITLE_KEY = 'title:titans learning to memorize at test time';
const FACTS = {
  arxivId: '2501.00663',
  pdfUrl: 'https://arxiv.org/pdf/2501.00663',
  title: TITLE,
  authors: ['Ali Behrouz', 'Peilin Zhong'],
  year: 2024,
};

let clock: TestClock;
let store: Store;
const scholar = source({ title: TITLE, url: 'https://scholar.google.com/scholar?q=Titans' });

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(Date.UTC(2026, 0, 1));
  store = await openTestStore(clock);
});

describe('mergeTitleIntoArxiv', () => {
  it('moves a title-only paper under its arXiv id, filling what it lacked', async () => {
    await savePaper(store, scholar, 'show:one');
    await setTags(store, TITLE_KEY, ['memory']);
    clock.set(Date.UTC(2026, 0, 2));
    const result = await mergeTitleIntoArxiv(store, TITLE_KEY, FACTS);
    expect(result.mergedTitle).toBe(true);
    expect(result.paper).toMatchObject({
      key: 'arxiv:2501.00663',
      arxivId: '2501.00663',
      title: TITLE,
      authors: FACTS.authors,
      year: 2024,
      pdfUrl: FACTS.pdfUrl,
      savedAt: Date.UTC(2026, 0, 1),
      savedFrom: 'show:one',
      tags: ['memory'],
      urls: ['https://scholar.google.com/scholar?q=Titans'],
    });
    expect(result.paper!.modified.arxivId).toBe(Date.UTC(2026, 0, 2));
    expect(await store.db.getAllKeys('papers')).toEqual(['arxiv:2501.00663']);
  });

  it('joins with an arXiv record already there: both tags and notes, the earliest save, the furthest read state', async () => {
    await savePaper(store, arxivSource('2501.00663', TITLE), 'show:later');
    await setTags(store, 'arxiv:2501.00663', ['b']);
    await setNote(store, 'arxiv:2501.00663', 'arxiv note');
    clock.set(Date.UTC(2025, 11, 1));
    // Saved earlier under its title, from another episode, and read.
    await savePaper(store, scholar, 'show:earlier');
    await setTags(store, TITLE_KEY, ['a', 'b']);
    await setNote(store, TITLE_KEY, 'title note');
    await setReadState(store, TITLE_KEY, 'read');
    clock.set(Date.UTC(2026, 0, 3));
    const { paper } = await mergeTitleIntoArxiv(store, TITLE_KEY, FACTS);
    expect(paper).toMatchObject({
      savedAt: Date.UTC(2025, 11, 1),
      savedFrom: 'show:earlier',
      readState: 'read',
      pdfUrl: 'https://arxiv.org/pdf/2501.00663',
    });
    expect([...paper!.tags].sort()).toEqual(['a', 'b']);
    expect(paper!.note).toContain('arxiv note');
    expect(paper!.note).toContain('title note');
    expect(paper!.urls).toEqual(
      expect.arrayContaining([
        'https://arxiv.org/abs/2501.00663',
        'https://scholar.google.com/scholar?q=Titans',
      ]),
    );
  });

  it('keeps a saved side saved when the other was unsaved', async () => {
    await savePaper(store, scholar, null);
    await unsavePaper(store, TITLE_KEY);
    clock.set(Date.UTC(2026, 0, 5));
    await savePaper(store, arxivSource('2501.00663', TITLE), 'show:x');
    const { paper } = await mergeTitleIntoArxiv(store, TITLE_KEY, FACTS);
    expect(paper!.savedAt).toBe(Date.UTC(2026, 0, 5));
    expect(paper!.savedFrom).toBe('show:x');
  });

  it('points citations and episodes’ source lists at the arXiv key, saved or not', async () => {
    const episode = await recordEpisode(store, {
      title: 'Memory week',
      published: '2026-01-01',
      duration: null,
      audioUrl: null,
      visualizationUrl: null,
      sources: [scholar, arxivSource('2412.09764', 'Memory Layers at Scale')],
      pageUrl: 'https://podcast.do-not-panic.com/e',
    });
    const result = await mergeTitleIntoArxiv(store, TITLE_KEY, FACTS);
    expect(result).toMatchObject({ mergedTitle: false, paper: null, episodes: [episode!.key] });
    const citations = await store.db.getAllFromIndex('citations', 'byEpisodeKey', episode!.key);
    expect(citations.map((c) => c.paperKey).sort()).toEqual([
      'arxiv:2412.09764',
      'arxiv:2501.00663',
    ]);
    const stored = await store.db.get('episodes', episode!.key);
    expect(stored!.sources[0]).toMatchObject({
      paperKey: 'arxiv:2501.00663',
      arxivId: '2501.00663',
      pdfUrl: FACTS.pdfUrl,
      url: 'https://scholar.google.com/scholar?q=Titans',
    });
    expect(await store.db.getAllKeys('papers')).toEqual([]);
  });

  it('changes nothing for a title nobody saved or cited', async () => {
    const result = await mergeTitleIntoArxiv(store, TITLE_KEY, FACTS);
    expect(result).toEqual({ paper: null, mergedTitle: false, episodes: [] });
    expect(await store.db.count('papers')).toBe(0);
  });

  it('is one transaction: a write failing half way leaves every record as it was', async () => {
    await savePaper(store, scholar, null);
    await recordEpisode(store, {
      title: 'Memory week',
      published: '2026-01-01',
      duration: null,
      audioUrl: null,
      visualizationUrl: null,
      sources: [scholar],
      pageUrl: 'https://podcast.do-not-panic.com/e',
    });
    const papersBefore = await store.db.getAll('papers');
    const citationsBefore = await store.db.getAll('citations');
    // The paper is written and the title record deleted before the citations: fail those.
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'citations') throw new DOMException('disk full', 'QuotaExceededError');
      return original.apply(this, args);
    };
    try {
      await expect(mergeTitleIntoArxiv(store, TITLE_KEY, FACTS)).rejects.toThrow('disk full');
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(await store.db.getAll('papers')).toEqual(papersBefore);
    expect(await store.db.getAll('citations')).toEqual(citationsBefore);
  });
});
