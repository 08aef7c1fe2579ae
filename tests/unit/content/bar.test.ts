/** The episode bar's pure decisions: open-all PDFs, the choose filter, cited episode states. */
import { describe, expect, it } from 'vitest';
import {
  arxivPdfUrls,
  citedEpisodeLink,
  citedEpisodeState,
  filterChoices,
  opensAfterAsking,
} from '@/lib/content/bar';

describe('arxivPdfUrls', () => {
  it('keeps arXiv PDFs that are http(s), in order, each once', () => {
    expect(
      arxivPdfUrls([
        { arxivId: '2501.00663', pdfUrl: 'https://arxiv.org/pdf/2501.00663v1' },
        { arxivId: null, pdfUrl: 'https://example.org/paper.pdf' },
        { arxivId: '2401.1', pdfUrl: 'javascript:alert(1)' },
        { arxivId: '2401.2', pdfUrl: null },
        { arxivId: '2501.00663', pdfUrl: 'https://arxiv.org/pdf/2501.00663v1' },
        { arxivId: '2402.00001', pdfUrl: 'http://arxiv.org/pdf/2402.00001' },
      ]),
    ).toEqual(['https://arxiv.org/pdf/2501.00663v1', 'http://arxiv.org/pdf/2402.00001']);
  });
  it('asks first above five tabs', () => {
    expect(opensAfterAsking(5)).toBe(false);
    expect(opensAfterAsking(6)).toBe(true);
  });
});

describe('filterChoices', () => {
  const labels = ['Titans: Learning to Memorize', 'Café Attention', 'Splitwise phase split'];
  it('matches every word, ignoring case and accents', () => {
    expect(filterChoices(labels, '')).toEqual([0, 1, 2]);
    expect(filterChoices(labels, 'cafe')).toEqual([1]);
    expect(filterChoices(labels, 'SPLIT phase')).toEqual([2]);
    expect(filterChoices(labels, 'split memorize')).toEqual([]);
  });
});

describe('cited episodes', () => {
  it('reads listen states', () => {
    expect(citedEpisodeState('heard')).toBe('heard');
    expect(citedEpisodeState('in_progress')).toBe('progress');
    expect(citedEpisodeState('unheard')).toBe('new');
    expect(citedEpisodeState(undefined)).toBe('new');
  });
  it('links http(s) only', () => {
    expect(citedEpisodeLink({ url: 'https://podcast.do-not-panic.com/episodes/a.mp3' })).toBe(
      'https://podcast.do-not-panic.com/episodes/a.mp3',
    );
    expect(citedEpisodeLink({ url: 'javascript:alert(1)' })).toBeNull();
    expect(citedEpisodeLink({ url: null })).toBeNull();
  });
});
