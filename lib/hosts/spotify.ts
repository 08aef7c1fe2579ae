/**
 * Spotify episode pages (`open.spotify.com/episode/{id}`): one episode. What it relies on: the
 * server HTML's JSON-LD `PodcastEpisode` (name, date, duration, and a `description` that starts
 * with `Listen to this episode from {Show} on Spotify. `, stripped here), `og:title` and
 * `music:release_date`; in the DOM, the first block whose text holds a source list (else the
 * block whose text starts like the JSON-LD description) and a "…more" control or trailing
 * ellipsis that marks it cut short. No class, test id or link shape. The DOM text is used
 * (mapped) when it is complete, the JSON-LD text when the DOM's is cut short or holds fewer
 * sources. Any other source list on the page gets the generic reading (lib/hosts/read/page.ts).
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  anyDate,
  domDescription,
  isPodcastEpisode,
  isoDuration,
  jsonLd,
  meta,
  sourceListBlocks,
  stringField,
  type DomDescription,
} from '@/lib/hosts/read/common';
import { chooseDescription } from '@/lib/hosts/read/embedded';
import { shortText } from '@/lib/hosts/read/text';
import type { Host, ReadOptions } from '@/lib/hosts/host';
import { spotifyInfo } from '@/lib/sites';

const PREFIX = /^\s*Listen to this episode from .{1,300}? on Spotify\.\s*/;
const MORE = /^(?:…|\.\.\.)?\s*(?:more|show more|see more|mehr|mer|mere|meer|más)\s*$/i;

/** Whether the page is a Spotify page (site name, or the JSON-LD's "on Spotify." prefix). */
function detect(document: Document): boolean {
  if (/^Spotify$/i.test(meta(document, 'og:site_name') ?? '')) return true;
  return jsonLd(document).some(
    (o) => isPodcastEpisode(o) && PREFIX.test(stringField(o, ['description']) ?? ''),
  );
}

/** Strips Spotify's "Listen to this episode from … on Spotify. " prefix. */
export function stripSpotifyPrefix(text: string): string {
  return text.replace(PREFIX, '');
}

/** Reads the page's one episode. */
function read(document: Document, _url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  const now = options.now ?? new Date();
  const ld = jsonLd(document).find(isPodcastEpisode) ?? null;
  const ldText = ld ? stringField(ld, ['description']) : null;
  const embedded = ldText ? stripSpotifyPrefix(ldText) : null;
  const body = document.body;
  const block = body ? (sourceListBlocks(body)[0] ?? null) : null;
  const element = block ?? (embedded && body ? elementStartingWith(body, embedded) : null);
  let dom: DomDescription | null = null;
  let cut = false;
  if (element) {
    const isMore = (el: Element) =>
      el.firstElementChild === null && MORE.test((el.textContent ?? '').trim());
    cut =
      Array.from(element.querySelectorAll('*')).some(isMore) ||
      /(?:…|\.\.\.)$/.test(shortText(element));
    dom = domDescription(element, { exclude: isMore });
  }
  if (!dom && !embedded) return [];
  const title =
    (ld ? stringField(ld, ['name']) : null) ??
    meta(document, 'og:title') ??
    (shortText(document.querySelector('h1')) || null);
  return [
    chooseDescription(
      {
        title,
        published:
          anyDate(ld?.datePublished, now) ?? anyDate(meta(document, 'music:release_date'), now),
        duration: isoDuration(ld?.duration) ?? null,
        audioUrl: null,
        visualizationUrl: null,
      },
      dom,
      cut,
      embedded,
      element,
    ),
  ];
}

/** The innermost block whose text starts like `text` (the DOM's copy of the description). */
function elementStartingWith(root: Element, text: string): Element | null {
  const head = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  if (head.length < 20) return null;
  let found: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('div, p, span, section'))) {
    if (el.querySelector('script')) continue;
    const t = shortText(el);
    if (t.startsWith(head)) found = el; // later matches are deeper
  }
  return found;
}

/** The site with its reader: what the registry and `parse` use. */
export const spotify: Host<'spotify'> = {
  ...spotifyInfo,
  detect,
  read,
};
