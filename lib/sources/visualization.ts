/**
 * The `Interactive Visualization` trailer that ends every description, in its three forms:
 * `Interactive Visualization: <a href="URL">Title</a>` (the feed), `… Title [URL]` (hosts that
 * flatten links) and `… Title` with the URL on the next line (older descriptions).
 */
import { httpUrlOrNull } from '../links/urls';

const MARKER = /Interactive\s+Visuali[sz]ation\s*:/gi;

/** Where each `Interactive Visualization:` label stands: `[labelStart, labelEnd]` pairs. */
export function findVisualizationMarkers(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  // indexOf finds the rare candidates fast; the regex then checks each one where it stands.
  for (let k = text.indexOf('isuali'); k !== -1; k = text.indexOf('isuali', k + 6)) {
    MARKER.lastIndex = Math.max(0, k - 20);
    const m = MARKER.exec(text);
    if (
      m &&
      m.index <= k &&
      m.index + m[0].length > k &&
      (found.length === 0 || found[found.length - 1][0] !== m.index)
    ) {
      found.push([m.index, m.index + m[0].length]);
    }
  }
  return found;
}

/**
 * The visualization link of a description: the link after an `Interactive Visualization:`
 * label (anchor, brackets, same line or next line), else any `/viz/….html` link in the text.
 */
export function findVisualizationUrl(
  text: string,
  markers = findVisualizationMarkers(text),
): string | null {
  for (const [, labelEnd] of markers) {
    // Look at most two lines (and 2,000 characters) past the label.
    const window = text.slice(labelEnd, labelEnd + 2000);
    const lines = window.split('\n');
    const near = lines.slice(0, 2).join('\n');
    const url =
      /<a\s[^>]*?href\s*=\s*["']([^"']+)["']/i.exec(near)?.[1] ??
      /\[\s*(https?:\/\/[^\s\]]+)\s*\]/i.exec(near)?.[1] ??
      /(https?:\/\/[^\s<>"'\]]+)/i.exec(near)?.[1];
    const safe = httpUrlOrNull(url ? decodeEntities(url) : null);
    if (safe) return safe;
  }
  const anyViz = /https?:\/\/[^\s<>"'\]]+\/viz\/[^\s<>"'\]]+\.html?/i.exec(text);
  return anyViz ? httpUrlOrNull(decodeEntities(anyViz[0])) : null;
}

/** Decodes the few entities an `href` may carry in escaped feed text. */
function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#38;/g, '&');
}
