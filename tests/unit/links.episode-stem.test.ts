/**
 * `parseEpisodeStem` checks stems character by character for speed. This compares it with the
 * plain regex reading of the same rule (`YYYY-MM-DD-{slug}-{6 hex}`, a slug of letters and
 * digits in runs joined by single hyphens; slug and hash lower-cased) on generated names made
 * of the characters that matter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseEpisodeStem } from '@/lib/core/ids';

/** The rule as regexes: the oracle. */
function byRegex(stem: string) {
  const m = /^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{6})$/i.exec(stem);
  return m ? { stem, date: m[1], slug: m[2].toLowerCase(), hash: m[3].toLowerCase() } : null;
}

describe('parseEpisodeStem', () => {
  it("reads the show's stems", () => {
    expect(parseEpisodeStem('2026-05-20-titans-learning-to-memorize-054662')).toEqual({
      stem: '2026-05-20-titans-learning-to-memorize-054662',
      date: '2026-05-20',
      slug: 'titans-learning-to-memorize',
      hash: '054662',
    });
    expect(parseEpisodeStem('2026-05-20-Mixed-Case-0A4B6C')?.slug).toBe('mixed-case');
    expect(parseEpisodeStem('2026-05-20--double-054662')).toBeNull();
    expect(parseEpisodeStem('2026-05-20-trailing--054662')).toBeNull();
    expect(parseEpisodeStem('2026-05-2x-slug-054662')).toBeNull();
    expect(parseEpisodeStem('2026-05-20-slug-05466g')).toBeNull();
  });

  it('agrees with the regex reading on generated names', () => {
    const oneIn = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: plain, weight: 6 }, { arbitrary: odd, weight: 1 });
    const slugChar = oneIn(fc.constantFrom(...'abz09-'), fc.constantFrom(...'AZ_.é -'));
    const hexChar = oneIn(fc.constantFrom(...'09af'), fc.constantFrom(...'AFgG-'));
    const stem = fc.tuple(
      oneIn(
        fc.constant('2026-05-20-'),
        fc.constantFrom('2026-05-2x-', '2026-0520-', '2026-05-20', ''),
      ),
      fc.array(slugChar, { maxLength: 12 }).map((c) => c.join('')),
      oneIn(fc.constant('-'), fc.constantFrom('', '--')),
      oneIn(
        fc.array(hexChar, { minLength: 6, maxLength: 6 }),
        fc.array(hexChar, { minLength: 5, maxLength: 7 }),
      ).map((c) => c.join('')),
    );
    let read = 0;
    fc.assert(
      fc.property(stem, ([date, slug, dash, hash]) => {
        const name = `${date}${slug}${dash}${hash}`;
        const parsed = parseEpisodeStem(name);
        expect(parsed).toEqual(byRegex(name));
        if (parsed) read++;
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(500);
  });
});
