/** The addresses sent to arXiv: folded title words only, batched with OR. */
import { describe, expect, it } from 'vitest';
import { batches, idLookupUrl, titlePhrase, titleSearchUrl } from '@/lib/arxiv/query';

describe('arXiv query addresses', () => {
  it('sends folded words only, never query syntax', () => {
    expect(titlePhrase('Titans: Learning to "Memorize" (at) Test-Time?')).toBe(
      'titans learning to memorize at test time',
    );
    expect(titlePhrase('AND OR ANDNOT')).toBe('and or andnot');
    expect(titlePhrase('?!')).toBeNull();
  });

  it('joins several titles with OR, each once, with room for five entries each', () => {
    const url = new URL(
      titleSearchUrl(['Memory Layers at Scale', 'Titans!', 'memory layers at scale'])!,
    );
    expect(url.origin + url.pathname).toBe('https://export.arxiv.org/api/query');
    expect(url.searchParams.get('search_query')).toBe('ti:"memory layers at scale" OR ti:"titans"');
    expect(url.searchParams.get('max_results')).toBe('10');
    expect(url.searchParams.get('start')).toBe('0');
    expect(titleSearchUrl(['…'])).toBeNull();
  });

  it('caps a batch at five titles and a title at 24 words', () => {
    const url = new URL(titleSearchUrl(['a', 'b', 'c', 'd', 'e', 'f'].map((w) => `${w} title`))!);
    expect(url.searchParams.get('search_query')!.split(' OR ')).toHaveLength(5);
    expect(
      titlePhrase(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))!.split(' '),
    ).toHaveLength(24);
  });

  it('looks a paper up by its id without version', () => {
    expect(idLookupUrl('2406.11111v2')).toBe(
      'https://export.arxiv.org/api/query?id_list=2406.11111&max_results=1',
    );
    expect(idLookupUrl('not an id')).toBeNull();
  });

  it('splits into batches in order', () => {
    expect(batches([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });
});
