/** Papers as BibTeX, RIS and CSL-JSON: what each entry carries, and stable citation keys. */
import { describe, expect, it } from 'vitest';
import { papersToBibtex } from '@/lib/export/bibtex';
import type { PaperWithCitations } from '@/lib/export/cited-by';
import { citationKeys } from '@/lib/export/cite-keys';
import { papersToCslJson } from '@/lib/export/csl';
import { papersToRis } from '@/lib/export/ris';
import { FAST_WEIGHTS, paper, PAPERS, TITANS, TITLE_ONLY } from '@/tests/unit/export/fixtures';

const CITED_BY = [
  { key: 'ep-2025-02-01-titans-aaaaaa', title: 'Titans & "Memory"', published: '2025-02-01' },
  { key: 'ep-2025-03-09-memory-bbbbbb', title: 'Memory at Test Time', published: '2025-03-09' },
];

const ENTRIES: PaperWithCitations[] = [
  { paper: TITANS, citedBy: CITED_BY },
  { paper: FAST_WEIGHTS, citedBy: [] },
  { paper: TITLE_ONLY, citedBy: CITED_BY.slice(1) },
];

describe('BibTeX', () => {
  it('writes each paper as @misc with its arXiv id, DOI, address, tags, note and citing episodes', () => {
    expect(papersToBibtex(ENTRIES)).toBe(
      [
        '@misc{behrouz2024titans,',
        '\tannote = {Neural long-term memory.',
        '',
        'Compare with \\textbraceleft{}Infini-attention\\textbraceright{} at 50\\% \\& more.},',
        '\tauthor = {Behrouz, Ali and Zhong, Peilin and Mirrokni, Vahab},',
        '\tyear = {2024},',
        "\tnote = {Cited in AI Post Transformers: ``Titans \\& \"Memory\"'' (2025-02-01); ``Memory at Test Time'' (2025-03-09)},",
        '\tpublisher = {arXiv},',
        '\ttitle = {Titans: Learning to {Memorize} at {Test} {Time}},',
        '\turl = {https://arxiv.org/abs/2501.00663v2},',
        '\teprint = {2501.00663},',
        '\tarchivePrefix = {arXiv},',
        '\tkeywords = {memory, test-time training},',
        '}',
        '',
        '@misc{orsted2023uber,',
        "\tauthor = {\\O{}rsted, Zo{\\\" e} and N{\\' u}{\\~ n}ez, Jos{\\' e} and van Beethoven, Ludwig},",
        '\tyear = {2023},',
        "\tnote = {Cited in AI Post Transformers: ``Memory at Test Time'' (2025-03-09)},",
        '\ttitle = {{\\" {U}}ber die {Grenzen} der {Aufmerksamkeit}},',
        '}',
        '',
        '@misc{schmidhuber1992learning,',
        '\tauthor = {Schmidhuber, J{\\" u}rgen},',
        '\tdoi = {10.1162/neco.1992.4.1.131},',
        '\tyear = {1992},',
        '\ttitle = {Learning to {Control} {Fast}-{Weight} {Memories}: An {Alternative} to {Dynamic} {Recurrent} {Networks}},',
        '\turl = {https://doi.org/10.1162/neco.1992.4.1.131},',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for no papers', () => {
    expect(papersToBibtex([])).toBe('');
  });
});

describe('RIS', () => {
  it('writes every address, the PDF, DOI, tags and notes, one value per line', () => {
    const ris = papersToRis(ENTRIES);
    const records = ris.split(/\n(?=TY {2}- )/);
    expect(records).toHaveLength(3);
    expect(records[0]).toBe(
      [
        'TY  - JOUR',
        'AU  - Behrouz, Ali',
        'AU  - Zhong, Peilin',
        'AU  - Mirrokni, Vahab',
        'C7  - arXiv:2501.00663',
        'DA  - 2024///',
        'PY  - 2024',
        'ID  - behrouz2024titans',
        'KW  - memory',
        'KW  - test-time training',
        'TI  - Titans: Learning to Memorize at Test Time',
        'UR  - https://arxiv.org/abs/2501.00663v2',
        'L1  - https://arxiv.org/pdf/2501.00663v2',
        'N1  - Cited in AI Post Transformers: “Titans & "Memory"” (2025-02-01); “Memory at Test Time” (2025-03-09)',
        'N1  - Neural long-term memory.',
        'N1  - Compare with {Infini-attention} at 50% & more.',
        'ER  - ',
        '',
      ].join('\n'),
    );
    expect(records[1]).toContain(
      'AU  - Ørsted, Zoë\nAU  - Núñez, José\nAU  - van Beethoven, Ludwig',
    );
    expect(records[1]).toContain('TI  - Über die Grenzen der Aufmerksamkeit');
    expect(records[2]).toContain('DO  - 10.1162/neco.1992.4.1.131\n');
    expect(records[2]).toContain('UR  - https://doi.org/10.1162/neco.1992.4.1.131\n');
    expect(records[2]).not.toContain('N1  -');
  });

  it('keeps a long address on one line and a note cannot start a new tag', () => {
    const url = `https://example.org/${'a'.repeat(120)}`;
    const ris = papersToRis([
      {
        paper: paper({
          key: 'title:long',
          title: 'Long',
          urls: [url],
          note: 'one\nER  - \nTY  - JOUR',
        }),
        citedBy: [],
      },
    ]);
    expect(ris).toContain(`UR  - ${url}\n`);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(1);
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(1);
  });
});

describe('CSL-JSON', () => {
  it('writes items as Zotero does for preprints, with the note and the citing episodes', () => {
    const items = JSON.parse(papersToCslJson(ENTRIES)) as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([
      'behrouz2024titans',
      'orsted2023uber',
      'schmidhuber1992learning',
    ]);
    expect(items[0]).toEqual({
      id: 'behrouz2024titans',
      'citation-key': 'behrouz2024titans',
      type: 'article',
      title: 'Titans: Learning to Memorize at Test Time',
      author: [
        { given: 'Ali', family: 'Behrouz' },
        { given: 'Peilin', family: 'Zhong' },
        { given: 'Vahab', family: 'Mirrokni' },
      ],
      issued: { 'date-parts': [[2024]] },
      number: 'arXiv:2501.00663',
      publisher: 'arXiv',
      URL: 'https://arxiv.org/abs/2501.00663v2',
      keyword: 'memory,test-time training',
      note: 'Cited in AI Post Transformers: “Titans & "Memory"” (2025-02-01); “Memory at Test Time” (2025-03-09)',
      annote: TITANS.note,
    });
    expect(items[1]!.author).toEqual([
      { given: 'Zoë', family: 'Ørsted' },
      { given: 'José', family: 'Núñez' },
      { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
    ]);
    expect(items[2]).toMatchObject({
      type: 'document',
      DOI: '10.1162/neco.1992.4.1.131',
      URL: 'https://doi.org/10.1162/neco.1992.4.1.131',
    });
    expect(items[2]).not.toHaveProperty('note');
  });

  it('gives an arXiv paper without an arXiv link its abstract page', () => {
    const p = paper({ key: 'arxiv:1706.03762', title: 'Attention', arxivId: '1706.03762' });
    const [item] = JSON.parse(papersToCslJson([{ paper: p, citedBy: [] }])) as {
      URL: string;
    }[];
    expect(item!.URL).toBe('https://arxiv.org/abs/1706.03762');
  });
});

describe('citation keys', () => {
  it('are family name, year and first telling title word, folded to ASCII', () => {
    expect([...citationKeys(PAPERS).values()].sort()).toEqual([
      'behrouz2024titans',
      'orsted2023uber',
      'schmidhuber1992learning',
    ]);
    const anon = paper({ key: 'title:the untitled', title: 'The Untitled' });
    expect(citationKeys([anon]).get(anon.key)).toBe('anonnduntitled');
  });

  it('tell repeats apart by store key, whatever the order given', () => {
    const a = paper({ key: 'arxiv:2401.00001', title: 'Memory', authors: ['A Li'], year: 2024 });
    const b = paper({ key: 'arxiv:2401.00002', title: 'Memory', authors: ['B Li'], year: 2024 });
    const c = paper({ key: 'arxiv:2401.00003', title: 'Memory', authors: ['C Li'], year: 2024 });
    const forward = citationKeys([a, b, c]);
    expect([...forward.entries()]).toEqual([
      [a.key, 'li2024memory'],
      [b.key, 'li2024memoryb'],
      [c.key, 'li2024memoryc'],
    ]);
    expect(citationKeys([c, a, b])).toEqual(forward);
  });
});
