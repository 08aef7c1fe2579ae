/**
 * An independent check of the site readers: pages in tests/fixtures/independent/ were written
 * from the reference (../shared/reference/) only, without reading lib/hosts/ or the per-host
 * fixtures, and their expected JSON (the fields `parse` promises) was set by hand from the reference.
 * Each page goes through the real `parse` command, as tests/unit/hosts/parse-cli.test.ts does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const DIR = join(ROOT, 'tests', 'fixtures', 'independent');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const SOURCE_FIELDS = ['title', 'authors', 'year', 'url', 'kind', 'arxivId', 'pdfUrl'] as const;
const EPISODE_FIELDS = ['title', 'published', 'audioUrl', 'visualizationUrl'] as const;

interface Json {
  episodes: Array<Record<string, unknown> & { sources: Array<Record<string, unknown>> }>;
}

/** The contract's required fields only, so extra fields (ranges, duration, notes) do not matter. */
function contractFields(json: Json): Json {
  return {
    episodes: json.episodes.map((e) => ({
      ...Object.fromEntries(EPISODE_FIELDS.map((k) => [k, e[k]])),
      sources: e.sources.map((s) => Object.fromEntries(SOURCE_FIELDS.map((k) => [k, s[k]]))),
    })),
  };
}

/** Runs `parse FILE --url URL --now 2026-05-28` through tsx, as `npm run --silent parse` does. */
function parse(
  file: string,
  url: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    TSX,
    [join(ROOT, 'scripts', 'parse.ts'), join(DIR, file), '--url', url, '--now', '2026-05-28'],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAGES: Array<[file: string, url: string]> = [
  [
    'site-episode.html',
    'https://podcast.do-not-panic.com/episodes/memory-compute-kv-eviction-under-pressure/',
  ],
  ['site-month-2026-01.html', 'https://podcast.do-not-panic.com/2026/01/index.html'],
  ['site-home.html', 'https://podcast.do-not-panic.com/'],
  ['podimo-episode-da.html', 'https://podimo.com/dk/episode/4d5e6f00-0000-4000-8000-000000000000'],
  ['podimo-show-de.html', 'https://podimo.com/de/shows/ai-post-transformers'],
  ['spotify-episode.html', 'https://open.spotify.com/episode/5kX9pQ2rT7vW1yZ3aB4cD6'],
  [
    'apple-episode.html',
    'https://podcasts.apple.com/us/podcast/cache-aware-routing-for-llm-fleets/id1800000000?i=1000712345678',
  ],
  ['feed.xml', 'https://podcast.do-not-panic.com/feed.xml'],
  ['generic-blog-post.html', 'https://example.org/post'],
];

describe('parse on independently written pages', { timeout: 60_000 }, () => {
  for (const [file, url] of PAGES) {
    it(file, () => {
      const expected = JSON.parse(
        readFileSync(join(DIR, 'expected', `${file}.json`), 'utf8'),
      ) as Json;
      const r = parse(file, url);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(contractFields(JSON.parse(r.stdout) as Json)).toEqual(expected);
    });
  }
});
