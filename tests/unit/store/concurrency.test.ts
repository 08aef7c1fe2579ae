/**
 * Many writes started at once (as from two tabs and the popup, whose messages the background
 * handles without waiting for each other) end as if run one after another in the order they
 * were started: every read-modify-write runs in its own readwrite transaction, and IndexedDB
 * runs overlapping readwrite transactions in the order they were created.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import type { Store } from '@/lib/store/db';
import { getListen, setHeard } from '@/lib/store/listens';
import { getPaper, isSaved, savePaper, setTags, unsavePaper } from '@/lib/store/papers';
import { arxivSource, freshIndexedDb, openTestStore, testClock } from '@/tests/unit/store/helpers';

const PAPERS = ['2501.00663', '1706.03762', '2412.09764'];
const EPISODES = ['2026-05-20-titans-a-000001', '2026-05-21-attention-b-000002'];

let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  store = await openTestStore(testClock());
});

/** A fixed sequence of 50 operations, the same on every run (a small linear congruential generator). */
function operations(): { kind: 'save' | 'unsave' | 'heard' | 'unheard' | 'tag'; index: number }[] {
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const kinds = ['save', 'unsave', 'heard', 'unheard', 'tag'] as const;
  return Array.from({ length: 50 }, () => {
    const kind = kinds[next(kinds.length)]!;
    const index = next(kind === 'heard' || kind === 'unheard' ? EPISODES.length : PAPERS.length);
    return { kind, index };
  });
}

describe('interleaved writes', () => {
  it('50 operations from three callers started at once end in the sequential state', async () => {
    const ops = operations();
    const expectedSaved = new Map<string, boolean>();
    const expectedHeard = new Map<string, boolean>();
    const expectedTags = new Map<string, string[]>();
    const started = ops.map((op, i) => {
      const paper = `arxiv:${PAPERS[op.index]}`;
      switch (op.kind) {
        case 'save':
          expectedSaved.set(paper, true);
          return savePaper(store, arxivSource(PAPERS[op.index]!, `Paper ${op.index}`), null);
        case 'unsave':
          if (expectedSaved.has(paper)) expectedSaved.set(paper, false);
          return unsavePaper(store, paper);
        case 'tag':
          if (expectedSaved.has(paper)) expectedTags.set(paper, [`tag-${i}`]);
          return setTags(store, paper, [`tag-${i}`]);
        case 'heard':
        case 'unheard':
          expectedHeard.set(EPISODES[op.index]!, op.kind === 'heard');
          return setHeard(store, EPISODES[op.index]!, op.kind === 'heard');
      }
    });
    await Promise.all(started);
    const saved = await isSaved(store, [...expectedSaved.keys()]);
    expect(Object.fromEntries(saved)).toEqual(Object.fromEntries(expectedSaved));
    for (const [key, tags] of expectedTags)
      expect((await getPaper(store, key))!.tags).toEqual(tags);
    for (const [key, heard] of expectedHeard) {
      expect((await getListen(store, key))!.state).toBe(heard ? 'heard' : 'unheard');
    }
    expect(new Set(ops.map((o) => o.kind)).size).toBe(5);
  });
});
