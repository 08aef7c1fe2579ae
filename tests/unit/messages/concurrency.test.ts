/**
 * The test: 50 interleaved save/unsave/heard operations sent at once from two tabs and
 * the popup, through the background service, end in the state of running them one after
 * another in the order sent, with nothing lost, and every write announced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Result, StoreChange } from '@/lib/core/result';
import type { MessageSender } from '@/entrypoints/background/router';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import {
  paperSource,
  popupSender,
  tabSender,
  testService,
  type TestService,
} from '@/tests/unit/messages/helpers';

const PAPERS = ['2501.00663', '1706.03762', '2412.09764', '2305.13245'];
const EPISODES = ['2026-05-20-titans-a-000001', '2026-05-21-attention-b-000002', 'show:third'];

type Kind = 'save' | 'unsave' | 'heard' | 'unheard';

let t: TestService;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  t = testService();
});

afterEach(() => t.service.close());

/** 50 operations, the same on every run, spread over three senders. */
function operations(): { kind: Kind; index: number; from: number }[] {
  let seed = 4242;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const kinds: Kind[] = ['save', 'unsave', 'heard', 'unheard'];
  return Array.from({ length: 50 }, (_, i) => {
    const kind = kinds[next(kinds.length)]!;
    const paper = kind === 'save' || kind === 'unsave';
    return { kind, index: next(paper ? PAPERS.length : EPISODES.length), from: i % 3 };
  });
}

describe('interleaved messages from two tabs and the popup', () => {
  it('50 operations sent at once end in the sequential state, nothing lost', async () => {
    const senders: MessageSender[] = [
      tabSender(1),
      tabSender(2, 'https://podimo.com/no/shows/ai-post-transformers'),
      popupSender(),
    ];
    const ops = operations();
    expect(new Set(ops.map((o) => o.kind)).size).toBe(4);

    // The sequential model: what each operation answers and what the store ends with.
    const saved = new Map<string, boolean>();
    const heard = new Map<string, boolean>();
    const expectedCodes: string[] = [];
    for (const op of ops) {
      if (op.kind === 'save') {
        saved.set(`arxiv:${PAPERS[op.index]}`, true);
        expectedCodes.push('ok');
      } else if (op.kind === 'unsave') {
        const key = `arxiv:${PAPERS[op.index]}`;
        expectedCodes.push(saved.has(key) ? 'ok' : 'not-found');
        if (saved.has(key)) saved.set(key, false);
      } else {
        heard.set(EPISODES[op.index]!, op.kind === 'heard');
        expectedCodes.push('ok');
      }
    }

    // Every message sent before any answer: the store is not even open yet.
    const results: Promise<Result<unknown>>[] = ops.map((op) => {
      const sender = senders[op.from]!;
      switch (op.kind) {
        case 'save':
          return t.service.handle('savePaper', { source: paperSource(PAPERS[op.index]!) }, sender);
        case 'unsave':
          return t.service.handle('unsavePaper', { key: `arxiv:${PAPERS[op.index]}` }, sender);
        case 'heard':
        case 'unheard':
          return t.service.handle(
            'setHeard',
            { episodeKey: EPISODES[op.index]!, heard: op.kind === 'heard' },
            sender,
          );
      }
    });
    const answers = await Promise.all(results);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(expectedCodes);
    expect(t.open).toHaveBeenCalledTimes(1);

    const popup = popupSender();
    const savedNow = await t.service.handle(
      'savedStates',
      { keys: PAPERS.map((id) => `arxiv:${id}`) },
      popup,
    );
    expect(savedNow).toEqual({
      ok: true,
      value: Object.fromEntries(
        PAPERS.map((id) => [`arxiv:${id}`, saved.get(`arxiv:${id}`) ?? false]),
      ),
    });
    const listens = await t.service.handle('listenStates', { episodeKeys: EPISODES }, popup);
    expect(listens.ok).toBe(true);
    if (!listens.ok) return;
    for (const [key, isHeard] of heard) {
      expect(listens.value[key]!.state, key).toBe(isHeard ? 'heard' : 'unheard');
    }

    // Every successful write was announced, once, naming its record (writes to different stores
    // run side by side, so announcements of papers and listens may interleave differently).
    await t.service.idle();
    const expectedChanges: StoreChange[] = ops.flatMap((op, i): StoreChange[] => {
      if (expectedCodes[i] !== 'ok') return [];
      if (op.kind === 'save' || op.kind === 'unsave') {
        return [{ kind: 'papers', keys: [`arxiv:${PAPERS[op.index]}`] }];
      }
      return [{ kind: 'listens', keys: [EPISODES[op.index]!] }];
    });
    const sorted = (changes: StoreChange[]) => changes.map((c) => JSON.stringify(c)).sort();
    expect(sorted(t.changes)).toEqual(sorted(expectedChanges));
    // Within one store they come in the order sent.
    const papersOnly = (changes: StoreChange[]) => changes.filter((c) => c.kind === 'papers');
    expect(papersOnly(t.changes)).toEqual(papersOnly(expectedChanges));
  });
});
