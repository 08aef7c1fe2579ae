/** Tags as the library edits them: one text field, comma separated. */

/** The tags in `text`: split at commas, trimmed, empty ones and repeats (any case) dropped. */
export function parseTags(text: string, maxLength = 200, maxTags = 100): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ').slice(0, maxLength);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
    if (tags.length >= maxTags) break;
  }
  return tags;
}

/** The text field's value for `tags`. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(', ');
}
