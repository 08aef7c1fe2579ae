/**
 * Finding URLs in plain text, the way the show's descriptions write them.
 *
 * Why not a "smart" URL regex: the show writes Google Scholar searches with raw punctuation
 * (`?q=Is+It+Real?`), so a URL runs to the next whitespace and is never trimmed of trailing
 * punctuation; and early descriptions glue bare URLs together (`…v1https://…`), so a URL also
 * ends where the next `http://` or `https://` begins.
 */

/** A URL found in a text, with its half-open character range. */
export interface UrlMatch {
  url: string;
  start: number;
  end: number;
}

// Two native searches per URL, with `test` (which builds no match object): the scheme, then
// the whitespace that ends the run; glued URLs inside a run are then split with indexOf. (A
// hand-written character loop here was once the parser's single biggest cost, and `exec`'s
// match arrays were most of its garbage on a long list.)
const SCHEME_START = /https?:\/\//gi;
const RUN_END = /\s/g;

/**
 * Finds every http(s) URL in `text[from, to)`, in order, in linear time. A URL never runs
 * past `to`.
 */
export function findUrls(text: string, from = 0, to = text.length): UrlMatch[] {
  const found: UrlMatch[] = [];
  SCHEME_START.lastIndex = from;
  while (SCHEME_START.test(text)) {
    const schemeEnd = SCHEME_START.lastIndex;
    // `https://` or `http://`: the letter before `://` tells which.
    const runStart = schemeEnd - ((text.charCodeAt(schemeEnd - 4) | 0x20) === 0x73 ? 8 : 7);
    if (runStart >= to) break;
    // A run needs one non-space character after its scheme (as `\S+` did).
    if (schemeEnd >= text.length || isSpace(text.charCodeAt(schemeEnd))) continue;
    RUN_END.lastIndex = schemeEnd;
    let runEnd = RUN_END.test(text) ? RUN_END.lastIndex - 1 : text.length;
    if (runEnd > to) runEnd = to;
    SCHEME_START.lastIndex = runEnd;
    const run = text.slice(runStart, runEnd);
    let start = 0;
    // A glued URL starts wherever `http://` or `https://` begins again inside the run.
    for (let next = nextScheme(run, 8); ; next = nextScheme(run, next + 8)) {
      const end = next === -1 ? run.length : next;
      const piece = end === run.length && start === 0 ? run : run.slice(start, end);
      if (piece.length > schemeLength(piece)) {
        found.push({ url: piece, start: runStart + start, end: runStart + end });
      }
      if (next === -1) break;
      start = next;
    }
  }
  return found;
}

const SCHEME = /https?:\/\//gi;

/** Index of the next `http://` or `https://` (any case) in `run` at or after `from`, or -1. */
function nextScheme(run: string, from: number): number {
  SCHEME.lastIndex = from;
  const m = SCHEME.exec(run);
  return m === null ? -1 : m.index;
}

function schemeLength(url: string): number {
  return (url.charCodeAt(4) | 0x20) === 0x73 ? 8 : 7;
}

/** Whether a UTF-16 code unit is whitespace (ASCII and the common Unicode spaces). */
export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
