/**
 * The `Interactive Visualization` trailer that ends every description, in its three forms:
 * `Interactive Visualization: <a href="URL">Title</a>` (the feed), `… Title [URL]` (hosts that
 * flatten links) and `… Title` with the URL on the next line (older descriptions).
 */
import { httpUrlOrNull } from '@/lib/core/urls';
import { findUrls, isSpace } from '@/lib/links/urls';

// The label is `Interactive Visualization:` (any case, any whitespace, s or z); this finds its
// second word, and the first is checked before it.
const VISUALIZATION = /Visuali[sz]ation\s*:/gi;

/** The first `Interactive Visualization:` label at or after `from`, as `[start, end]`, or `null`. */
export function nextVisualizationMarker(text: string, from: number): [number, number] | null {
  // The regex looks for the label's second word, which its matcher finds several times faster
  // than the whole label (and faster than indexOf, which V8 runs character by character on
  // two-byte text); `Interactive` is then checked by hand before it (a regex look-behind cost a long list's parse dearly).
  VISUALIZATION.lastIndex = from;
  for (let m = VISUALIZATION.exec(text); m !== null; m = VISUALIZATION.exec(text)) {
    let p = m.index - 1;
    while (p >= from && isSpace(text.charCodeAt(p))) p--;
    const start = p - 10;
    if (
      p < m.index - 1 &&
      start >= from &&
      text.slice(start, p + 1).toLowerCase() === 'interactive'
    ) {
      return [start, m.index + m[0].length];
    }
  }
  return null;
}

/**
 * The visualization link of a description: the link after an `Interactive Visualization:`
 * label (anchor, brackets, same line or next line), else any `/viz/….html` link in the text.
 * `preferred` is a label already found (the trailer after the list), tried first.
 */
export function findVisualizationUrl(
  text: string,
  preferred: [number, number] | null = null,
): string | null {
  const fromPreferred = preferred ? urlAfterMarker(text, preferred[1]) : null;
  if (fromPreferred) return fromPreferred;
  for (
    let marker = nextVisualizationMarker(text, 0);
    marker;
    marker = nextVisualizationMarker(text, marker[1])
  ) {
    const url = urlAfterMarker(text, marker[1]);
    if (url) return url;
  }
  // Any `/viz/….html` link. Checked URL by URL: one regex over the whole text would retry
  // from every `http` and grow quadratic on glued URLs.
  for (const { url } of findUrls(text)) {
    if (!url.includes('/viz/')) continue;
    const viz = /^https?:\/\/[^\s<>"'\]]+?\/viz\/[^\s<>"'\]/]+\.html?/i.exec(url);
    if (viz) return httpUrlOrNull(decodeEntities(viz[0]));
  }
  return null;
}

/** The link in the two lines after a label: an `<a href>`, a `[url]`, or a plain URL. */
function urlAfterMarker(text: string, labelEnd: number): string | null {
  let near = text
    .slice(labelEnd, labelEnd + 2000)
    .split('\n', 2)
    .join('\n');
  // The trailer never runs into a source list: on hosts that collapse lines, a visualization
  // label without a link is followed directly by `Sources: 1. …`, whose URLs are not it.
  const list = /\b(?:Sources?|Papers?|References?)\s*:/.exec(near);
  if (list) near = near.slice(0, list.index);
  const url =
    /<a\s[^>]*?href\s*=\s*["']([^"']+)["']/i.exec(near)?.[1] ??
    /\[\s*(https?:\/\/[^\s\]]+)\s*\]/i.exec(near)?.[1] ??
    /(https?:\/\/[^\s<>"'\]]+)/i.exec(near)?.[1];
  return httpUrlOrNull(url ? decodeEntities(url) : null);
}

/** Decodes the few entities an `href` may carry in escaped feed text. */
function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}
