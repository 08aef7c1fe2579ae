/**
 * Dates, months and durations as the pages show them, with `Intl` in the UI language (the
 * `intl` tag of a Translator, lib/i18n/pages.ts). Calendar days are the user's local days.
 */

/** `YYYY-MM-DD` of the local day of `ms` (also an `<input type="date">`'s value). */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM` of the local month of `ms`. */
export function monthKey(ms: number): string {
  return dayKey(ms).slice(0, 7);
}

// One day format per language: building one costs about 2 ms (the popup's recent listens
// built one per row).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A local time as a day (`27 May 2026`, `27. mai 2026`); `?` for a time no date has. */
export function formatDay(ms: number, intl: string): string {
  // A time past what `Date` holds (a bad import) must not throw while a page renders.
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '?';
  let format = dayFormats.get(intl);
  if (!format) {
    format = new Intl.DateTimeFormat(intl, { dateStyle: 'medium' });
    dayFormats.set(intl, format);
  }
  return format.format(date);
}

/** A calendar date `YYYY-MM-DD` (no time zone: the date as written) as a day. */
export function formatIsoDate(iso: string, intl: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(utc),
  );
}

/** A month `YYYY-MM` as `May 2026` / `mai 2026`. */
export function formatMonth(month: string, intl: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  return new Intl.DateTimeFormat(intl, {
    month: short ? 'short' : 'long',
    year: short ? '2-digit' : 'numeric',
    timeZone: 'UTC',
  }).format(new Date(utc));
}

/** A day `YYYY-MM-DD` short, for chart axes (`27 May`, `27. mai`). */
export function formatShortDay(iso: string, intl: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(utc),
  );
}

/** Seconds as `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * The time for a date picked in an `<input type="date">` (`YYYY-MM-DD`): that local day at the
 * time of day of `keepTimeOf` (so changing only the day keeps the order within it), or noon.
 * `null` for anything that is not a date.
 */
export function fromDateInput(value: string, keepTimeOf: number | null): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const base = keepTimeOf === null ? null : new Date(keepTimeOf);
  const d = new Date(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    base ? base.getHours() : 12,
    base ? base.getMinutes() : 0,
    base ? base.getSeconds() : 0,
  );
  if (d.getFullYear() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1) return null;
  const ms = d.getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
