/**
 * Text from a fragment of HTML held as a string (an RSS description in CDATA, a Zotero note),
 * without ever parsing it as markup: line breaks kept, tags dropped, the common entities decoded.
 */

/**
 * Turns an HTML string into plain text: `<br>` and the ends of paragraphs, blocks, list items
 * and headings become line breaks, other tags are dropped, and the usual entities are decoded.
 * With `keepLinks`, `<a …>` and `</a>` stay as written (the feed's visualization trailer is
 * read from its `<a href>`).
 */
export function htmlToText(html: string, options: { keepLinks?: boolean } = {}): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|div|li|h\d)>/gi, '\n')
    .replace(options.keepLinks ? /<(?!a\s|\/a>)[^>]+>/gi : /<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
