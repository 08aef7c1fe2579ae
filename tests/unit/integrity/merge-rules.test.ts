/**
 * The merge rules (lib/store/merge.ts) as properties, on random histories with a fixed seed:
 * any two copies of the library merged in either order give the same library, merging a copy
 * with itself changes nothing, and merging again what was merged changes nothing. Times are
 * drawn from a handful of values so ties are common: a tie must not favour a side either.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHistories, mergeRecord, PAPER_MERGE_RULES, type History } from '@/lib/store/merge';
import type { CitationRecord, EpisodeRecord, ListenRecord, PaperRecord } from '@/lib/store/schema';

const SEED = 17;
const time = fc.integer({ min: 1, max: 6 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const word = fc.constantFrom('a', 'b', 'ML', 'ml', 'x, y');

const paper: fc.Arbitrary<PaperRecord> = fc
  .record({
    key: fc.constantFrom('arxiv:1', 'arxiv:2', 'title:t'),
    title: fc.option(fc.constantFrom('T', 'U')),
    urls: fc.uniqueArray(fc.constantFrom('u1', 'u2', 'u3'), { maxLength: 3 }),
    savedAt: fc.option(time),
    readState: fc.constantFrom('unread', 'reading', 'read'),
    tags: fc.uniqueArray(word, { maxLength: 4 }),
    tagTimes: maybe(
      fc.dictionary(word, fc.record({ added: maybe(time), removed: maybe(time) }), {
        maxKeys: 3,
      }),
    ),
    note: fc.constantFrom('', 'n', 'n and more'),
    times: fc.record({
      title: time,
      urls: time,
      savedAt: time,
      readState: time,
      tags: time,
      note: time,
    }),
  })
  .map(({ times, tagTimes, ...p }) => ({
    ...p,
    authors: [],
    year: null,
    arxivId: null,
    doi: null,
    pdfUrl: null,
    savedFrom: null,
    ...(tagTimes && Object.keys(tagTimes).length > 0 ? { tagTimes } : {}),
    modified: times,
  }));

const episode: fc.Arbitrary<EpisodeRecord> = fc
  .record({
    key: fc.constantFrom('e1', 'show:e'),
    title: fc.option(fc.constantFrom('E', 'F')),
    pages: fc.uniqueArray(fc.constantFrom('p1', 'p2'), { maxLength: 2 }),
    note: fc.constantFrom('', 'm'),
    firstSeenAt: time,
    times: fc.record({ title: time, pages: time, note: time, firstSeenAt: time }),
  })
  .map(({ times, ...e }) => ({
    ...e,
    stem: null,
    published: null,
    duration: null,
    sources: [],
    modified: times,
  }));

const citation: fc.Arbitrary<CitationRecord> = fc
  .record({
    episodeKey: fc.constantFrom('e1', 'show:e'),
    position: fc.integer({ min: 0, max: 1 }),
    paperKey: fc.constantFrom('arxiv:1', 'arxiv:2'),
    times: fc.record({ paperKey: time }),
  })
  .map(({ times, ...c }) => ({ ...c, url: null, arxivVersion: null, modified: times }));

const listen: fc.Arbitrary<ListenRecord> = fc
  .record({
    episodeKey: fc.constantFrom('e1', 'show:e'),
    state: fc.constantFrom('unheard', 'in_progress', 'heard'),
    manual: fc.boolean(),
    position: fc.integer({ min: 0, max: 3 }),
    heardAt: fc.option(time),
    times: fc.record({ state: time, manual: time, position: time, heardAt: time }),
  })
  .map(({ times, ...l }) => ({ ...l, duration: null, playedSeconds: 0, modified: times }));

const tombstone = fc.oneof(
  fc.record({
    kind: fc.constant('papers' as const),
    key: fc.constantFrom('arxiv:1', 'title:t'),
    deletedAt: time,
  }),
  fc.record({ kind: fc.constant('listens' as const), key: fc.constant('e1'), deletedAt: time }),
  fc.record({
    kind: fc.constant('citations' as const),
    key: fc.constant(JSON.stringify(['e1', 0])),
    deletedAt: time,
  }),
  fc.record({
    kind: fc.constant('episodes' as const),
    key: fc.constant('show:e'),
    deletedAt: time,
  }),
);

/** A copy of the library: at most one record per key, as a store holds them. */
const history: fc.Arbitrary<History> = fc.record({
  papers: fc.uniqueArray(paper, { selector: (p) => p.key, maxLength: 3 }),
  episodes: fc.uniqueArray(episode, { selector: (e) => e.key, maxLength: 2 }),
  citations: fc.uniqueArray(citation, {
    selector: (c) => `${c.episodeKey}/${c.position}`,
    maxLength: 3,
  }),
  listens: fc.uniqueArray(listen, { selector: (l) => l.episodeKey, maxLength: 2 }),
  tombstones: fc.uniqueArray(tombstone, { selector: (t) => `${t.kind}/${t.key}`, maxLength: 3 }),
});

/** A history as the store would hold it: each record as a merge leaves it (tags and their times agreeing). */
const settled = (h: History) => mergeHistories(h, { ...h });

describe('the merge rules', () => {
  it('any two histories merged in either order give the same result', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        expect(mergeHistories(a, b)).toEqual(mergeHistories(b, a));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('merging a copy with itself, or merging again, changes nothing', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        const s = settled(a);
        const t = settled(b);
        expect(mergeHistories(s, s)).toEqual(s);
        const once = mergeHistories(s, t);
        expect(mergeHistories(once, t)).toEqual(once);
        expect(mergeHistories(s, once)).toEqual(once);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a paper merged either way is the same record, field for field', () => {
    fc.assert(
      fc.property(paper, paper, (a, b) => {
        const other = { ...b, key: a.key };
        expect(mergeRecord(a, other, PAPER_MERGE_RULES)).toEqual(
          mergeRecord(other, a, PAPER_MERGE_RULES),
        );
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
