/**
 * The bundled demo pages and how they are served: each at its real address, through request
 * interception, so the content script's host matches apply as on the live site. Every other
 * request is refused, so nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface FixturePage {
  /** Short name, used for screenshots. */
  name: string;
  /** The real address the page is served at. */
  url: string;
  /** The page's HTML, relative to the repository root. */
  file: string;
}

/** The demo pages `npm start` opens and the browser tests load. */
export const FIXTURE_PAGES: readonly FixturePage[] = [
  {
    name: 'podimo-episode',
    url: 'https://podimo.com/no/shows/ai-post-transformers',
    file: 'tests/fixtures/pages/podimo-episode.html',
  },
  {
    name: 'site-episode',
    url: 'https://podcast.do-not-panic.com/episodes/synthetic-episode-title/',
    file: 'tests/fixtures/pages/site-episode-page.html',
  },
];

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
  const page = FIXTURE_PAGES.find((p) => normalise(p.url) === key);
  if (page) {
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(ROOT, page.file), 'utf8'),
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
