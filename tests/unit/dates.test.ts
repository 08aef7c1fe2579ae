/** Dates and durations as the hosts write them, in Podimo's languages. */
import { describe, expect, it } from 'vitest';
import { parseDuration, parseHumanDate, readDateLine } from '@/lib/dates/index';

const NOW = new Date('2026-05-28T12:00:00Z');

describe('parseHumanDate', () => {
  it.each([
    ['22. mai 2026', '2026-05-22'], // Norwegian
    ['3. maj 2026', '2026-05-03'], // Danish
    ['22 mei 2026', '2026-05-22'], // Dutch
    ['22. März 2026', '2026-03-22'], // German
    ['22 de mayo de 2026', '2026-05-22'], // Spanish
    ['May 20, 2026', '2026-05-20'], // the show's own site
    ['MAY 21, 2026', '2026-05-21'], // Apple
    ['21 May 2026', '2026-05-21'],
    ['Wed, 20 May 2026 00:00:00 +0000', '2026-05-20'], // RSS
    ['2026-05-20', '2026-05-20'],
    ['1 h 0 min · 22. mai 2026', '2026-05-22'],
    ['27. mai 20261 h 0 min', '2026-05-27'], // date glued to the duration
    ['I går', '2026-05-27'],
    ['I dag', '2026-05-28'],
    ['i går', '2026-05-27'],
    ['yesterday', '2026-05-27'],
    ['gestern', '2026-05-27'],
    ['gisteren', '2026-05-27'],
    ['ayer', '2026-05-27'],
    ['hoy', '2026-05-28'],
    ['3 dager siden', '2026-05-25'],
    ['vor 2 Tagen', '2026-05-26'],
    ['hace 2 días', '2026-05-26'],
    ['12. des.', '2025-12-12'], // no year, and December is ahead of now: last year
    ['5. mai', '2026-05-05'],
  ])('%s → %s', (text, day) => {
    expect(parseHumanDate(text, NOW)).toBe(day);
  });

  it.each(['', 'no date here', '31. februar 2026', 'Sources: 1. Paper 2025'])(
    '%s → null',
    (text) => {
      expect(parseHumanDate(text, NOW)).toBeNull();
    },
  );
});

describe('parseDuration', () => {
  it.each([
    ['1 h 0 min', 3600],
    ['45 min', 2700],
    ['1 t 5 min', 3900],
    ['1 Std. 5 Min.', 3900],
    ['1 u 5 min', 3900],
    ['58 min 12 s', 3492],
    ['1:02:03', 3723],
    ['12:34', 754],
  ])('%s → %i s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('is null without a duration', () => {
    expect(parseDuration('22. mai 2026')).toBeNull();
  });
});

describe('readDateLine', () => {
  it('reads a date line and rejects a sentence that holds a date', () => {
    expect(readDateLine('27. mai 20261 h 0 min', NOW)).toEqual({
      published: '2026-05-27',
      duration: 3600,
    });
    expect(readDateLine('I går · 58 min', NOW)).toEqual({
      published: '2026-05-27',
      duration: 3480,
    });
    expect(readDateLine('The paper came out on 22. mai 2026 at last', NOW)).toBeNull();
  });
});
