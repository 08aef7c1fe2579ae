/**
 * `parseArxivUrlFast` reads the arXiv links the show writes by hand, for speed. Whenever it
 * answers, the answer must be the regex reader's (`parseArxivUrl`); anything else it leaves to
 * that reader. Checked on hand-written links and on generated ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseArxivUrl } from '@/lib/core/ids';
import { parseArxivUrlFast } from '@/lib/links/arxiv';

/** The fast reader on a whole URL, as `classifyFoundUrl` calls it. */
function fast(url: string) {
  const at = url.indexOf('arxiv.org/');
  return at === -1 ? null : parseArxivUrlFast(url, at + 10);
}

describe('parseArxivUrlFast', () => {
  it.each([
    ['https://arxiv.org/abs/2501.00663', { id: '2501.00663', version: null }],
    ['http://arxiv.org/abs/2501.00663v2', { id: '2501.00663', version: 2 }],
    ['https://arxiv.org/pdf/2501.00663v1.pdf', { id: '2501.00663', version: 1 }],
    ['https://arxiv.org/pdf/1706.0376', { id: '1706.0376', version: null }],
    ['https://arxiv.org/html/2501.00663v3/', { id: '2501.00663', version: 3 }],
  ])('reads %s', (url, ref) => {
    expect(fast(url)).toEqual(ref);
    expect(parseArxivUrl(url)).toEqual(ref);
  });

  it.each([
    'https://arxiv.org/abs/hep-th/9901001',
    'https://arxiv.org/abs/2501.00663?context=cs',
    'https://arxiv.org/abs/2501.006631',
    'https://arxiv.org/format/2501.00663',
    'https://arxiv.org/abs/2501.00663v',
    'https://arxiv.org/abs/2501.00663.PDF',
  ])('leaves %s to the regex reader', (url) => {
    expect(fast(url)).toBeNull();
  });

  it('agrees with parseArxivUrl on generated links', () => {
    const oneIn = (plain: fc.Arbitrary<string>, odd: fc.Arbitrary<string>) =>
      fc.oneof({ arbitrary: plain, weight: 5 }, { arbitrary: odd, weight: 1 });
    const digits = (min: number, max: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
        .map((d) => d.join(''));
    const url = fc.tuple(
      fc.constantFrom('https://', 'http://'),
      oneIn(
        fc.constantFrom('abs/', 'pdf/', 'html/'),
        fc.constantFrom('ps/', 'format/', 'abs', 'list/'),
      ),
      oneIn(digits(4, 4), digits(2, 6)),
      oneIn(fc.constant('.'), fc.constantFrom('', '/', 'v')),
      oneIn(digits(4, 5), digits(0, 7)),
      oneIn(fc.constantFrom('', 'v1', 'v12'), fc.constantFrom('v', 'v1234567', 'V2', 'v0')),
      oneIn(
        fc.constantFrom('', '.pdf', '/'),
        fc.constantFrom('.pdf/', '.PDF', '?x=1', '#a', '//', '.pdfx'),
      ),
    );
    let read = 0;
    fc.assert(
      fc.property(url, (parts) => {
        const [scheme, ...rest] = parts;
        const link = `${scheme}arxiv.org/${rest.join('')}`;
        const answer = fast(link);
        if (answer !== null) {
          read++;
          expect(answer).toEqual(parseArxivUrl(link));
        }
      }),
      { numRuns: 20_000 },
    );
    expect(read).toBeGreaterThan(2_000);
  });
});
