/**
 * The page side of arXiv lookups, as pure decisions: which sources are title-only,
 * what a source shows for its lookup state, the resolved copy of a source, the bar's summary
 * and the abstract preview's lines. The DOM work is in lib/content/features/arxiv.ts.
 */
import type { ArxivMetadata, ArxivStatus } from '@/lib/arxiv/status';
import { format, t, type Locale, type MessageKey } from '@/lib/i18n/index';
import { isHttpUrl } from '@/lib/core/urls';
import { withoutBidi } from '@/lib/core/bidi';
import type { Source } from '@/lib/sources/types';

/**
 * Whether a source is a paper known by its title only (a Google Scholar search, a bare title):
 * no arXiv id, no DOI, no PDF. Only these are looked up.
 */
export function isTitleOnly(
  source: Pick<Source, 'kind' | 'title' | 'arxivId' | 'doi' | 'pdfUrl'>,
): boolean {
  return (
    source.kind === 'paper' &&
    source.title !== null &&
    source.title.trim() !== '' &&
    source.arxivId === null &&
    source.doi === null &&
    source.pdfUrl === null
  );
}

/** A status while the page waits for the background. */
export type PageArxivStatus = ArxivStatus | { state: 'looking' };

/** The buttons a source's arXiv status offers. */
export type ArxivAction = 'arxiv-use' | 'arxiv-not' | 'arxiv-unlink';

/** What a source shows for its lookup. */
export interface ArxivStatusView {
  /** `data-arxiv-state` of the status element. */
  state: 'looking' | 'found' | 'linked' | 'maybe' | 'none' | 'error';
  /** The visible text. */
  label: string;
  /** The tooltip and accessible name. */
  name: string;
  actions: ArxivAction[];
  /** Whether the status reads as an error. */
  error: boolean;
}

/** A confidence (0–1) as a whole percentage. */
export function percent(confidence: number): number {
  return Math.round(Math.max(0, Math.min(1, confidence)) * 100);
}

/** A title shortened for a one-line label. */
function short(title: string, max = 60): string {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

/**
 * What a source shows for `status`, or `null` when it shows nothing (not looked up yet: the
 * page makes no request of its own, so "pending" stays silent).
 */
export function statusView(status: PageArxivStatus, locale?: Locale): ArxivStatusView | null {
  const tr = (key: MessageKey, values: Record<string, string | number> = {}) =>
    format(t(key, locale), values);
  // A candidate's title is shown: without the controls that could make it read otherwise.
  const title = 'candidate' in status ? withoutBidi(status.candidate.title) : '';
  switch (status.state) {
    case 'pending':
      return null;
    case 'looking':
      return {
        state: 'looking',
        label: tr('arxiv.looking'),
        name: tr('arxiv.looking'),
        actions: [],
        error: false,
      };
    case 'resolved': {
      const values = { title, percent: percent(status.confidence) };
      return status.manual
        ? {
            state: 'linked',
            label: tr('arxiv.linked'),
            name: tr('arxiv.linkedName', values),
            actions: ['arxiv-unlink'],
            error: false,
          }
        : {
            state: 'found',
            label: tr('arxiv.found', values),
            name: tr('arxiv.foundName', values),
            actions: ['arxiv-unlink'],
            error: false,
          };
    }
    case 'weak': {
      const p = percent(status.confidence);
      return {
        state: 'maybe',
        label: tr('arxiv.maybe', { title: short(title), percent: p }),
        name: tr('arxiv.maybeName', { title, percent: p }),
        actions: ['arxiv-use', 'arxiv-not'],
        error: false,
      };
    }
    case 'none':
      return {
        state: 'none',
        label: tr('arxiv.none'),
        name: tr('arxiv.noneName'),
        actions: [],
        error: false,
      };
    case 'error': {
      const text = tr(`arxiv.error.${status.reason}`);
      return { state: 'error', label: text, name: text, actions: [], error: true };
    }
  }
}

/**
 * The source as the page uses it once resolved: the arXiv id and the (versionless) PDF, so it
 * opens, saves under `arxiv:` and counts as an arXiv PDF. `null` unless the status is resolved
 * with an http(s) PDF.
 */
export function resolvedSource(source: Source, status: PageArxivStatus | undefined): Source | null {
  if (status?.state !== 'resolved' || !isHttpUrl(status.candidate.pdfUrl)) return null;
  return {
    ...source,
    arxivId: status.candidate.arxivId,
    pdfUrl: status.candidate.pdfUrl,
    arxivVersion: null,
  };
}

/** How many sources were found, offered and not found, for the bar's summary. */
export function summaryCounts(statuses: readonly PageArxivStatus[]): {
  found: number;
  maybe: number;
  none: number;
  errors: number;
} {
  const counts = { found: 0, maybe: 0, none: 0, errors: 0 };
  for (const s of statuses) {
    if (s.state === 'resolved') counts.found++;
    else if (s.state === 'weak') counts.maybe++;
    else if (s.state === 'none') counts.none++;
    else if (s.state === 'error') counts.errors++;
  }
  return counts;
}

/** A date (ISO time) as `YYYY-MM-DD`, or `?`. */
function day(time: string | null): string {
  return time && /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : '?';
}

/**
 * The lines of the abstract preview: title, authors, versions, the revision flag, abstract; the
 * fetched text without bidirectional controls.
 */
export function previewLines(
  metadata: ArxivMetadata,
  locale?: Locale,
): {
  title: string;
  authors: string;
  versions: string;
  revision: string;
  revised: boolean;
  summary: string;
} {
  const { entry, revision } = metadata;
  const latest = entry.version ?? '?';
  const updated = day(entry.updated);
  const tr = (key: MessageKey, values: Record<string, string | number>) =>
    format(t(key, locale), values);
  let text: string;
  if (revision.state === 'revised' && revision.citedVersion !== null) {
    text = tr('arxiv.revisedCited', { cited: revision.citedVersion, latest });
  } else if (revision.state === 'revised') {
    text = tr('arxiv.revised', { latest, updated });
  } else if (revision.state === 'current') {
    text = tr('arxiv.current', { latest });
  } else {
    text = tr('arxiv.unknown', { latest, updated });
  }
  const authors =
    entry.authors.length > 6
      ? `${entry.authors.slice(0, 6).join(', ')} ${t('etAl', locale)}`
      : entry.authors.join(', ');
  return {
    title: withoutBidi(entry.title),
    authors: withoutBidi(authors),
    versions: tr('arxiv.versions', { published: day(entry.published), latest, updated }),
    revision: text,
    revised: revision.state === 'revised',
    summary: withoutBidi(entry.summary),
  };
}
