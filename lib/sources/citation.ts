/**
 * Reading the citation part of a source: `Title — Authors, Year`, with every author and year
 * variant the show has written:
 * full lists, `X et al.`, `X, et al.`, `…, and others`, `approximate`, `approx. recent …
 * authors`, `?`, `2019/2020`, parentheticals like `(Google Research, NeurIPS 2025)` and a
 * trailing `— arXiv 2512.24695`.
 */
import { isDigitCode } from '@/lib/core/ids';

/** Title, authors and year of one citation. */
export interface Citation {
  title: string | null;
  authors: string[];
  year: number | null;
}

// Separators between title and authors: the show writes an em dash with spaces; some hosts
// turn it into an en dash or `--`. A plain ` - ` is not one: titles use it.
const DASH_SEPARATOR = /\s(?:—|–|--)\s+/g;

// Candidate years 1800–2099; the characters around them are checked by hand (cheaper than
// look-arounds): `arXiv 2001.08361`, `10.1145/2001…`, `v2019` and `2019-05` are not years,
// while `2019/2020` gives 2019.
const YEAR_DIGITS = /(?:1[89]|20)\d\d/g;

/**
 * The first year written in `text`, or `null`. Only plausible publication years count, so
 * identifiers such as `arXiv 2512.24695` are not read as years.
 */
export function firstYear(text: string): number | null {
  YEAR_DIGITS.lastIndex = 0;
  for (let m = YEAR_DIGITS.exec(text); m !== null; m = YEAR_DIGITS.exec(text)) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 32;
    const after = text.charCodeAt(m.index + 4);
    const afterNext = text.charCodeAt(m.index + 5);
    if (
      isWordCode(before) ||
      before === 0x2e ||
      before === 0x2f ||
      before === 0x5f ||
      before === 0x2d
    )
      continue;
    if (isWordCode(after) || after === 0x5f) continue;
    if ((after === 0x2e || after === 0x2d) && afterNext >= 0x30 && afterNext <= 0x39) continue;
    return Number(m[0]);
  }
  return null;
}

/** Letters and digits: ASCII ones, and everything past ASCII that is not a space or dash. */
function isWordCode(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 128)
    return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
  return !(
    code === 0xa0 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2026 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/**
 * Splits a citation's text (everything before its URL) into title, authors and year.
 * `Title — Authors, 2025`; `Title — Authors (Inst, Venue 2025) — arXiv 2512.24695`;
 * `Title` alone; `Title (2024)`.
 */
export function readCitation(rawText: string): Citation {
  // Whitespace is not collapsed up front (a scan of every citation): the dash split takes any
  // whitespace, the title and each name are trimmed and collapsed where they need it.
  const text = rawText.trim();
  const common = readCommonCitation(text);
  if (common) return common;
  const segments = splitOnDashes(text);
  const metaIndex = findMetaSegment(segments);
  if (metaIndex === -1) {
    // No author part: a title alone, possibly with a trailing "(2024)" or ", 2024".
    const tail = text.slice(-12);
    const trailingYear = /(?:, ?| ?\( ?)((?:1[89]|20)\d\d) ?\)?$/u.exec(tail);
    if (trailingYear) {
      return {
        title: cleanTitle(text.slice(0, text.length - tail.length + trailingYear.index)),
        authors: [],
        year: Number(trailingYear[1]),
      };
    }
    return { title: cleanTitle(text), authors: [], year: null };
  }
  // Title and meta are cut from the text itself, so a dash inside the title stays as written.
  return {
    title: cleanTitle(text.slice(0, segments.separators[metaIndex - 1])),
    authors: readAuthors(segments[metaIndex]),
    year: firstYear(text.slice(segments.starts[metaIndex])),
  };
}

/**
 * The show's usual form, `Title — Name, Name, 2025` (one em dash, a plain author list, a
 * year or `?`), read with indexOf and one split instead of the general segment search; `null`
 * for anything else. Gives what the general path gives for these citations, faster: most of a
 * list is in this form.
 */
function readCommonCitation(text: string): Citation | null {
  const dash = text.indexOf(' — ');
  if (dash <= 0) return null;
  // A second dash of any kind in the author part sends the citation the general way.
  const meta = text.slice(dash + 3).trim();
  const n = meta.length;
  if (!(
    n >= 6 &&
    meta.charCodeAt(n - 6) === 0x2c &&
    meta.charCodeAt(n - 5) === 0x20 &&
    isYearAt(meta, n - 4)
  )) {
    return null;
  }
  const authors = plainAuthorList(meta);
  if (authors === null) return null;
  const year =
    (meta.charCodeAt(n - 4) - 48) * 1000 +
    (meta.charCodeAt(n - 3) - 48) * 100 +
    (meta.charCodeAt(n - 2) - 48) * 10 +
    (meta.charCodeAt(n - 1) - 48);
  return { title: cleanTitle(text.slice(0, dash)), authors, year };
}

/** Segments between dashes, with where each starts and where each separator stands. */
interface DashSegments extends Array<string> {
  /** Start of segment i in the text. */
  starts: number[];
  /** Start of the separator after segment i. */
  separators: number[];
}

/** Splits on title/author dashes (em dash, en dash or `--`, with whitespace around), in one pass. */
function splitOnDashes(text: string): DashSegments {
  const segments = [] as unknown as DashSegments;
  segments.starts = [0];
  segments.separators = [];
  let from = 0;
  DASH_SEPARATOR.lastIndex = 0;
  for (let m = DASH_SEPARATOR.exec(text); m !== null; m = DASH_SEPARATOR.exec(text)) {
    segments.push(text.slice(from, m.index));
    segments.separators.push(m.index);
    from = m.index + m[0].length;
    segments.starts.push(from);
  }
  segments.push(from === 0 ? text : text.slice(from));
  return segments;
}

/**
 * Index of the first segment after the title that reads as authors, year or identifiers, or
 * -1. A title may itself contain ` — ` ("Scaling Laws — Revisited"), so a segment that reads
 * like more title is kept in the title.
 */
function findMetaSegment(segments: string[]): number {
  for (let i = 1; i < segments.length; i++) {
    if (looksLikeMeta(segments[i])) return i;
  }
  // Dashes but nothing recognisable after them: the last segment is the author part, as in
  // the show's own form `Title — Authors`.
  return segments.length > 1 ? segments.length - 1 : -1;
}

function looksLikeMeta(segment: string): boolean {
  const s = segment.trim();
  if (s === '') return false;
  if (s.includes(',') || firstYear(s) !== null) return true;
  if (/(^|[\s,])\?$/.test(s)) return true;
  if (/\bet\.?\s*al\b|\band others\b|^approx|\barXiv\b|\bauthors?\b/i.test(s)) return true;
  return looksLikeNames(s);
}

// Lower-case words that occur inside personal names.
const NAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'du',
  'la',
  'le',
  'bin',
  'al',
  'y',
  'and',
  '&',
]);

/** Whether a segment reads like one or more personal names ("Ada Shannon & Hal Turing"). */
function looksLikeNames(segment: string): boolean {
  const words = segment.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 12) return false;
  return words.every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}[\p{L}'’.-]*$/u.test(w));
}

/**
 * Tails of an author list that stand for people not named, dropped from the names as `et al.`
 * is: `…, and colleagues`, `X et al.`, `X m.fl.`. `glued`: also when written onto the last name
 * without a space (`Nordmannm.fl.`); the others stand after a space or a comma.
 */
const UNNAMED_TAILS: readonly { text: string; glued?: boolean }[] = [
  { text: 'et al.' },
  { text: 'et. al.' },
  { text: 'et al' },
  { text: 'others' },
  { text: 'colleagues' },
  { text: 'collaborators' },
  { text: 'co-authors' },
  { text: 'coauthors' },
  { text: 'the team' },
  { text: 'team' },
  { text: 'med flere' },
  { text: 'm.fl.', glued: true },
  { text: 'm. fl.', glued: true },
];

/** The tails of {@link UNNAMED_TAILS} as regex alternatives (spaces may be any whitespace). */
const tailAlternatives = (glued: boolean) =>
  UNNAMED_TAILS.filter((t) => !!t.glued === glued)
    .map((t) => t.text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '\\s*'))
    .join('|');

// Where a tail of unnamed people begins in a name, with an `and`/`og` before it.
const UNNAMED_TAIL = new RegExp(
  `(?:(?:^|\\s+)(?:(?:and|og)\\s+)?(?:${tailAlternatives(false)})|\\s*(?:${tailAlternatives(true)}))(?=[\\s,;)]|$)`,
  'i',
);

// What makes an author field more than `Name, Name, Year`: parentheticals, `&` without spaces,
// `;`, `?`, `/`, ellipses, dashes, digits, ` and `, or a tail of unnamed people inside the list.
// (Dots of initials are fine.) One regex pass rather than a scan per word.
const UNUSUAL_AUTHORS = new RegExp(
  `[(;?/…·—–\\d\\t-\\r\\u00a0]|&(?! )|(?<! )&| {2}|,(?! )|--|\\.\\.| and |${tailAlternatives(false)}|${tailAlternatives(true)}`,
);

/**
 * The common case, `Ada Author, Bob Author, 2025`, read with one test and one split; `null`
 * when the field needs the careful path. (Most of the parser's time went into per-name checks
 * before this.)
 */
function plainAuthorList(field: string): string[] | null {
  // Whole-field placeholders (`approximate`, `approx. recent … authors`) go the careful way.
  if ((field.charCodeAt(0) | 0x20) === 0x61 && /^approx/i.test(field)) return null;
  let body = field;
  const n = field.length;
  if (
    n >= 6 &&
    field.charCodeAt(n - 6) === 0x2c &&
    field.charCodeAt(n - 5) === 0x20 &&
    isYearAt(field, n - 4)
  ) {
    body = field.slice(0, n - 6);
  }
  // `X et al.` and `X, et al.` end the list: drop the marker, keep the names.
  if (body.endsWith(' et al.')) body = body.slice(0, body.endsWith(', et al.') ? -8 : -7);
  if (UNUSUAL_AUTHORS.test(body)) return null;
  const names = body.split(', ');
  // `Hal Turing & Dr. Ada Shannon`: two names in one comma-separated part.
  const paired = body.includes(' & ') ? names.flatMap((name) => name.split(' & ')) : names;
  for (const name of paired) {
    if (!isPlainName(name)) return null;
  }
  return paired;
}

/**
 * Whether one name of a plain author list can stand as it is: longer than three characters
 * and not a placeholder such as `Unknown` or `Various`.
 */
function isPlainName(name: string): boolean {
  return !(
    name.length <= 3 ||
    (name.length <= 11 && PLACEHOLDER_START.has(name.charCodeAt(0)) && PLACEHOLDER_WORDS.has(name))
  );
}

/** Whether `text` holds a year 1800–2099 at `at` (four digits). */
function isYearAt(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return (
    ((a === 0x31 && (b === 0x38 || b === 0x39)) || (a === 0x32 && b === 0x30)) &&
    isDigitCode(text.charCodeAt(at + 2)) &&
    isDigitCode(text.charCodeAt(at + 3))
  );
}

// First letters of the placeholder words, so ordinary names skip the Set lookup.
const PLACEHOLDER_START = new Set([...'uUvVaAnNtT'].map((c) => c.charCodeAt(0)));

// Author fields that are placeholders, not people, in the spellings met (checked as written,
// so ordinary names cost one Set lookup).
const PLACEHOLDER_WORDS = new Set(
  ['unknown', 'various', 'anonymous', 'n/a', 'na', 'tbd', 'none', 'approximate', 'approx.'].flatMap(
    (w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()],
  ),
);

/**
 * Reads person names from an author field: drops the year, parentheticals, tails of unnamed
 * people ({@link UNNAMED_TAILS}) and placeholders; splits on commas, `&` and `and`.
 */
export function readAuthors(field: string): string[] {
  let s = field.trim();
  // A whole-field placeholder: `approximate`, `approx. recent Google authors`, `?`.
  const first = s.charCodeAt(0);
  if (first === 0x3f || ((first | 0x20) === 0x61 && /^approx/i.test(s))) return [];
  const plain = plainAuthorList(s);
  if (plain) return plain;
  // Visualization pages write `Authors · Institution · Date · URL`: the names come first.
  const dot = s.indexOf('·');
  if (dot !== -1) s = s.slice(0, dot).trim();
  if (s.includes('(')) s = stripParentheticals(s);
  const names: string[] = [];
  for (const part of s.includes(';') ? s.split(/[,;]/) : s.split(',')) {
    if (part.includes(' & ') || part.includes(' and ')) {
      for (const sub of part.split(/\s+(?:&|and)\s+/)) addName(names, sub);
    } else {
      addName(names, part);
    }
  }
  return names;
}

/** Adds one name from an author list, without a tail of unnamed people; never a year or a placeholder. */
function addName(names: string[], raw: string): void {
  let name = raw.trim();
  if (name.startsWith('and ')) name = name.slice(4).trimStart();
  const tail = UNNAMED_TAIL.exec(name);
  if (tail) name = name.slice(0, tail.index).trimEnd();
  if (name === '') return;
  const first = name.charCodeAt(0);
  if (first === 0x3f || first === 0x2e || first === 0x2026) return; // `?`, `...`, `…`
  if (first >= 0x30 && first <= 0x39 && /^\d{4}(?:\s*\/\s*\d{2,4})?$/.test(name)) return; // the year
  if (PLACEHOLDER_WORDS.has(name) || ((first | 0x20) === 0x61 && /^approx/i.test(name))) return;
  if (name.length <= 4 && names.length > 0 && /^(?:Jr|Sr|II|III|IV)\.?$/.test(name)) {
    names[names.length - 1] += `, ${name}`;
    return;
  }
  names.push(name);
}

/** Removes `( … )` groups (institutions, venues, dates), even nested or unclosed. */
function stripParentheticals(text: string): string {
  const kept: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x28) {
      if (depth === 0) kept.push(text.slice(from, i));
      depth++;
    } else if (code === 0x29 && depth > 0) {
      depth--;
      if (depth === 0) from = i + 1;
    }
  }
  if (depth === 0) kept.push(text.slice(from));
  return kept.join(' ').replace(/\s+/g, ' ').trim();
}

/** Trims a title and drops quotes that wrap all of it; an empty title is `null`. */
export function cleanTitle(text: string): string | null {
  let t = text.trim();
  if (/[^\S ]| {2}/.test(t)) t = t.replace(/\s+/g, ' ');
  // A dangling separator left by the split (`Title —`, `Title,`). A loop, not a `…+$` regex,
  // which would be quadratic on a long run of dashes.
  while (t !== '' && TRAILING_SEPARATOR.has(t.charCodeAt(t.length - 1))) {
    const before = t;
    t = t
      .replace(/[,;]$/, '')
      .replace(/\s(?:—|–|--?)$/, '')
      .trimEnd();
    if (t === before) break;
  }
  if (QUOTES.has(t.charCodeAt(0)) && QUOTES.has(t.charCodeAt(t.length - 1)) && t.length >= 2) {
    const inner = t.slice(1, -1);
    // Only quotes that wrap the whole title: none of the same kind may stand inside.
    const single = SINGLE_QUOTES.has(t.charCodeAt(0));
    if (!/["“”„«»]/.test(inner) && (!single || !/['‘’]/.test(inner))) t = inner.trim();
  }
  return t === '' ? null : t;
}

// `,` `;` `-` `–` `—`
const TRAILING_SEPARATOR = new Set([0x2c, 0x3b, 0x2d, 0x2013, 0x2014]);
// " “ ” „ ' ‘ ’ « »
const QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x27, 0x2018, 0x2019, 0xab, 0xbb]);
const SINGLE_QUOTES = new Set([0x27, 0x2018, 0x2019]);
