/** The search field's language: free words, quoted groups and the t:/y:/ep:/is: operators. */
import { describe, expect, it } from 'vitest';
import {
  foldTag,
  foldText,
  hasText,
  parseQuery,
  parseYear,
  yearInRange,
  type ParsedQuery,
} from '@/lib/search/query';

/** A parsed query with every list empty, and `fields` set. */
function q(fields: Partial<ParsedQuery>): ParsedQuery {
  return {
    words: [],
    phrases: [],
    tags: [],
    years: [],
    episodeWords: [],
    episodePhrases: [],
    readStates: [],
    pending: [],
    invalid: [],
    ...fields,
  };
}

describe('parseQuery', () => {
  it('reads an empty or blank text as no constraint at all', () => {
    expect(parseQuery('')).toEqual(q({}));
    expect(parseQuery('   \t \n ')).toEqual(q({}));
    expect(hasText(parseQuery(''))).toBe(false);
  });

  it('splits free words on any white space and keeps each once', () => {
    expect(parseQuery('  memory\tarchitectures  memory ')).toEqual(
      q({ words: ['memory', 'architectures'] }),
    );
  });

  it('reads every operator', () => {
    expect(parseQuery('t:memory y:2024 ep:kv is:read titans')).toEqual(
      q({
        words: ['titans'],
        tags: ['memory'],
        years: [{ min: 2024, max: 2024 }],
        episodeWords: ['kv'],
        readStates: ['read'],
      }),
    );
  });

  it('takes operator names in any case, values as written', () => {
    expect(parseQuery('T:Memory Y:2024 EP:Titans IS:UNREAD')).toEqual(
      q({
        tags: ['Memory'],
        years: [{ min: 2024, max: 2024 }],
        episodeWords: ['Titans'],
        readStates: ['unread'],
      }),
    );
  });

  it('reads year comparisons and ranges', () => {
    expect(parseQuery('y:>2023').years).toEqual([{ min: 2024, max: null }]);
    expect(parseQuery('y:>=2023').years).toEqual([{ min: 2023, max: null }]);
    expect(parseQuery('y:<2020').years).toEqual([{ min: null, max: 2019 }]);
    expect(parseQuery('y:<=2020').years).toEqual([{ min: null, max: 2020 }]);
    expect(parseQuery('y:2020..2022').years).toEqual([{ min: 2020, max: 2022 }]);
    expect(parseQuery('y:2022..2020').years).toEqual([{ min: 2020, max: 2022 }]);
    expect(parseQuery('y:2020-2022').years).toEqual([{ min: 2020, max: 2022 }]);
    expect(parseQuery('y:>2020 y:<2023').years).toEqual([
      { min: 2021, max: null },
      { min: null, max: 2022 },
    ]);
  });

  it('groups quoted text, for free text and for operator values', () => {
    expect(parseQuery('"test-time memory" titans')).toEqual(
      q({ phrases: ['test-time memory'], words: ['titans'] }),
    );
    expect(parseQuery('t:"machine learning" ep:"kv cache"')).toEqual(
      q({ tags: ['machine learning'], episodePhrases: ['kv cache'] }),
    );
  });

  it('runs an unclosed quote to the end of the text', () => {
    expect(parseQuery('titans "test time')).toEqual(
      q({ words: ['titans'], phrases: ['test time'] }),
    );
    expect(parseQuery('ep:"kv cach')).toEqual(q({ episodePhrases: ['kv cach'] }));
    // A lone quote is nothing.
    expect(parseQuery('"')).toEqual(q({}));
    expect(parseQuery('""')).toEqual(q({}));
  });

  it('leaves out an operator whose value is still being typed', () => {
    expect(parseQuery('memory t:')).toEqual(q({ words: ['memory'], pending: ['t:'] }));
    expect(parseQuery('y:')).toEqual(q({ pending: ['y:'] }));
    expect(parseQuery('y:20')).toEqual(q({ pending: ['y:20'] }));
    expect(parseQuery('y:>')).toEqual(q({ pending: ['y:>'] }));
    expect(parseQuery('y:>=202')).toEqual(q({ pending: ['y:>=202'] }));
    expect(parseQuery('y:2020..')).toEqual(q({ pending: ['y:2020..'] }));
    expect(parseQuery('y:2020..20')).toEqual(q({ pending: ['y:2020..20'] }));
    expect(parseQuery('is:re')).toEqual(q({ pending: ['is:re'] }));
    expect(parseQuery('is:')).toEqual(q({ pending: ['is:'] }));
    expect(parseQuery('ep:')).toEqual(q({ pending: ['ep:'] }));
    expect(parseQuery('t:""')).toEqual(q({ pending: ['t:""'] }));
  });

  it('searches a value that can never be valid as plain words, and says so', () => {
    expect(parseQuery('y:abc')).toEqual(q({ words: ['abc'], invalid: ['y:abc'] }));
    expect(parseQuery('y:20245')).toEqual(q({ words: ['20245'], invalid: ['y:20245'] }));
    expect(parseQuery('y:>>2020')).toEqual(q({ words: ['>>2020'], invalid: ['y:>>2020'] }));
    expect(parseQuery('is:done')).toEqual(q({ words: ['done'], invalid: ['is:done'] }));
    expect(parseQuery('is:"re"')).toEqual(q({ words: ['re'], invalid: ['is:"re"'] }));
  });

  it('treats unknown prefixes and addresses as free words', () => {
    expect(parseQuery('foo:bar https://arxiv.org/abs/2501.00663')).toEqual(
      q({ words: ['foo:bar', 'https://arxiv.org/abs/2501.00663'] }),
    );
    expect(parseQuery('at:home').words).toEqual(['at:home']);
    // An operator inside a word is not an operator.
    expect(parseQuery('best:2024').words).toEqual(['best:2024']);
  });

  it('keeps Norwegian letters and other scripts as typed', () => {
    expect(parseQuery('t:læring ep:søvn Ødegård "små modeller"')).toEqual(
      q({
        tags: ['læring'],
        episodeWords: ['søvn'],
        words: ['Ødegård'],
        phrases: ['små modeller'],
      }),
    );
    expect(parseQuery('注意力 機構').words).toEqual(['注意力', '機構']);
  });

  it('takes several is: as alternatives, each once', () => {
    expect(parseQuery('is:read is:reading is:read').readStates).toEqual(['read', 'reading']);
  });

  it('never throws on odd input', () => {
    for (const text of [
      ':',
      '::',
      't::',
      'y::2020',
      '"t:x',
      'ep:"',
      '\u0000',
      'y:٢٠٢٤',
      'is:ÆØÅ',
    ]) {
      expect(() => parseQuery(text)).not.toThrow();
    }
    expect(parseQuery('t::').tags).toEqual([':']);
  });
});

describe('year ranges and folding', () => {
  it('parses only four-digit years', () => {
    expect(parseYear('2024')).toEqual({ min: 2024, max: 2024 });
    expect(parseYear('24')).toBeNull();
    expect(parseYear('')).toBeNull();
  });

  it('keeps papers with no year out of every year filter', () => {
    expect(yearInRange(null, { min: null, max: null })).toBe(false);
    expect(yearInRange(2024, { min: 2024, max: null })).toBe(true);
    expect(yearInRange(2023, { min: 2024, max: null })).toBe(false);
    expect(yearInRange(2019, { min: null, max: 2019 })).toBe(true);
  });

  it('folds tags by case only and text by case and accents', () => {
    expect(foldTag(' Læring ')).toBe('læring');
    expect(foldTag('Læring')).not.toBe(foldTag('Laering'));
    expect(foldText('Ødegård Müller ÆRE')).toBe('ødegard muller ære');
  });
});
