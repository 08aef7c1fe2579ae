/**
 * Podimo's web player (`podimo.com/{country}/…`), show and episode views. A client-rendered app
 * whose class names are generated and change between deploys, so nothing here looks at a class:
 *
 * - the main episode (episode view): the `h1` title, a `{duration} · {date}` line near it, and the
 *   description after a heading `Beskrivelse` (or `Beschreibung`, `Beschrijving`, `Descripción`,
 *   `Description`, …);
 * - list items: found by their cover (`<img alt="episode {title} cover">`), their link to the
 *   episode (`a[href*="/episode/"]`, often wrapping the whole item) or their `<li>`; each item's
 *   text is its title line, description lines and a date line (`27. mai 2026`, `I går`, `1 h 0 min`);
 * - descriptions cut short behind "Vis mer" (and the other languages' "show more"): the full text is
 *   taken from the page's embedded data (`__NEXT_DATA__` or another JSON island) when it is there,
 *   else the shown text is read and the episode marked `cutShort`.
 */
import { readDateLine } from '../dates/index';
import type { FoundEpisode } from '../episode';
import {
  linesOf,
  mappedLocation,
  meta,
  parseJson,
  readPlanAll,
  vizLinkIn,
  type DomDescription,
  type ReadOptions,
  type ReadPlan,
  type SiteReader,
} from './common';
import { chooseDescription, embeddedEpisodes, foldTitle, type EmbeddedEpisode } from './embedded';
import { COVER_ALT, DESCRIPTION_HEADING, SHOW_MORE_LABEL, showMoreAt } from './podimo-words';
import { extractText, shortText } from './text';

/** Whether `url` is on Podimo. */
function matches(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'podimo.com' || host.endsWith('.podimo.com');
  } catch {
    return false;
  }
}

/** Whether a page looks like Podimo's (site name, covers with Podimo's alt text). */
function detect(document: Document): boolean {
  if (/podimo/i.test(meta(document, 'og:site_name') ?? '')) return true;
  if (/\|\s*Podimo\s*$/i.test(document.title ?? '')) return true;
  return Array.from(document.querySelectorAll('img[alt]')).some((img) =>
    COVER_ALT.test(img.getAttribute('alt') ?? ''),
  );
}

/** Whether an element is a "show more" control (read nowhere, marks the text cut short). */
function isShowMore(element: Element): boolean {
  if (element.firstElementChild !== null) return false;
  const text = element.textContent ?? '';
  return text.length < 30 && SHOW_MORE_LABEL.test(text.trim());
}

/** The embedded episodes of the page, from `__NEXT_DATA__` and other JSON islands. */
function embeddedData(document: Document, now: Date): EmbeddedEpisode[] {
  const out: EmbeddedEpisode[] = [];
  for (const script of Array.from(
    document.querySelectorAll('script#__NEXT_DATA__, script[type="application/json"]'),
  )) {
    out.push(...embeddedEpisodes(parseJson(script.textContent), now));
  }
  return out;
}

/** The longest embedded description for a title. */
function embeddedFor(title: string | null, data: EmbeddedEpisode[]): EmbeddedEpisode | null {
  const key = foldTitle(title);
  if (!key) return null;
  let best: EmbeddedEpisode | null = null;
  for (const e of data) {
    if (foldTitle(e.title) === key && (!best || e.description.length > best.description.length))
      best = e;
  }
  return best;
}

/** Reads the main episode (if the page is an episode view) and every list item. */
function plan(document: Document, url: string | null, options: ReadOptions = {}): ReadPlan {
  const now = options.now ?? new Date();
  const body = document.body;
  if (!body) return { first: [], blocks: [], readBlock: () => null };
  const data = embeddedData(document, now);
  const episodes: FoundEpisode[] = [];
  // A "Beskrivelse" heading opens the main episode's description on an episode view; a show
  // page may have one above the show's own description, which holds no source list.
  const heading =
    Array.from(body.querySelectorAll('h1, h2, h3, h4, div, span, p')).find(
      (el) =>
        el.firstElementChild === null &&
        hasShortText(el, HEADING_MAX_CHARS) &&
        DESCRIPTION_HEADING.test(shortText(el)) &&
        (/\/episode\//.test(url ?? '') || SOURCE_LABEL.test(shortText(descriptionAfter(el)))),
    ) ?? null;
  const main = heading ? readMain(document, heading, data, now) : null;
  if (main) episodes.push(main);
  const mainBlock = heading ? mainBlockOf(heading, body) : null;
  return {
    first: episodes,
    blocks: listItems(body, heading ?? null, mainBlock),
    readBlock: (root) => readItem(root, data, now, url),
  };
}

/** Reads the whole page at once: the episode view's main episode, then every list item. */
function read(document: Document, url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  return readPlanAll(plan(document, url, options));
}

// The label of a source list.
const SOURCE_LABEL = /\b(?:Sources?|Papers?)\s*:/;

/** Longer than any description heading's text (with spaces around it). */
const HEADING_MAX_CHARS = 80;

/**
 * Whether the text directly in `el` (a leaf) has at most `max` characters, without building it:
 * a show page's leaves include every episode's whole description, and reading all of their text
 * to find one short heading cost the page's main thread tens of ms.
 */
function hasShortText(el: Element, max: number): boolean {
  let length = 0;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) length += (node as Text).data.length;
    if (length > max) return false;
  }
  return true;
}

/** The element after a description heading: its next sibling, or its parent's. */
function descriptionAfter(heading: Element): Element | null {
  return heading.nextElementSibling ?? heading.parentElement?.nextElementSibling ?? null;
}

/**
 * The main episode's block: the largest ancestor of its heading that holds no link to another
 * episode (a `<main>` that also holds the list is not it).
 */
function mainBlockOf(heading: Element, body: Element): Element | null {
  let block: Element | null = null;
  for (let el = heading.parentElement; el && el !== body; el = el.parentElement) {
    if (el.querySelector('a[href*="/episode/"], a[href*="/episodes/"]')) break;
    block = el;
  }
  return block;
}

/** The main episode of an episode view: `h1`, its date line, the description after the heading. */
function readMain(
  document: Document,
  heading: Element,
  data: EmbeddedEpisode[],
  now: Date,
): FoundEpisode | null {
  const h1 = document.querySelector('h1');
  let title = shortText(h1) || null;
  if (!title) {
    for (const img of Array.from(document.querySelectorAll('img[alt]'))) {
      const m = COVER_ALT.exec(img.getAttribute('alt') ?? '');
      if (m) {
        title = m[1];
        break;
      }
    }
  }
  title ??= meta(document, 'og:title');
  // The date line stands near the title: the h1's following siblings, then its parent's.
  let published: string | null = null;
  let duration: number | null = null;
  const near: Element[] = [];
  for (let el = h1?.nextElementSibling; el && near.length < 4; el = el.nextElementSibling)
    near.push(el);
  if (h1?.parentElement) near.push(...Array.from(h1.parentElement.children));
  for (const el of near) {
    if (el === h1) continue;
    const line = readDateLine(shortText(el), now);
    if (line) {
      published = line.published;
      duration = line.duration;
      break;
    }
  }
  const descEl = descriptionAfter(heading);
  const embedded = embeddedFor(title, data);
  let dom: DomDescription | null = null;
  let cut = false;
  if (descEl) {
    cut = Array.from(descEl.querySelectorAll('*')).some(isShowMore);
    const map = extractText(descEl, { exclude: isShowMore });
    const tail = showMoreAt(map.text);
    if (tail !== -1) cut = true;
    const text = tail !== -1 ? map.text.slice(0, tail) : map.text;
    dom = { text, location: mappedLocation(map, 0, descEl) };
  }
  return chooseDescription(
    {
      title,
      published: published ?? embedded?.published ?? null,
      duration: duration ?? embedded?.duration ?? null,
      audioUrl: embedded?.audioUrl ?? null,
      visualizationUrl: descEl ? vizLinkIn(descEl) : null,
    },
    dom,
    cut,
    embedded?.description ?? null,
    descEl,
  );
}

/**
 * The list items of the page: the roots of covers, episode links and `<li>`s, innermost first,
 * outside the main episode's block.
 */
function listItems(body: Element, heading: Element | null, mainBlock: Element | null): Element[] {
  const markers: Element[] = [];
  for (const img of Array.from(body.querySelectorAll('img[alt]'))) {
    if (COVER_ALT.test(img.getAttribute('alt') ?? '')) markers.push(img);
  }
  for (const a of Array.from(
    body.querySelectorAll('a[href*="/episode/"], a[href*="/episodes/"]'),
  )) {
    markers.push(a);
  }
  // A Set, and one containment check per root below: a 662-episode show page has 1,324
  // markers, and pairwise checks cost tens of ms on the page's main thread.
  const roots = new Set<Element>();
  for (const marker of markers) {
    if (mainBlock?.contains(marker) || (heading && marker.contains(heading))) continue;
    const root = itemRoot(marker);
    if (!root || roots.has(root)) continue;
    if (heading && root.contains(heading)) continue;
    // The main episode's header (cover, h1, date line) is not a list item.
    if (root.querySelector('h1') || root.closest('h1')) continue;
    roots.add(root);
  }
  // Document order: an ancestor comes before the roots nested in it, which follow it at once.
  const ordered = [...roots].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  // Keep the outermost root of nested ones (a link inside an item found by its cover).
  const kept: Element[] = [];
  for (const root of ordered) {
    const outer = kept[kept.length - 1];
    if (outer && outer.contains(root)) continue;
    kept.push(root);
  }
  return kept;
}

/** The item a marker belongs to: its `<li>`, else a link to the episode that holds text, else a small ancestor. */
function itemRoot(marker: Element): Element | null {
  const li = marker.closest('li');
  if (li) return li;
  const link = marker.closest('a[href*="/episode/"], a[href*="/episodes/"]');
  if (link && (link.textContent ?? '').trim().length > 20) return link;
  // A cover without a list item: climb while the ancestor holds only this cover.
  let el: Element = marker;
  for (let i = 0; i < 6 && el.parentElement; i++) {
    const parent: Element = el.parentElement;
    const covers = Array.from(parent.querySelectorAll('img[alt]')).filter((img) =>
      COVER_ALT.test(img.getAttribute('alt') ?? ''),
    );
    if (covers.length > 1 || parent.tagName === 'BODY' || parent.tagName === 'MAIN') break;
    el = parent;
  }
  return el === marker ? null : el;
}

/** One list item: cover/title line, description lines, date line. */
function readItem(
  root: Element,
  data: EmbeddedEpisode[],
  now: Date,
  _url: string | null,
): FoundEpisode | null {
  const cover = Array.from(root.querySelectorAll('img[alt]'))
    .map((img) => COVER_ALT.exec(img.getAttribute('alt') ?? '')?.[1])
    .find((t) => t !== undefined);
  const cut = Array.from(root.querySelectorAll('*')).some(isShowMore);
  const map = extractText(root, { exclude: isShowMore });
  const lines = linesOf(map.text);
  if (lines.length === 0) return null;
  let first = 0;
  let title: string | null = cover ?? null;
  if (lines[0].text === cover || title === null) {
    title = lines[0].text;
    first = 1;
  }
  // The date line is the last line that is one (after the description).
  let last = lines.length;
  let published: string | null = null;
  let duration: number | null = null;
  for (let i = lines.length - 1; i >= first; i--) {
    const meta = readDateLine(lines[i].text, now);
    if (meta) {
      published = meta.published;
      duration = meta.duration;
      last = i;
      break;
    }
    if (lines.length - i > 2) break;
  }
  // A date line above the description (some layouts) is skipped too.
  if (first < last && readDateLine(lines[first].text, now)) {
    const m = readDateLine(lines[first].text, now)!;
    published ??= m.published;
    duration ??= m.duration;
    first++;
  }
  const embedded = embeddedFor(title, data);
  let dom: DomDescription | null = null;
  let shortCut = cut;
  if (first < last) {
    const start = lines[first].start;
    let end = lines[last - 1].end;
    const tail = showMoreAt(map.text.slice(start, end));
    if (tail !== -1) {
      shortCut = true;
      end = start + tail;
    }
    dom = { text: map.text.slice(start, end), location: mappedLocation(map, start) };
  }
  if (!dom && !embedded && published === null && duration === null) return null;
  return chooseDescription(
    {
      title,
      published: published ?? embedded?.published ?? null,
      duration: duration ?? embedded?.duration ?? null,
      audioUrl: embedded?.audioUrl ?? null,
      visualizationUrl: vizLinkIn(root),
    },
    dom,
    shortCut,
    embedded?.description ?? null,
    root,
  );
}

/** The Podimo reader. */
export const podimoReader: SiteReader = { id: 'podimo', matches, detect, read, plan };
