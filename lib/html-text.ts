/**
 * Text from a fragment of HTML held as a string (an RSS description in CDATA, a Zotero note),
 * without ever parsing it as markup: line breaks kept, tags dropped, the common entities decoded.
 * Every step is linear in the text's length: a note of a megabyte of `<` without `>` (which a
 * pattern like `/<[^>]+>/` scans to the end from every `<`) costs no more than plain text.
 */

/**
 * `text` without its tags (`<` up to the next `>`, as `/<[^>]+>/g` would match them, but in
 * one pass). `keep(text, at)` says whether the tag starting at `at` stays as written.
 */
export function stripTags(
  text: string,
  keep: (text: string, at: number) => boolean = () => false,
): string {
  let out = '';
  let from = 0;
  let at = text.indexOf('<');
  while (at !== -1) {
    const end = text.indexOf('>', at + 1);
    // No `>` after this `<` means none after any later `<` either: the rest is text.
    if (end === -1) break;
    if (end === at + 1 || keep(text, at)) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    out += text.slice(from, at);
    from = end + 1;
    at = text.indexOf('<', from);
  }
  return out + text.slice(from);
}

/** Whether the tag at `at` is a link's `<a …>` or `</a>` (any case). */
function isLinkTag(text: string, at: number): boolean {
  return /^<(?:a\s|\/a>)/i.test(text.slice(at, at + 4));
}

/**
 * Turns an HTML string into plain text: `<br>` and the ends of paragraphs, blocks, list items
 * and headings become line breaks, other tags are dropped, and the usual entities are decoded.
 * With `keepLinks`, `<a …>` and `</a>` stay as written (the feed's visualization trailer is
 * read from its `<a href>`).
 */
export function htmlToText(html: string, options: { keepLinks?: boolean } = {}): string {
  const lines = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(?:p|div|li|h\d)>/gi, '\n');
  return stripTags(lines, options.keepLinks ? isLinkTag : undefined)
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
