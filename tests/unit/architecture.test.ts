/**
 * The layout's rules, kept by a test rather than by memory. The folders form layers (the README's
 * "Architecture" section draws them), and these checks keep them layers:
 * - every project import goes through `@/`, so moving a file only changes the lines that name it;
 * - no cycle between `lib/` folders, counting type-only imports, so each folder can be read alone;
 * - `lib/` never reaches up into `entrypoints/` or `components/`;
 * - the content script (and all it imports) never loads the store or IndexedDB: the library lives
 *   in the background, and the page's process gets only the answers it asked for;
 * - the readers (`lib/sources`, `lib/links`, `lib/hosts`) never touch the extension API, so they run
 *   unchanged in the `parse` command and in unit tests;
 * - comments never send the reader to an issue number or to a file the repository does not hold.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const CODE_DIRS = ['lib', 'components', 'entrypoints', 'scripts', 'tests'];
const SOURCE = /\.(?:m?[jt]sx?)$/;

/** Every source file under `dir` (repo-relative, forward slashes). */
function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => `${dir}/${f.split('\\').join('/')}`)
    .filter((f) => !f.includes('node_modules') && !f.startsWith('tests/fixtures/'))
    .filter((f) => SOURCE.test(f) && statSync(join(ROOT, f)).isFile())
    .sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module names a source file imports (static, re-exports, type-only and dynamic). */
export function importsOf(source: string): string[] {
  return importsWithKind(source).map((i) => i.name);
}

/** Each import of a source file, and whether it is type-only (erased from the built code). */
export function importsWithKind(source: string): { name: string; typeOnly: boolean }[] {
  return [...source.matchAll(IMPORT)].map((m) => ({
    name: (m[2] ?? m[3])!,
    typeOnly: m[1] !== undefined,
  }));
}

/** The repo-relative file an `@/` import names, or null for packages and unresolved names. */
export function resolveImport(name: string, exists: (file: string) => boolean): string | null {
  if (!name.startsWith('@/')) return null;
  const base = name.slice(2).replace(/\.(?:m?[jt]sx?)$/, '');
  for (const candidate of [
    name.slice(2),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ]) {
    if (exists(candidate)) return candidate;
  }
  return null;
}

/** The `lib/` folder a file belongs to (`lib/store/db.ts` → `lib/store`, `lib/x.ts` → `lib/x`). */
export function libFolder(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'lib' || parts.length < 2) return null;
  return parts.length === 2 ? `lib/${parts[1]!.replace(SOURCE, '')}` : `lib/${parts[1]}`;
}

/** The strongly connected groups of more than one node in `graph` (Tarjan), each sorted. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, order.get(next)!));
      }
    }
    if (low.get(node) === order.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!order.has(node)) visit(node);
  return found;
}

/** The comments of a source file, each with its 1-based line. Strings are skipped roughly. */
export function commentsOf(source: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const pattern =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  for (const m of source.matchAll(pattern)) {
    if (!m[0].startsWith('/')) continue;
    found.push({ line: source.slice(0, m.index).split('\n').length, text: m[0] });
  }
  return found;
}

const ISSUE_REFERENCE = /\b(?:issues?|ticket)\s*#?\s*\d+|#\d{1,4}\b(?!\s*[\])])/i;
const FILE_REFERENCE = /(?<![\w@/.-])((?:[\w-]+\/)*[\w-]+\.(?:md|ts|tsx|json|html))\b/g;

/** What a comment points to outside the repository: issue numbers and files `known` lacks. */
export function outsideReferences(comment: string, known: (name: string) => boolean): string[] {
  const found: string[] = [];
  const issue = ISSUE_REFERENCE.exec(comment);
  if (issue) found.push(issue[0].trim());
  for (const m of comment.matchAll(FILE_REFERENCE)) if (!known(m[1]!)) found.push(m[1]!);
  return found;
}

const SELF = 'tests/unit/architecture.test.ts';
const FILES = CODE_DIRS.flatMap(sourceFiles).filter((file) => file !== SELF);
const FILE_SET = new Set(FILES);
const exists = (file: string) => FILE_SET.has(file) || existsSync(join(ROOT, file));
const IMPORTS = new Map(
  FILES.map((file) => [
    file,
    importsWithKind(read(file))
      .map(({ name, typeOnly }) => ({ name, typeOnly, file: resolveImport(name, exists) }))
      .filter(
        (i) =>
          i.name.startsWith('@/') ||
          i.name.startsWith('.') ||
          i.name === 'idb' ||
          i.name === 'valibot',
      ),
  ]),
);

/** Every project file `start` loads at run time through its imports, itself included. */
function reachable(start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of IMPORTS.get(file) ?? []) if (i.file && !i.typeOnly) todo.push(i.file);
  }
  return seen;
}

const REPO_NAMES = (() => {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      if (
        entry.name === 'node_modules' ||
        entry.name === '.git' ||
        entry.name.startsWith('.output')
      )
        continue;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else {
        names.add(path);
        names.add(entry.name);
      }
    }
  };
  walk('');
  // An extension page is named after its entrypoint folder (`entrypoints/popup/` is popup.html).
  for (const name of [...names]) {
    const page = /^entrypoints\/([\w-]+)\/index\.html$/.exec(name);
    if (page) names.add(`${page[1]}.html`);
  }
  return names;
})();
const inRepo = (name: string) => REPO_NAMES.has(name) || REPO_NAMES.has(basename(name));

describe('the layout checkers themselves', () => {
  it('read every kind of import', () => {
    const src = [
      "import { a } from '@/lib/a';",
      "import type { B } from '@/lib/b';",
      "export * from '@/lib/c';",
      "import '@/lib/d';",
      "const e = await import('@/lib/e');",
      "import x from 'preact';",
    ].join('\n');
    expect(importsOf(src)).toEqual([
      '@/lib/a',
      '@/lib/b',
      '@/lib/c',
      '@/lib/d',
      '@/lib/e',
      'preact',
    ]);
  });

  it('find a cycle between folders, and none in a layered graph', () => {
    const layered = new Map([
      ['lib/store', new Set(['lib/core'])],
      ['lib/arxiv', new Set(['lib/store', 'lib/core'])],
    ]);
    expect(cycles(layered)).toEqual([]);
    layered.get('lib/store')!.add('lib/arxiv');
    expect(cycles(layered)).toEqual([['lib/arxiv', 'lib/store']]);
  });

  it('find comments that point outside the repository', () => {
    const known = (name: string) => name === 'README.md' || name === 'lib/core/urls.ts';
    expect(outsideReferences('// see issue 5 for why', known)).toEqual(['issue 5']);
    expect(outsideReferences('/* the rule in CONTRACT.md §3 */', known)).toEqual(['CONTRACT.md']);
    expect(outsideReferences('// users.md item 12 asks for it', known)).toEqual(['users.md']);
    expect(
      outsideReferences('// README.md explains; lib/core/urls.ts holds the gate', known),
    ).toEqual([]);
    expect(outsideReferences('// 5 issues at most; #fff is white', known)).toEqual([]);
  });
});

describe('the layout', () => {
  it('every project import goes through @/', () => {
    const offenders = [...IMPORTS].flatMap(([file, list]) =>
      list.filter((i) => i.name.startsWith('.')).map((i) => `${file}: ${i.name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every @/ import names a file that exists', () => {
    const offenders = [...IMPORTS].flatMap(([file, list]) =>
      list.filter((i) => i.name.startsWith('@/') && !i.file).map((i) => `${file}: ${i.name}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no cycle between lib/ folders, type-only imports included', () => {
    const graph = new Map<string, Set<string>>();
    const edges: string[] = [];
    for (const [file, list] of IMPORTS) {
      const from = libFolder(file);
      if (!from) continue;
      for (const i of list) {
        const to = i.file && libFolder(i.file);
        if (!to || to === from) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
        edges.push(`${from} -> ${to} (${file})`);
      }
    }
    const found = cycles(graph);
    const explain = found.map((group) =>
      edges.filter(
        (e) =>
          group.includes(e.split(' -> ')[0]!) && group.includes(e.split(' -> ')[1]!.split(' ')[0]!),
      ),
    );
    expect(found, JSON.stringify(explain, null, 1)).toEqual([]);
  });

  // The ground layer: keys, limits and the link gate hold for every other folder alike.
  it('lib/core imports nothing outside lib/core, type-only imports included', () => {
    const offenders = [...IMPORTS]
      .filter(([file]) => file.startsWith('lib/core/'))
      .flatMap(([file, list]) =>
        list.filter((i) => !i.file?.startsWith('lib/core/')).map((i) => `${file}: ${i.name}`),
      );
    expect(offenders).toEqual([]);
  });

  it('lib/ never imports entrypoints/ or components/', () => {
    const offenders = [...IMPORTS]
      .filter(([file]) => file.startsWith('lib/'))
      .flatMap(([file, list]) =>
        list
          .filter((i) => i.file && /^(?:entrypoints|components)\//.test(i.file))
          .map((i) => `${file}: ${i.name}`),
      );
    expect(offenders).toEqual([]);
  });

  it('the content script never loads the store or IndexedDB', () => {
    const entries = FILES.filter((f) => /^entrypoints\/(?:content\/|[\w-]+\.content\.ts$)/.test(f));
    expect(entries.length).toBeGreaterThan(0);
    const reached = [...reachable(entries)];
    const offenders = reached.filter(
      (file) =>
        file.startsWith('lib/store/') ||
        (IMPORTS.get(file) ?? []).some((i) => i.name === 'idb') ||
        /\bindexedDB\b/.test(read(file).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')),
    );
    expect(offenders).toEqual([]);
  });

  // Every kilobyte of the content script loads on every page of the show: schemas and the
  // extension pages' texts (their strings, the errors of files and backups) stay out of it.
  it('the content script carries no schema library and no texts of the extension pages', () => {
    const entries = FILES.filter((f) => /^entrypoints\/(?:content\/|[\w-]+\.content\.ts$)/.test(f));
    const reached = [...reachable(entries)];
    const offenders = reached.filter(
      (file) =>
        file === 'lib/i18n/pages.ts' ||
        file === 'lib/i18n/errors.ts' ||
        file.startsWith('lib/schemas/') ||
        (IMPORTS.get(file) ?? []).some((i) => i.name === 'valibot'),
    );
    expect(offenders).toEqual([]);
  });

  it('the readers never use the extension API', () => {
    const readers = FILES.filter((f) => /^lib\/(?:sources|links|hosts)\//.test(f));
    expect(readers.length).toBeGreaterThan(0);
    const offenders = readers.filter((file) =>
      /\b(?:browser|chrome)\.\w/.test(read(file).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')),
    );
    expect(offenders).toEqual([]);
  });

  it('comments never point to an issue number or a file the repository lacks', () => {
    const offenders = FILES.flatMap((file) =>
      commentsOf(read(file)).flatMap((c) =>
        outsideReferences(c.text, inRepo).map((what) => `${file}:${c.line}: ${what}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
