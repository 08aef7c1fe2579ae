/**
 * Dates and durations as the hosts write them, in the languages of Podimo's markets
 * (Norwegian, Danish, Dutch, German, Spanish, English) plus the show's own `May 20, 2026`,
 * Apple's `MAY 21, 2026`, RSS's RFC 2822 and ISO dates. Relative words (`I går`, `yesterday`,
 * `hace 3 días`) are resolved against a given "now", so `parse --now` is reproducible.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  // en, nb/no, da, de, nl, es: full names and the abbreviations the hosts use.
  ['january', 'jan', 'januar', 'januari', 'jänner', 'jän', 'enero', 'ene'],
  ['february', 'feb', 'februar', 'februari', 'febrero'],
  ['march', 'mar', 'mars', 'marts', 'märz', 'mär', 'mrz', 'maart', 'mrt', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mai', 'maj', 'mei', 'mayo'],
  ['june', 'jun', 'juni', 'junio'],
  ['july', 'jul', 'juli', 'julio'],
  ['august', 'aug', 'augustus', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'oktober', 'okt', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'desember', 'des', 'dezember', 'dez', 'diciembre', 'dic'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// `22. mai 2026`, `22 May 2026`, `22 de mayo de 2026`, `22. mai` (this year).
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(?:de\\s+)?(${MONTH_ALT})\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?(?![\\p{L}])`,
  'iu',
);
// `May 20, 2026`, `MAY 21, 2026`, `Mar 26, 2026`, `May 20` (this year).
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}\\d])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?!\\d)(?:(?:st|nd|rd|th)?,?\\s+(\\d{4}))?`,
  'iu',
);
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

// Yesterday and today in each market's language.
const YESTERDAY = /(?<![\p{L}])(?:i\s*går|yesterday|gestern|gisteren|ayer)(?![\p{L}])/iu;
const TODAY = /(?<![\p{L}])(?:i\s*dag|today|heute|vandaag|hoy)(?![\p{L}])/iu;
// `3 dager siden` (nb), `3 dage siden` (da), `vor 3 Tagen` (de), `3 dagen geleden` (nl),
// `hace 3 días` (es), `3 days ago` (en).
const DAYS_AGO =
  /(?<![\p{L}\d])(?:(\d+)\s+(?:dager|dag|dage)\s+siden|vor\s+(\d+)\s+tag(?:en)?|(\d+)\s+dag(?:en)?\s+geleden|hace\s+(\d+)\s+d[ií]as?|(\d+)\s+days?\s+ago)(?![\p{L}])/iu;

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A date found in a text: the day, and where it was written. */
export interface FoundDate {
  /** `YYYY-MM-DD`. */
  date: string;
  start: number;
  end: number;
}

/**
 * Reads the first date written in `text` and returns it as `YYYY-MM-DD`, or `null`.
 * `now` resolves relative words and dates written without a year.
 */
export function parseHumanDate(text: string, now: Date = new Date()): string | null {
  return findHumanDate(text, now)?.date ?? null;
}

/** Like {@link parseHumanDate}, also telling where in `text` the date stands. */
export function findHumanDate(text: string, now: Date = new Date()): FoundDate | null {
  const relative = relativeDate(text, now);
  if (relative) return relative;

  const iso = ISO.exec(text);
  const dm = DAY_MONTH.exec(text);
  const md = MONTH_DAY.exec(text);
  // Take whichever form stands first in the text.
  const found = [
    iso && { m: iso, year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) },
    dm && {
      m: dm,
      year: yearOrNull(dm[3]),
      month: MONTHS[dm[2].toLowerCase()],
      day: Number(dm[1]),
    },
    md && {
      m: md,
      year: yearOrNull(md[3]),
      month: MONTHS[md[1].toLowerCase()],
      day: Number(md[2]),
    },
  ]
    .filter((f) => !!f)
    .sort((a, b) => a.m.index - b.m.index);
  for (const f of found) {
    const date = makeDay(f.year ?? guessYear(f.month, f.day, now), f.month, f.day);
    if (date) return { date, start: f.m.index, end: f.m.index + f.m[0].length };
  }
  return null;
}

/**
 * Resolves `I går`, `today`, `hace 3 días` … against `now`, or returns `null`. Only short
 * texts (a date line, not a description that happens to say "i dag") are read this way.
 */
function relativeDate(text: string, now: Date): FoundDate | null {
  if (text.length > 80) return null;
  const today = TODAY.exec(text);
  if (today) return { date: isoDay(now), start: today.index, end: today.index + today[0].length };
  const yesterday = YESTERDAY.exec(text);
  if (yesterday) {
    return {
      date: isoDay(addDays(now, -1)),
      start: yesterday.index,
      end: yesterday.index + yesterday[0].length,
    };
  }
  const ago = DAYS_AGO.exec(text);
  if (ago) {
    const n = Number(ago.slice(1).find((g) => g !== undefined));
    return { date: isoDay(addDays(now, -n)), start: ago.index, end: ago.index + ago[0].length };
  }
  return null;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function yearOrNull(value: string | undefined): number | null {
  return value === undefined ? null : Number(value);
}

/** A date written without a year is in the last twelve months: this year, unless that is ahead of now. */
function guessYear(month: number, day: number, now: Date): number {
  const year = now.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  return candidate > now.getTime() + 2 * 86_400_000 ? year - 1 : year;
}

function makeDay(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900 && year <= 2200))
    return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null; // 31 February and the like
  return isoDay(date);
}

/**
 * Reads a duration such as `1 h 0 min`, `45 min`, `1 t 5 min`, `1 Std. 5 Min.`, `1 u 5 min`,
 * `58 min 12 s` or `1:02:03` and returns it in seconds, or `null`.
 */
export function parseDuration(text: string): number | null {
  const clock = /(?<![\d:])(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?![\d:])/.exec(text);
  const hours = /(\d+)\s*(?:h|t|u|std\.?|hr?s?|hours?|timer?|uur|horas?)(?![\p{L}])/iu.exec(text);
  const minutes = /(\d+)\s*(?:min(?:utes?|utter|uten|utos)?\.?|m)(?![\p{L}])/iu.exec(text);
  const seconds = /(\d+)\s*(?:s|sek|sec|seg|seconds?)(?![\p{L}])/iu.exec(text);
  if (hours || minutes) {
    return (
      Number(hours?.[1] ?? 0) * 3600 + Number(minutes?.[1] ?? 0) * 60 + Number(seconds?.[1] ?? 0)
    );
  }
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return null;
}

/** What a date line says: the day and the length of an episode. */
export interface DateLine {
  published: string | null;
  duration: number | null;
}

/**
 * Reads a short line that holds only a date and/or a duration, as Podimo writes them beside
 * an episode (`27. mai 20261 h 0 min`, `1 h 0 min · I går`). Returns `null` for any other line.
 */
export function readDateLine(line: string, now: Date): DateLine | null {
  if (line.length > 60) return null;
  const found = findHumanDate(line, now);
  const rest = found ? line.slice(0, found.start) + ' ' + line.slice(found.end) : line;
  const duration = parseDuration(rest);
  if (!found && duration === null) return null;
  // A date line has nothing but the date, the duration and separators.
  const leftover = rest
    .replace(/\d+\s*(?:h|t|u|std\.?|min\.?|m|s|sek|timer?|uur|hrs?|horas?)(?![\p{L}])/giu, '')
    .replace(/[\s·•|,–—-]+/g, '');
  if (leftover.length > 3) return null;
  return { published: found?.date ?? null, duration };
}
