/**
 * Conventions kept by a test rather than by memory (in the style of refined-github's meta tests):
 * - no HTML-string sinks in extension code (XSS, and AMO review flags them);
 * - every exported function in lib/ has a JSDoc comment directly above it;
 * - no focused or skipped tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** Every file under `dir` (relative to the repo root) whose name matches `pattern`. */
function files(dir: string, pattern: RegExp): string[] {
  const abs = join(ROOT, dir);
  try {
    if (!statSync(abs).isDirectory()) return [];
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => !f.split(/[\\/]/).includes('node_modules') && pattern.test(f))
    .filter((f) => statSync(join(ROOT, f)).isFile())
    .sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const SOURCE = /\.(m?[jt]sx?)$/;
const TEST_FILE = /\.test\.[jt]sx?$/;

const HTML_SINK =
  /\.innerHTML\b|\.outerHTML\s*=|\binsertAdjacentHTML\b|\bdocument\.write(?:ln)?\s*\(|\bdangerouslySetInnerHTML\b/;

/** Lines (1-based) of `source` that write HTML strings into the DOM. */
export function htmlSinks(source: string): number[] {
  return source.split('\n').flatMap((line, i) => (HTML_SINK.test(line) ? [i + 1] : []));
}

const EXPORTED_FUNCTION =
  /^export\s+(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w*)|^export\s+const\s+(\w+)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|(?:<[^>]*>)?\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>)/;

/** Names (with line numbers) of exported functions in `source` with no JSDoc directly above. */
export function undocumentedExports(source: string): string[] {
  const lines = source.split('\n');
  const missing: string[] = [];
  let previousName: string | null = null;
  let previousWasOverload = false;
  lines.forEach((line, i) => {
    const match = EXPORTED_FUNCTION.exec(line);
    if (!match) {
      if (line.trim() !== '') previousWasOverload = false;
      return;
    }
    const name = match[1] || match[2] || 'default';
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const above = j >= 0 ? lines[j]!.trim() : '';
    const isOverloadContinuation = previousWasOverload && previousName === name;
    let documented = false;
    if (above.endsWith('*/')) {
      let k = j;
      while (k >= 0 && !lines[k]!.includes('/*')) k--;
      documented = k >= 0 && lines[k]!.trim().startsWith('/**');
    }
    if (!documented && !isOverloadContinuation) missing.push(`${name} (line ${i + 1})`);
    previousName = name;
    previousWasOverload = /\)\s*:[^{]*;\s*$|\);\s*$/.test(line);
  });
  return missing;
}

const FOCUSED = new RegExp(
  String.raw`\b(?:it|test|describe|suite|bench)(?:\.\w+)*\.(?:only|skip)\b`,
);

/** Lines (1-based) of `source` with a focused or skipped test. */
export function focusedOrSkipped(source: string): number[] {
  return source.split('\n').flatMap((line, i) => (FOCUSED.test(line) ? [i + 1] : []));
}

describe('the checkers themselves', () => {
  it('find HTML sinks', () => {
    expect(htmlSinks('a.textContent = x;\nel.innerHTML = x;')).toEqual([2]);
    expect(htmlSinks("el.insertAdjacentHTML('beforeend', x)")).toEqual([1]);
    expect(htmlSinks('document.write(x)')).toEqual([1]);
    expect(htmlSinks('<div dangerouslySetInnerHTML={{ __html: x }} />')).toEqual([1]);
    expect(htmlSinks('const html = "innerHTML is never used here";')).toEqual([]);
  });

  it('find exported functions without JSDoc', () => {
    const src = [
      '/** Documented. */',
      'export function a() {}',
      '',
      '// not JSDoc',
      'export function b() {}',
      'export async function c() {}',
      '/**',
      ' * Documented arrow.',
      ' */',
      'export const d = (x: number) => x;',
      'export const e = 3;',
      '/* plain block */',
      'export const f = async () => 1;',
      '/** Overloaded. */',
      'export function g(x: string): string;',
      'export function g(x: number): number;',
      'export function g(x: unknown) { return x; }',
    ].join('\n');
    expect(undocumentedExports(src)).toEqual(['b (line 5)', 'c (line 6)', 'f (line 13)']);
  });

  it('find focused and skipped tests', () => {
    expect(
      focusedOrSkipped("it('x', () => {});\nit.only('y', f);\ndescribe.skip('z', f);"),
    ).toEqual([2, 3]);
    expect(focusedOrSkipped("test.concurrent.only('x', f)")).toEqual([1]);
    expect(focusedOrSkipped('const skip = 1; options.only = true;')).toEqual([]);
  });
});

describe('conventions', () => {
  it('extension code never writes HTML strings into the DOM', () => {
    const offenders = ['lib', 'entrypoints', 'components']
      .flatMap((dir) => files(dir, SOURCE))
      .flatMap((file) => htmlSinks(read(file)).map((line) => `${file}:${line}`));
    expect(offenders, 'use textContent / DOM building (or Preact) instead').toEqual([]);
  });

  it('every exported function in lib/ has a JSDoc comment directly above it', () => {
    const offenders = files('lib', /\.tsx?$/)
      .filter((file) => !TEST_FILE.test(file))
      .flatMap((file) => undocumentedExports(read(file)).map((what) => `${file}: ${what}`));
    expect(offenders).toEqual([]);
  });

  it('no test is focused or skipped', () => {
    const testFiles = [
      ...files('tests', SOURCE),
      ...['lib', 'entrypoints', 'components', 'scripts'].flatMap((dir) => files(dir, TEST_FILE)),
    ].filter((file) => file !== SELF);
    expect(testFiles.length).toBeGreaterThan(0);
    const offenders = testFiles.flatMap((file) =>
      focusedOrSkipped(read(file)).map((line) => `${file}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
