/**
 * The show's RSS feed read from its text, without a DOM: the background fetches the feed when the
 * user asks to record the whole show, and Chromium's service worker has no `DOMParser`. It gives the same
 * episodes as the DOM reader lib/hosts/rss.ts (a unit test compares both on the fixture feeds):
 * each `<item>`'s title, description (XML-escaped text or CDATA HTML), `pubDate`, `enclosure`
 * and `itunes:duration`, through the same `makeEpisode` and source parser.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import { htmlToText, stripTags } from '@/lib/html-text';
import { makeEpisode } from '@/lib/hosts/read/common';
import { feedItemFields } from '@/lib/hosts/rss';

/** The show's feed, the only one Citecast fetches (and only when the user asks). */
export const FEED_URL = 'https://podcast.do-not-panic.com/feed.xml';

/** The host permission the fetch needs, requested from an extension page at that moment. */
export const FEED_PERMISSION = 'https://podcast.do-not-panic.com/*';

/** Larger feeds are refused unread (20 MB: the whole show's feed is a few MB). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Items read from one feed at most (far beyond the show's catalog). */
export const MAX_FEED_ITEMS = 10_000;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data as text: entities decoded (CDATA sections were taken out before). */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : all;
    }
    return NAMED[name] ?? all;
  });
}

/**
 * The parts of `text` outside the sections from `open` to `close`, and those sections' insides,
 * in order: `[outside, inside, outside, …, outside]`. A section never closed is left as text.
 * One pass: each search starts where the last one ended.
 */
function sections(text: string, open: string, close: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, from)) {
    const end = text.indexOf(close, at + open.length);
    if (end === -1) break;
    parts.push(text.slice(from, at), text.slice(at + open.length, end));
    from = end + close.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The text content of an element's inner XML: CDATA kept as is, the rest decoded, tags dropped. */
function textContent(inner: string): string {
  return sections(inner, '<![CDATA[', ']]>')
    .map((part, i) => (i % 2 === 1 ? part : decodeXml(stripTags(part))))
    .join('');
}

/** The direct children of an item as `[name, attributes, inner]`, in order. */
function children(item: string): { name: string; attributes: string; inner: string }[] {
  const out: { name: string; attributes: string; inner: string }[] = [];
  // XML attribute values never hold `<`, so an open tag stops at one: no scan to the end.
  const open = /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)?(\/?)>/g;
  for (let m = open.exec(item); m; m = open.exec(item)) {
    const name = m[1]!;
    const attributes = m[2] ?? '';
    if (m[3] === '/') {
      out.push({ name: name.toLowerCase(), attributes, inner: '' });
      continue;
    }
    const close = item.indexOf(`</${name}>`, open.lastIndex);
    if (close === -1) break;
    out.push({ name: name.toLowerCase(), attributes, inner: item.slice(open.lastIndex, close) });
    open.lastIndex = close + name.length + 3;
  }
  return out;
}

/** The value of attribute `name` in an element's attribute text, decoded. */
function attribute(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attributes);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/**
 * Reads every `<item>` of an RSS feed's text (at most {@link MAX_FEED_ITEMS}). Throws an Error
 * saying why when the text is not an RSS feed.
 */
export function readFeedText(xml: string, now: Date = new Date()): FoundEpisode[] {
  const body = sections(xml, '<!--', '-->')
    .filter((_, i) => i % 2 === 0)
    .join('');
  if (!/<rss[\s>]/i.test(body) && !/<rdf:RDF[\s>]/.test(body)) {
    throw new Error('the answer is not an RSS feed');
  }
  const episodes: FoundEpisode[] = [];
  const items = /<item(?:\s[^<>]*)?>/g;
  for (let m = items.exec(body); m && episodes.length < MAX_FEED_ITEMS; m = items.exec(body)) {
    const close = body.indexOf('</item>', items.lastIndex);
    if (close === -1) break;
    const item = body.slice(items.lastIndex, close);
    items.lastIndex = close + '</item>'.length;
    const fields = children(item);
    const first = (name: string) => fields.find((f) => f.name === name);
    const text = (name: string) => {
      const field = first(name);
      const value = field ? textContent(field.inner).trim() : '';
      return value === '' ? null : value;
    };
    const descField = first('description') ?? first('content:encoded');
    let description = '';
    if (descField) {
      const raw = textContent(descField.inner);
      // As lib/hosts/rss.ts: HTML (CDATA or escaped) becomes lines; plain text is kept as is.
      description = /<(?:p|br|div)\b/i.test(raw)
        ? htmlToText(raw, { keepLinks: true }).trim()
        : raw;
    }
    const enclosureField = first('enclosure');
    const enclosure = enclosureField ? attribute(enclosureField.attributes, 'url') : null;
    episodes.push(makeEpisode({ ...feedItemFields(text, enclosure, now), description }));
  }
  return episodes;
}
