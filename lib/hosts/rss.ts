/**
 * RSS feeds (the show's `feed.xml`): each `<item>` is one episode: `<title>`, `<description>`
 * (the text XML-escaped, the visualization `<a>` escaped inside it; CDATA HTML is read too),
 * `<pubDate>` (RFC 2822), `<enclosure url>`, `<itunes:duration>`. The document is an XML
 * document (DOMParser `text/xml`, or the browser's own for a feed it shows).
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import { anyDate, makeEpisode, mappedLocation } from '@/lib/hosts/read/common';
import { extractText } from '@/lib/hosts/read/text';
import type { Host, ReadOptions } from '@/lib/hosts/host';
import { parseDuration } from '@/lib/dates/index';
import { htmlToText } from '@/lib/html-text';

/** Whether the document is an RSS feed (`<rss>` root, or a `<channel>` holding items). */
function detect(document: Document): boolean {
  const root = document.documentElement;
  if (!root) return false;
  const name = (root.localName ?? root.tagName).toLowerCase();
  return name === 'rss' || (name === 'rdf:rdf' && byTag(root, 'item').length > 0);
}

/** Children-or-descendants by local tag name, namespace prefixes ignored. */
function byTag(root: Element | Document, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

/** The text of the first `name` child of `item`. */
function childText(item: Element, name: string): string | null {
  for (let c = item.firstElementChild; c; c = c.nextElementSibling) {
    if ((c.localName ?? c.tagName).toLowerCase() === name || c.tagName.toLowerCase() === name) {
      const text = (c.textContent ?? '').trim();
      return text === '' ? null : text;
    }
  }
  return null;
}

function child(item: Element, name: string): Element | null {
  for (let c = item.firstElementChild; c; c = c.nextElementSibling) {
    if (c.tagName.toLowerCase() === name) return c;
  }
  return null;
}

/** Reads every `<item>` of the feed. */
function read(document: Document, _url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  const now = options.now ?? new Date();
  if (!detect(document)) return [];
  return byTag(document, 'item').map((item) => {
    const descEl = child(item, 'description') ?? child(item, 'content:encoded');
    let description = '';
    let location = null;
    if (descEl) {
      const raw = descEl.textContent ?? '';
      if (/<(?:p|br|div)\b/i.test(raw)) {
        description = htmlToText(raw, { keepLinks: true }).trim();
        location = { element: descEl, map: null, offset: 0 };
      } else {
        const map = extractText(descEl, { preserveWhitespace: true });
        description = map.text;
        location = mappedLocation(map, 0, descEl);
      }
    }
    const enclosure = child(item, 'enclosure')?.getAttribute('url') ?? null;
    return makeEpisode({
      ...feedItemFields((name) => childText(item, name), enclosure, now),
      description,
      location,
    });
  });
}

/**
 * An RSS item's title, date, length and audio, from its child elements' text (`text(name)`,
 * lower-case names) and its enclosure's address: shared by this reader and the background's
 * DOM-free feed reader (lib/catalog/feed.ts), so both read a feed alike.
 */
export function feedItemFields(
  text: (name: string) => string | null,
  enclosure: string | null,
  now: Date,
): {
  title: string | null;
  published: string | null;
  duration: number | null;
  audioUrl: string | null;
} {
  const durationText = text('itunes:duration');
  return {
    title: text('title'),
    published: anyDate(text('pubdate') ?? text('dc:date'), now),
    duration: durationText
      ? /^\d+$/.test(durationText)
        ? Number(durationText)
        : parseDuration(durationText)
      : null,
    audioUrl: enclosure && /^https?:\/\//i.test(enclosure) ? enclosure : null,
  };
}

/** RSS feeds, read when shown or given to `parse`: the content script never runs on its own there. */
export const rss: Host<'rss'> = {
  id: 'rss',
  label: 'RSS',
  hostnames: [],
  spa: false,
  optional: false,
  // A feed address: `….xml`, `/feed`, `/rss`.
  matches: (url) => /\.(?:xml|rss)$|\/(?:feed|rss)\/?$/i.test(url.pathname),
  detect,
  read,
};
