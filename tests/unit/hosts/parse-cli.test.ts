/**
 * The real `parse` command on the per-host fixtures: its JSON (the contract's fields) must equal
 * the expected files in tests/fixtures/expected/, which were written from the episodes'
 * data, not from the readers' output. Bad input: exit status 1 and one line on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// Files written for a test, removed after it (the big-page test writes 40 MB each run).
const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed after the test. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecast-parse-'));
  tempDirs.push(dir);
  return dir;
}

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function parse(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'parse.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SOURCE_FIELDS = ['title', 'authors', 'year', 'url', 'kind', 'arxivId', 'pdfUrl'] as const;
const EPISODE_FIELDS = ['title', 'published', 'audioUrl', 'visualizationUrl'] as const;

interface Json {
  episodes: Array<Record<string, unknown> & { sources: Array<Record<string, unknown>> }>;
}

/** The contract's required fields only, so extras (ranges, duration) do not matter here. */
function contractFields(json: Json): Json {
  return {
    episodes: json.episodes.map((e) => ({
      ...Object.fromEntries(EPISODE_FIELDS.map((k) => [k, e[k]])),
      sources: e.sources.map((s) => Object.fromEntries(SOURCE_FIELDS.map((k) => [k, s[k]]))),
    })),
  };
}

const CASES: Array<[file: string, url: string | null]> = [
  ['site/month-2026-05.html', 'https://podcast.do-not-panic.com/2026/05/index.html'],
  [
    'site/conference-neurips-2025.html',
    'https://podcast.do-not-panic.com/conference/neurips-2025/',
  ],
  ['site/home.html', 'https://podcast.do-not-panic.com/'],
  ['site/about-no-sources.html', 'https://podcast.do-not-panic.com/about/'],
  ['feed/feed.xml', null],
  ['podimo/show-nb.html', 'https://podimo.com/no/shows/ai-post-transformers'],
  ['podimo/episode-da-cut.html', 'https://podimo.com/dk/episode/0000000a-aaaa'],
  ['spotify/episode.html', 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk'],
  [
    'apple/episode.html',
    'https://podcasts.apple.com/gb/podcast/ai-post-transformers/id1234567890?i=1000700000000',
  ],
];

describe('npm run parse on host fixtures', { timeout: 60_000 }, () => {
  for (const [file, url] of CASES) {
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, 'expected', `${file.replace('/', '__')}.json`), 'utf8'),
    ) as Json;
    it(`${file} with --url`, () => {
      const args = [join(FIXTURES, file), '--now', '2026-05-28'];
      if (url) args.push('--url', url);
      const r = parse(args);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(contractFields(JSON.parse(r.stdout) as Json)).toEqual(expected);
    });
    if (url) {
      it(`${file} without --url (reader guessed from the content)`, () => {
        const r = parse([join(FIXTURES, file), '--now', '2026-05-28']);
        expect(r.status).toBe(0);
        expect(contractFields(JSON.parse(r.stdout) as Json)).toEqual(expected);
      });
    }
  }

  it('the reference episode page gives exactly its four sources', () => {
    const r = parse([join(FIXTURES, 'site', 'episode.html')]);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.episodes).toHaveLength(1);
    expect(contractFields(json).episodes[0]).toEqual({
      title: 'Synthetic Episode Title',
      published: '2026-05-20',
      audioUrl:
        'https://podcast.do-not-panic.com/episodes/2026-05-20-synthetic-episode-title-7cc949.mp3',
      visualizationUrl:
        'https://podcast.do-not-panic.com/viz/2026-05-20-synthetic-episode-title-7cc949.html',
      sources: [
        {
          title: 'Paper A Title: A Subtitle',
          authors: ['Author One', 'Author Two'],
          year: 2025,
          url: 'http://arxiv.org/abs/2501.00663v1',
          kind: 'paper',
          arxivId: '2501.00663',
          pdfUrl: 'https://arxiv.org/pdf/2501.00663v1',
        },
        {
          title: 'Paper B Title',
          authors: ['Smith'],
          year: 2023,
          url: 'https://scholar.google.com/scholar?q=Paper+B+Title',
          kind: 'paper',
          arxivId: null,
          pdfUrl: null,
        },
        {
          title: 'Paper C Title',
          authors: [],
          year: null,
          url: 'https://scholar.google.com/scholar?q=Paper+C+Title',
          kind: 'paper',
          arxivId: null,
          pdfUrl: null,
        },
        {
          title: 'Prior Episode Title',
          authors: ['Hal Turing', 'Dr. Ada Shannon'],
          year: 2026,
          url: 'https://podcast.do-not-panic.com/episodes/2026-05-01-prior-episode-title-abc123.mp3',
          kind: 'episode',
          arxivId: null,
          pdfUrl: null,
        },
      ],
    });
  });

  it('XML that is not RSS: exit 1 and one line on stderr', () => {
    const r = parse([join(FIXTURES, 'feed', 'not-rss.xml')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not an RSS feed/);
  });

  it('empty, broken and deeply nested pages give an empty result, no crash', () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      'empty.html': '',
      'empty.xml': '',
      'broken.html': '<html><body><div><p>Episode notes<a href="http://x</div></table></td><li>',
      'nested.html': `<html><body>${'<div>'.repeat(20_000)}no sources here${'</div>'.repeat(20_000)}</body></html>`,
      'broken.xml': '<rss><channel><item><title>Half',
    };
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(join(dir, name), content);
      const r = parse([join(dir, name)]);
      expect(r.stderr, name).toBe('');
      expect(r.status, name).toBe(0);
      expect(JSON.parse(r.stdout).episodes, name).toEqual(
        name === 'broken.xml' ? [expect.objectContaining({ title: 'Half', sources: [] })] : [],
      );
    }
  });

  it('a 20 MB page gives its result; a larger file, a one-line error', () => {
    const dir = tempDir();
    const paragraph = '<p>Notes on long-context memory and retrieval, no list here.</p>\n';
    const body = paragraph.repeat(Math.floor(20_000_000 / paragraph.length));
    const page = `<html><body>${body}<div>Sources: 1. Last Paper — Ada Author, 2025 https://arxiv.org/abs/2501.00663</div></body></html>`;
    writeFileSync(join(dir, 'big.html'), page);
    const r = parse([join(dir, 'big.html'), '--url', 'https://example.org/big']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sources = (JSON.parse(r.stdout) as Json).episodes.flatMap((e) => e.sources);
    expect(sources.map((s) => s.arxivId)).toEqual(['2501.00663']);

    writeFileSync(join(dir, 'huge.html'), page + body.slice(0, 2_000_000));
    const huge = parse([join(dir, 'huge.html')]);
    expect(huge.status).toBe(1);
    expect(huge.stdout).toBe('');
    expect(huge.stderr.trim().split('\n')).toHaveLength(1);
    expect(huge.stderr).toMatch(/MB/);
  }, 120_000);
});
