/**
 * A library file citation-js reads only part of is refused, never imported in part: BibTeX
 * and CSL-JSON alike, with the counts, in both languages. citation-js is made to drop an entry
 * here (it does so on entries it cannot map), and to fail without a message, since no small
 * real file makes it do either.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseLibrary } from '../../../lib/export/library-parse';
import { errorText, problem } from '../../../lib/i18n/errors';

vi.mock('../../../lib/export/citation-js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/export/citation-js')>();
  return {
    ...real,
    // Every list but its last entry, as citation-js gives when it cannot map one.
    parseToCsl: (input: unknown, type: string) => real.parseToCsl(input, type).slice(0, -1),
    // A failure without a message, for the refusal that has no detail to give.
    parseStep: (input: unknown, type: string) => {
      if (typeof input === 'string' && input.includes('silent-failure')) throw new Error('');
      if (typeof input === 'string' && input.includes('frame-failure'))
        throw new Error('at parse (citation.js:1:2)\nat read (citation.js:3:4)');
      return real.parseStep(input, type);
    },
  };
});

describe('a library file read only in part', () => {
  it.each([
    ['BibTeX', '@misc{a, title = {One}, year = {2020}}\n@misc{b, title = {Two}, year = {2021}}\n'],
    ['CSL-JSON', '[{"id": "a", "title": "One"}, {"id": "b", "title": "Two"}]'],
  ])('%s is refused with its counts', (format, text) => {
    const result = parseLibrary(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({
      key: 'library.partlyRead',
      params: { format, read: 1, total: 2 },
    });
    const error = problem('invalid', 'library.refused', undefined, result.problem);
    expect(errorText(error, 'en')).toBe(
      `The library was refused: only 1 of the entries of the ${format} file could be read (2 in all). Nothing changed.`,
    );
    expect(errorText(error, 'nb')).toBe(
      `Biblioteket ble avvist: bare 1 av oppføringene i ${format}-filen kunne leses (2 i alt). Ingenting ble endret.`,
    );
  });
});

describe('a library file citation-js fails on without a message, or with only a stack frame', () => {
  it.each(['silent-failure', 'frame-failure'])('%s is refused without empty brackets', (id) => {
    const result = parseLibrary(`@misc{${id}, title = {One}}\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({ key: 'library.unreadableBare', params: { format: 'BibTeX' } });
    expect(result.reason).toBe('the BibTeX file cannot be read');
  });
});
