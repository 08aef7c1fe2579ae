/** The pages' strings: both tables complete, Norwegian in every spelling, the setting wins. */
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES, pickLocale, translator, type PageKey } from '@/lib/i18n/pages';
import { fill, formatNumber } from '@/lib/i18n/translate';

describe('page message tables', () => {
  it('have the same keys, none empty', () => {
    expect(Object.keys(PAGE_MESSAGES.nb).sort()).toEqual(Object.keys(PAGE_MESSAGES.en).sort());
    for (const table of Object.values(PAGE_MESSAGES))
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(PAGE_MESSAGES.en) as PageKey[])
      expect(names(PAGE_MESSAGES.nb[key]), key).toEqual(names(PAGE_MESSAGES.en[key]));
  });
  it('have both plural forms for every counted string', () => {
    for (const key of Object.keys(PAGE_MESSAGES.en)) {
      if (key.endsWith('.one'))
        expect(PAGE_MESSAGES.en).toHaveProperty(key.replace(/one$/, 'other'));
    }
  });
});

describe('pickLocale', () => {
  it('gives Bokmål to Chromium’s and Firefox’s names for Norwegian', () => {
    for (const tag of ['nb', 'nb-NO', 'no', 'no-NO', 'nn', 'nn-NO', 'NB_no'])
      expect(pickLocale('auto', [tag]), tag).toBe('nb');
  });
  it('takes the first language Citecast speaks, English when none', () => {
    expect(pickLocale('auto', ['de-DE', 'nb-NO', 'en'])).toBe('nb');
    expect(pickLocale('auto', ['en-US', 'nb'])).toBe('en');
    expect(pickLocale('auto', ['sv', 'de'])).toBe('en');
    expect(pickLocale('auto', [])).toBe('en');
  });
  it('follows the setting over the browser', () => {
    expect(pickLocale('en', ['nb-NO'])).toBe('en');
    expect(pickLocale('nb', ['en-US'])).toBe('nb');
  });
});

describe('translator', () => {
  it('fills placeholders and counts in either language', () => {
    const en = translator('en');
    const nb = translator('nb');
    expect(en.count('count.papers', 1)).toBe('1 paper');
    expect(en.count('count.papers', 10_000)).toBe('10,000 papers');
    expect(nb.count('count.papers', 2)).toBe('2 artikler');
    expect(nb.count('count.papers', 10_000)).toMatch(/^10\s000 artikler$/);
    expect(en.t('count.citedIn', { episodes: en.count('count.episodes', 3), heard: 2 })).toBe(
      'cited in 3 episodes (2 heard)',
    );
    expect(nb.t('status.ready', { version: '1.2.3' })).toBe('Klar · v1.2.3');
    expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('formatNumber', () => {
  it('writes every number as Intl does in both languages, small whole numbers without Intl', () => {
    const values = [
      0,
      -0,
      1,
      7,
      42,
      999,
      999.5,
      999.9999,
      1000,
      12_345,
      10_000,
      -1,
      -999,
      0.25,
      3.75,
      1e21,
      NaN,
      Infinity,
      -Infinity,
    ];
    for (const intl of ['en-GB', 'nb-NO'])
      for (const digits of [0, 1])
        for (const n of values)
          expect(formatNumber(n, intl, digits), `${intl} ${digits} ${n}`).toBe(
            new Intl.NumberFormat(intl, { maximumFractionDigits: digits }).format(n),
          );
  });
});
