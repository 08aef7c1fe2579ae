/**
 * The bundled demo pages and how they are served: each at its real address, through request
 * interception, so the content script's host matches apply as on the live site. Every other
 * request is refused, so nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
import { assert } from '@/tests/browser/harness.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the content script records on `<html>`: episodes and sources found on the page. */
export interface PageCounts {
  episodes: number;
  sources: number;
}

export interface FixturePage {
  /** Short name, used for screenshots. */
  name: string;
  /** The real address the page is served at. */
  url: string;
  /** The page's HTML, relative to the repository root. */
  file: string;
  /** The counts on the page as served, read from the fixture's content. */
  counts: PageCounts;
  /** The counts once the page's own script has appended more items (lazy-loaded lists). */
  countsAfterLoad?: PageCounts;
  /** Changes the file's HTML before it is served (a page whose markup was changed). */
  transform?: (html: string) => string;
}

/** The demo pages `npm start` opens and the browser tests load. */
export const FIXTURE_PAGES: readonly FixturePage[] = [
  {
    name: 'podimo-episode',
    url: 'https://podimo.com/no/shows/ai-post-transformers',
    file: 'tests/fixtures/podimo/episode-nb.html',
    // The main episode (3 sources) and two list items (21 and 22 numbered sources).
    counts: { episodes: 3, sources: 46 },
  },
  {
    name: 'site-episode',
    url: 'https://podcast.do-not-panic.com/episodes/synthetic-episode-title/',
    file: 'tests/fixtures/site/episode.html',
    // One episode, sources 1–4.
    counts: { episodes: 1, sources: 4 },
  },
  {
    name: 'spotify-episode',
    url: 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    file: 'tests/fixtures/spotify/episode.html',
    // One episode (DOM and JSON-LD are the same one); the JSON-LD text lists sources 1–3.
    counts: { episodes: 1, sources: 3 },
  },
  {
    name: 'apple-episode',
    url: 'https://podcasts.apple.com/us/podcast/ai-post-transformers/id1234567890?i=1000700000000',
    file: 'tests/fixtures/apple/episode.html',
    // One episode, sources 1–3.
    counts: { episodes: 1, sources: 3 },
  },
  {
    name: 'podimo-show-lazy',
    url: 'https://podimo.com/dk/shows/ai-post-transformers',
    file: 'tests/fixtures/podimo/show-lazy-da.html',
    // Two items in the HTML (3 + 2 sources); the page's script appends two more (2 + 1) at 300 ms.
    counts: { episodes: 2, sources: 5 },
    countsAfterLoad: { episodes: 4, sources: 8 },
  },
];

/**
 * The Podimo episode page as another deploy might render it: episode links `/e/{n}`, the lists
 * as `div`s, every class renamed, each list item's date line above its description and an extra
 * box around each description. What it shows is the same, so it must read as the original does.
 */
export function mutatePodimoEpisode(html: string): string {
  const { document } = parseHTML(html);
  let n = 0;
  for (const a of Array.from(document.querySelectorAll('a[href*="/episode/"]')))
    a.setAttribute('href', `/e/${++n}`);
  const retag = (el: Element, tag: string) => {
    const next = document.createElement(tag);
    while (el.firstChild) next.appendChild(el.firstChild);
    el.replaceWith(next);
    return next;
  };
  for (const img of Array.from(document.querySelectorAll('img[alt^="episode "]'))) {
    const item = img.closest('li');
    const description = item?.querySelector('p')?.parentElement;
    const date = description?.nextElementSibling;
    if (description && date) {
      description.before(date);
      const box = document.createElement('div');
      description.replaceWith(box);
      box.appendChild(description);
    }
  }
  for (const list of Array.from(document.querySelectorAll('ul'))) {
    for (const li of Array.from(list.children)) retag(li, 'div');
    retag(list, 'div');
  }
  let c = 0;
  for (const el of Array.from(document.querySelectorAll('body [class]')))
    el.setAttribute('class', `k${(c++).toString(36)}`);
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}

/** Pages only the browser tests load: not demo pages. */
export const TEST_PAGES: readonly FixturePage[] = [
  {
    name: 'podimo-episode-mutated',
    url: 'https://podimo.com/no/episode/81865cb6-0083-4bdb-a2f9-69c5ed8caa1f',
    file: 'tests/fixtures/podimo/episode-nb.html',
    // As the page it was made from: the main episode and two list items.
    counts: { episodes: 3, sources: 46 },
    transform: mutatePodimoEpisode,
  },
];

/**
 * Citecast's elements in a page: one `citecast-episode` per episode and one `citecast-source` per
 * source it read. The page itself sees them too; nothing else on the page says what was read.
 */
export interface SeenCounts {
  episodes: number;
  sources: number;
}

/** Reads, in the page, how many of Citecast's elements it holds ({@link SeenCounts}). */
export function countElementsInPage(): SeenCounts {
  return {
    episodes: document.getElementsByTagName('citecast-episode').length,
    sources: document.getElementsByTagName('citecast-source').length,
  };
}

/** `counts` as words, for assertion messages. */
const countsText = (counts: SeenCounts) => `${counts.episodes} episodes, ${counts.sources} sources`;

/**
 * Polls `read` every 50 ms until it answers one of `allowed` (up to `ms`); fails with `what`, the
 * last counts and the ones allowed. A big page's elements are placed in slices, so the first
 * look may find only some.
 */
export async function waitCounts(
  read: () => Promise<SeenCounts>,
  allowed: readonly SeenCounts[],
  what: string,
  ms = 5_000,
): Promise<SeenCounts> {
  const ok = (seen: SeenCounts) =>
    allowed.some((c) => c.episodes === seen.episodes && c.sources === seen.sources);
  let seen = await read();
  for (const deadline = Date.now() + ms; !ok(seen) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await read();
  }
  assert(
    ok(seen),
    `${what}: ${countsText(seen)} in the page; expected ${allowed.map(countsText).join(' or ')}`,
  );
  return seen;
}

/**
 * Asserts the elements the content script placed (counted in the page by `read`, per browser
 * library): the page as served, or for a lazy page its grown list, then, for a lazy page, the
 * grown list once its own script appended more.
 */
export async function checkCounts(
  read: () => Promise<SeenCounts>,
  fixture: FixturePage,
): Promise<void> {
  const final = fixture.countsAfterLoad ?? fixture.counts;
  await waitCounts(read, [fixture.counts, final], 'on load');
  await waitCounts(read, [final], 'after load');
}

/** A page on a host Citecast does not support; the content script must not run there. */
export const UNSUPPORTED_PAGE = {
  name: 'unsupported',
  url: 'https://example.com/episodes/not-ours/',
  html: '<!doctype html><html><head><title>Not ours</title></head><body><h1>Not a supported site</h1><p>Sources: 1. Paper — A. Author, 2025 https://arxiv.org/abs/2501.00663</p></body></html>',
} as const;

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: string;
}

const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><rect width="400" height="400" fill="#2b2b38"/><circle cx="200" cy="200" r="70" fill="#5b5b78"/></svg>';

function normalise(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * What the fake network answers for `url`: a fixture page, a placeholder for an image on a
 * fixture page's host, the unsupported test page, or null (the request is to be refused).
 */
export function fixtureResponse(url: string): FixtureResponse | null {
  let key: string;
  try {
    key = normalise(url);
  } catch {
    return null;
  }
  const page = [...FIXTURE_PAGES, ...TEST_PAGES].find((p) => normalise(p.url) === key);
  if (page) {
    const html = readFileSync(join(ROOT, page.file), 'utf8');
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: page.transform ? page.transform(html) : html,
    };
  }
  if (key === normalise(UNSUPPORTED_PAGE.url)) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: UNSUPPORTED_PAGE.html };
  }
  const { hostname, pathname } = new URL(key);
  const fixtureHosts = new Set(FIXTURE_PAGES.map((p) => new URL(p.url).hostname));
  if (fixtureHosts.has(hostname) && /\.(png|jpe?g|webp|gif|svg)$/i.test(pathname)) {
    return { status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE };
  }
  return null;
}
