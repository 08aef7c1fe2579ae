/**
 * The paper pages the browser tests open (`--only paper`), served at their real addresses: our
 * own plain stand-ins for arXiv, Hugging Face, alphaXiv and OpenReview (tests/fixtures/paper), and
 * a show feed of many episodes where a few cite one paper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type FixtureResponse } from '@/tests/browser/fixture-pages.ts';

/** The papers the stand-in pages know, by id (arXiv id or OpenReview forum id). */
export const PAPER_TITLES: Readonly<Record<string, string>> = {
  '2501.00663': 'Paper A Title: A Subtitle',
  '2405.00001': 'A Paper Three Episodes Cite',
  '2408.07326': 'Another Paper Nobody Cited',
  Ab12Cd34Ef: 'An OpenReview Paper Nobody Cited',
};

/** The paper hosts the tests serve (every other request stays refused). */
export const PAPER_HOST_ROUTES = [
  'https://arxiv.org/**',
  'https://huggingface.co/**',
  'https://alphaxiv.org/**',
  'https://www.alphaxiv.org/**',
  'https://openreview.net/**',
] as const;

/** The stand-in page for `url`, or `null` for any other address. */
export function paperResponse(url: string): FixtureResponse | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const page = (file: string, id: string | null | undefined) => {
    const title = id ? PAPER_TITLES[id] : undefined;
    if (!id || !title) return null;
    const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'paper', `${file}.html`), 'utf8');
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: html.replaceAll('{{ID}}', id).replaceAll('{{TITLE}}', title),
    };
  };
  const path = (re: RegExp) => re.exec(u.pathname)?.[1];
  switch (u.hostname) {
    case 'arxiv.org':
      return page('arxiv-abs', path(/^\/(?:abs|html)\/(\d{4}\.\d{4,5})(?:v\d+)?\/?$/));
    case 'huggingface.co':
      return page('huggingface', path(/^\/papers\/(\d{4}\.\d{4,5})$/));
    case 'alphaxiv.org':
    case 'www.alphaxiv.org':
      return page('alphaxiv', path(/^\/abs\/(\d{4}\.\d{4,5})$/));
    case 'openreview.net':
      return u.pathname === '/forum' ? page('openreview', u.searchParams.get('id')) : null;
    default:
      return null;
  }
}

/** One feed episode's date, `count - i` days before 1 June 2026: the feed lists newest first. */
function feedDate(i: number, count: number): Date {
  return new Date(Date.UTC(2026, 5, 1) - (count - i) * 86_400_000);
}

/**
 * The show's feed with `count` episodes, newest first; the items at `citing` (indices) cite arXiv
 * `arxivId` among their sources. Each episode has its own mp3 and two other sources.
 */
export function feedCiting(count: number, citing: readonly number[], arxivId: string): string {
  const items: string[] = [];
  for (let n = count - 1; n >= 0; n--) {
    const date = feedDate(n, count);
    const day = date.toISOString().slice(0, 10);
    const slug = `feed-episode-${n}`;
    const sources = [
      `  1. Feed Paper ${n} — A. Author, 2025\n     https://arxiv.org/abs/2601.${String(10000 + n)}`,
      `  2. Scholar Paper ${n} — B. Author, 2024\n     https://scholar.google.com/scholar?q=Scholar+Paper+${n}`,
    ];
    if (citing.includes(n)) {
      sources.push(
        `  3. ${PAPER_TITLES[arxivId]} — C. Author, 2024\n     https://arxiv.org/abs/${arxivId}v1`,
      );
    }
    items.push(
      `<item><title>Feed Episode ${n}</title><description>Episode ${n} of the test feed.\n\nSources:\n${sources.join('\n')}\n</description>` +
        `<pubDate>${date.toUTCString()}</pubDate>` +
        `<enclosure url="https://podcast.do-not-panic.com/episodes/${day}-${slug}-${n.toString(16).padStart(6, '0')}.mp3" length="0" type="audio/mpeg" />` +
        `<guid>https://podcast.do-not-panic.com/episodes/${day}-${slug}-${n.toString(16).padStart(6, '0')}.mp3</guid></item>`,
    );
  }
  return `<?xml version='1.0' encoding='UTF-8'?>\n<rss version="2.0"><channel><title>AI Post Transformers</title><link>https://podcast.do-not-panic.com</link><description>Papers, discussed.</description>\n${items.join('\n')}\n</channel></rss>`;
}

/** The `YYYY-MM-DD` of the feed's `i`th episode (see {@link feedCiting}). */
export function feedDay(i: number, count: number): string {
  return feedDate(i, count).toISOString().slice(0, 10);
}
