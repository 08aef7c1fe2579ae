/** The page's arXiv decisions: which sources are looked up, what each status shows, the resolved copy. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  isTitleOnly,
  percent,
  resolvedSource,
  statusView,
  summaryCounts,
} from '@/lib/content/arxiv-view';
import { setUiLocale } from '@/lib/i18n/index';
import { source } from '@/tests/unit/store/helpers';

afterEach(() => setUiLocale(undefined));

const candidate = {
  arxivId: '2501.00663',
  title: 'Titans: Learning to Memorize at Test Time',
  authors: ['Ali Behrouz'],
  pdfUrl: 'https://arxiv.org/pdf/2501.00663',
  absUrl: 'https://arxiv.org/abs/2501.00663',
};

describe('isTitleOnly', () => {
  it('is a paper with a title and no arXiv id, DOI or PDF', () => {
    expect(isTitleOnly(source({ title: 'T', url: 'https://scholar.google.com/scholar?q=T' }))).toBe(
      true,
    );
    expect(isTitleOnly(source({ title: 'T', arxivId: '2501.00663' }))).toBe(false);
    expect(isTitleOnly(source({ title: 'T', doi: '10.1/x' }))).toBe(false);
    expect(isTitleOnly(source({ title: 'T', pdfUrl: 'https://openreview.net/pdf?id=x' }))).toBe(
      false,
    );
    expect(isTitleOnly(source({ title: 'T', kind: 'episode' }))).toBe(false);
    expect(isTitleOnly(source({ title: '  ' }))).toBe(false);
  });
});

describe('statusView', () => {
  it('shows found with its confidence and an unlink, in English and Bokmål', () => {
    const status = { state: 'resolved', candidate, confidence: 0.964, manual: false } as const;
    expect(statusView(status, 'en')).toMatchObject({
      state: 'found',
      label: 'found 96 %',
      actions: ['arxiv-unlink'],
    });
    expect(statusView(status, 'nb')).toMatchObject({ label: 'funnet 96 %' });
    expect(statusView({ ...status, manual: true }, 'en')).toMatchObject({ state: 'linked' });
  });

  it('offers a weak match with use it / not it, never as found', () => {
    const view = statusView({ state: 'weak', candidate, confidence: 0.71 }, 'en')!;
    expect(view.state).toBe('maybe');
    expect(view.label).toBe('maybe: Titans: Learning to Memorize at Test Time 71 %');
    expect(view.actions).toEqual(['arxiv-use', 'arxiv-not']);
  });

  it('says nothing for pending, and names each error', () => {
    expect(statusView({ state: 'pending' })).toBeNull();
    expect(statusView({ state: 'error', reason: 'no-permission' }, 'en')).toMatchObject({
      error: true,
      label: 'arXiv lookups are not allowed',
    });
    expect(statusView({ state: 'error', reason: 'rate-limited', retryAt: 1 }, 'nb')!.label).toBe(
      'arXiv ber oss vente: prøv igjen senere',
    );
  });
});

describe('resolvedSource', () => {
  it('gives a resolved source its arXiv id and versionless PDF; anything else stays as it is', () => {
    const s = source({
      title: candidate.title,
      url: 'https://scholar.google.com/scholar?q=Titans',
    });
    expect(
      resolvedSource(s, { state: 'resolved', candidate, confidence: 1, manual: false }),
    ).toMatchObject({
      arxivId: '2501.00663',
      pdfUrl: 'https://arxiv.org/pdf/2501.00663',
      url: 'https://scholar.google.com/scholar?q=Titans',
    });
    expect(resolvedSource(s, { state: 'weak', candidate, confidence: 0.9 })).toBeNull();
    expect(
      resolvedSource(s, {
        state: 'resolved',
        candidate: { ...candidate, pdfUrl: 'javascript:alert(1)' },
        confidence: 1,
        manual: false,
      }),
    ).toBeNull();
  });

  it('counts the summary and rounds percentages', () => {
    expect(
      summaryCounts([
        { state: 'resolved', candidate, confidence: 1, manual: false },
        { state: 'weak', candidate, confidence: 0.7 },
        { state: 'none', manual: false },
        { state: 'error', reason: 'timeout' },
        { state: 'looking' },
      ]),
    ).toEqual({ found: 1, maybe: 1, none: 1, errors: 1 });
    expect(percent(0.995)).toBe(100);
    expect(percent(-1)).toBe(0);
  });
});
