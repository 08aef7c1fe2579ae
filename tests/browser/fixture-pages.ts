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

/** The count attributes as read from a page (`data-citecast-episodes`, `-sources`). */
export interface SeenCounts {
  episodes: string | null;
  sources: string | null;
}

/**
 * Checks the counts the content script recorded against the fixture's: `final` once the page
 * settled; at first sight a lazy page may show either its served or its final counts.
 */
export function countsProblem(
  fixture: FixturePage,
  seen: SeenCounts,
  final: boolean,
): string | null {
  const allowed = final
    ? [fixture.countsAfterLoad ?? fixture.counts]
    : [fixture.counts, ...(fixture.countsAfterLoad ? [fixture.countsAfterLoad] : [])];
  const ok = allowed.some(
    (c) => seen.episodes === String(c.episodes) && seen.sources === String(c.sources),
  );
  if (ok) return null;
  const want = allowed.map((c) => `${c.episodes} episodes, ${c.sources} sources`).join(' or ');
  return `recorded ${seen.episodes} episodes, ${seen.sources} sources; expected ${want}`;
}

/**
 * Asserts the counts the content script recorded (read in the page by `read`, per browser
 * library): at first sight, then, for a lazy page, once the list has grown (polled up to 5 s).
 */
export async function checkCounts(
  read: () => Promise<SeenCounts>,
  fixture: FixturePage,
): Promise<void> {
  const first = countsProblem(fixture, await read(), false);
  assert(first === null, `on load: ${first}`);
  let settled = countsProblem(fixture, await read(), true);
  for (
    const deadline = Date.now() + 5_000;
    settled !== null && fixture.countsAfterLoad && Date.now() < deadline;
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    settled = countsProblem(fixture, await read(), true);
  }
  assert(settled === null, `after load: ${settled}`);
}

/**
 * The counts of Citecast's elements in a page (`citecast-episode`, `citecast-source`), read by
 * `read`, polled until they equal the counts the content script recorded (up to 5 s).
 */
export async function checkElements(
  read: () => Promise<{ episodes: number; sources: number; recorded: SeenCounts }>,
): Promise<void> {
  let seen = await read();
  const matches = () =>
    String(seen.episodes) === seen.recorded.episodes &&
    String(seen.sources) === seen.recorded.sources;
  for (const deadline = Date.now() + 5_000; !matches() && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    seen = await read();
  }
  assert(
    matches(),
    `${seen.episodes} citecast-episode and ${seen.sources} citecast-source elements; recorded ${seen.recorded.episodes} episodes, ${seen.recorded.sources} sources`,
  );
}

/** Reads, in the page, the counts {@link checkElements} compares. */
export function countElementsInPage(): {
  episodes: number;
  sources: number;
  recorded: SeenCounts;
} {
  return {
    episodes: document.getElementsByTagName('citecast-episode').length,
    sources: document.getElementsByTagName('citecast-source').length,
    recorded: {
      episodes: document.documentElement.dataset.citecastEpisodes ?? null,
      sources: document.documentElement.dataset.citecastSources ?? null,
    },
  };
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
