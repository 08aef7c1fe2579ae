/**
 * Podimo's web player (`podimo.com/{country}/…`), show and episode views. A client-rendered app
 * whose class names are generated and whose links and nesting change between deploys, so this
 * reader relies only on what the page shows:
 *
 * - the main episode (episode view): the `h1` title, a `{duration} · {date}` line near it, and the
 *   description after a heading `Beskrivelse` (or `Beschreibung`, `Beschrijving`, `Descripción`,
 *   `Description`, …); on a show page such a heading may stand above the show's own text, which
 *   counts only when it holds a source list;
 * - list items: each has its cover (`<img alt="episode {title} cover">`); an item is the largest
 *   box around its cover that holds no other cover, no `h1` and no description heading. Its text
 *   is its title line, description lines and a date line (`27. mai 2026`, `I går`,
 *   `1 h 0 min`), the date line above or below the description. Neither the links' addresses
 *   nor the list's markup (`ul`/`li` or `div`s) matter;
 * - descriptions cut short behind "Vis mer" (and the other languages' "show more"): the full text is
 *   taken from the page's embedded data (`__NEXT_DATA__` or another JSON island) when it is there,
 *   else the shown text is read and the episode marked `cutShort`.
 */
import { readDateLine, type DateLine } from '@/lib/dates/index';
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  dateLineNear,
  labelledTextNodesSteps,
  linesOf,
  mappedLocation,
  meta,
  parseJson,
  vizLinkIn,
  type DomDescription,
} from '@/lib/hosts/read/common';
import {
  chooseDescription,
  embeddedEpisodes,
  foldTitle,
  type EmbeddedEpisode,
} from '@/lib/hosts/read/embedded';
import {
  COVER_ALT,
  DESCRIPTION_HEADING,
  SHOW_MORE_LABEL,
  showMoreAt,
} from '@/lib/hosts/podimo-words';
import { extractText, shortText } from '@/lib/hosts/read/text';
import {
  NODES_PER_STEP,
  readPlanAll,
  runSteps,
  type Host,
  type ReadOptions,
  type ReadPlan,
  type Steps,
} from '@/lib/hosts/host';
import { podimoInfo } from '@/lib/sites';

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

/**
 * Reads the main episode (if the page is an episode view) and finds every list item, in steps:
 * a show page's whole text is walked twice.
 */
function* plan(document: Document, url: string | null, options: ReadOptions = {}): Steps<ReadPlan> {
  const now = options.now ?? new Date();
  const body = document.body;
  if (!body) return { first: [], blocks: [], readBlock: () => null };
  const data = embeddedData(document, now);
  const h1 = document.querySelector('h1');
  const header = h1 ? dateLineNear(h1, now) : null;
  // A "Beskrivelse" heading opens the main episode's description on an episode view (its `h1`
  // has a date line near it); a show page may have one above the show's own description, which
  // counts only when it holds a source list.
  const heading = yield* findHeading(body, header !== null);
  const episodes: FoundEpisode[] = [];
  const main = heading ? readMain(document, h1, header, heading, data) : null;
  if (main) episodes.push(main);
  return {
    first: episodes,
    blocks: yield* listItems(body, h1, heading),
    readBlock: (root) => readItem(root, data, now, url),
  };
}

/** The tags a description heading may have. */
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'DIV', 'SPAN', 'P']);

/**
 * The first description heading in document order: a leaf with a short text that names a
 * description, followed by a source list unless the page has an episode header (`withHeader`).
 */
function* findHeading(body: Element, withHeader: boolean): Steps<Element | null> {
  const walker = body.ownerDocument.createTreeWalker(body, 1);
  let seen = 0;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (++seen % NODES_PER_STEP === 0) yield;
    if (
      HEADING_TAGS.has(el.tagName.toUpperCase()) &&
      el.firstElementChild === null &&
      hasShortText(el, HEADING_MAX_CHARS) &&
      DESCRIPTION_HEADING.test(shortText(el)) &&
      (withHeader || SOURCE_LABEL.test(shortText(descriptionAfter(el))))
    )
      return el;
  }
  return null;
}

/** Reads the whole page at once: the episode view's main episode, then every list item. */
function read(document: Document, url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  return readPlanAll(runSteps(plan(document, url, options)));
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

/** Whether `img` is an episode's cover (Podimo's alt text names the episode). */
function isCover(img: Element): boolean {
  return COVER_ALT.test(img.getAttribute('alt') ?? '');
}

/** The main episode of an episode view: `h1`, its date line, the description after the heading. */
function readMain(
  document: Document,
  h1: Element | null,
  header: DateLine | null,
  heading: Element,
  data: EmbeddedEpisode[],
): FoundEpisode | null {
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
  const published = header?.published ?? null;
  const duration = header?.duration ?? null;
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
 * The list items of the page, in page order: for each episode cover, the largest box around it
 * that holds no other cover, no other source list, no `h1` and no description heading (so the
 * main episode's header and description are never an item, and an item without a cover is never
 * swallowed by its neighbour's).
 */
function* listItems(body: Element, h1: Element | null, heading: Element | null): Steps<Element[]> {
  const covers = Array.from(body.querySelectorAll('img[alt]')).filter(isCover);
  // What each box holds, counted once up every cover's and label's ancestors: a 662-episode
  // show page has 662 covers, and asking each box again would cost tens of ms on the page's
  // main thread.
  const coverCount = new Map<Element, number>();
  const labelCount = new Map<Element, number>();
  const count = (map: Map<Element, number>, from: Element | null, by = 1) => {
    for (let el = from; el && el !== body; el = el.parentElement)
      map.set(el, (map.get(el) ?? 0) + by);
  };
  for (const cover of covers) count(coverCount, cover.parentElement);
  // The h1 and the description heading count as two covers: a box holding one is no item.
  count(coverCount, h1, 2);
  count(coverCount, heading, 2);
  for (const node of yield* labelledTextNodesSteps(body)) count(labelCount, node.parentElement);
  const oneItem = (el: Element) =>
    (coverCount.get(el) ?? 0) <= 1 && (labelCount.get(el) ?? 0) <= 1 && el.tagName !== 'MAIN';
  const roots = new Set<Element>();
  for (const cover of covers) {
    let el: Element = cover;
    while (el.parentElement && el.parentElement !== body && oneItem(el.parentElement))
      el = el.parentElement;
    if (el !== cover) roots.add(el);
  }
  // Each root holds one cover, so they never nest and come in the covers' (document) order.
  return [...roots];
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
  // Leading lines: the title line (the cover's text, else the first line) and date lines, in
  // any order; a date and a duration may stand on lines of their own.
  let title: string | null = cover ?? null;
  let published: string | null = null;
  let duration: number | null = null;
  const take = (line: DateLine | null): boolean => {
    if (
      !line ||
      ((line.published === null || published !== null) &&
        (line.duration === null || duration !== null))
    )
      return false;
    published ??= line.published;
    duration ??= line.duration;
    return true;
  };
  let first = 0;
  for (; first < Math.min(lines.length, 4); first++) {
    const text = lines[first].text;
    if (text === cover || take(readDateLine(text, now))) continue;
    if (title !== null) break;
    title = text;
  }
  // Date lines after the description: the last lines that are ones.
  let last = lines.length;
  while (last > first && lines.length - last < 3 && take(readDateLine(lines[last - 1].text, now)))
    last--;
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

/** The site with its reader: what the registry and `parse` use. */
export const podimo: Host<'podimo'> = {
  ...podimoInfo,
  detect,
  read,
  plan,
};
