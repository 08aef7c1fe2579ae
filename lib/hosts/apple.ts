/**
 * Apple Podcasts episode pages (`podcasts.apple.com/{cc}/podcast/{slug}/id{show}?i={episode}`):
 * one episode. What it relies on: the `h1` title; the date near it (`MAY 21, 2026` or
 * `21 May 2026`, a short line of its own, above or below); the first block whose text holds a
 * source list (the paragraphs around it when the list is one `<p>` of several, with `<br>`
 * between lines); and the data in the JSON island `<script id="serialized-server-data">` (older
 * pages: JSON-LD `schema:podcast-episode`). No class or link shape. The DOM text is used
 * (mapped) when it holds the list; the embedded text otherwise. Any other source list on the
 * page gets the generic reading (lib/hosts/read/page.ts).
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  dateLineNear,
  domDescription,
  isPodcastEpisode,
  isoDuration,
  anyDate,
  jsonLd,
  meta,
  parseJson,
  sourceListBlocks,
  stringField,
  type DomDescription,
  vizLinkIn,
} from '@/lib/hosts/read/common';
import {
  chooseDescription,
  embeddedEpisodes,
  foldTitle,
  type EmbeddedEpisode,
} from '@/lib/hosts/read/embedded';
import { shortText } from '@/lib/hosts/read/text';
import type { Host, ReadOptions } from '@/lib/hosts/host';
import { appleInfo } from '@/lib/sites';

/** Whether the page is an Apple Podcasts page. */
function detect(document: Document): boolean {
  if (document.querySelector('script#serialized-server-data')) return true;
  if (document.querySelector('script[name="schema:podcast-episode"]')) return true;
  return /Apple Podcasts/i.test(meta(document, 'og:site_name') ?? '');
}

/** The episode in the page's embedded data (serialized-server-data, JSON-LD) for `title`. */
function embeddedFor(document: Document, title: string | null, now: Date): EmbeddedEpisode | null {
  const all: EmbeddedEpisode[] = [];
  const island = document.querySelector('script#serialized-server-data');
  if (island) all.push(...embeddedEpisodes(parseJson(island.textContent), now));
  for (const o of jsonLd(document)) {
    if (!isPodcastEpisode(o)) continue;
    const description = stringField(o, ['description']);
    if (!description) continue;
    all.push({
      title: stringField(o, ['name']),
      description,
      published: anyDate(o.datePublished, now),
      duration: isoDuration(o.timeRequired ?? o.duration),
      audioUrl: null,
    });
  }
  const key = foldTitle(title);
  const same = all.filter((e) => key && foldTitle(e.title) === key);
  const pool = same.length > 0 ? same : all.filter((e) => /Sources?\s*:/.test(e.description));
  return pool.sort((a, b) => b.description.length - a.description.length)[0] ?? null;
}

/** The description block: the paragraphs' container when the list's `<p>` is one of several. */
function widen(block: Element): Element {
  const parent = block.parentElement;
  if (!parent || block.tagName !== 'P') return block;
  const children = Array.from(parent.children);
  return children.length > 1 && children.every((c) => c.tagName === 'P') ? parent : block;
}

/** Reads the page's one episode. */
function read(document: Document, _url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  const now = options.now ?? new Date();
  const h1 = document.querySelector('h1');
  const domTitle = shortText(h1) || null;
  const embedded = embeddedFor(document, domTitle ?? meta(document, 'og:title'), now);
  const title = domTitle ?? embedded?.title ?? meta(document, 'og:title');
  const block = document.body ? (sourceListBlocks(document.body)[0] ?? null) : null;
  const element = block ? widen(block) : null;
  const dom: DomDescription | null = element ? domDescription(element) : null;
  if (!dom && !embedded) return [];
  return [
    chooseDescription(
      {
        title,
        published: (h1 ? dateLineNear(h1, now)?.published : null) ?? embedded?.published ?? null,
        duration: embedded?.duration ?? null,
        audioUrl: embedded?.audioUrl ?? null,
        // The trailer's link is an <a> whose text is only the title.
        visualizationUrl: element ? vizLinkIn(element) : null,
      },
      dom,
      false,
      embedded?.description ?? null,
      element,
    ),
  ];
}

/** The site with its reader: what the registry and `parse` use. */
export const apple: Host<'apple'> = {
  ...appleInfo,
  detect,
  read,
};
