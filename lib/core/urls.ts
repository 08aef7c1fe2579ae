/**
 * The one gate for what may be opened or linked. Everything that becomes a clickable link, is
 * opened in a tab, or is stored as an address passes here: `javascript:`, `data:`, relative
 * addresses and anything the browser would not read as an http(s) URL never do.
 *
 * Not to be mistaken for the parser's search for addresses inside text (`findUrls` in
 * lib/links/urls.ts), which finds where a URL starts and ends in a description.
 */

/** A scheme, then a host made of host characters; no whitespace and no user info anywhere. */
const HTTP_URL = /^https?:\/\/[\p{L}\p{N}.-]+(?::\d+)?(?:[/?#]\S*)?$/iu;

/**
 * Returns `value` when it is an absolute http(s) URL, else `null`. Both checks must pass: the
 * written form (so `http:foo`, spaces, or `user@host` never pass), and the browser's own reading
 * (so an address it cannot open, such as a port past 65535, never passes either).
 */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || !HTTP_URL.test(value)) return null;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/** Whether `value` may be opened or linked: see {@link httpUrlOrNull}. */
export function isHttpUrl(value: string): boolean {
  return httpUrlOrNull(value) !== null;
}
