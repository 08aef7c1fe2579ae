import { describe, expect, it } from 'vitest';
import { sourceMarkdownLink } from '@/lib/export/reading-list';

const base = {
  title: 'Titans: Learning to Memorize at Test Time',
  authors: ['Ali Behrouz', 'Peilin Zhong'],
  year: 2025,
  url: 'http://arxiv.org/abs/2501.00663v2',
  pdfUrl: 'https://arxiv.org/pdf/2501.00663v2',
  arxivId: '2501.00663',
};

describe('one source as a Markdown link', () => {
  it('links an arXiv paper to its abstract page, with authors and year', () => {
    expect(sourceMarkdownLink(base)).toBe(
      '[Titans: Learning to Memorize at Test Time](https://arxiv.org/abs/2501.00663) — Ali Behrouz, Peilin Zhong, 2025',
    );
  });

  it('links any other paper to its PDF, else its cited address; escapes the title', () => {
    const scholar = 'https://scholar.google.com/scholar?q=A+[b]+(c)';
    expect(
      sourceMarkdownLink({ ...base, arxivId: null, pdfUrl: null, url: scholar, authors: [] }),
    ).toBe(
      '[Titans: Learning to Memorize at Test Time](https://scholar.google.com/scholar?q=A+[b]+%28c%29) — 2025',
    );
    expect(
      sourceMarkdownLink({ ...base, arxivId: null, title: 'A *bold* [claim]', year: null }),
    ).toBe(
      '[A \\*bold\\* \\[claim\\]](https://arxiv.org/pdf/2501.00663v2) — Ali Behrouz, Peilin Zhong',
    );
  });

  it('never links an address that is not http(s)', () => {
    expect(
      sourceMarkdownLink({
        ...base,
        arxivId: null,
        pdfUrl: null,
        url: 'javascript:alert(1)',
        authors: [],
        year: null,
      }),
    ).toBe('Titans: Learning to Memorize at Test Time');
  });
});
