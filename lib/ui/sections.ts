/**
 * The library's sections, opened by the address's hash (`library.html#episodes`): outside checks
 * and links from the popup open a section by these names, so they stay fixed.
 */

/** The sections, in the nav's order. */
export const SECTIONS = ['papers', 'episodes', 'stats', 'import-export', 'settings'] as const;

/** One of {@link SECTIONS}. */
export type LibrarySection = (typeof SECTIONS)[number];

/** The section a hash names (`#episodes` → `episodes`); Papers for anything else. */
export function sectionFromHash(hash: string): LibrarySection {
  const name = hash.replace(/^#/, '').split(/[?&/]/)[0]!.toLowerCase();
  return (SECTIONS as readonly string[]).includes(name) ? (name as LibrarySection) : 'papers';
}

/** The hash opening the Episodes section at one episode's detail and sources. */
export function episodeHash(episodeKey: string): string {
  return `episodes/${encodeURIComponent(episodeKey)}`;
}

/** The episode a hash opens ({@link episodeHash}), else `null`. */
export function episodeFromHash(hash: string): string | null {
  const m = /^#?episodes\/(.+)$/i.exec(hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}
