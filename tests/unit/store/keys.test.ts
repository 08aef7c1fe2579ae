import { describe, it, expect } from 'vitest';
import {
  episodeKey,
  episodeTitleKey,
  normaliseDoi,
  normaliseTitle,
  paperKey,
} from '@/lib/core/keys';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';

describe('normaliseTitle', () => {
  it('folds case, punctuation, whitespace and accents', () => {
    expect(normaliseTitle('  Attention Is   All You Need! ')).toBe('attention is all you need');
    expect(normaliseTitle('Titans: Learning to Memorize—at Test Time')).toBe(
      'titans learning to memorize at test time',
    );
    expect(normaliseTitle('Café\u00a0Über-Modelle')).toBe('cafe uber modelle');
    expect(normaliseTitle('ＦＵＬＬ width')).toBe('full width');
    expect(normaliseTitle('?!…')).toBe('');
  });
});

describe('normaliseDoi', () => {
  it('drops prefixes and lower-cases', () => {
    expect(normaliseDoi('10.1145/3600006.3613165')).toBe('10.1145/3600006.3613165');
    expect(normaliseDoi('https://doi.org/10.1038/NATURE14539')).toBe('10.1038/nature14539');
    expect(normaliseDoi('doi:10.1038/Nature14539')).toBe('10.1038/nature14539');
    expect(normaliseDoi('not a doi')).toBeNull();
  });
});

describe('paperKey', () => {
  it('keys arXiv papers by the id without version', () => {
    expect(paperKey({ arxivId: '2501.00663' })).toBe('arxiv:2501.00663');
    expect(paperKey({ arxivId: '2501.00663v3' })).toBe('arxiv:2501.00663');
    expect(paperKey({ arxivId: '1706.03762v7', title: 'Attention' })).toBe('arxiv:1706.03762');
  });

  it('keys old-style arXiv ids', () => {
    expect(paperKey({ arxivId: 'hep-th/9901001' })).toBe('arxiv:hep-th/9901001');
    expect(paperKey({ arxivId: 'math.GT/0309136v2' })).toBe('arxiv:math.GT/0309136');
    expect(paperKey({ url: 'https://arxiv.org/abs/cs/0112017v1' })).toBe('arxiv:cs/0112017');
  });

  it('reads the arXiv id from a link or an arXiv DOI', () => {
    expect(paperKey({ url: 'https://arxiv.org/pdf/2501.00663v2.pdf' })).toBe('arxiv:2501.00663');
    expect(paperKey({ doi: '10.48550/arXiv.2501.00663' })).toBe('arxiv:2501.00663');
  });

  it('prefers the arXiv id over a DOI, and a DOI over the title', () => {
    expect(paperKey({ arxivId: '2501.00663', doi: '10.1/x', title: 'T' })).toBe('arxiv:2501.00663');
    expect(paperKey({ doi: '10.1145/3600006.3613165', title: 'Efficient Memory' })).toBe(
      'doi:10.1145/3600006.3613165',
    );
  });

  it('keys DOIs in lower case, from the DOI or from a DOI link', () => {
    expect(paperKey({ doi: '10.1038/NATURE14539' })).toBe('doi:10.1038/nature14539');
    expect(paperKey({ url: 'https://doi.org/10.1038/nature14539' })).toBe(
      'doi:10.1038/nature14539',
    );
    expect(paperKey({ url: 'https://dl.acm.org/doi/10.1145/3600006.3613165' })).toBe(
      'doi:10.1145/3600006.3613165',
    );
  });

  it('falls back to the normalised title', () => {
    expect(paperKey({ title: 'Attention Is All You Need.' })).toBe(
      'title:attention is all you need',
    );
    expect(paperKey({ title: 'attention is all  you need', url: 'https://example.com/p' })).toBe(
      'title:attention is all you need',
    );
  });

  it('gives null when there is nothing to key by', () => {
    expect(paperKey({})).toBeNull();
    expect(paperKey({ title: '  —  ', url: 'https://example.com/' })).toBeNull();
    expect(paperKey({ arxivId: 'not-an-id' })).toBeNull();
  });
});

describe('episodeKey', () => {
  it('is the stem, from the stem, the mp3 link or the visualization link', () => {
    expect(episodeKey({ stem: STEM })).toBe(STEM);
    expect(episodeKey({ audioUrl: `https://podcast.do-not-panic.com/episodes/${STEM}.mp3` })).toBe(
      STEM,
    );
    expect(
      episodeKey({ visualizationUrl: `https://podcast.do-not-panic.com/viz/${STEM}.html` }),
    ).toBe(STEM);
  });

  it('prefers the stem to the title and lower-cases it', () => {
    expect(episodeKey({ stem: STEM.toUpperCase(), title: 'Titans' })).toBe(STEM);
  });

  it('falls back to show: plus the normalised title', () => {
    expect(episodeKey({ title: 'Titans: Learning to Memorize at Test Time' })).toBe(
      'show:titans learning to memorize at test time',
    );
    expect(episodeKey({ title: 'X', audioUrl: 'https://example.com/no-stem.mp3' })).toBe('show:x');
    expect(episodeTitleKey('…')).toBeNull();
    expect(episodeKey({})).toBeNull();
  });
});
