/** Title matching: only a strong match is accepted; near misses and ambiguity are only offered. */
import { describe, expect, it } from 'vitest';
import { parseAtom } from '@/lib/arxiv/atom';
import { bestMatch, scoreMatch } from '@/lib/arxiv/match';
import { fixture } from '@/tests/unit/arxiv/fixtures';

const paper = (title: string, authors: string[] = []) => ({ title, authors });

describe('scoreMatch', () => {
  it('is 1 and strong for the same title in another case, punctuation or accents', () => {
    expect(
      scoreMatch(
        paper('Titans: Learning to Memorize at Test-Time'),
        paper('TITANS — learning to memorize at test time'),
      ),
    ).toEqual({ score: 1, level: 'strong' });
    expect(scoreMatch(paper('Mémoire à long terme'), paper('Memoire a Long Terme')).level).toBe(
      'strong',
    );
  });

  it('treats spacing differences as the same title (KV-Cache / KVCache)', () => {
    expect(
      scoreMatch(
        paper('Beluga: KV-Cache Pooling over CXL'),
        paper('Beluga: KVCache Pooling over CXL'),
      ),
    ).toEqual({ score: 0.99, level: 'strong' });
  });

  it('accepts one typo in a long word of a long title', () => {
    const s = scoreMatch(
      paper('Scaling Tranformers to Million Token Contexts with Recurrent Memory'),
      paper('Scaling Transformers to Million Token Contexts with Recurrent Memory'),
    );
    expect(s.level).toBe('strong');
    expect(s.score).toBeGreaterThanOrEqual(0.95);
    expect(s.score).toBeLessThan(1);
  });

  it('never accepts a title with a word added or dropped, however long', () => {
    const long = 'a very long title about attention that goes on and on about what you need';
    const s = scoreMatch(
      paper(`Attention is all you need ${long}`),
      paper(`Attention is not all you need ${long}`),
    );
    expect(s.score).toBeGreaterThan(0.95);
    expect(s.level).toBe('weak');
  });

  it('offers a near miss (a subtitle dropped) as weak, and rejects unrelated titles', () => {
    const near = scoreMatch(
      paper('Efficient Memory Management for Large Language Model Serving with PagedAttention'),
      paper('Efficient Memory Management for Large Language Model Serving'),
    );
    expect(near.level).toBe('weak');
    expect(near.score).toBeGreaterThanOrEqual(0.6);
    expect(
      scoreMatch(paper('Memory Layers at Scale'), paper('Titans: Learning to Memorize')).level,
    ).toBe('none');
    expect(scoreMatch(paper('…'), paper('Anything')).level).toBe('none');
  });

  it('downgrades the same title by other authors to weak', () => {
    const s = scoreMatch(
      paper('Memory Layers at Scale', ['A. Nobody']),
      paper('Memory Layers at Scale', ['Vincent-Pierre Berges']),
    );
    expect(s).toEqual({ score: 1, level: 'weak' });
    expect(
      scoreMatch(
        paper('Memory Layers at Scale', ['Berges, V.']),
        paper('Memory Layers at Scale', ['Vincent-Pierre Berges']),
      ).level,
    ).toBe('strong');
  });
});

describe('bestMatch over a batched answer', () => {
  const entries = (name: string) => {
    const r = parseAtom(fixture(name));
    if (!r.ok) throw new Error(r.error.message);
    return r.feed.entries;
  };

  it('picks each title’s own paper among several', () => {
    const all = entries('several.xml');
    expect(bestMatch(paper('Titans: Learning to Memorize at Test Time'), all)).toMatchObject({
      candidate: { arxivId: '2501.00663' },
      score: 1,
      level: 'strong',
    });
    expect(bestMatch(paper('Memory layers at scale', ['Barlas Oguz']), all)).toMatchObject({
      candidate: { arxivId: '2412.09764' },
      level: 'strong',
    });
  });

  it('gives nothing for no entries, and a weak offer for the near miss', () => {
    expect(bestMatch(paper('A paper that nobody ever wrote'), entries('no-match.xml'))).toBeNull();
    expect(
      bestMatch(
        paper('Efficient Memory Management for Large Language Model Serving with PagedAttention'),
        entries('near-miss.xml'),
      ),
    ).toMatchObject({ candidate: { arxivId: '2309.09999' }, level: 'weak' });
  });

  it('makes two different papers with the same title only an offer', () => {
    const twins = [
      { arxivId: '2401.00001', title: 'Memory Layers at Scale', authors: [] },
      { arxivId: '2401.00002', title: 'Memory Layers at Scale', authors: [] },
    ];
    expect(bestMatch(paper('Memory Layers at Scale'), twins)).toMatchObject({
      candidate: { arxivId: '2401.00001' },
      level: 'weak',
    });
  });
});
