import { describe, expect, it } from 'vitest';
import { visibleFirst } from '@/lib/content/order';

describe('reading order of a big list', () => {
  it('puts the blocks on screen first in page order, then the rest nearest first', () => {
    // A viewport of 900 px scrolled into the middle of eight 300 px blocks.
    const blocks = [-1200, -900, -600, -300, 0, 300, 600, 900].map((top) => ({
      top,
      bottom: top + 300,
    }));
    expect(visibleFirst(blocks, 900)).toEqual([4, 5, 6, 3, 7, 2, 1, 0]);
  });

  it('keeps page order among blocks at the same distance, and handles an empty list', () => {
    const blocks = [
      { top: 1000, bottom: 1100 },
      { top: -200, bottom: -100 },
      { top: 1000, bottom: 1200 },
    ];
    expect(visibleFirst(blocks, 900)).toEqual([0, 1, 2]);
    expect(visibleFirst([...blocks, { top: 899, bottom: 950 }], 900)).toEqual([3, 0, 1, 2]);
    expect(visibleFirst([], 900)).toEqual([]);
  });
});
