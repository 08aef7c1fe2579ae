/**
 * The real `library` command (a dry run of "import a reference library"): its JSON for a corpus
 * file is the dry run `expected.json` holds for it, it writes nothing, and a file that is not a
 * library gives exit status 1 and one line on stderr, no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const CORPUS = join(ROOT, 'tests', 'fixtures', 'library', 'corpus');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the test. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecast-library-'));
  tempDirs.push(dir);
  return dir;
}

function library(args: string[], cwd = ROOT) {
  // The project's tsconfig, named outright, resolves the `@/` imports from any working folder.
  const tsconfig = ['--tsconfig', join(ROOT, 'tsconfig.json')];
  const r = spawnSync(TSX, [...tsconfig, join(ROOT, 'scripts', 'library.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run library -- FILE', () => {
  it(
    'prints the format, the papers and the refused entries of a corpus file',
    {
      timeout: 60_000,
    },
    () => {
      const file = 'bbt-2660-plus-in-field-name.bib';
      const r = library([join(CORPUS, file)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout) as {
        format: string;
        papers: Record<string, unknown>[];
        refused: { line: number; reason: string }[];
      };
      const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8'))[file];
      expect(json.format).toBe('bibtex');
      expect(json.refused).toEqual(expected.refused);
      expect(json.papers.map(({ citeKey: _, ...p }) => p)).toEqual(expected.papers);
      for (const paper of json.papers) {
        expect(Object.keys(paper)).toEqual(
          expect.arrayContaining(['key', 'title', 'authors', 'year', 'arxivId', 'doi']),
        );
      }
    },
  );

  it('writes nothing: the folder it runs in stays as it was', { timeout: 60_000 }, () => {
    const dir = tempDir();
    const file = join(dir, 'lib.ris');
    writeFileSync(file, readFileSync(join(CORPUS, 'jabref-RisImporterTestScopus.ris')));
    const r = library([file], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('ris');
    expect(readdirSync(dir)).toEqual(['lib.ris']);
  });

  it.each([
    ['plain text', 'notes.txt', 'just some notes, not a library', /not BibTeX, RIS or CSL-JSON/],
    ['broken JSON', 'x.json', '[{"title": "x"', /not valid JSON/],
    ['only comments', 'c.bib', '@comment{nothing here}\n', /holds no entry/],
  ])('%s: exit 1 and one line on stderr', { timeout: 60_000 }, (_name, name, text, reason) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    const r = library([join(dir, name)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file or no FILE: exit 1 and one line', { timeout: 60_000 }, () => {
    for (const args of [['/no/such/file.bib'], []]) {
      const r = library(args);
      expect(r.status).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
