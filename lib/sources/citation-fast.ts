/**
 * The show's usual citation, `Title — Name, Name & Name, 2025`, read in place: one pass over
 * the characters of the description itself, with no slice of the citation, no trim and no
 * regex. Most sources of a list are in this form, so this is where the parser spends its time
 * (issue 2 asks for at most 5× a plain URL scan). Anything unusual returns `null` and goes the
 * careful way (`readCitation`); whenever this returns a citation it is exactly what
 * `readCommonCitation` gives for the same text, which a differential property test checks.
 */
import { cleanTitle, isPlainName, isYearAt, titleMayNeedCleaning, type Citation } from './citation';
import { isSpace } from '../links/urls';

/**
 * Reads `text[start, end)` (trimmed: no whitespace at either end) as `Title — Authors, Year`
 * with a plain author list, or returns `null` when it is anything else or anything odd.
 */
export function readShowCitationAt(text: string, start: number, end: number): Citation | null {
  // The title runs to the first ` — `; on the way, note whitespace that cleanTitle would fold.
  let oddSpace = false;
  let dash = -1;
  let previous = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2014) {
      if (previous === 0x20 && text.charCodeAt(i + 1) === 0x20 && i - 1 > start) {
        dash = i;
        break;
      }
    } else if (code === 0x20) {
      if (previous === 0x20) oddSpace = true;
    } else if ((code <= 13 && code >= 9) || (code >= 0xa0 && isSpace(code))) {
      oddSpace = true;
    }
    previous = code;
  }
  if (dash === -1) return null;

  // The author part: after the dash and its spaces, ending `, YYYY`.
  let metaStart = dash + 2;
  while (metaStart < end && isSpace(text.charCodeAt(metaStart))) metaStart++;
  if (
    end - metaStart < 6 ||
    text.charCodeAt(end - 6) !== 0x2c ||
    text.charCodeAt(end - 5) !== 0x20 ||
    !isYearAt(text, end - 4)
  ) {
    return null;
  }
  const year =
    (text.charCodeAt(end - 4) - 48) * 1000 +
    (text.charCodeAt(end - 3) - 48) * 100 +
    (text.charCodeAt(end - 2) - 48) * 10 +
    (text.charCodeAt(end - 1) - 48);
  let bodyEnd = end - 6;
  // `X et al.` and `X, et al.` end the list: drop the marker, keep the names.
  if (bodyEnd - metaStart >= 7 && text.startsWith(' et al.', bodyEnd - 7)) {
    bodyEnd -= text.charCodeAt(bodyEnd - 8) === 0x2c && bodyEnd - metaStart >= 8 ? 8 : 7;
  }
  const authors = plainNamesAt(text, metaStart, bodyEnd);
  if (authors === null) return null;

  const rawTitle = text.slice(start, dash - 1);
  const title = oddSpace || titleMayNeedCleaning(rawTitle) ? cleanTitle(rawTitle) : rawTitle;
  return { title, authors, year };
}

/**
 * The names of `text[start, end)` split on `, ` and ` & `, or `null` when the list holds
 * anything the plain form does not: parentheses, digits, `;`, `?`, `/`, dashes, ellipses,
 * doubled spaces, dots or hyphens, a comma without its space, a loose `&`, ` and `, `others`,
 * `et al`, a name that does not start with a capital, or a placeholder name.
 */
function plainNamesAt(text: string, start: number, end: number): string[] | null {
  const names: string[] = [];
  let nameStart = start;
  if (!startsName(text.charCodeAt(start))) return null;
  // `Approx. recent … authors` and `Approximate` are placeholders for the whole list.
  if (text.charCodeAt(start) === 0x41 && /^approx/i.test(text.slice(start, start + 6))) {
    return null;
  }
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Letters are most of a list: capitals always pass, small letters unless they could open
    // `et al` or `others`.
    if (code >= 0x61 && code <= 0x7a) {
      if (code === 0x65 && isEtAlAt(text, i, end)) return null;
      if (code === 0x6f && i + 6 <= end && text.startsWith('others', i)) return null;
      continue;
    }
    if (code >= 0x41 && code <= 0x5a) continue;
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    switch (code) {
      case 0x20: // a space: never doubled, never ` and `; ` & ` separates two names
        if (next === 0x20) return null;
        if (next === 0x61 && i + 4 < end && text.startsWith('and ', i + 1)) return null;
        if (next === 0x26) {
          if (i + 2 >= end || text.charCodeAt(i + 2) !== 0x20) return null;
          if (!pushName(names, text, nameStart, i)) return null;
          nameStart = i + 3;
          if (nameStart >= end || !startsName(text.charCodeAt(nameStart))) return null;
          i += 2;
        }
        break;
      case 0x2c: // a comma: always `, ` before the next name
        if (next !== 0x20) return null;
        if (!pushName(names, text, nameStart, i)) return null;
        nameStart = i + 2;
        if (nameStart >= end || !startsName(text.charCodeAt(nameStart))) return null;
        i += 1;
        break;
      case 0x2d: // `-` alone (Jean-Paul), never `--`
        if (next === 0x2d) return null;
        break;
      case 0x2e: // `.` of an initial, never `..`
        if (next === 0x2e) return null;
        break;
      case 0x26: // `&` outside ` & `
      case 0x28: // (
      case 0x3b: // ;
      case 0x3f: // ?
      case 0x2f: // /
      case 0xa0: // no-break space
      case 0xb7: // ·
      case 0x2013: // –
      case 0x2014: // —
      case 0x2026: // …
        return null;
      default:
        if (code <= 0x39 && (code >= 0x30 || (code >= 9 && code <= 13))) return null;
    }
  }
  if (!pushName(names, text, nameStart, end)) return null;
  return names;
}

/** Adds `text[start, end)` as a name when it is a plain one; `false` when it is not. */
function pushName(names: string[], text: string, start: number, end: number): boolean {
  const name = text.slice(start, end);
  if (!isPlainName(name)) return false;
  names.push(name);
  return true;
}

/** Whether a name may start with this character: a capital, or a letter beyond Latin-1. */
function startsName(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code !== 0x2013 && code !== 0x2014);
}

/** Whether `et al`, `et. al`, `etal` or `et.al` starts at `i` (before `end`). */
function isEtAlAt(text: string, i: number, end: number): boolean {
  if (text.charCodeAt(i + 1) !== 0x74) return false;
  let j = i + 2;
  if (text.charCodeAt(j) === 0x2e) j++;
  if (text.charCodeAt(j) === 0x20) j++;
  return j + 2 <= end && text.charCodeAt(j) === 0x61 && text.charCodeAt(j + 1) === 0x6c;
}
