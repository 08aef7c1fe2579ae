import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hybridClock } from '@/lib/sync/clock';
import { decodeShards, keyOfArxivCode, paperCode, shortHash, type Summary } from '@/lib/sync/codec';
import { fitSummary, mergeSummaries, SYNC_QUOTA, summarize, type Codes } from '@/lib/sync/engine';
import type { ListenRecord, PaperRecord } from '@/lib/store/schema';

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const codes = (): Codes => ({ episodes: new Map(), papers: new Map() });

function listen(i: number, at: number): ListenRecord {
  return {
    episodeKey: `2026-01-${String(i).padStart(5, '0')}-some-long-episode-stem-of-sixty-characters-abc${i}`,
    state: 'heard',
    manual: true,
    position: 0,
    duration: 1800,
    heardAt: at,
    playedSeconds: 0,
    modified: { state: at, manual: at, heardAt: at, position: at, duration: at, playedSeconds: at },
  };
}

function paper(i: number, at: number): PaperRecord {
  const id = `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
  const read = at + 3 * DAY;
  return {
    key: `arxiv:${id}`,
    title: 'A title',
    authors: ['A. Author'],
    year: 2025,
    arxivId: id,
    doi: null,
    urls: [],
    pdfUrl: null,
    savedAt: at,
    savedFrom: null,
    readState: 'read',
    tags: [],
    note: '',
    modified: { savedAt: at, savedFrom: at, readState: read, tags: at, note: at, title: at },
  };
}

/** The summary a set of shards holds, as another browser reads it. */
const roundTrip = (s: Summary) => decodeShards(fitSummary(s, new Map()).items).summary;
const sortSummary = (s: Summary) => ({
  papers: [...s.papers].sort((a, b) => (a.key < b.key ? -1 : 1)),
  listens: [...s.listens].sort((a, b) => (a.episodeKey < b.episodeKey ? -1 : 1)),
  tombstones: [...s.tombstones].sort((a, b) => (a.key < b.key ? -1 : 1)),
});

describe('the sync codec', () => {
  it('spells arXiv keys in base 36 and back, hashes the rest in 7 characters', () => {
    expect(keyOfArxivCode(paperCode('arxiv:2511.20172'))).toBe('arxiv:2511.20172');
    expect(keyOfArxivCode(paperCode('arxiv:0704.0001'))).toBe('arxiv:0704.0001');
    expect(shortHash('doi:10.1/x')).toMatch(/^[0-9a-z]{7}$/);
    expect(keyOfArxivCode(paperCode('doi:10.1/x'))).toBeNull();
  });

  it('gives back what it wrote: listens, papers with tags and notes, deletes', () => {
    const library = {
      listens: [
        listen(1, T0),
        { ...listen(2, T0 + 5000), state: 'in_progress' as const, heardAt: null, position: 321 },
      ],
      papers: [
        { ...paper(1, T0), tags: ['kv', 'cxl'], note: 'Read § 3 – ÆØÅ' },
        { ...paper(2, T0 + DAY), savedAt: null },
      ],
      tombstones: [{ kind: 'listens' as const, key: 'gone-episode', deletedAt: T0 + 7 }],
    };
    const summary = summarize(library, codes());
    expect(sortSummary(roundTrip(summary))).toEqual(sortSummary(summary));
  });

  it('holds 2,000 heard episodes and 2,000 saved papers with read state in the quota', () => {
    const listens = Array.from({ length: 2000 }, (_, i) => listen(i, T0 + i * 4 * 3600_000));
    const papers = Array.from({ length: 2000 }, (_, i) => paper(i, T0 + i * 4 * 3600_000 + 999));
    const fitted = fitSummary(summarize({ listens, papers, tombstones: [] }, codes()), new Map());
    expect(fitted.leftOut.l + fitted.leftOut.p).toBe(0);
    expect(fitted.bytes).toBeLessThan(SYNC_QUOTA.bytes);
    for (const [key, value] of Object.entries(fitted.items)) {
      expect(key.length + JSON.stringify(value).length).toBeLessThanOrEqual(SYNC_QUOTA.itemBytes);
    }
  });

  it('fits what it can in priority order when not everything fits: listens first, notes last', () => {
    const listens = Array.from({ length: 2000 }, (_, i) => listen(i, T0 + i * 60_000));
    const papers = Array.from({ length: 2000 }, (_, i) => ({
      ...paper(i, T0 + i * 60_000),
      note: 'x'.repeat(200),
    }));
    const fitted = fitSummary(summarize({ listens, papers, tombstones: [] }, codes()), new Map());
    expect(fitted.leftOut.l).toBe(0);
    expect(fitted.leftOut.p).toBe(0);
    expect(fitted.leftOut.n).toBeGreaterThan(0);
    expect(fitted.bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
  });

  it('reads what it can of a newer format and reports corrupt shards', () => {
    const items = fitSummary(
      summarize({ listens: [listen(1, T0)], papers: [], tombstones: [] }, codes()),
      new Map(),
    ).items;
    const decoded = decodeShards({ ...items, 'cc.p00': '9;whatever', 'cc.l01': '1;zz.###' });
    expect(decoded.newer).toBe(true);
    expect(decoded.corrupt).toEqual(['cc.l01']);
    expect(decoded.summary.listens).toHaveLength(1);
  });
});

describe('the hybrid logical clock', () => {
  it('never goes back, moves past what it saw, and ends stamps in the device slot', () => {
    let wall = 1000_000;
    const clock = hybridClock(() => wall);
    clock.setDevice('device-a');
    const a = clock.now();
    wall -= 500;
    const b = clock.now();
    expect(b).toBeGreaterThan(a);
    clock.observe(wall + 10 * DAY);
    expect(clock.now()).toBeGreaterThan(wall + 10 * DAY);
    expect(a % 64).toBe(b % 64);
  });
});

describe('sync merges converge', () => {
  const arbListen = fc.record({
    i: fc.integer({ min: 0, max: 5 }),
    at: fc.integer({ min: 0, max: 50 }),
    state: fc.constantFrom('heard' as const, 'unheard' as const, 'in_progress' as const),
    manual: fc.boolean(),
    position: fc.integer({ min: 0, max: 4000 }),
  });
  const arbPaper = fc.record({
    i: fc.integer({ min: 0, max: 5 }),
    at: fc.integer({ min: 0, max: 50 }),
    saved: fc.boolean(),
    read: fc.constantFrom('unread' as const, 'reading' as const, 'read' as const),
    note: fc.constantFrom('', 'a', 'b'),
  });
  const arbDevice = fc.record({
    listens: fc.array(arbListen, { maxLength: 6 }),
    papers: fc.array(arbPaper, { maxLength: 6 }),
    deletes: fc.array(
      fc.record({ i: fc.integer({ min: 0, max: 5 }), at: fc.integer({ min: 0, max: 50 }) }),
      {
        maxLength: 2,
      },
    ),
  });

  /** A device's summary from random edits (stamps on a minute grid, with a device slot). */
  type Device = typeof arbDevice extends fc.Arbitrary<infer D> ? D : never;
  function deviceSummary(d: Device, slot: number): Summary {
    const stamp = (at: number) => T0 + at * 60_000 + slot;
    const listens = new Map<number, ListenRecord>();
    for (const l of d.listens) {
      const r = listen(l.i, stamp(l.at));
      listens.set(l.i, {
        ...r,
        state: l.state,
        manual: l.manual,
        heardAt: l.state === 'heard' ? r.heardAt : null,
        position: l.position,
      });
    }
    const papers = new Map<number, PaperRecord>();
    for (const p of d.papers) {
      const r = paper(p.i, stamp(p.at));
      papers.set(p.i, {
        ...r,
        savedAt: p.saved ? r.savedAt : null,
        readState: p.read,
        note: p.note,
      });
    }
    const tombstones = d.deletes.map((t) => ({
      kind: 'listens' as const,
      key: listen(t.i, 0).episodeKey,
      deletedAt: stamp(t.at),
    }));
    return summarize(
      { listens: [...listens.values()], papers: [...papers.values()], tombstones },
      codes(),
    );
  }

  it('any three devices, exchanged in any order any number of times, end equal', () => {
    fc.assert(
      fc.property(
        fc.tuple(arbDevice, arbDevice, arbDevice),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
          maxLength: 8,
        }),
        (devices, exchanges) => {
          const state = devices.map((d, slot) => deviceSummary(d, slot + 1));
          // Sync storage: each pass merges it with the device, then writes the merge back.
          let shared: Summary = { papers: [], listens: [], tombstones: [] };
          const pass = (n: number) => {
            const merged = mergeSummaries(state[n]!, roundTrip(shared));
            state[n] = merged;
            shared = roundTrip(merged);
          };
          for (const [a, b] of exchanges) {
            pass(a);
            pass(b);
          }
          // Then every device syncs twice, in turn: all hold the same.
          for (let round = 0; round < 2; round++) for (let n = 0; n < 3; n++) pass(n);
          const expected = JSON.stringify(sortSummary(state[0]!));
          expect(JSON.stringify(sortSummary(state[1]!))).toBe(expected);
          expect(JSON.stringify(sortSummary(state[2]!))).toBe(expected);
          // And the merge is the same whichever order the three came in.
          const [x, y, z] = devices.map((d, slot) => deviceSummary(d, slot + 1));
          const one = mergeSummaries(mergeSummaries(x!, y!), z!);
          const two = mergeSummaries(z!, mergeSummaries(y!, x!));
          expect(JSON.stringify(sortSummary(two))).toBe(JSON.stringify(sortSummary(one)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
