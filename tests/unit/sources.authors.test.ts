/**
 * Author lists: tails that stand for people not named (`and colleagues`, `et al.`, `m.fl.`, …)
 * are dropped, as `and others` always was, also when glued to the last name; real names stay.
 */
import { describe, expect, it } from 'vitest';
import { readAuthors } from '@/lib/sources/citation';
import { parseSources } from '@/lib/sources/parse';

describe('tails of unnamed people in author lists', () => {
  const cases: Array<[field: string, names: string[]]> = [
    ['Ce Zhang, and colleagues, 2023', ['Ce Zhang']],
    ['Tri Dao, Ce Zhang and colleagues', ['Tri Dao', 'Ce Zhang']],
    ['Ada Shannon, Hal Turing, and collaborators', ['Ada Shannon', 'Hal Turing']],
    ['Ada Shannon, and co-authors, 2024', ['Ada Shannon']],
    ['Ada Shannon and team', ['Ada Shannon']],
    ['Yu Sun, et al., 2024', ['Yu Sun']],
    ['Yu Sun et al.', ['Yu Sun']],
    ['Ada Shannon, and others', ['Ada Shannon']],
    ['Kari Nordmann m.fl.', ['Kari Nordmann']],
    ['Kari Nordmann, m.fl., 2022', ['Kari Nordmann']],
    ['Kari Nordmannm.fl., 2022', ['Kari Nordmann']],
    ['Ola Hansen, Kari Nordmann med flere', ['Ola Hansen', 'Kari Nordmann']],
  ];
  for (const [field, names] of cases) {
    it(`reads ${JSON.stringify(field)} as ${JSON.stringify(names)}`, () => {
      expect(readAuthors(field)).toEqual(names);
    });
  }

  it('keeps names that merely contain such a word', () => {
    expect(readAuthors('Jan Brothers, Tim Steamson, 2021')).toEqual([
      'Jan Brothers',
      'Tim Steamson',
    ]);
    expect(readAuthors('Ada Shannon, Hal Turing, 2025')).toEqual(['Ada Shannon', 'Hal Turing']);
  });

  it('drops the tail in a whole source list, with the year kept', () => {
    const { sources } = parseSources(
      'Sources: 1. Hydragen: High-Throughput LLM Inference with Shared Prefixes — Jordan Juravsky, Bradley Brown, Ce Zhang, and colleagues, 2024 https://arxiv.org/abs/2402.05099 2. Språkmodeller på norsk — Kari Nordmann m.fl., 2023 https://example.org/paper.pdf',
    );
    expect(sources.map((s) => [s.authors, s.year])).toEqual([
      [['Jordan Juravsky', 'Bradley Brown', 'Ce Zhang'], 2024],
      [['Kari Nordmann'], 2023],
    ]);
  });
});
