/**
 * The release's own files: one version (package.json, named in the changelog), the store
 * listing's texts in both languages within the stores' limits, and screenshots at the size the
 * Chrome Web Store asks for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('release files', () => {
  it('the changelog names the version package.json carries, as its newest release', () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const releases = [
      ...read('CHANGELOG.md').matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm),
    ];
    expect(releases[0]?.[1]).toBe(version);
  });

  it('has short descriptions within the Chrome Web Store limit and long ones, in English and Norwegian', () => {
    for (const lang of ['en', 'nb']) {
      const short = read(`store/${lang}/short-description.txt`).trim();
      expect(short.length).toBeGreaterThan(20);
      expect(short.length).toBeLessThanOrEqual(132);
      expect(read(`store/${lang}/description.md`).length).toBeGreaterThan(500);
    }
  });

  it('the privacy statement says what leaves the machine, in both languages', () => {
    const statement = read('store/privacy.md');
    for (const heading of ['## English', '## Norsk']) expect(statement).toContain(heading);
    for (const word of ['arXiv', 'Zotero', 'sync', 'synkronisering', 'IndexedDB']) {
      expect(statement).toContain(word);
    }
  });

  it('the store screenshots are 1280×800', () => {
    const dir = join(ROOT, 'store', 'screenshots');
    const shots = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(shots.length).toBeGreaterThanOrEqual(3);
    for (const shot of shots)
      expect(pngSize(join(dir, shot))).toEqual({ width: 1280, height: 800 });
  });
});
