/**
 * Text handling is linear: a megabyte of `<` without `>` (a note in an import, a feed's
 * description) costs at most three times a megabyte of plain text, in the same run, and the feed
 * reader's time grows with the length, not its square. The figure
 * is a ratio of medians, not a wall-clock limit: a slow or busy machine slows both sides.
 */
import { describe, expect, it } from 'vitest';
import { readFeedText } from '@/lib/catalog/feed';
import { htmlToText } from '@/lib/html-text';

const MB = 1024 * 1024;
const NOW = new Date('2026-06-01T12:00:00Z');

/** The median time of `runs` calls of `fn`, in ms. */
function medianMs(fn: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** How many times slower `hostile` is than `plain`; both warmed once first. */
function ratio(plain: () => unknown, hostile: () => unknown): number {
  plain();
  hostile();
  // A floor of 1 ms on the plain side keeps a near-zero baseline from making noise a failure.
  return medianMs(hostile) / Math.max(1, medianMs(plain));
}

/** A feed with one item whose description holds `text`. */
function feed(description: string): string {
  return `<rss version="2.0"><channel><item><title>T</title><description>${description}</description></item></channel></rss>`;
}

describe('linear text handling', () => {
  it('htmlToText: 1 MB of "<" costs at most 3x 1 MB of plain text', () => {
    const plain = 'a'.repeat(MB);
    const hostile = '<'.repeat(MB);
    expect(htmlToText(hostile)).toBe(hostile);
    expect(
      ratio(
        () => htmlToText(plain),
        () => htmlToText(hostile),
      ),
    ).toBeLessThanOrEqual(3);
    expect(
      ratio(
        () => htmlToText(plain, { keepLinks: true }),
        () => htmlToText(hostile, { keepLinks: true }),
      ),
    ).toBeLessThanOrEqual(3);
  });

  it('the feed reader: twice as much "<", "<!--", "<item>", "<![CDATA[" or "<a " costs at most 3x', () => {
    // The feed reader searches for markers that start with `<`, which is slower on a text of
    // `<` than on plain text by a constant factor; what must not happen is growth with the
    // square of the length (twice the text, four times the time).
    for (const piece of ['<', '<!--', '<item>', '<![CDATA[', '<a ']) {
      const text = (bytes: number) => feed(piece.repeat(Math.floor(bytes / piece.length)));
      const one = text(MB);
      const two = text(2 * MB);
      expect(
        ratio(
          () => readFeedText(one, NOW),
          () => readFeedText(two, NOW),
        ),
        piece,
      ).toBeLessThanOrEqual(3);
    }
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
