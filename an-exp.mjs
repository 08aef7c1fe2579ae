import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const mode = process.argv[2];
const plugin = { name: 'x', setup(b) { b.onLoad({ filter: /lib\/(i18n|content)\/.*\.ts$/ }, (a) => {
  let s = readFileSync(a.path, 'utf8');
  if ((mode === 'nb' || mode==='both') && a.path.match(/i18n\/(index|errors)\.ts$/)) s = s.replace(/const NB: (\w+) = \{[\s\S]*?\n\};/, 'const NB: $1 = {} as any;');
  if ((mode === 'err' || mode==='both') && a.path.endsWith('i18n/errors.ts')) s = s.replace(/\n  \/\/ Library files[\s\S]*?\n\} as const;/, '\n} as const;').replace(/\n  \/\/ Library files[\s\S]*?\n\};/, '\n};');
  if (mode === 'err2' && a.path.endsWith('i18n/errors.ts')) s = s.replace(/\n  '(library|feed|backup|check|papers)\.[^']*':[\s\S]*?[`'"],(?=\n)/g, '');
  if (mode === 'styles' && a.path.endsWith('content/styles.ts')) s = s.replace(/`[\s\S]*?`/g, '``');
  return { contents: s, loader: 'ts' };
}); } };
const r = await esbuild.build({
  entryPoints: ['entrypoints/content/index.ts'], bundle: true, minify: true, write: false, format: 'iife', plugins: [plugin],
  alias: { '@': process.cwd() }, jsx: 'automatic', jsxImportSource: 'preact', outfile: '/tmp/x.js', logLevel: 'error',
});
console.log(mode, 'total', r.outputFiles[0].contents.length, 'gzip', gzipSync(r.outputFiles[0].contents, {level:9}).length);
