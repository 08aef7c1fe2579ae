/**
 * The search field's language: free words plus a few operators, parsed into a
 * {@link ParsedQuery}. Pure, no store: the background's paper query applies it.
 *
 * - `t:tag` — has this tag (case-insensitive, whole tag); `t:"two words"` for a tag with spaces.
 *   Several `t:` must all hold.
 * - `y:2024`, `y:>2023`, `y:>=2023`, `y:<2020`, `y:<=2020`, `y:2020..2022` (or `y:2020-2022`) —
 *   the paper's year. Several `y:` must all hold.
 * - `ep:word`, `ep:"kv cache"` — words of a citing episode's title (one word, or a quoted group).
 * - `is:read`, `is:unread`, `is:reading` — the read state. Several `is:` are alternatives.
 * - Any other word searches title, authors, tags, note and the citing episodes' titles; a quoted
 *   group (`"test-time memory"`) must also appear in that order.
 *
 * Operator names are case-insensitive. While a value is still being typed (`t:`, `y:20`, `y:>`,
 * `is:re`) the operator is left out (listed in `pending`) rather than emptying the list; a value
 * that can never be valid (`y:abc`, `is:done`) is searched as plain words and listed in `invalid`,
 * so the list shows nothing matches instead of silently ignoring what was typed.
 */
import type { ReadState } from '@/lib/core/paper';

/** An inclusive range of years; `null` leaves that end open. */
export interface YearRange {
  min: number | null;
  max: number | null;
}

/** What a search text asks for. */
export interface ParsedQuery {
  /** Free words (unquoted), in order; searched in every field. */
  words: string[];
  /** Quoted free text: its words are searched, and the text must appear as written (folded). */
  phrases: string[];
  /** `t:` values: the paper must have every one of these tags. */
  tags: string[];
  /** `y:` values: the paper's year must be in every range. */
  years: YearRange[];
  /** `ep:` values, unquoted words: searched in the citing episodes' titles only. */
  episodeWords: string[];
  /** `ep:"…"` values: must appear as written in a citing episode's title. */
  episodePhrases: string[];
  /** `is:` values: the paper's read state must be one of these (empty: any). */
  readStates: ReadState[];
  /** Operators left out because their value is still being typed (`y:20`). */
  pending: string[];
  /** Operators whose value cannot be valid; their text is searched as plain words instead. */
  invalid: string[];
}

/** One piece of the search text: a word, a quoted group, or an operator with its value. */
interface Token {
  /** The operator (lower case) or `null` for free text. */
  op: string | null;
  value: string;
  quoted: boolean;
  /** The token as typed. */
  raw: string;
}

const OPERATORS = new Set(['t', 'y', 'ep', 'is']);
const READ_VALUES: readonly ReadState[] = ['read', 'unread', 'reading'];

/** Whether `c` separates tokens (any Unicode white space). */
function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

/**
 * Splits the search text into tokens: runs of non-space characters, where a `"` opens a group
 * that runs to the next `"` (or to the end of the text when it is never closed). `op:"a b"` is
 * one token.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let op: string | null = null;
    const opMatch = /^([A-Za-z]{1,2}):/.exec(text.slice(i, i + 3));
    if (opMatch && OPERATORS.has(opMatch[1]!.toLowerCase())) {
      op = opMatch[1]!.toLowerCase();
      i += opMatch[0].length;
    }
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      const end = text.indexOf('"', i + 1);
      const stop = end === -1 ? text.length : end;
      value = text.slice(i + 1, stop);
      i = end === -1 ? text.length : end + 1;
      // Text glued to the closing quote (`"kv cache"s`) belongs to the same token, as free words.
      let tail = '';
      while (i < text.length && !isSpace(text[i]!)) tail += text[i++];
      if (tail) value = `${value} ${tail}`;
    } else {
      while (i < text.length && !isSpace(text[i]!)) value += text[i++];
    }
    tokens.push({ op, value: value.trim(), quoted, raw: text.slice(start, i) });
  }
  return tokens;
}

/** A year range from a `y:` value, or `null` when it is not one. */
export function parseYear(value: string): YearRange | null {
  const v = value.trim();
  let m = /^(\d{4})$/.exec(v);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  m = /^(>=?|<=?)(\d{4})$/.exec(v);
  if (m) {
    const year = Number(m[2]);
    switch (m[1]) {
      case '>':
        return { min: year + 1, max: null };
      case '>=':
        return { min: year, max: null };
      case '<':
        return { min: null, max: year - 1 };
      default:
        return { min: null, max: year };
    }
  }
  m = /^(\d{4})(?:\.\.|-|–)(\d{4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  return null;
}

/** Whether a `y:` value could still become valid as the user types on. */
function yearStillTyping(value: string): boolean {
  return /^(?:[<>]=?)?\d{0,3}$/.test(value) || /^\d{4}(?:\.\.?|-|–)\d{0,3}$/.test(value);
}

/** Whether an `is:` value could still become valid as the user types on. */
function readStillTyping(value: string): boolean {
  const v = value.toLowerCase();
  return READ_VALUES.some((r) => r.startsWith(v) && r !== v);
}

/** Adds `value` to `list` unless it is there already. */
function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** Parses the search field's text (see the module comment). Never throws. */
export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    tags: [],
    years: [],
    episodeWords: [],
    episodePhrases: [],
    readStates: [],
    pending: [],
    invalid: [],
  };
  /** Free text: a quoted group is a phrase, anything else words. */
  const addFree = (value: string, quoted: boolean) => {
    if (value === '') return;
    if (quoted) addOnce(query.phrases, value);
    else for (const word of value.split(/\s+/u)) if (word) addOnce(query.words, word);
  };
  for (const token of tokenize(text)) {
    if (token.op === null) {
      addFree(token.value, token.quoted);
      continue;
    }
    const { value } = token;
    if (value === '') {
      query.pending.push(token.raw);
      continue;
    }
    switch (token.op) {
      case 't':
        addOnce(query.tags, value);
        break;
      case 'ep':
        if (token.quoted) addOnce(query.episodePhrases, value);
        else addOnce(query.episodeWords, value);
        break;
      case 'y': {
        const range = parseYear(value);
        if (range) {
          if (!query.years.some((r) => r.min === range.min && r.max === range.max)) {
            query.years.push(range);
          }
        } else if (!token.quoted && yearStillTyping(value)) {
          query.pending.push(token.raw);
        } else {
          query.invalid.push(token.raw);
          addFree(value, false);
        }
        break;
      }
      case 'is': {
        const state = READ_VALUES.find((r) => r === value.toLowerCase());
        if (state) addOnce(query.readStates, state);
        else if (!token.quoted && readStillTyping(value)) query.pending.push(token.raw);
        else {
          query.invalid.push(token.raw);
          addFree(value, false);
        }
        break;
      }
    }
  }
  return query;
}

/** Whether the query asks for any text (free words, phrases or episode words). */
export function hasText(query: ParsedQuery): boolean {
  return (
    query.words.length > 0 ||
    query.phrases.length > 0 ||
    query.episodeWords.length > 0 ||
    query.episodePhrases.length > 0
  );
}

/** Whether `year` (a paper's, possibly unknown) is in `range`. */
export function yearInRange(year: number | null, range: YearRange): boolean {
  if (year === null) return false;
  return (range.min === null || year >= range.min) && (range.max === null || year <= range.max);
}

/** A tag folded for comparison: Unicode-composed, lower case, trimmed (letters keep accents). */
export function foldTag(tag: string): string {
  return tag.normalize('NFC').toLowerCase().trim();
}

/**
 * Text folded for searching: compatibility forms and accents folded (`é` → `e`, `å` → `a`;
 * `æ` and `ø` have no decomposition and stay), lower case. Index and query fold alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
