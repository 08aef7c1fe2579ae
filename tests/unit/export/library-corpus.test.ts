/**
 * Real library files that no one here wrote (tests/fixtures/library/corpus/, see its README):
 * each gives the papers and the refused entries `expected.json` lists for it, through the dry
 * run the `library` command prints, and none that holds references is refused as a whole.
 * Then hostile files made here: an unclosed brace, NUL bytes, a byte-order mark with Windows
 * line ends, UTF-16, braces nested thousands deep, 100,000 entries, a file of 50 MB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dryRunLibrary, type DryRunPaper, type DryRunResult } from '@/lib/export/library-import';
import { MAX_LIBRARY_BYTES } from '@/lib/export/library-parse';
import { decodeLibraryBytes } from '@/lib/export/library-text';

const CORPUS = join(fileURLToPath(new URL('.', import.meta.url)), '../../fixtures/library/corpus');

interface Expected {
  format: string;
  papers: Omit<DryRunPaper, 'citeKey'>[];
  refused: { line: number; reason: string }[];
}

const EXPECTED = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>;
const FILES = readdirSync(CORPUS).filter(
  (f) => /\.(?:bib|ris|json)$/.test(f) && f !== 'expected.json',
);

/** What a dry run gives, in the fields `expected.json` keeps. */
function shown(result: DryRunResult) {
  if (!result.ok) return { refusedWhole: result.reason };
  return {
    format: result.format,
    papers: result.papers.map(({ line, key, title, authors, year, arxivId, doi }) => ({
      line,
      key,
      title,
      authors,
      year,
      arxivId,
      doi,
    })),
    refused: result.refused.map(({ line, reason }) => ({ line, reason })),
  };
}

/** The dry run of a corpus file, read as the library page reads it. */
function read(file: string): DryRunResult {
  return dryRunLibrary(decodeLibraryBytes(readFileSync(join(CORPUS, file))));
}

describe('the real-world corpus', () => {
  it('holds at least 50 files, each with its expected result', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(EXPECTED).sort()).toEqual([...FILES].sort());
  });

  it.each(FILES)('%s gives the expected papers and refusals', (file) => {
    expect(shown(read(file))).toEqual(EXPECTED[file]);
  });

  it('no file is refused as a whole, and each gives a paper or says why not', () => {
    for (const file of FILES) {
      const result = read(file);
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(result.papers.length + result.refused.length).toBeGreaterThan(0);
    }
  });

  // Spot checks of what the corpus files say, written from the files, not from the output.
  it.each<[string, Partial<Expected['papers'][number]>]>([
    ['jabref-arXiv-minimal.bib', { key: 'arxiv:2408.12345', arxivId: '2408.12345', year: 2024 }],
    [
      'bbt-871-round-brackets.bib',
      {
        title: 'The CONNIVER Reference Manual',
        authors: ['Drew V. McDermott', 'Gerald J. Sussman'],
      },
    ],
    ['bbt-716-space-after-key.bib', { title: 'Phase transitions', authors: ['Hoffmann'] }],
    ['jabref-RisImporterTest4b.ris', { authors: ['W. F. Robinson', 'C. R. R. Huxtable'] }],
    ['bbt-qiqqa.bib', { title: 'Matters of (meta-) modeling', authors: ['Thomas Kühne'] }],
    ['bbt-crossref.bib', { title: 'Lebanon', year: 2004 }],
    ['jabref-RisImporterTestDoiAndJournalTitle.ris', { doi: '10.1201/b19107-2' }],
    ['citationjs-issue-215-no-er.ris', { year: 2019, authors: ['Bill Brubaker'] }],
    ['bbt-3327-en-dash.csl.json', { doi: '10.1080/15387216.2023.2258150', year: 2023 }],
  ])('%s reads as the file says', (file, fields) => {
    const result = read(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.papers[0]).toMatchObject(fields);
  });
});

/** `text` with `insert` placed before its `n`-th line that opens an entry. */
function beforeEntry(text: string, n: number, insert: string): string {
  const at = [...text.matchAll(/^[ \t]*@/gm)][n]!.index;
  return text.slice(0, at) + insert + text.slice(at);
}

describe('hostile files', () => {
  const BIBDESK = readFileSync(join(CORPUS, 'bbt-bibdesk.bib'), 'utf8');
  const bibdesk = EXPECTED['bbt-bibdesk.bib']!;

  it('an unclosed brace loses its own entry only, listed with its line', () => {
    const text = beforeEntry(BIBDESK, 1, '@article{broken,\n  title = {Never closed,\n\n');
    const result = shown(dryRunLibrary(text));
    const line = text.slice(0, text.indexOf('@article{broken')).split('\n').length;
    expect(result).toMatchObject({
      papers: [{ key: bibdesk.papers[0]!.key }, { key: bibdesk.papers[1]!.key }],
      refused: [{ line, reason: 'a brace or quote is never closed' }],
    });
  });

  it('NUL bytes are dropped, the entries read as without them', () => {
    const text = BIBDESK.replace(/Journal = /g, 'Jour\0nal = ').replace(/\n\n/g, '\n\0\0\n');
    expect(shown(dryRunLibrary(text))).toEqual(bibdesk);
  });

  it('a byte-order mark, Windows line ends, UTF-16: each as the plain file', () => {
    for (const file of ['jabref-RisImporterTestScopus.ris', 'bbt-bibdesk.bib']) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const windows = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      expect(shown(dryRunLibrary(windows)), file).toEqual(EXPECTED[file]);
      const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
      expect(shown(dryRunLibrary(decodeLibraryBytes(utf16))), file).toEqual(EXPECTED[file]);
    }
  });

  it('braces nested 20,000 deep: that entry is refused, its neighbours read', () => {
    const deep = `${'{'.repeat(20_000)}x${'}'.repeat(20_000)}`;
    const text = `@misc{a, title = {First}}\n@misc{deep, title = {${deep}}}\n@misc{b, title = {Last}}\n`;
    expect(shown(dryRunLibrary(text))).toMatchObject({
      papers: [{ title: 'First' }, { title: 'Last' }],
      refused: [{ line: 2, reason: 'its braces are nested too deeply' }],
    });
  });

  it('100,000 entries are all read, with their lines', { timeout: 300_000 }, () => {
    const n = 100_000;
    const text = Array.from({ length: n }, (_, i) => `@misc{k${i}, title = {Paper ${i}}}`).join(
      '\n',
    );
    const result = dryRunLibrary(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.refused).toEqual([]);
    expect(result.papers.length).toBe(n);
    expect(result.papers[n - 1]).toMatchObject({ line: n, title: `Paper ${n - 1}` });
    expect(result.papers[54_321]).toMatchObject({ line: 54_322, citeKey: 'k54321' });
  });

  it('a file of 50 MB is read; one byte more is refused unread', { timeout: 300_000 }, () => {
    const head = `${BIBDESK}\n@misc{big, title = {A long abstract}, abstract = {`;
    const tail = '}}\n';
    const filler = 'x'.repeat(MAX_LIBRARY_BYTES - Buffer.byteLength(head + tail));
    const text = head + filler + tail;
    expect(Buffer.byteLength(text)).toBe(MAX_LIBRARY_BYTES);
    const result = shown(dryRunLibrary(text));
    expect(result).toMatchObject({
      papers: [...bibdesk.papers, { title: 'A long abstract' }],
      refused: [],
    });
    expect(dryRunLibrary(`${text} `)).toMatchObject({
      ok: false,
      reason: `the file is larger than ${MAX_LIBRARY_BYTES} bytes`,
    });
  });
});
