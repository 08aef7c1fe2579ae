/**
 * The toolbar badge: how many sources the page shows and how many of them are saved. The content
 * script sends a small plain message; the background checks it and sets the badge of the sending
 * tab only. Plain checks, no schema library: the content script imports this module too, and
 * every kilobyte of it loads on every page of the show.
 */

/** The message type of a badge update. */
export const BADGE_MESSAGE = 'citecast:badge';

/** A badge update from a content script. */
export interface BadgeMessage {
  type: typeof BADGE_MESSAGE;
  sources: number;
  saved: number;
}

/** Whether `n` is a whole count the badge can take. */
const isCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000;

/**
 * Whether `value` is a well-formed {@link BadgeMessage}: exactly its three fields, saved never
 * above sources.
 */
export function isBadgeMessage(value: unknown): value is BadgeMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const m = value as Record<string, unknown>;
  return (
    Object.keys(m).length === 3 &&
    m.type === BADGE_MESSAGE &&
    isCount(m.sources) &&
    isCount(m.saved) &&
    m.saved <= m.sources
  );
}

/** A count in at most four characters: `999`, `1.2k`, `14k`. */
function short(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  return `${Math.min(999, Math.floor(n / 1000))}k`;
}

/**
 * The badge text for a page: `""` with no sources, the source count, or `saved/sources` when
 * some are saved and it fits the badge (four characters).
 */
export function badgeText(sources: number, saved: number): string {
  if (sources <= 0) return '';
  const both = `${short(saved)}/${short(sources)}`;
  if (saved > 0 && both.length <= 4) return both;
  return short(sources);
}

/** The badge's tooltip: "Citecast: 46 sources on this page, 2 saved". */
export function badgeTitle(sources: number, saved: number): string {
  if (sources <= 0) return 'Citecast';
  return `Citecast: ${sources} ${sources === 1 ? 'source' : 'sources'} on this page, ${saved} saved`;
}
