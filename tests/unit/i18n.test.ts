/** The in-page strings: both tables complete, the browser language picks the table, plurals. */
import { afterEach, describe, expect, it } from 'vitest';
import { countsLabel, sourceTooltip } from '@/lib/content/controls';
import { format, MESSAGES, plural, setUiLocale, t } from '@/lib/i18n/index';
import { localeFor } from '@/lib/i18n/translate';

afterEach(() => setUiLocale(undefined));

describe('message tables', () => {
  it('have the same keys, none empty', () => {
    const en = Object.keys(MESSAGES.en).sort();
    const nb = Object.keys(MESSAGES.nb).sort();
    expect(nb).toEqual(en);
    for (const table of Object.values(MESSAGES))
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
  });
  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[])
      expect(names(MESSAGES.nb[key]), key).toEqual(names(MESSAGES.en[key]));
  });
});

describe('localeFor', () => {
  it('gives Bokmål to nb, nn and no, English to the rest', () => {
    for (const tag of ['nb', 'nb-NO', 'nn-NO', 'no', 'NO_no']) expect(localeFor(tag)).toBe('nb');
    for (const tag of ['en-US', 'de', 'sv-SE', '', undefined, null])
      expect(localeFor(tag)).toBe('en');
  });
});

describe('plural and format', () => {
  it('has one and other forms', () => {
    expect(plural('sources', 1, 'en')).toBe('1 source');
    expect(plural('sources', 0, 'en')).toBe('0 sources');
    expect(plural('sources', 22, 'en')).toBe('22 sources');
    expect(plural('sources', 1, 'nb')).toBe('1 kilde');
    expect(plural('sources', 2, 'nb')).toBe('2 kilder');
    expect(format('{a} {b} {c}', { a: 1, b: 'x' })).toBe('1 x {c}');
  });
  it('drive the controls in either language', () => {
    setUiLocale('en');
    expect(countsLabel(1, 0)).toBe('1 source · 0 saved');
    expect(countsLabel(22, 3)).toBe('22 sources · 3 saved');
    expect(sourceTooltip({ title: null, authors: [], year: null })).toBe(
      'Citecast: Untitled source',
    );
    setUiLocale('nb');
    expect(countsLabel(1, 1)).toBe('1 kilde · 1 lagret');
    expect(countsLabel(5, 2)).toBe('5 kilder · 2 lagret');
    expect(t('save')).toBe('Lagre');
    expect(sourceTooltip({ title: 'T', authors: ['A', 'B', 'C', 'D'], year: 2024 })).toBe(
      'Citecast: T · A, B, C mfl. · 2024',
    );
  });
});
