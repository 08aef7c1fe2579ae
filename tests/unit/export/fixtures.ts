/** Papers and library files shared by the export tests. */
import { stampNew } from '@/lib/store/fields';
import { PAPER_FIELDS, type PaperRecord } from '@/lib/store/schema';

/** A saved paper with the given fields, stamped at `time`. */
export function paper(
  fields: Partial<PaperRecord> & Pick<PaperRecord, 'key'>,
  time = Date.UTC(2026, 0, 1),
): PaperRecord {
  return stampNew<PaperRecord>(
    {
      title: null,
      authors: [],
      year: null,
      arxivId: null,
      doi: null,
      urls: [],
      pdfUrl: null,
      savedAt: time,
      savedFrom: null,
      readState: 'unread',
      tags: [],
      note: '',
      ...fields,
    },
    PAPER_FIELDS,
    time,
  );
}

/** An arXiv paper cited at version 2, with tags and a two-paragraph note. */
export const TITANS = paper({
  key: 'arxiv:2501.00663',
  title: 'Titans: Learning to Memorize at Test Time',
  authors: ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
  year: 2024,
  arxivId: '2501.00663',
  urls: ['https://arxiv.org/abs/2501.00663v2'],
  pdfUrl: 'https://arxiv.org/pdf/2501.00663v2',
  tags: ['memory', 'test-time training'],
  note: 'Neural long-term memory.\n\nCompare with {Infini-attention} at 50% & more.',
});

/** A paper known by its DOI only. */
export const FAST_WEIGHTS = paper({
  key: 'doi:10.1162/neco.1992.4.1.131',
  title: 'Learning to Control Fast-Weight Memories: An Alternative to Dynamic Recurrent Networks',
  authors: ['Jürgen Schmidhuber'],
  year: 1992,
  doi: '10.1162/neco.1992.4.1.131',
  urls: ['https://doi.org/10.1162/neco.1992.4.1.131'],
});

/** A paper known by its title only, with diacritics and a particle in its authors' names. */
export const TITLE_ONLY = paper({
  key: 'title:uber die grenzen der aufmerksamkeit',
  title: 'Über die Grenzen der Aufmerksamkeit',
  authors: ['Zoë Ørsted', 'José Núñez', 'Ludwig van Beethoven'],
  year: 2023,
});

/** The three papers. */
export const PAPERS = [TITANS, FAST_WEIGHTS, TITLE_ONLY];
