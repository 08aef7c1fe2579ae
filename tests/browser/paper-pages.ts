/**
 * The paper pages the browser tests open (`--only paper`), served at their real addresses: our
 * own plain stand-ins for arXiv, Hugging Face, alphaXiv and OpenReview (tests/fixtures/paper), and
 * a show feed of many episodes where a few cite one paper.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type FixtureResponse } from '@/tests/browser/fixture-pages.ts';
import { assert } from '@/tests/browser/harness.ts';
import { seenAll, type Roots } from '@/tests/browser/roots.ts';

/** The card's custom element, the name outside checks look for. */
export const CARD = 'citecast-discussed';

/** The paper the site-episode fixture cites first, whose stand-in arXiv abstract the tests open. */
export const CITED = '2501.00663';

/** One episode line of the card, as an outside check reads it through the closed root. */
export interface CardRow {
  key: string | undefined;
  href: string | null;
  title: string;
  state: string | null;
  date: string | null;
}

/** The card's episode lines in `roots` (either browser's). */
export async function cardRows(roots: Roots): Promise<CardRow[]> {
  const links = await seenAll(roots, CARD, 'a[data-episode]');
  const states = await seenAll(roots, CARD, '.state');
  const dates = await seenAll(roots, CARD, '.date');
  return links.map((l, i) => ({
    key: l.attrs['data-episode'],
    href: l.attrs.href ?? null,
    title: l.text,
    state: states[i]?.text ?? null,
    date: dates[i]?.text ?? null,
  }));
}

/** Checks that `row` is the fixture episode at `episodeUrl`, with its date, heard today. */
export function assertHeardToday(row: CardRow, episodeUrl: string): void {
  assert(row.title === 'Synthetic Episode Title', `the episode: ${row.title}`);
  assert(row.href === episodeUrl, `the episode's link: ${row.href}`);
  assert(/20 May 2026/.test(row.date ?? ''), `the episode's date: ${row.date}`);
  const heardDay = new Date().toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  assert(row.state?.includes(heardDay) === true, `heard on ${heardDay}: ${row.state}`);
}

/** Checks the popup's `discussedIn` answer for {@link CITED}: one citing episode, heard. */
export function assertDiscussedHeard(reply: unknown): void {
  const r = reply as { ok: boolean; value?: { episodes: { title: string; state: string }[] } };
  assert(
    r.ok && r.value?.episodes.length === 1 && r.value.episodes[0]!.state === 'heard',
    `the popup's request answered ${JSON.stringify(reply)}`,
  );
}

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
