/**
 * The show's own site, podcast.do-not-panic.com (static HTML; markup in
 * shared/reference/markup/):
 *
 * - episode pages `/episodes/{slug}/`: `h1`, `div.ep-date`, `<audio>`, `div.ep-desc` holding the
 *   summary, `div.card-viz-desc` and `div.card-sources`;
 * - month archives `/{YYYY}/{MM}/` (`/index.html`) and conference pages `/conference/{id}/`:
 *   `div.card` with `.card-title`, `.card-date`, `<audio>` and `p.card-desc`, which in the
 *   markup holds the `div.card-sources`; a `<div>` cannot stand in a `<p>`, so in a real DOM the
 *   viz line and the source list are siblings after the `p.card-desc`;
 * - the home page: the newest episodes as `a.card`, and the whole catalog in an inline
 *   `const searchIndex = [ … ];` whose `q` holds each full description. One episode per entry,
 *   merged with its card;
 * - visualization pages `/viz/{stem}.html`: free-form, ending with a `Sources:` list.
 *
 * What it relies on: the classes the site's own generator writes (`ep-desc`, `ep-date`, `card`,
 * `card-title`, `card-date`, `card-desc`, `card-sources`, `card-viz-desc`), whatever the elements'
 * tags and nesting, the `h1`, `<audio>`, and the catalog's inline `searchIndex`. Any source list
 * outside what these cover gets the generic reading (lib/hosts/read/page.ts).
 */
import { findHumanDate } from '@/lib/dates/index';
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  absoluteUrl,
  audioIn,
  domDescription,
  makeEpisode,
  meta,
  objectsIn,
  parseJson,
  sourceListBlocks,
  stringField,
  vizLinkIn,
} from '@/lib/hosts/read/common';
import { shortText } from '@/lib/hosts/read/text';
import { foldTitle } from '@/lib/hosts/read/embedded';
import type { Host, ReadOptions } from '@/lib/hosts/host';
import { SHOW_HOST, showSiteInfo } from '@/lib/sites';

/** Whether a page has the own site's markup (cards, episode page, catalog, its og:image). */
function detect(document: Document): boolean {
  if (document.querySelector('.ep-desc, .card .card-sources, .card-desc, a.card .card-title'))
    return true;
  if (catalogScript(document) !== null) return true;
  const image = meta(document, 'og:image') ?? '';
  return image.includes(SHOW_HOST);
}

/** Reads every episode on a page of the show's site. */
function read(document: Document, url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  const now = options.now ?? new Date();
  const base = url ?? `https://${SHOW_HOST}/`;
  const episodes: FoundEpisode[] = [];

  const page = document.querySelector('.ep-desc');
  if (page) episodes.push(readEpisodePage(document, page, base, now));

  const cards = Array.from(document.querySelectorAll('.card')).filter(
    (c) => !c.parentElement?.closest('.card'),
  );
  const cardEpisodes = cards.map((card) => readCard(card, base, now));

  const catalog = readCatalog(document, now);
  if (catalog.length > 0) {
    episodes.push(...mergeCatalog(catalog, cards, cardEpisodes, base));
  } else {
    episodes.push(...cardEpisodes.filter((e) => e.title !== null || e.sources.length > 0));
  }

  if (episodes.length === 0) episodes.push(...readFreeForm(document, url, now));
  return dedupeByTitle(episodes);
}

/** An episode page: `h1`, `.ep-date`, `<audio>`, `.ep-desc` (with the source list inside). */
function readEpisodePage(document: Document, desc: Element, base: string, now: Date): FoundEpisode {
  const roots = descriptionRoots(desc, desc.parentElement ?? desc);
  const { text, location } = domDescription(roots);
  return makeEpisode({
    title: shortText(document.querySelector('h1')) || meta(document, 'og:title'),
    published: findHumanDate(shortText(document.querySelector('.ep-date')), now)?.date ?? null,
    audioUrl: audioIn(document, base),
    visualizationUrl: vizLinkIn(roots),
    description: text,
    location,
  });
}

/**
 * The description's roots: the description element, then the viz line and source list when the
 * HTML parser moved them out of it (a `<div>` inside a `<p>`), in document order.
 */
function descriptionRoots(desc: Element, container: Element): Element[] {
  const roots = [desc];
  for (const el of Array.from(container.querySelectorAll('.card-viz-desc, .card-sources'))) {
    if (!desc.contains(el) && !roots.some((r) => r.contains(el))) roots.push(el);
  }
  return roots;
}

/** One card of a month archive, conference page or the home page. */
function readCard(card: Element, base: string, now: Date): FoundEpisode {
  const titleEl = card.querySelector('.card-title');
  const title = shortText(titleEl) || null;
  const published = findHumanDate(shortText(card.querySelector('.card-date')), now)?.date ?? null;
  const desc = card.querySelector('.card-desc') ?? card.querySelector('.card-sources');
  // A card without a description is still an episode, placed at the card.
  const { text, location } = desc
    ? domDescription(descriptionRoots(desc, card))
    : { text: '', location: { element: card, map: null, offset: 0 } };
  return makeEpisode({
    title,
    published,
    audioUrl: audioIn(card, base),
    visualizationUrl: vizLinkIn(card),
    description: text,
    location,
  });
}

/** One entry of the home page's `searchIndex`. */
interface CatalogEntry {
  title: string | null;
  published: string | null;
  slug: string | null;
  url: string | null;
  description: string;
}

/** The inline script that holds `searchIndex`, or `null`. */
function catalogScript(document: Document): Element | null {
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (/\bsearchIndex\s*=\s*\[/.test(text)) return script;
  }
  return null;
}

/** The JSON array literal that starts at `text[start] === '['`, or `null` when unbalanced. */
function arrayLiteral(text: string, start: number): string | null {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

/** The catalog entries of the home page's `const searchIndex = [ … ];`. */
function readCatalog(document: Document, now: Date): CatalogEntry[] {
  const script = catalogScript(document);
  if (!script) return [];
  const text = script.textContent ?? '';
  const m = /\bsearchIndex\s*=\s*\[/.exec(text);
  if (!m) return [];
  const literal = arrayLiteral(text, m.index + m[0].length - 1);
  const data = parseJson(literal);
  if (!Array.isArray(data)) return [];
  const entries: CatalogEntry[] = [];
  for (const item of data) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const o = item as Record<string, unknown>;
    const title = stringField(o, ['t', 'title']);
    const description = stringField(o, ['q', 'description', 'x']) ?? '';
    if (title === null && description === '') continue;
    const date = stringField(o, ['d', 'date']);
    entries.push({
      title: title?.trim() ?? null,
      published: date ? (findHumanDate(date, now)?.date ?? null) : null,
      slug: stringField(o, ['s', 'slug']),
      url: stringField(o, ['u', 'url']),
      description,
    });
  }
  // objectsIn is not needed for a flat array; kept for entries nested one level deeper.
  if (entries.length === 0) {
    for (const o of objectsIn(data, 50_000)) {
      const title = stringField(o, ['t']);
      const q = stringField(o, ['q']);
      if (title && q) {
        entries.push({ title, published: null, slug: null, url: null, description: q });
      }
    }
  }
  return entries;
}

/** The slug in a card's or entry's link (`…/episodes/{slug}/`). */
function slugOf(href: string | null | undefined): string | null {
  if (!href) return null;
  return /(?:^|\/)episodes\/([^/?#]+)\/?/.exec(href)?.[1] ?? null;
}

/**
 * One episode per catalog entry, in catalog order, each merged with its card (matched by slug,
 * else by title): the card gives the DOM location and, when it shows the description, the
 * mapped text. Cards with no entry follow.
 */
function mergeCatalog(
  catalog: CatalogEntry[],
  cards: Element[],
  cardEpisodes: FoundEpisode[],
  base: string,
): FoundEpisode[] {
  const bySlug = new Map<string, number>();
  const byTitle = new Map<string, number>();
  cards.forEach((card, i) => {
    const href =
      card.getAttribute('href') ??
      card.getAttribute('data-href') ??
      card.querySelector('a[href*="episodes/"]')?.getAttribute('href');
    const slug = slugOf(href);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, i);
    const t = foldTitle(cardEpisodes[i].title);
    if (t && !byTitle.has(t)) byTitle.set(t, i);
  });
  const used = new Set<number>();
  const out: FoundEpisode[] = [];
  for (const entry of catalog) {
    const slug = entry.slug ?? slugOf(entry.url);
    let i = slug ? bySlug.get(slug) : undefined;
    if (i === undefined) i = byTitle.get(foldTitle(entry.title));
    if (i !== undefined && used.has(i)) i = undefined;
    const fromCatalog: FoundEpisode = {
      ...makeEpisode({
        title: entry.title,
        published: entry.published,
        description: entry.description,
      }),
      // The entry's own page (`episodes/{slug}/`), for the library's links back to it.
      pageUrl: entry.url || slug ? absoluteUrl(entry.url ?? `episodes/${slug}/`, base) : null,
    };
    if (i === undefined) {
      out.push(fromCatalog);
      continue;
    }
    used.add(i);
    const card = cardEpisodes[i];
    // The card's own text when it shows the description (mapped to the DOM), else the catalog's.
    const useCard = card.sources.length >= fromCatalog.sources.length && card.sources.length > 0;
    const chosen = useCard ? card : fromCatalog;
    out.push({
      ...chosen,
      title: entry.title ?? card.title,
      published: entry.published ?? card.published,
      audioUrl: card.audioUrl ?? fromCatalog.audioUrl,
      visualizationUrl:
        chosen.visualizationUrl ?? card.visualizationUrl ?? fromCatalog.visualizationUrl,
      duration: card.duration ?? fromCatalog.duration,
      location: useCard ? card.location : { element: cards[i], map: null, offset: 0 },
    });
  }
  cardEpisodes.forEach((e, i) => {
    if (!used.has(i) && (e.title !== null || e.sources.length > 0)) out.push(e);
  });
  return out;
}

/**
 * A page with neither an episode description nor cards (visualization pages and others): each
 * block holding a source list; the title from `h1`, `og:title` or `<title>`, the date from the
 * stem in the address.
 */
function readFreeForm(document: Document, url: string | null, now: Date): FoundEpisode[] {
  const body = document.body;
  if (!body) return [];
  const blocks = sourceListBlocks(body);
  const isViz = url !== null && /\/viz\/[^/]+\.html?$/i.test(new URL(url).pathname);
  const stemDate = url ? /\/viz\/(\d{4}-\d{2}-\d{2})-/.exec(url)?.[1] : undefined;
  const pageTitle =
    shortText(document.querySelector('h1')) ||
    meta(document, 'og:title') ||
    shortText(document.querySelector('title')).replace(/\s+[—|–-]\s+AI Post Transformers$/, '') ||
    null;
  void now;
  return blocks.map((block) => {
    const { text, location } = domDescription(block);
    return makeEpisode({
      title: pageTitle,
      published: stemDate ?? null,
      visualizationUrl: isViz && url ? absoluteUrl(url, null) : vizLinkIn(block),
      description: text,
      location,
    });
  });
}

/** Never two episodes for one title: a later duplicate replaces the first only if it has sources the first lacks. */
function dedupeByTitle(episodes: FoundEpisode[]): FoundEpisode[] {
  const seen = new Map<string, number>();
  const out: FoundEpisode[] = [];
  for (const e of episodes) {
    const key = foldTitle(e.title);
    const at = key ? seen.get(key) : undefined;
    if (at === undefined) {
      if (key) seen.set(key, out.length);
      out.push(e);
    } else if (out[at].sources.length === 0 && e.sources.length > 0) {
      out[at] = e;
    }
  }
  return out;
}

/** The site with its reader: what the registry and `parse` use. */
export const showSite: Host<'show'> = {
  ...showSiteInfo,
  detect,
  read,
};
