/**
 * `readShowCitationAt` reads the show's usual citation in place, as a shortcut for speed
 * (issue 2). It must never change an answer: whenever it returns a citation, that citation is
 * exactly what `readCommonCitation` (the slicing reader it stands in for) gives for the same
 * text. Checked on hand-written cases and on generated citations built from the characters
 * that matter (dashes, commas, `&`, dots, digits, spaces of every kind, quotes, `et al`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCommonCitation } from '../../lib/sources/citation';
import { readShowCitationAt } from '../../lib/sources/citation-fast';

/** Reads `citation` placed inside a longer text, as the parser does, by index. */
function readInPlace(citation: string): ReturnType<typeof readShowCitationAt> {
  const before = 'Sources: 1. ';
  const text = `${before}${citation} https://arxiv.org/abs/2501.00663`;
  return readShowCitationAt(text, before.length, before.length + citation.length);
}

/** Mostly `plain` (nine times in ten), else one of `odd`. */
function mostly(plain: string, odd: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(plain), weight: 9 },
    { arbitrary: fc.constantFrom(...odd), weight: 1 },
  );
}

describe('readShowCitationAt', () => {
  it.each([
    [
      'Nested Learning — Ali Behrouz, Meisam Razaviyayn, 2025',
      { title: 'Nested Learning', authors: ['Ali Behrouz', 'Meisam Razaviyayn'], year: 2025 },
    ],
    [
      'AI Post Transformers: Deep Kernel Fusion — Hal Turing & Dr. Ada Shannon, 2026',
      {
        title: 'AI Post Transformers: Deep Kernel Fusion',
        authors: ['Hal Turing', 'Dr. Ada Shannon'],
        year: 2026,
      },
    ],
    [
      'Mind the Gap — Pol G. Recasens et al., 2025',
      { title: 'Mind the Gap', authors: ['Pol G. Recasens'], year: 2025 },
    ],
    ['DFX — Seongmin Hong, et al., 2022', { title: 'DFX', authors: ['Seongmin Hong'], year: 2022 }],
    [
      '“Quoted Title” — Łukasz Kaiser, 2017',
      { title: 'Quoted Title', authors: ['Łukasz Kaiser'], year: 2017 },
    ],
    [
      'Two  Spaces — Ada Lovelace, 1843',
      { title: 'Two Spaces', authors: ['Ada Lovelace'], year: 1843 },
    ],
  ])('reads %j', (citation, expected) => {
    expect(readInPlace(citation)).toEqual(expected);
    expect(readCommonCitation(citation)).toEqual(expected);
  });

  it.each([
    'Title — Ada Lovelace (Analytical Engine), 1843',
    'Title — Ada Lovelace and Charles Babbage, 1843',
    'Title — Ada Lovelace and others, 1843',
    'Title — Unknown, 2024',
    'Title — approximate, 2024',
    'Title — Approx Someone, 2024',
    'Title — Ada Lovelace,Charles Babbage, 1843',
    'Title — de la Cruz, 2024',
    'Title — Ada Lovelace, 2024 — arXiv 2501.00663',
    'Title - Ada Lovelace, 2024',
    'Title — Ada Lovelace, ?',
    'Title — Ada Lovelace, 2019/2020',
    'Title — Ada  Lovelace, 2024',
    'Title — Ada Lovelace &Charles Babbage, 2024',
  ])('leaves %j to the careful reader', (citation) => {
    expect(readInPlace(citation)).toBeNull();
  });

  it('agrees with readCommonCitation on generated citations', () => {
    // Citations close to the plain form, with the odd characters mixed in, so that both
    // readers often accept them and the comparison says something.
    const titleWord = fc.constantFrom(
      'Nested',
      'Learning:',
      'A',
      'Study',
      '“Quoted”',
      '"Q"',
      "'s'",
      'v2.0',
      'Llama 2.',
      '—',
      '–',
      ' - ',
      ',',
      ';',
      '(x)',
    );
    const titleGap = mostly(' ', ['  ', '\t', '\u00a0', '\n']);
    const namePart = fc.constantFrom(
      'Ada',
      'Lovelace',
      'Dr.',
      'J.',
      'Jean-Paul',
      'Łukasz',
      'Xu',
      'van',
      'de',
      'Unknown',
      'Approx',
      'Ketal',
      'Brothers',
      'O’Neil',
      'Al',
      'Li',
    );
    const nameGap = mostly(' ', ['  ', '\u2009', '-', '--', '.', '..']);
    const separator = mostly(', ', [
      ' & ',
      ',',
      ' ,',
      ' and ',
      ', and ',
      '&',
      ' &',
      '; ',
      ' et al, ',
      ', ,  ',
      ' · ',
      ' — ',
      ' – ',
    ]);
    const ending = mostly(', 2025', [
      ', 1850',
      ' et al., 2024',
      ', et al., 2023',
      ', ?',
      ' 2025',
      ', 2019/2020',
      '',
      ', 12345',
      ',2025',
      ', 2025 ',
    ]);
    const name = fc
      .array(namePart, { minLength: 1, maxLength: 3 })
      .chain((parts) =>
        fc
          .array(nameGap, { minLength: parts.length - 1, maxLength: parts.length - 1 })
          .map((gaps) => parts.map((p, i) => (i === 0 ? p : `${gaps[i - 1]}${p}`)).join('')),
      );
    const authors = fc
      .array(fc.tuple(name, separator), { minLength: 1, maxLength: 6 })
      .map((pairs) =>
        pairs.map(([n, sep], i) => (i === pairs.length - 1 ? n : `${n}${sep}`)).join(''),
      );
    const title = fc
      .array(fc.tuple(titleWord, titleGap), { minLength: 1, maxLength: 6 })
      .map((pairs) => pairs.map(([w, g]) => `${w}${g}`).join(''));
    const dash = mostly(' — ', [' —  ', '  — ', ' –  ', '—']);
    let compared = 0;
    fc.assert(
      fc.property(title, dash, authors, ending, (t, d, a, e) => {
        const citation = `${t}${d}${a}${e}`.trim();
        const fast = readInPlace(citation);
        if (fast !== null) {
          compared++;
          expect(fast).toEqual(readCommonCitation(citation));
        } else if (readCommonCitation(citation) !== null) {
          // Declining is always allowed (the careful reader then answers), but count it.
        }
      }),
      { numRuns: 20_000 },
    );
    // The generator must reach the fast reader often, or this test would prove nothing (about
    // 2,000 of the 20,000 runs do; half of that leaves room for the random seed).
    expect(compared).toBeGreaterThan(1_000);
  });

  it('reads most generated plain citations itself, so the comparison is not empty', () => {
    const name = fc.constantFrom(
      'Ada Lovelace',
      'Jean-Paul Sartre',
      'Łukasz Kaiser',
      'Dr. Ada Shannon',
      'J. Doe',
    );
    let read = 0;
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1800, max: 2099 }),
        (names, year) => {
          const citation = `Some Title: A Study — ${names.join(', ')}, ${year}`;
          const fast = readInPlace(citation);
          expect(fast).toEqual(readCommonCitation(citation));
          if (fast !== null) read++;
        },
      ),
      { numRuns: 500 },
    );
    expect(read).toBe(500);
  });
});
