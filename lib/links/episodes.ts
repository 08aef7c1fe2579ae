/**
 * The show's episode files. Every episode has a stem `{YYYY-MM-DD}-{title-slug}-{6 hex}`: it
 * names the mp3 (`/episodes/{stem}.mp3`), the cover and the visualization page
 * (`/viz/{stem}.html`). The slug is the lower-cased title with runs of non-alphanumerics turned
 * into `-`, cut at 40 characters in older episodes and 120 in newer ones, which is enough to
 * tie a cited episode to its title.
 */
import { isDigitCode } from '@/lib/links/urls';

/** What an episode's file stem says about it. */
export interface EpisodeStem {
  /** The whole stem, e.g. `2026-05-20-titans-learning-to-memorize-at-test-time-054662`. */
  stem: string;
  /** Publication date as written in the stem, `YYYY-MM-DD`. */
  date: string;
  /** The title slug, e.g. `titans-learning-to-memorize-at-test-time`. */
  slug: string;
  /** The six hex digits that end the stem. */
  hash: string;
}

/** Lengths at which the show has cut title slugs in file names. */
const SLUG_CUTS = [40, 120];

/**
 * Splits a stem such as `2026-05-20-some-title-054662` into date, slug and hash; `null` when
 * the name is not in that form. Checked character by character: every cited episode's mp3
 * comes through here, and three regexes and two case folds per link were a fifth of the
 * parser's link work on a long list.
 */
export function parseEpisodeStem(stem: string): EpisodeStem | null {
  const n = stem.length;
  if (n < 19 || stem.charCodeAt(n - 7) !== 0x2d) return null;
  // `YYYY-MM-DD-`
  for (let i = 0; i < 11; i++) {
    const code = stem.charCodeAt(i);
    if (i === 4 || i === 7 || i === 10 ? code !== 0x2d : !isDigitCode(code)) return null;
  }
  // The slug: letters and digits in runs joined by single hyphens.
  let upper = false;
  for (let i = 11; i < n - 7; i++) {
    const code = stem.charCodeAt(i);
    if (code === 0x2d) {
      if (i === 11 || i === n - 8 || stem.charCodeAt(i - 1) === 0x2d) return null;
    } else if (code >= 0x41 && code <= 0x5a) {
      upper = true;
    } else if (!isDigitCode(code) && !(code >= 0x61 && code <= 0x7a)) {
      return null;
    }
  }
  // Six hex digits.
  for (let i = n - 6; i < n; i++) {
    const code = stem.charCodeAt(i);
    if (code >= 0x41 && code <= 0x46) upper = true;
    else if (!isDigitCode(code) && !(code >= 0x61 && code <= 0x66)) return null;
  }
  const slug = stem.slice(11, n - 7);
  const hash = stem.slice(n - 6);
  return {
    stem,
    date: stem.slice(0, 10),
    slug: upper ? slug.toLowerCase() : slug,
    hash: upper ? hash.toLowerCase() : hash,
  };
}

/** Reads the stem from an episode mp3 link (`…/2026-05-20-slug-054662.mp3`). */
export function parseEpisodeAudioUrl(url: string): EpisodeStem | null {
  if (!/^https?:\/\/[^/?#\s]/i.test(url)) return null;
  const query = url.search(/[?#]/);
  const path = query === -1 ? url : url.slice(0, query);
  if (/\s/.test(url) || path.slice(-4).toLowerCase() !== '.mp3') return null;
  const name = path.slice(path.lastIndexOf('/') + 1, -4);
  return path.indexOf('/', 8) === -1 ? null : parseEpisodeStem(name);
}

/** Reads the stem from a visualization link (`…/viz/2026-05-20-slug-054662.html`). */
export function parseVisualizationUrl(url: string): EpisodeStem | null {
  const m = /^https?:\/\/[^?#\s]*\/viz\/([^/?#\s]+)\.html?(?:[?#]\S*)?$/i.exec(url);
  return m ? parseEpisodeStem(m[1]) : null;
}

/** The show's slug of a title, uncut: lower case, runs of non-alphanumerics → `-`. */
export function titleSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Whether a file slug (cut at 40 or 120 characters, trailing `-` dropped) was made from
 * `title`. Used to tie a cited episode's mp3 to an episode known by its title.
 */
export function slugMatchesTitle(slug: string, title: string): boolean {
  const full = titleSlug(title);
  if (slug === full) return true;
  return SLUG_CUTS.some((n) => full.length > n && slug === full.slice(0, n).replace(/-+$/, ''));
}
