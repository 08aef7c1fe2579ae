/** Importing a library (BibTeX, RIS, CSL-JSON as Zotero writes them) into the store. */
import { beforeEach, describe, expect, it } from 'vitest';
import { importLibrary } from '@/lib/export/library-import';
import { errorText, problem } from '@/lib/i18n/errors';
import { papersWithCitations } from '@/lib/export/cited-by';
import { EXPORT_FORMATS, type PaperFormat } from '@/lib/export/formats';
import type { Store } from '@/lib/store/db';
import { exportBackupJson } from '@/lib/store/backup/backup';
import { getPaper, savePaper, setReadState, setTags } from '@/lib/store/papers';
import type { PaperRecord } from '@/lib/store/schema';
import {
  arxivSource,
  freshIndexedDb,
  openTestStore,
  testClock,
  type TestClock,
} from '@/tests/unit/store/helpers';
import { PAPERS } from '@/tests/unit/export/fixtures';

let clock: TestClock;
let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  clock = testClock(Date.UTC(2026, 4, 1));
  store = await openTestStore(clock);
});

/** The fields a citation file carries (not the saved date, read state or times). */
function carried(p: PaperRecord) {
  const { key, title, authors, year, arxivId, doi, urls, pdfUrl, tags, note } = p;
  return { key, title, authors, year, arxivId, doi, urls, pdfUrl, tags, note };
}

const ZOTERO_BIBTEX = String.raw`
@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762},
	doi = {10.48550/arXiv.1706.03762},
	urldate = {2024-01-10},
	publisher = {arXiv},
	author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
	month = aug,
	year = {2023},
	note = {arXiv:1706.03762 [cs]},
	keywords = {Computer Science - Computation and Language, Computer Science - Machine Learning},
	annote = {Comment: 15 pages, 5 figures},
	file = {arXiv Fulltext PDF:/home/u/Zotero/storage/ABCD1234/Vaswani et al. - 2023 - Attention Is All You Need.pdf:application/pdf},
}

@article{schmidhuber_learning_1992,
	title = {Learning to {Control} {Fast}-{Weight} {Memories}: {An} {Alternative} to {Dynamic} {Recurrent} {Networks}},
	volume = {4},
	doi = {10.1162/neco.1992.4.1.131},
	number = {1},
	journal = {Neural Computation},
	author = {Schmidhuber, J{\"u}rgen},
	year = {1992},
	pages = {131--139},
}

@inproceedings{behrouz_titans_2025,
	title = {Titans},
	author = {Behrouz, Ali},
	year = {2025},
	eprint = {2501.00663v2},
	archivePrefix = {arXiv},
	primaryClass = {cs.LG},
}
`;

const ZOTERO_RIS = [
  'TY  - PREPRINT',
  'TI  - Attention Is All You Need',
  'AU  - Vaswani, Ashish',
  'AU  - Shazeer, Noam',
  'DA  - 2023/08/01/',
  'PY  - 2023',
  'DO  - 10.48550/arXiv.1706.03762',
  'DP  - arXiv.org',
  'PB  - arXiv',
  'UR  - http://arxiv.org/abs/1706.03762',
  'L1  - file:///home/u/Zotero/storage/ABCD1234/Vaswani.pdf',
  'KW  - Computer Science - Machine Learning',
  'N1  - <p>Read §3 twice &amp; compare.</p>',
  'N1  - arXiv:1706.03762 [cs]',
  'ER  - ',
  '',
  'TY  - JOUR',
  'TI  - Learning to Control Fast-Weight Memories',
  'AU  - Schmidhuber, Jürgen',
  'T2  - Neural Computation',
  'PY  - 1992',
  'DO  - 10.1162/neco.1992.4.1.131',
  'ER  - ',
  '',
].join('\r\n');

const ZOTERO_CSL_JSON = JSON.stringify([
  {
    id: 'http://zotero.org/users/123/items/ABCD1234',
    type: 'article',
    title: 'Attention Is All You Need',
    publisher: 'arXiv',
    number: 'arXiv:1706.03762',
    source: 'arXiv.org',
    URL: 'http://arxiv.org/abs/1706.03762',
    DOI: '10.48550/arXiv.1706.03762',
    note: 'arXiv:1706.03762 [cs]',
    author: [
      { family: 'Vaswani', given: 'Ashish' },
      { family: 'Shazeer', given: 'Noam' },
    ],
    issued: { 'date-parts': [['2023', 8, 1]] },
  },
  {
    id: 'http://zotero.org/users/123/items/EFGH5678',
    type: 'article-journal',
    title: 'Über die Grenzen der Aufmerksamkeit',
    author: [{ family: 'Beethoven', 'non-dropping-particle': 'van', given: 'Ludwig' }],
    issued: { 'date-parts': [[2023]] },
  },
]);

describe('round trip', () => {
  it.each<PaperFormat>(['bibtex', 'ris', 'csl-json'])(
    'exporting as %s and importing into an empty store gives the same papers',
    async (format) => {
      const entries = PAPERS.map((paper) => ({ paper, citedBy: [] }));
      const text = await EXPORT_FORMATS[format].write(entries);
      const result = await importLibrary(store, text, format);
      expect(result).toEqual({
        ok: true,
        report: {
          format,
          entries: 3,
          added: 3,
          read: 3,
          cancelled: false,
          updated: 0,
          skipped: 0,
          duplicates: 0,
          refused: [],
          refusedCount: 0,
        },
      });
      const stored = await store.db.getAll('papers');
      const expected = PAPERS.map(carried);
      expect(stored.map(carried).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        expected.sort((a, b) => a.key.localeCompare(b.key)),
      );
      for (const p of stored) {
        expect(p.savedAt).toBe(clock.now());
        expect(p.readState).toBe('unread');
      }
    },
  );

  it('an export from the store names the citing episodes, and importing it again skips everything', async () => {
    await savePaper(store, arxivSource('2501.00663', 'Titans', 2), null);
    const bibtex = await EXPORT_FORMATS.bibtex.write(await papersWithCitations(store));
    expect(bibtex).toContain('eprint = {2501.00663}');
    const before = await store.db.getAll('papers');
    clock.set(clock.now() + 1000);
    const again = await importLibrary(store, bibtex);
    expect(again).toMatchObject({ ok: true, report: { added: 0, updated: 0, skipped: 1 } });
    expect(await store.db.getAll('papers')).toEqual(before);
  });
});

describe('Zotero files', () => {
  it('BibTeX: arXiv id from the URL, DOI or eprint; keywords as tags; notes without the arXiv line', async () => {
    const result = await importLibrary(store, ZOTERO_BIBTEX);
    expect(result).toMatchObject({ ok: true, report: { format: 'bibtex', added: 3 } });
    const attention = await getPaper(store, 'arxiv:1706.03762');
    expect(attention).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      year: 2023,
      arxivId: '1706.03762',
      doi: '10.48550/arXiv.1706.03762',
      urls: ['http://arxiv.org/abs/1706.03762'],
      pdfUrl: 'https://arxiv.org/pdf/1706.03762',
      tags: ['Computer Science - Computation and Language', 'Computer Science - Machine Learning'],
      note: 'Comment: 15 pages, 5 figures',
      savedAt: clock.now(),
    });
    expect(await getPaper(store, 'doi:10.1162/neco.1992.4.1.131')).toMatchObject({
      authors: ['Jürgen Schmidhuber'],
      year: 1992,
      arxivId: null,
    });
    expect(await getPaper(store, 'arxiv:2501.00663')).toMatchObject({
      title: 'Titans',
      arxivId: '2501.00663',
      pdfUrl: 'https://arxiv.org/pdf/2501.00663v2',
    });
  });

  it('RIS: an unknown type is read as generic; HTML notes become text; file paths are no links', async () => {
    const result = await importLibrary(store, ZOTERO_RIS);
    expect(result).toMatchObject({ ok: true, report: { format: 'ris', added: 2 } });
    expect(await getPaper(store, 'arxiv:1706.03762')).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      year: 2023,
      urls: ['http://arxiv.org/abs/1706.03762'],
      pdfUrl: 'https://arxiv.org/pdf/1706.03762',
      tags: ['Computer Science - Machine Learning'],
      note: 'Read §3 twice & compare.',
    });
    expect(await getPaper(store, 'doi:10.1162/neco.1992.4.1.131')).not.toBeNull();
  });

  it('CSL-JSON: string years, particles, a title-only item', async () => {
    const result = await importLibrary(store, ZOTERO_CSL_JSON);
    expect(result).toMatchObject({ ok: true, report: { format: 'csl-json', added: 2 } });
    expect(await getPaper(store, 'arxiv:1706.03762')).toMatchObject({ year: 2023, note: '' });
    expect(await getPaper(store, 'title:uber die grenzen der aufmerksamkeit')).toMatchObject({
      authors: ['Ludwig van Beethoven'],
      year: 2023,
    });
  });
});

describe('merging into the library', () => {
  it('keeps what the library has, fills gaps, joins tags and notes, and reports it', async () => {
    clock.set(Date.UTC(2026, 4, 1));
    await savePaper(
      store,
      arxivSource('1706.03762', 'Attention is all you need (as cited)', 7),
      null,
    );
    await setTags(store, 'arxiv:1706.03762', ['transformers']);
    await setReadState(store, 'arxiv:1706.03762', 'read');
    const before = (await getPaper(store, 'arxiv:1706.03762'))!;
    clock.set(Date.UTC(2026, 5, 1));
    const result = await importLibrary(store, ZOTERO_BIBTEX);
    expect(result).toMatchObject({ ok: true, report: { added: 2, updated: 1, skipped: 0 } });
    const after = (await getPaper(store, 'arxiv:1706.03762'))!;
    expect(after).toMatchObject({
      title: 'Attention is all you need (as cited)',
      readState: 'read',
      savedAt: before.savedAt,
      pdfUrl: before.pdfUrl,
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      year: 2023,
      doi: '10.48550/arXiv.1706.03762',
      tags: [
        'transformers',
        'Computer Science - Computation and Language',
        'Computer Science - Machine Learning',
      ],
      note: 'Comment: 15 pages, 5 figures',
      urls: ['https://arxiv.org/abs/1706.03762v7', 'http://arxiv.org/abs/1706.03762'],
    });
    expect(after.modified.title).toBe(before.modified.title);
  });

  it('merges entries of one file that name the same paper', async () => {
    const twice = `${ZOTERO_BIBTEX}\n@misc{again, title = {Attention}, eprint = {1706.03762v5}, keywords = {extra}}\n`;
    const result = await importLibrary(store, twice);
    expect(result).toMatchObject({ ok: true, report: { entries: 4, added: 3, duplicates: 1 } });
    expect((await getPaper(store, 'arxiv:1706.03762'))!.tags).toContain('extra');
  });
});

describe('refusals change nothing', () => {
  // The file, why it is refused in English, and in Norwegian as a Norwegian page shows it.
  const MALFORMED: [string, string, RegExp, RegExp][] = [
    [
      'unclosed BibTeX',
      '@article{x, title = {unclosed',
      /no entry in it can be read \(line 1: a brace or quote is never closed\)/,
      /ingen oppføring i den kan leses \(linje 1: en klamme eller et anførselstegn lukkes aldri\)/,
    ],
    ['broken JSON', '[{"title": "x"', /not valid JSON/, /ikke gyldig JSON/],
    [
      'JSON that is no item list',
      '[1, 2]',
      /item 1 .* not an object/,
      /element 1 .* ikke et objekt/,
    ],
    ['plain text', 'hello world', /not BibTeX, RIS or CSL-JSON/, /verken BibTeX, RIS eller/],
    ['RIS without entries', 'TY  - \nER  - \n', /holds no entry/, /RIS-filen har ingen/],
    ['empty file', '', /not BibTeX, RIS or CSL-JSON/, /verken BibTeX, RIS eller/],
  ];

  it.each(MALFORMED)('%s', async (_name, text, reason, norwegian) => {
    await savePaper(store, arxivSource('2501.00663', 'Titans', 2), null);
    const before = await exportBackupJson(store);
    const result = await importLibrary(store, text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      // As the background sends it: the refusal frames the reason, both in the page's language.
      const error = problem('invalid', 'library.refused', undefined, result.problem);
      expect(errorText(error, 'en')).toMatch(reason);
      const shown = errorText(error, 'nb');
      expect(shown).toMatch(/^Biblioteket ble avvist: /);
      expect(shown).toMatch(norwegian);
      expect(shown).not.toMatch(reason);
    }
    expect(await exportBackupJson(store)).toBe(before);
  });

  it('a file given as the wrong format is refused', async () => {
    const result = await importLibrary(store, ZOTERO_CSL_JSON, 'bibtex');
    expect(result).toMatchObject({ ok: false });
  });
});
