/**
 * Property tests for `parseSources` with fast-check:
 * - it never throws, on arbitrary strings and on strings built from list fragments;
 * - every result is well formed: each `url` is http(s) and sits at `[urlStart, urlEnd)`, ranges
 *   are in bounds, ordered and non-overlapping, each source's `start..end` holds its URL, and
 *   unknown values are `null`, never `""` (the `parse` command's rule);
 * - generated well-formed lists (feed, collapsed and site layouts) are read back exactly;
 * - worst-case inputs (1 MB of `1. 1. 1.`, 100,000 em dashes, a 1 MB URL, 50,000 items …)
 *   finish well inside a generous timeout, so a quadratic blow-up fails.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseSources, type ParsedSources } from '@/lib/sources/index';

const HTTP = /^https?:\/\//i;

/**
 * Every structural promise of `parseSources` that holds for any input, as a list of violations
 * (plain checks, so that 50,000 sources cost no more than the parse itself).
 */
function violations(text: string, r: ParsedSources): string[] {
  const bad: string[] = [];
  if (!Array.isArray(r.sources)) return ['sources is not an array'];
  if (r.visualizationUrl !== null) {
    if (!HTTP.test(r.visualizationUrl))
      bad.push(`visualizationUrl not http(s): ${r.visualizationUrl}`);
    if (!text.includes(r.visualizationUrl)) bad.push('visualizationUrl not in the text');
  }
  if (
    r.listStart !== null &&
    !(Number.isInteger(r.listStart) && r.listStart >= 0 && r.listStart <= text.length)
  ) {
    bad.push(`listStart out of bounds: ${r.listStart}`);
  }
  let previousEnd = 0;
  r.sources.forEach((s, i) => {
    const at = (msg: string) => bad.push(`source ${i + 1}: ${msg}`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) at('start/end not integers');
    if (s.start < previousEnd) at(`starts at ${s.start}, before the previous end ${previousEnd}`);
    if (s.end < s.start) at(`end ${s.end} < start ${s.start}`);
    if (s.end > text.length) at(`end ${s.end} beyond the text (${text.length})`);
    previousEnd = Math.max(previousEnd, s.end);
    if (s.url === null) {
      if (s.urlStart !== null || s.urlEnd !== null) at('url range without url');
    } else {
      if (!HTTP.test(s.url)) at(`url not http(s): ${JSON.stringify(s.url.slice(0, 80))}`);
      if (s.urlStart === null || s.urlEnd === null) at('url without range');
      else {
        if (text.slice(s.urlStart, s.urlEnd) !== s.url) at('text[urlStart, urlEnd) !== url');
        if (s.urlStart < s.start || s.urlEnd > s.end) at('url outside start..end');
      }
    }
    if (!['paper', 'episode', 'other'].includes(s.kind)) at(`kind ${s.kind}`);
    if (s.title !== null && (s.title === '' || s.title !== s.title.trim())) {
      at(`title ${JSON.stringify(s.title)} empty or untrimmed`);
    }
    if (!Array.isArray(s.authors)) at('authors not an array');
    else if (s.authors.some((a) => a === '' || a !== a.trim())) at('empty or untrimmed author');
    if (s.year !== null && !Number.isInteger(s.year)) at(`year ${s.year}`);
    if (s.arxivId !== null && (s.arxivId === '' || /v\d+$/.test(s.arxivId))) {
      at(`arxivId ${s.arxivId}`);
    }
    if (s.arxivId !== null && s.url === null) at('arxivId without a link');
    if (s.pdfUrl !== null && !HTTP.test(s.pdfUrl)) at(`pdfUrl not http(s): ${s.pdfUrl}`);
    if (s.number !== null && !(Number.isInteger(s.number) && s.number > 0))
      at(`number ${s.number}`);
  });
  return bad;
}

/** Parses `text`, checks the invariants, and returns the result. */
function parseChecked(text: string): ParsedSources {
  const r = parseSources(text);
  expect(violations(text, r)).toEqual([]);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary inputs.

const EP = 'https://podcast.do-not-panic.com/episodes/';
const VIZ = 'https://podcast.do-not-panic.com/viz/';

/** Pieces of real descriptions, to glue into adversarial near-lists. */
const FRAGMENTS = [
  'Sources:',
  'Sources: ',
  'sources:',
  'Source:',
  'Paper:',
  '1.',
  '2.',
  '3.',
  '10.',
  '1)',
  '2)',
  '(1)',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '—',
  ' — ',
  '–',
  '-',
  '?',
  ',',
  ', ',
  'et al.',
  ', and others',
  'approximate',
  'approx. recent Google authors',
  '2025',
  '2019/2020',
  'March 2025',
  'AI Post Transformers',
  'AI Post Transformers:',
  '"',
  '“',
  '”',
  'Interactive Visualization:',
  '[',
  ']',
  '<a href="',
  '">',
  '</a>',
  'http',
  'http://',
  'https://',
  'javascript:alert(1)',
  'https://arxiv.org/abs/2501.00663v1',
  'http://arxiv.org/pdf/hep-th/9901001v2',
  'https://arxiv.org/html/2502.15734v1',
  'https://scholar.google.com/scholar?q=Is+It+Real?',
  'https://openreview.net/forum?id=x7NbaU8RSU',
  'https://doi.org/10.1145/3600006.3613165',
  `${EP}2026-05-01-prior-episode-title-abc123.mp3`,
  `${EP}some-slug/`,
  `${VIZ}2026-05-20-synthetic-episode-title-7cc949.html`,
  'Title',
  'Llama 2. Open',
  'Ada Author',
  'Hal Turing & Dr. Ada Shannon',
  'arXiv 2001.08361',
  '(Google Research, NeurIPS 2025)',
  'Łańcucki',
  '🦙',
  '\ud83d',
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.nat(60).map((n) => `${n}. `) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const nearList = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));

describe('parseSources never throws and returns well-formed results', () => {
  it('on arbitrary strings (UTF-16 units, including lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseChecked(text);
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary grapheme strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        parseChecked(text);
      }),
      { numRuns: 300 },
    );
  });

  it('on strings built from list fragments (numbers, dashes, URLs, labels, whitespace)', () => {
    fc.assert(
      fc.property(nearList, (text) => {
        parseChecked(text);
      }),
      { numRuns: 1500 },
    );
  });

  it('on fragment strings with "Sources: " in front', () => {
    fc.assert(
      fc.property(nearList, (text) => {
        parseChecked('Sources: ' + text);
      }),
      { numRuns: 800 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(nearList, (text) => {
        expect(parseSources(text)).toEqual(parseSources(text));
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated well-formed lists, read back exactly.

const TITLE_WORDS = [
  'Attention',
  'Is',
  'All',
  'You',
  'Need',
  'Llama',
  '2.',
  '3.',
  '10.',
  'v2.',
  'KV',
  'Cache:',
  'Co-Design',
  'Mamba–Transformer',
  'FlashAttention—IO',
  '*Sparse*',
  'Really?',
  "Don't",
  '&',
  'Tasks,',
  'GPT-4o',
  '128k',
  '(Part',
  '2)',
  'Łańcucki',
  '🦙',
  'I/O',
  'Sources:',
];
const NAMES = [
  'Ada Lovelace',
  'Alan Turing',
  'Edoardo M. Ponti',
  'Adrian Łańcucki',
  'Jean-Baptiste Cordonnier',
  'Zoë Müller',
  'Joseph E. Gonzalez',
  'Jung Ho Ahn',
  'Christopher Ré',
];

interface Item {
  citation: string;
  url: string;
  title: string;
  authors: string[];
  year: number | null;
  kind: 'paper' | 'episode';
  arxivId: string | null;
  pdfUrl: string | null;
}

const titleArb = fc
  .array(fc.constantFrom(...TITLE_WORDS), { minLength: 1, maxLength: 8 })
  .map((ws) => ws.join(' '))
  // A title that is only item-number look-alikes is not a title anyone writes, and no title
  // ends in a comma (whether a parser keeps that comma is left open by the spec).
  .filter((t) => /[A-Za-z]{2}/.test(t) && !t.endsWith(','));

const authorsArb: fc.Arbitrary<{ field: string; names: string[] }> = fc.oneof(
  fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 })
    .map((ns) => ({ field: ns.join(', '), names: ns })),
  fc.constantFrom(...NAMES).map((n) => ({ field: `${n} et al.`, names: [n] })),
  fc.constantFrom(...NAMES).map((n) => ({ field: `${n}, et al.`, names: [n] })),
  fc
    .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 })
    .map((ns) => ({ field: `${ns.join(', ')}, and others`, names: ns })),
  fc.constantFrom(
    { field: 'approximate', names: [] as string[] },
    { field: 'approx. recent Google authors', names: [] as string[] },
    { field: '?', names: [] as string[] },
  ),
);

const yearArb: fc.Arbitrary<{ field: string; year: number | null }> = fc.oneof(
  fc.integer({ min: 1990, max: 2026 }).map((y) => ({ field: String(y), year: y })),
  fc.integer({ min: 1990, max: 2025 }).map((y) => ({ field: `${y}/${y + 1}`, year: y })),
  fc.constant({ field: '?', year: null }),
);

const arxivIdArb = fc
  .tuple(
    fc.integer({ min: 15, max: 26 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 0, max: 99999 }),
    fc.option(fc.integer({ min: 1, max: 9 })),
  )
  .map(([yy, mm, n, v]) => ({
    id: `${yy}${String(mm).padStart(2, '0')}.${String(n).padStart(5, '0')}`,
    version: v,
  }));

const paperItemArb: fc.Arbitrary<Item> = fc
  .tuple(
    titleArb,
    authorsArb,
    yearArb,
    fc.option(
      fc.tuple(
        arxivIdArb,
        fc.constantFrom(
          'http://arxiv.org/abs/',
          'https://arxiv.org/pdf/',
          'https://arxiv.org/html/',
        ),
      ),
    ),
  )
  .map(([title, a, y, ax]) => {
    const citation = `${title} — ${a.field}, ${y.field}`;
    if (ax === null) {
      return {
        citation,
        url: 'https://scholar.google.com/scholar?q=' + title.split(' ').join('+'),
        title,
        authors: a.names,
        year: y.year,
        kind: 'paper' as const,
        arxivId: null,
        pdfUrl: null,
      };
    }
    const [{ id, version }, prefix] = ax;
    const v = version === null ? '' : `v${version}`;
    return {
      citation,
      url: `${prefix}${id}${v}`,
      title,
      authors: a.names,
      year: y.year,
      kind: 'paper' as const,
      arxivId: id,
      pdfUrl: `https://arxiv.org/pdf/${id}${v}`,
    };
  });

const episodeItemArb: fc.Arbitrary<Item> = fc
  .tuple(titleArb, fc.integer({ min: 10, max: 28 }))
  .map(([title, day]) => ({
    citation: `AI Post Transformers: ${title} — Hal Turing & Dr. Ada Shannon, 2026`,
    url: `${EP}2026-04-${day}-some-prior-episode-${day}abcd.mp3`,
    title,
    authors: ['Hal Turing', 'Dr. Ada Shannon'],
    year: 2026,
    kind: 'episode' as const,
    arxivId: null,
    pdfUrl: null,
  }));

const itemsArb = fc.array(
  fc.oneof({ weight: 4, arbitrary: paperItemArb }, { weight: 1, arbitrary: episodeItemArb }),
  { minLength: 1, maxLength: 12 },
);

const LAYOUTS: Record<string, (items: Item[]) => string> = {
  feed: (items) =>
    'Sources:\n' + items.map((it, i) => `  ${i + 1}. ${it.citation}\n     ${it.url}`).join('\n'),
  collapsed: (items) =>
    'Sources: ' + items.map((it, i) => `${i + 1}. ${it.citation} ${it.url}`).join(' '),
  site: (items) =>
    'Sources:\n' +
    items.map((it, i) => `${i + 1}. ${it.citation}\n     ${it.url}`).join('\n') +
    '\nInteractive Visualization: Some Episode',
};

const summaryArb = fc.constantFrom(
  '',
  'A summary.\n\n',
  'The paper makes (1) one claim and (2) another, with 3 sources: blogs, talks and code. ',
  'Episode title: Llama 2. Open Models The hosts discuss 2. things — briefly. ',
);

const vizArb = fc.constantFrom(
  { trailer: '', url: null },
  {
    trailer: `\n\nInteractive Visualization: <a href="${VIZ}2026-05-20-some-episode-7cc949.html">Some Episode</a>`,
    url: `${VIZ}2026-05-20-some-episode-7cc949.html`,
  },
  {
    trailer: ` Interactive Visualization: Some Episode [${VIZ}2026-05-20-some-episode-7cc949.html]`,
    url: `${VIZ}2026-05-20-some-episode-7cc949.html`,
  },
  {
    trailer: `\n\nInteractive Visualization: Some Episode\n${VIZ}2026-05-20-some-episode-7cc949.html`,
    url: `${VIZ}2026-05-20-some-episode-7cc949.html`,
  },
);

describe('parseSources reads generated well-formed lists back exactly', () => {
  it.each(Object.keys(LAYOUTS))('%s layout', (layout) => {
    fc.assert(
      fc.property(itemsArb, summaryArb, vizArb, (items, summary, viz) => {
        const text = summary + LAYOUTS[layout](items) + (layout === 'site' ? '' : viz.trailer);
        const r = parseChecked(text);
        expect(
          r.sources.map((s) => ({
            title: s.title,
            authors: s.authors,
            year: s.year,
            url: s.url,
            kind: s.kind,
            arxivId: s.arxivId,
            pdfUrl: s.pdfUrl,
            number: s.number,
          })),
        ).toEqual(
          items.map((it, i) => ({
            title: it.title,
            authors: it.authors,
            year: it.year,
            url: it.url,
            kind: it.kind,
            arxivId: it.arxivId,
            pdfUrl: it.pdfUrl,
            number: i + 1,
          })),
        );
        r.sources.forEach((s, i) => {
          const item = text.slice(s.start, s.end);
          expect(item.startsWith(`${i + 1}. `)).toBe(true);
          expect(item.endsWith(items[i].url)).toBe(true);
        });
        expect(r.visualizationUrl).toBe(layout === 'site' ? null : viz.url);
        expect(r.listStart).toBe(summary.length);
      }),
      { numRuns: 300 },
    );
  });

  it('glued bare arXiv URLs give one source per URL', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(arxivIdArb, fc.constantFrom('https://arxiv.org/html/', 'http://arxiv.org/abs/')),
          { minLength: 1, maxLength: 10 },
        ),
        (refs) => {
          const urls = refs.map(
            ([{ id, version }, p]) => `${p}${id}${version === null ? '' : `v${version}`}`,
          );
          const r = parseChecked('Sources: ' + urls.join(''));
          expect(r.sources.map((s) => s.url)).toEqual(urls);
          expect(r.sources.map((s) => s.arxivId)).toEqual(refs.map(([{ id }]) => id));
          expect(r.sources.every((s) => s.title === null && s.year === null)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Worst cases: each must finish well inside the (generous) timeout.

const MB = 1_000_000;
const WORST_TIMEOUT = 10_000;

describe('parseSources finishes quickly on worst-case inputs', () => {
  it(
    '1 MB of "1. 1. 1."',
    () => {
      parseChecked('1. '.repeat(MB / 3));
    },
    WORST_TIMEOUT,
  );

  it(
    '"Sources: " + 1 MB of "1. 1. 1."',
    () => {
      parseChecked('Sources: ' + '1. '.repeat(MB / 3));
    },
    WORST_TIMEOUT,
  );

  it(
    '"Sources: " + "1. 2. 3. … 100000." (every number is the next one, no URL)',
    () => {
      parseChecked('Sources: ' + Array.from({ length: 100_000 }, (_, i) => `${i + 1}.`).join(' '));
    },
    WORST_TIMEOUT,
  );

  it(
    '100,000 em dashes without spaces after "Sources: 1. "',
    () => {
      parseChecked('Sources: 1. ' + '—'.repeat(100_000) + ' https://arxiv.org/abs/2501.00663');
    },
    WORST_TIMEOUT,
  );

  it(
    '100,000 em dashes with spaces after "Sources: 1. "',
    () => {
      parseChecked('Sources: 1. ' + '— '.repeat(100_000) + 'https://arxiv.org/abs/2501.00663');
    },
    WORST_TIMEOUT,
  );

  it(
    '100,000 em dashes with spaces and no URL',
    () => {
      parseChecked('Sources: 1. Title ' + ' — '.repeat(100_000));
    },
    WORST_TIMEOUT,
  );

  it(
    'a single 1 MB URL, alone and in a list',
    () => {
      const url = 'https://example.com/' + 'a'.repeat(MB);
      parseChecked(url);
      const r = parseChecked('Sources: 1. Title — Ada Author, 2024 ' + url);
      expect(r.sources.map((s) => s.url)).toEqual([url]);
    },
    WORST_TIMEOUT,
  );

  it(
    'a 1 MB Scholar URL made of "+"-joined words and "?"',
    () => {
      const url = 'https://scholar.google.com/scholar?q=' + 'Is+It+2.+Real?'.repeat(MB / 14);
      const r = parseChecked('Sources: 1. Title — Ada Author, 2024 ' + url);
      expect(r.sources.map((s) => s.url)).toEqual([url]);
    },
    WORST_TIMEOUT,
  );

  it(
    '1 MB of spaces between "Sources:" and "1."',
    () => {
      const r = parseChecked(
        'Sources:' +
          ' '.repeat(MB) +
          '1. Attention Is All You Need — Ashish Vaswani et al., 2017 https://arxiv.org/abs/1706.03762',
      );
      expect(r.sources.map((s) => [s.title, s.authors, s.year, s.arxivId])).toEqual([
        ['Attention Is All You Need', ['Ashish Vaswani'], 2017, '1706.03762'],
      ]);
    },
    WORST_TIMEOUT,
  );

  it(
    '50,000 numbered items collapsed onto one line',
    () => {
      const n = 50_000;
      const text =
        'Sources: ' +
        Array.from(
          { length: n },
          (_, i) =>
            `${i + 1}. Paper ${i + 1}: A Study — Ada Author, Bob Author, 2024 https://arxiv.org/abs/2401.${String(i + 1).padStart(5, '0')}`,
        ).join(' ');
      const r = parseChecked(text);
      expect(r.sources.length).toBe(n);
      for (const i of [0, 1, 9, 99, 12_345, n - 1]) {
        expect(r.sources[i]).toMatchObject({
          number: i + 1,
          title: `Paper ${i + 1}: A Study`,
          authors: ['Ada Author', 'Bob Author'],
          year: 2024,
          arxivId: `2401.${String(i + 1).padStart(5, '0')}`,
        });
      }
    },
    WORST_TIMEOUT,
  );

  it(
    '50,000 numbered items in the feed layout',
    () => {
      const n = 50_000;
      const text =
        'Sources:\n' +
        Array.from(
          { length: n },
          (_, i) =>
            `  ${i + 1}. Paper ${i + 1} — Ada Author et al., 2023\n     https://scholar.google.com/scholar?q=Paper+${i + 1}`,
        ).join('\n');
      const r = parseChecked(text);
      expect(r.sources.length).toBe(n);
      expect(r.sources[n - 1]).toMatchObject({ number: n, title: `Paper ${n}`, year: 2023 });
    },
    WORST_TIMEOUT,
  );

  it(
    '50,000 glued "https://" starts',
    () => {
      parseChecked('Sources: ' + 'https://'.repeat(50_000));
    },
    WORST_TIMEOUT,
  );

  it(
    '30,000 glued arXiv URLs after "Sources: " (the early-2026 form, about 1 MB)',
    () => {
      const urls = Array.from(
        { length: 30_000 },
        (_, i) => `https://arxiv.org/html/2412.${String(i).padStart(5, '0')}v1`,
      );
      const r = parseChecked('Sources: ' + urls.join(''));
      expect(r.sources.length).toBe(urls.length);
      expect(r.sources[urls.length - 1].url).toBe(urls[urls.length - 1]);
    },
    WORST_TIMEOUT,
  );

  it(
    '100,000 "Sources: " labels',
    () => {
      parseChecked('Sources: '.repeat(100_000));
    },
    WORST_TIMEOUT,
  );

  it(
    '100,000 "(1) " markers',
    () => {
      parseChecked('(1) '.repeat(100_000));
    },
    WORST_TIMEOUT,
  );

  it(
    '50,000 "Interactive Visualization: " labels, with and without "["',
    () => {
      parseChecked('Interactive Visualization: '.repeat(50_000) + VIZ + 'x-7cc949.html');
      parseChecked('Interactive Visualization: ['.repeat(50_000));
    },
    WORST_TIMEOUT,
  );

  it(
    '1 MB without any whitespace: "1." repeated after "Sources:", "2025" repeated after "Source: "',
    () => {
      parseChecked('Sources:' + '1.'.repeat(MB / 2));
      parseChecked('Source: ' + '2025'.repeat(MB / 4));
    },
    WORST_TIMEOUT,
  );

  it(
    'a legacy block whose glued title is 500 kB without spaces',
    () => {
      parseChecked(
        'Source:\nMarch 2025\n' + 'Title'.repeat(100_000) + 'https://arxiv.org/abs/2501.00663',
      );
    },
    WORST_TIMEOUT,
  );

  it(
    '20,000 legacy blocks',
    () => {
      const text =
        'Source:\n' +
        Array.from(
          { length: 20_000 },
          (_, i) =>
            `${i + 1})\nMarch 2025\nPaper ${i + 1}\nSome University\nAda Author, Bob Author\nhttps://arxiv.org/abs/2503.${String(i + 1).padStart(5, '0')}`,
        ).join('\n');
      const r = parseChecked(text);
      expect(r.sources.length).toBe(20_000);
    },
    WORST_TIMEOUT,
  );
});
