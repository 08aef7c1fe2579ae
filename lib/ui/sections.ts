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
