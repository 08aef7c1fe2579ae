/**
 * The show's episode files. Every episode has a stem `{YYYY-MM-DD}-{title-slug}-{6 hex}`: it
 * names the mp3 (`/episodes/{stem}.mp3`), the cover and the visualization page
 * (`/viz/{stem}.html`). The slug is the lower-cased title with runs of non-alphanumerics turned
 * into `-`, cut at 40 characters in older episodes and 120 in newer ones, which is enough to
 * tie a cited episode to its title. The stems themselves are read in lib/core/ids.ts, as episode
 * keys are made of them.
 */

/** The show's slug of a title, uncut: lower case, runs of non-alphanumerics → `-`. */
export function titleSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lengths at which the show has cut title slugs in file names. */
const SLUG_CUTS = [40, 120];

/**
 * Whether a file slug (cut at 40 or 120 characters, trailing `-` dropped) was made from
 * `title`. Used to tie a cited episode's mp3 to an episode known by its title.
 */
export function slugMatchesTitle(slug: string, title: string): boolean {
  const full = titleSlug(title);
  if (slug === full) return true;
  return SLUG_CUTS.some((n) => full.length > n && slug === full.slice(0, n).replace(/-+$/, ''));
}
