/**
 * Text handling is linear: text of `<` without `>` (a note in an import, a feed's description)
 * costs about as much as plain text of the same length, and twice the text costs twice as much,
 * never four times. Cost is counted, not timed: the characters the code's searches pass over
 * (`indexOf` from where it starts to where it stops, each regular expression match from where it
 * starts to where it ends, or to the end of the text when it finds nothing). A scan from every
 * `<` to the end of the text, the quadratic pattern, counts about half the length per `<`.
 */
import { describe, expect, it } from 'vitest';
import { readFeedText } from '@/lib/catalog/feed';
import { htmlToText } from '@/lib/html-text';

const KB = 1024;
const NOW = new Date('2026-06-01T12:00:00Z');

/**
 * The characters the searches of `fn` pass over (see above): `String.prototype.indexOf` and
 * `RegExp.prototype.exec` (which `replace`, `test` and `match` call too) are counted while it runs.
 */
function scanned(fn: () => unknown): number {
  let count = 0;
  const indexOf = String.prototype.indexOf;
  const exec = RegExp.prototype.exec;
  String.prototype.indexOf = function (this: string, search: string, position?: number) {
    const from = Math.max(0, Math.min(this.length, position ?? 0));
    const at = indexOf.call(this, search, from);
    count += (at === -1 ? this.length : at + search.length) - from;
    return at;
  };
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    count += (match ? match.index + match[0].length : text.length) - from;
    return match;
  };
  try {
    fn();
  } finally {
    String.prototype.indexOf = indexOf;
    RegExp.prototype.exec = exec;
  }
  return count;
}

/**
 * Characters passed over per character of `text(n)`, at `n` and `2n`: both bounded by a small
 * constant, and no more at `2n` than at `n` (a quadratic scan doubles it).
 */
function expectLinear(read: (text: string) => unknown, text: (n: number) => string, what: string) {
  const n = 64 * KB;
  const one = text(n);
  const two = text(2 * n);
  const perChar = (t: string) => scanned(() => read(t)) / t.length;
  const [small, large] = [perChar(one), perChar(two)];
  expect(small, `${what}: per character at ${one.length}`).toBeLessThanOrEqual(16);
  expect(large, `${what}: per character at ${two.length}`).toBeLessThanOrEqual(small * 1.05);
}

/** A feed with one item whose description holds `text`. */
function feed(description: string): string {
  return `<rss version="2.0"><channel><item><title>T</title><description>${description}</description></item></channel></rss>`;
}

describe('linear text handling', () => {
  it('the counter sees a scan from every "<" to the end', () => {
    // The quadratic pattern, written out: what the tests below must tell from a linear reader.
    const quadratic = (text: string) => {
      for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1))
        text.indexOf('>', at);
    };
    const text = '<'.repeat(4 * KB);
    expect(scanned(() => quadratic(text)) / text.length).toBeGreaterThan(KB);
    expect(scanned(() => /<[^>]*>/.exec(text))).toBe(text.length);
  });

  it('htmlToText: "<" without ">" costs as plain text does, and grows with the length', () => {
    expect(htmlToText('<'.repeat(KB))).toBe('<'.repeat(KB));
    for (const keepLinks of [false, true]) {
      const read = (text: string) => htmlToText(text, { keepLinks });
      for (const piece of ['a', '<', '<a ', '</a', '<br', '&lt;<'])
        expectLinear(
          read,
          (n) => piece.repeat(n / piece.length),
          `${piece} keepLinks=${keepLinks}`,
        );
      const plain = scanned(() => read('a'.repeat(256 * KB)));
      const hostile = scanned(() => read('<'.repeat(256 * KB)));
      expect(hostile).toBeLessThanOrEqual(3 * plain);
    }
  });

  it('the feed reader: "<", "<!--", "<item>", "<![CDATA[" or "<a " grow with the length', () => {
    for (const piece of ['<', '<!--', '<item>', '<![CDATA[', '<a ', 'a'])
      expectLinear(
        (xml) => readFeedText(xml, NOW),
        (n) => feed(piece.repeat(Math.floor(n / piece.length))),
        piece,
      );
  });

  it('still drops tags and keeps links as before', () => {
    expect(htmlToText('a<b>b</b><>c<x y="1">d')).toBe('ab<>cd');
    expect(htmlToText('<p>x <a href="u">l</a></p><i>y', { keepLinks: true })).toBe(
      'x <a href="u">l</a>\ny',
    );
    expect(htmlToText('x < y > z')).toBe('x  z');
    expect(htmlToText('<<a href="u">', { keepLinks: true })).toBe('');
  });
});
