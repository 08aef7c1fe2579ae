/**
 * Tags as the library edits them: one text field, comma separated. A tag holding a comma, a
 * double quote, or spaces at its ends or in a run is written in double quotes (a quote inside
 * doubled, as in CSV), so the field reads back every tag exactly as it came, an imported one
 * included; `ML` and `ml` stay two tags.
 */
import { LIMITS } from '@/lib/core/limits';

/** The tags in a field's text, or why they cannot be saved (`tooMany`, or `tooLong` with the tag). */
export type ParsedTags =
  | { ok: true; tags: string[] }
  | { ok: false; problem: 'tooMany' }
  | { ok: false; problem: 'tooLong'; tag: string };

/** Whether `tag` must be quoted to read back as it is. */
function needsQuotes(tag: string): boolean {
  return /[,"]|^\s|\s$|\s\s|[^\S ]/.test(tag);
}

/**
 * The tags in `text`: split at commas outside quotes; an unquoted tag trimmed with its spaces
 * folded, a quoted one kept as written; empty ones and exact repeats dropped. More than
 * `maxTags`, or a tag longer than `maxLength`, is a problem to show, never cut silently.
 */
export function parseTags(
  text: string,
  maxLength: number = LIMITS.tag,
  maxTags: number = LIMITS.tags,
): ParsedTags {
  const tags: string[] = [];
  const seen = new Set<string>();
  const add = (tag: string): ParsedTags | null => {
    if (tag === '' || seen.has(tag)) return null;
    if (tag.length > maxLength) return { ok: false, problem: 'tooLong', tag };
    seen.add(tag);
    tags.push(tag);
    return tags.length > maxTags ? { ok: false, problem: 'tooMany' } : null;
  };
  let at = 0;
  while (at <= text.length) {
    while (text[at] === ' ') at++;
    let tag: string;
    if (text[at] === '"') {
      let quoted = '';
      let i = at + 1;
      for (; i < text.length; i++) {
        if (text[i] !== '"') quoted += text[i];
        else if (text[i + 1] === '"') quoted += text[i++];
        else break;
      }
      tag = quoted;
      const comma = text.indexOf(',', i);
      at = comma === -1 ? text.length + 1 : comma + 1;
    } else {
      const comma = text.indexOf(',', at);
      const end = comma === -1 ? text.length : comma;
      tag = text.slice(at, end).trim().replace(/\s+/g, ' ');
      at = end + 1;
    }
    const problem = add(tag);
    if (problem) return problem;
  }
  return { ok: true, tags };
}

/** The text field's value for `tags`: what {@link parseTags} reads back as exactly `tags`. */
export function tagsText(tags: readonly string[]): string {
  return tags.map((t) => (needsQuotes(t) ? `"${t.replace(/"/g, '""')}"` : t)).join(', ');
}
