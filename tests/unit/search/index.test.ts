/** The paper search index: fields, prefix and fuzzy matching, phrases, ep: words, updates. */
import { describe, expect, it } from 'vitest';
import { PaperSearch, parseQuery, searchTerms, type PaperDocument } from '@/lib/search/index';

function doc(key: string, fields: Partial<PaperDocument>): PaperDocument {
  return { key, title: '', authors: '', tags: '', note: '', episodes: '', ...fields };
}

const DOCS: PaperDocument[] = [
  doc('arxiv:2501.00663', {
    title: 'Titans: Learning to Memorize at Test Time',
    authors: 'Ali Behrouz Peilin Zhong Vahab Mirrokni',
    tags: 'memory rnn',
    episodes:
      'Titans: Learning to Memorize at Test Time\nBeluga: CXL Memory Pooling for LLM KV Cache',
  }),
  doc('arxiv:1706.03762', {
    title: 'Attention Is All You Need',
    authors: 'Ashish Vaswani Noam Shazeer',
    note: 'The transformer paper; read section 3 again.',
  }),
  doc('arxiv:2511.20172', {
    title:
      'Beluga: A CXL-Based Memory Architecture for Scalable and Efficient LLM KVCache Management',
    authors: 'Xinjun Yang Qingda Hu',
    episodes: 'Beluga: CXL Memory Pooling for LLM KV Cache',
  }),
  doc('title:sma sprakmodeller', {
    title: 'Små språkmodeller på norsk',
    authors: 'Kari Ødegård',
    tags: 'læring',
  }),
];

/** The keys found for `text`, best first. */
function find(search: PaperSearch, text: string): string[] {
  const scores = search.search(parseQuery(text));
  if (!scores) return ['<all>'];
  return [...scores].sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

describe('PaperSearch', () => {
  const search = new PaperSearch(DOCS);

  it('answers null (no text constraint) for a query without words', () => {
    expect(search.search(parseQuery(''))).toBeNull();
    expect(search.search(parseQuery('t:memory is:read y:2024'))).toBeNull();
  });

  it('searches title, authors, tags, note and episode titles', () => {
    expect(find(search, 'attention')).toEqual(['arxiv:1706.03762']);
    expect(find(search, 'vaswani')).toEqual(['arxiv:1706.03762']);
    expect(find(search, 'rnn')).toEqual(['arxiv:2501.00663']);
    expect(find(search, 'transformer')).toEqual(['arxiv:1706.03762']);
    // "pooling" is only in an episode title.
    expect(find(search, 'pooling').sort()).toEqual(['arxiv:2501.00663', 'arxiv:2511.20172']);
  });

  it('matches word starts as the user types, and needs every word', () => {
    expect(find(search, 'memo')).toContain('arxiv:2501.00663');
    expect(find(search, 'tit')).toEqual(['arxiv:2501.00663']);
    expect(find(search, 'memory attention')).toEqual([]);
    expect(find(search, 'beluga memory')).toContain('arxiv:2511.20172');
  });

  it('leaves out a one-letter last word, still being typed', () => {
    expect(find(search, 'attention i')).toEqual(find(search, 'attention'));
    expect(find(search, 'ep:titans m')).toEqual(['arxiv:2501.00663']);
    expect(find(search, 'ep:k')).toEqual(['<all>']);
    expect(find(search, 'a')).toEqual(['<all>']);
    // In the middle it is a whole word, matched exactly.
    expect(find(search, 'i attention')).toEqual([]);
  });

  it('forgives one typo in a longer word, not in a short one', () => {
    expect(find(search, 'attentoin')).toEqual(['arxiv:1706.03762']);
    expect(find(search, 'rnm')).toEqual([]);
  });

  it('ranks a title match above an episode-title-only match', () => {
    expect(find(search, 'beluga')[0]).toBe('arxiv:2511.20172');
  });

  it('limits ep: words to the citing episodes titles', () => {
    expect(find(search, 'ep:titans')).toEqual(['arxiv:2501.00663']);
    expect(find(search, 'ep:attention')).toEqual([]);
    expect(find(search, 'ep:kv cache').sort()).toEqual(['arxiv:2501.00663', 'arxiv:2511.20172']);
    expect(find(search, 'ep:beluga attention')).toEqual([]);
  });

  it('needs a quoted phrase in order within one line', () => {
    expect(find(search, '"test time"')).toEqual(['arxiv:2501.00663']);
    expect(find(search, '"time test"')).toEqual([]);
    expect(find(search, 'ep:"kv cache"').sort()).toEqual(['arxiv:2501.00663', 'arxiv:2511.20172']);
    // The words run across two episode titles, never within one.
    expect(find(search, 'ep:"test time beluga"')).toEqual([]);
  });

  it('finds Norwegian words with or without accents folded alike', () => {
    expect(find(search, 'språkmodeller')).toEqual(['title:sma sprakmodeller']);
    expect(find(search, 'SPRÅK')).toEqual(['title:sma sprakmodeller']);
    expect(find(search, 'ødegård')).toEqual(['title:sma sprakmodeller']);
    expect(find(search, 'odegard')).toEqual(['title:sma sprakmodeller']);
    expect(find(search, 'læring')).toEqual(['title:sma sprakmodeller']);
  });

  it('finds nothing for text that is only punctuation', () => {
    expect(searchTerms('-- … !')).toEqual([]);
    expect(find(search, '--')).toEqual([]);
    expect(find(search, '"…"')).toEqual([]);
  });

  it('follows additions, replacements and removals', () => {
    const live = new PaperSearch(DOCS);
    live.set(doc('arxiv:2403.00001', { title: 'Mamba in the Llama' }));
    expect(find(live, 'mamba')).toEqual(['arxiv:2403.00001']);
    live.set(doc('arxiv:2403.00001', { title: 'Distilling Hybrids' }));
    expect(find(live, 'mamba')).toEqual([]);
    expect(find(live, 'hybrids')).toEqual(['arxiv:2403.00001']);
    live.remove('arxiv:2403.00001');
    live.remove('arxiv:never-there');
    expect(find(live, 'hybrids')).toEqual([]);
    expect(live.size).toBe(DOCS.length);
  });
});
