/**
 * Moments in an episode: the clock text of a position ("23:10", "1:02:03"), the link
 * that opens an episode page at a moment, and reading that moment back on the page.
 *
 * The show's site has no time parameter of its own, so the link carries a media-fragment-style
 * `#t=SECONDS` (W3C Media Fragments): on an mp3 address the browser's own player starts there;
 * on an episode page Citecast's content script reads it ({@link momentFromHash}) and moves the
 * page's player there.
 */
import { format, t, type Locale } from '@/lib/i18n/index';
import { isHttpUrl } from '@/lib/core/urls';

/** `seconds` as a clock: `m:ss` under an hour, else `h:mm:ss` (negative or unknown reads 0:00). */
export function formatClock(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The address that opens `pageUrl` at `seconds`: the page with `#t=` and the whole seconds
 * (any fragment it had is replaced). `null` when `pageUrl` is not an http(s) address.
 */
export function momentLink(pageUrl: string, seconds: number): string | null {
  if (!isHttpUrl(pageUrl)) return null;
  const url = new URL(pageUrl);
  url.hash = `t=${Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0}`;
  return url.href;
}

/**
 * The moment a page address's fragment asks for (`#t=754`, `#t=754.5`, `#t=12:34`, `#t=1:02:03`,
 * also `#t=754,800` whose end is ignored), in seconds; `null` when it asks for none.
 */
export function momentFromHash(hash: string): number | null {
  const m = /^#?t=(?:npt:)?(\d+(?:\.\d+)?|\d+:\d{1,2}(?::\d{1,2})?(?:\.\d+)?)(?:,[^&]*)?$/.exec(
    hash,
  );
  if (!m) return null;
  const parts = m[1]!.split(':').map(Number);
  const seconds = parts.reduce((sum, part) => sum * 60 + part, 0);
  return Number.isFinite(seconds) ? seconds : null;
}

/**
 * "saved at 12:34 in {episode}" in the UI's language, for a paper's saved moment (the library
 * shows it, linked with {@link momentLink}). `episode` is the episode's title, or its key when
 * the title is unknown. `locale`: the library passes its own, which the Settings may override.
 */
export function savedMomentText(position: number, episode: string, locale?: Locale): string {
  return format(t('savedAtMoment', locale), { time: formatClock(position), episode });
}
