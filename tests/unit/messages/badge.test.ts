/** The badge update a content script sends: the background takes only a well-formed one. */
import { describe, expect, it } from 'vitest';
import { BADGE_MESSAGE, isBadgeMessage } from '@/lib/badge';

describe('isBadgeMessage', () => {
  it('takes whole counts, saved never above sources', () => {
    expect(isBadgeMessage({ type: BADGE_MESSAGE, sources: 46, saved: 2 })).toBe(true);
    expect(isBadgeMessage({ type: BADGE_MESSAGE, sources: 0, saved: 0 })).toBe(true);
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      null,
      [],
      'citecast:badge',
      { type: 'other', sources: 1, saved: 0 },
      { type: BADGE_MESSAGE, sources: 1, saved: 2 },
      { type: BADGE_MESSAGE, sources: 1.5, saved: 0 },
      { type: BADGE_MESSAGE, sources: -1, saved: 0 },
      { type: BADGE_MESSAGE, sources: 2_000_000, saved: 0 },
      { type: BADGE_MESSAGE, sources: Number.NaN, saved: 0 },
      { type: BADGE_MESSAGE, sources: '3', saved: 0 },
      { type: BADGE_MESSAGE, sources: 3 },
      { type: BADGE_MESSAGE, sources: 3, saved: 0, extra: true },
    ];
    for (const value of bad) expect(isBadgeMessage(value), JSON.stringify(value)).toBe(false);
  });
});
