/**
 * A library import in chunks: progress after each chunk, cancelling between two (the chunks
 * written stay, each whole, and the report says how far it got), a chunk that fails is rolled
 * back alone, one import at a time in the background. And what an entry maps to: arXiv ids
 * from every place a reference manager writes them, book authors and editors where there is
 * no author, keywords as tags.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  cancelLibraryImport,
  dryRunLibrary,
  importLibrary,
  libraryImportProgress,
  runLibraryImport,
} from '@/lib/export/library-import';
import { CHUNK_ENTRIES } from '@/lib/export/library-parse';
import type { Store } from '@/lib/store/db';
import { freshIndexedDb, openTestStore, testClock } from '@/tests/unit/store/helpers';

let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  store = await openTestStore(testClock(Date.UTC(2026, 4, 1)));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** A CSL-JSON library of `n` papers, each with its own DOI. */
function cslLibrary(n: number): string {
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}`, DOI: `10.1/p.${i}` })),
  );
}

describe('chunks, progress and cancelling', () => {
  it('reports progress after each chunk of entries', async () => {
    const seen: { done: number; total: number }[] = [];
    const result = await importLibrary(store, cslLibrary(2500), null, {
      onProgress: (p) => seen.push(p),
    });
    expect(CHUNK_ENTRIES).toBe(1000);
    expect(seen).toEqual([
      { done: 0, total: 2500 },
      { done: 1000, total: 2500 },
      { done: 2000, total: 2500 },
      { done: 2500, total: 2500 },
    ]);
    expect(result).toMatchObject({
      ok: true,
      report: { added: 2500, read: 2500, cancelled: false },
    });
  });

  it('cancelled after the first chunk: that chunk stays, and the report says how far it got', async () => {
    let done = 0;
    const result = await importLibrary(store, cslLibrary(2500), null, {
      onProgress: (p) => (done = p.done),
      shouldStop: () => done >= 1000,
    });
    expect(result).toMatchObject({
      ok: true,
      report: { cancelled: true, read: 1000, entries: 2500, added: 1000 },
    });
    expect(await store.db.count('papers')).toBe(1000);
  });

  it('a chunk that fails midway is rolled back whole; the chunks before it stay', async () => {
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    // The 1,500th write (the second chunk's 500th) fails: its transaction aborts.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      const request = put.apply(this, args);
      if (++puts === 1500) queueMicrotask(() => this.transaction.abort());
      return request;
    });
    await expect(importLibrary(store, cslLibrary(2500))).rejects.toThrow(/abort/i);
    vi.restoreAllMocks();
    expect(await store.db.count('papers')).toBe(1000);
  });

  it('the background runs one import at a time, with its progress and a cancel', async () => {
    expect(libraryImportProgress()).toEqual({ running: false, done: 0, total: 0 });
    expect(cancelLibraryImport()).toBe(false);
    const running = runLibraryImport(store, cslLibrary(3000), null);
    expect(libraryImportProgress()).toMatchObject({ running: true });
    expect(await runLibraryImport(store, cslLibrary(1), null)).toMatchObject({
      ok: false,
      reason: 'another library import is still running',
    });
    expect(cancelLibraryImport()).toBe(true);
    const result = await running;
    expect(result).toMatchObject({ ok: true, report: { cancelled: true } });
    if (result.ok) expect(result.report.read).toBeLessThan(3000);
    expect(libraryImportProgress().running).toBe(false);
  });
});

describe('what an entry maps to', () => {
  /** The papers of a dry run of `text`. */
  function papers(text: string) {
    const result = dryRunLibrary(text);
    if (!result.ok) throw new Error(result.reason);
    return result.papers;
  }

  it('arXiv ids: eprint with archivePrefix or eprinttype, arXiv: in journal or note, an arXiv link', () => {
    const bib = String.raw`
@article{a, title = {A}, eprint = {2101.00001v2}, archivePrefix = {arXiv}}
@article{b, title = {B}, eprint = {2101.00002}, eprinttype = {arxiv}}
@article{c, title = {C}, journal = {arXiv:2101.00003 [cs.LG]}}
@misc{d, title = {D}, note = {arXiv: hep-th/9901001}}
@misc{e, title = {E}, url = {https://arxiv.org/abs/2101.00005v1}}
@misc{f, title = {F}, eprint = {2101.00009}, eprinttype = {philpapers}}
`;
    expect(papers(bib).map((p) => p.arxivId)).toEqual([
      '2101.00001',
      '2101.00002',
      '2101.00003',
      'hep-th/9901001',
      '2101.00005',
      null,
    ]);
    const csl = JSON.stringify([{ id: 'z', title: 'Z', note: 'arXiv: 2101.00006\ntex.x: y' }]);
    expect(papers(csl)[0]).toMatchObject({ arxivId: '2101.00006', key: 'arxiv:2101.00006' });
    const ris = 'TY  - JOUR\nTI  - R\nUR  - http://arxiv.org/abs/2101.00007\nER  - \n';
    expect(papers(ris)[0]).toMatchObject({ arxivId: '2101.00007' });
  });

  it('book authors, then editors, where an entry has no author', () => {
    const bib = String.raw`
@incollection{a, title = {A}, bookauthor = {Writer, Wanda}, editor = {Editor, Ed}}
@book{b, title = {B}, editor = {Editor, Ed and Other, Olga}}
@book{c, title = {C}, author = {Author, Al}, editor = {Editor, Ed}}
`;
    expect(papers(bib).map((p) => p.authors)).toEqual([
      ['Wanda Writer'],
      ['Ed Editor', 'Olga Other'],
      ['Al Author'],
    ]);
  });

  it('keywords and Calibre tags become tags, notes the note', async () => {
    const bib = String.raw`
@book{a, title = {A}, keywords = {one; two}, tags = "three, four", annote = {Read {\em this}.}}
`;
    await importLibrary(store, bib);
    const [paper] = await store.db.getAll('papers');
    expect(paper).toMatchObject({ tags: ['one', 'two', 'three', 'four'], note: 'Read this.' });
  });
});
