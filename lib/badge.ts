/**
 * The toolbar badge: how many sources the page shows and how many of them are saved. The content
 * script sends a small plain message; the background checks it and sets the badge of the sending
 * tab only.
 */
import * as v from 'valibot';

/** The message type of a badge update. */
export const BADGE_MESSAGE = 'citecast:badge';

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

const badgeSchema = v.strictObject({
  type: v.literal(BADGE_MESSAGE),
  sources: count,
  saved: count,
});

/** A badge update from a content script. */
export type BadgeMessage = v.InferOutput<typeof badgeSchema>;

/** Whether `value` is a well-formed {@link BadgeMessage} (saved never above sources). */
export function isBadgeMessage(value: unknown): value is BadgeMessage {
  const parsed = v.safeParse(badgeSchema, value);
  return parsed.success && parsed.output.saved <= parsed.output.sources;
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
