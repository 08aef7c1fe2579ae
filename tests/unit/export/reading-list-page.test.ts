/** The reading list built from a page's sources (no store): links http(s) only, marks, escaping. */
import { describe, expect, it } from 'vitest';
import { readingListMarkdown } from '@/lib/export/reading-list';

describe('readingListMarkdown', () => {
  it('lists the sources with links, bylines and saved marks', () => {
    const text = readingListMarkdown(
      {
        key: 'ep',
        title: 'An *episode*',
        published: '2026-05-20',
        pages: ['javascript:alert(1)', 'https://example.com/ep'],
      },
      [
        {
          title: 'Titans',
          url: 'https://arxiv.org/abs/2501.00663',
          pdfUrl: 'https://arxiv.org/pdf/2501.00663',
          authors: ['Ali Behrouz'],
          year: 2024,
        },
        { title: '<b>x</b>', url: 'data:text/html,hi', pdfUrl: null, authors: [], year: null },
      ],
      [{ savedAt: 1, readState: 'unread' }, undefined],
    );
    expect(text).toBe(
      [
        '# An \\*episode\\*',
        '',
        '2026-05-20 · [Episode page](https://example.com/ep)',
        '',
        '## Sources',
        '',
        '- [Titans](https://arxiv.org/pdf/2501.00663) — Ali Behrouz, 2024 · saved',
        '- \\<b\\>x\\</b\\>',
        '',
      ].join('\n'),
    );
  });
});
