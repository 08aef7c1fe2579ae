/**
 * What the hosts' readers share: building a {@link FoundEpisode} from a description (DOM-mapped or
 * from embedded data), finding audio and visualization links, reading JSON islands and JSON-LD,
 * splitting mapped text into lines, and finding blocks that hold a source list.
 */
import { parseHumanDate, readDateLine, type DateLine } from '@/lib/dates/index';
import type { DescriptionLocation, FoundEpisode } from '@/lib/hosts/episode';
import { NODES_PER_STEP, runSteps, type Steps } from '@/lib/hosts/host';
import { httpUrlOrNull } from '@/lib/core/urls';
import { parseSources } from '@/lib/sources/parse';
import {
  extractText,
  isBlockElement,
  shortText,
  type ExtractOptions,
  type TextMap,
} from '@/lib/hosts/read/text';

/** What a reader knows about one episode before its description is parsed. */
export interface EpisodeFields {
  title: string | null;
  published?: string | null;
  duration?: number | null;
  audioUrl?: string | null;
  /** A visualization link found in the DOM (used when the description text has none). */
  visualizationUrl?: string | null;
  /** The description text handed to the parser. */
  description: string;
  /** Where the description lives in the DOM, when it does. */
  location?: DescriptionLocation | null;
  cutShort?: boolean;
}

/** Builds a {@link FoundEpisode}: parses the description and fills in what the reader found. */
export function makeEpisode(fields: EpisodeFields): FoundEpisode {
  const parsed = parseSources(fields.description);
  const title = fields.title?.replace(/\s+/g, ' ').trim() || null;
  // A description cut short ends in a half-shown item; without its URL it is no source.
  const last = parsed.sources[parsed.sources.length - 1];
  const sources =
    fields.cutShort && last && last.url === null ? parsed.sources.slice(0, -1) : parsed.sources;
  return {
    title,
    published: fields.published ?? null,
    duration: fields.duration ?? null,
    audioUrl: fields.audioUrl ?? null,
    visualizationUrl: parsed.visualizationUrl ?? fields.visualizationUrl ?? null,
    sources,
    cutShort: (fields.cutShort ?? false) || sources.some((s) => s.partial === true),
    description: fields.description,
    location: fields.location ?? null,
  };
}

/**
 * A location whose map covers `map.text.slice(offset, offset + length)`: parser ranges into
 * the description plus `offset` are offsets into `map.text`.
 */
export function mappedLocation(map: TextMap, offset = 0, element?: Element): DescriptionLocation {
  let at: Element | null = element ?? null;
  if (!at) {
    const pos = map.locate(offset, 'after');
    at = pos?.node.parentElement ?? null;
    while (at && !isBlockElement(at) && !map.roots.includes(at)) at = at.parentElement;
  }
  return { element: at ?? map.roots[0], map, offset };
}

/** A description found in the DOM: the text and the location that maps it back. */
export interface DomDescription {
  text: string;
  location: DescriptionLocation;
}

/** Extracts a description from DOM roots, with its map. */
export function domDescription(
  roots: Element | Element[],
  options?: ExtractOptions,
): DomDescription {
  const map = extractText(roots, options);
  return {
    text: map.text,
    location: mappedLocation(map, 0, Array.isArray(roots) ? roots[0] : roots),
  };
}

/** The first visualization link (`/viz/….html`) among `roots`' anchors. */
export function vizLinkIn(roots: Element | Element[]): string | null {
  for (const root of Array.isArray(roots) ? roots : [roots]) {
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (/\/viz\/[^?#]+\.html?(?:[?#]|$)/i.test(href)) return absoluteUrl(href, null);
    }
  }
  return null;
}

/** The audio file of a block: `<audio src>`, `<audio><source src>`, or an `.mp3` link. */
export function audioIn(root: Element | Document, base: string | null): string | null {
  const audio = root.querySelector('audio[src], audio source[src], video source[src]');
  const src = audio?.getAttribute('src');
  if (src) return absoluteUrl(src, base);
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (/\.mp3(?:[?#]|$)/i.test(href) && a.hasAttribute('download')) return absoluteUrl(href, base);
  }
  return null;
}

/** Resolves `href` against `base` (when given); only http(s) results, else `null`. */
export function absoluteUrl(href: string, base: string | null): string | null {
  try {
    return httpUrlOrNull(base ? new URL(href, base).href : new URL(href).href);
  } catch {
    return null;
  }
}

/** Parses a JSON island's text; `null` for anything that is not JSON. */
export function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Every plain object inside `value` (itself included), depth-first, without recursion. Stops
 * after `limit` objects, so hostile data cannot make it hang.
 */
export function objectsIn(value: unknown, limit = 200_000): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0 && found.length < limit) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      found.push(o);
      const values = Object.values(o);
      for (let i = values.length - 1; i >= 0; i--) {
        if (values[i] !== null && typeof values[i] === 'object') stack.push(values[i]);
      }
    }
  }
  return found;
}

/** The first string among `keys` of `o`. */
export function stringField(o: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}

/** Every JSON-LD object on the page (`@graph` members included). */
export function jsonLd(document: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    const data = parseJson(script.textContent);
    for (const o of objectsIn(data, 5000)) if ('@type' in o) out.push(o);
  }
  return out;
}

/** Whether a JSON-LD object is a podcast episode. */
export function isPodcastEpisode(o: Record<string, unknown>): boolean {
  const type = o['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some(
    (t) => typeof t === 'string' && /PodcastEpisode|RadioEpisode|Episode$/i.test(t),
  );
}

/** `PT1H2M3S` / `P0DT1H` (ISO 8601 durations) in seconds, or `null`. */
export function isoDuration(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value);
  if (typeof value !== 'string') return null;
  const m =
    /^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      value.trim(),
    );
  if (!m || value.trim() === 'P' || value.trim().toUpperCase() === 'PT') return null;
  const [, d, h, min, s] = m;
  return Math.round(
    Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0),
  );
}

/** A date from a machine-readable value (ISO, RFC 2822) or a human one, as `YYYY-MM-DD`. */
export function anyDate(value: unknown, now: Date): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e12 ? value * 1000 : value;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || value.trim() === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim());
  if (iso) return iso[1];
  return parseHumanDate(value, now);
}

/** A `<meta property|name=…>` value. */
export function meta(document: Document, name: string): string | null {
  const el =
    document.querySelector(`meta[property="${name}"]`) ??
    document.querySelector(`meta[name="${name}"]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : null;
}

/** One line of a mapped text, with its offsets. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** The non-empty lines of `text` with their offsets (trimmed). */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let s = from;
      let e = i;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) lines.push({ text: text.slice(s, e), start: s, end: e });
      from = i + 1;
    }
  }
  return lines;
}

// A source-list label in page text.
const LABEL = /\b(?:Sources?|References?|Papers?)\s*:/;
// Longer than any label with its spaces.
const LABEL_CHARS = 16;

/**
 * The text nodes under `root` that hold a source-list label (`Sources:`, `Papers:`, …), in
 * document order, without entering scripts, styles or the elements in `covered`; in steps, as
 * it walks every text node of the page.
 */
export function* labelledTextNodesSteps(
  root: Element,
  covered: ReadonlySet<Element> = new Set(),
  maxNodes = 2_000_000,
): Steps<Text[]> {
  const found: Text[] = [];
  const stack: Node[] = [root];
  let seen = 0;
  // The end of the text before, so a label split over text nodes (`Sou<b>rces:</b>`) is found
  // too, in the node where it ends.
  let carry = '';
  while (stack.length > 0 && seen++ < maxNodes) {
    if (seen % NODES_PER_STEP === 0) yield;
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (LABEL.test(data) || labelEndsIn(carry, data)) found.push(node as Text);
      carry =
        data.length >= LABEL_CHARS ? data.slice(-LABEL_CHARS) : (carry + data).slice(-LABEL_CHARS);
      continue;
    }
    if (node.nodeType !== 1 || covered.has(node as Element)) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') continue;
    const children: Node[] = [];
    for (let c = node.firstChild; c !== null; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return found;
}

/** {@link labelledTextNodesSteps} at once. */
export function labelledTextNodes(
  root: Element,
  covered: ReadonlySet<Element> = new Set(),
  maxNodes = 2_000_000,
): Text[] {
  return runSteps(labelledTextNodesSteps(root, covered, maxNodes));
}

/** Whether a label begins in `before` (the end of the text before) and ends in `data`. */
function labelEndsIn(before: string, data: string): boolean {
  if (before === '') return false;
  const m = LABEL.exec(before + data.slice(0, LABEL_CHARS));
  return m !== null && m.index < before.length && m.index + m[0].length > before.length;
}

/**
 * Blocks under `root` whose text holds a source list the parser reads: for every text node with a
 * `Sources:` label, its nearest block ancestor, widened (at most three levels, never over a block
 * that holds another label) until the parser finds sources. Innermost first, in document order.
 * Blocks in `covered` (read by a host's reader) are skipped with all they hold, and no block
 * found holds one of them.
 */
export function* sourceListBlocksSteps(
  root: Element,
  covered: ReadonlySet<Element> = new Set(),
): Steps<Element[]> {
  const labelled: Element[] = [];
  for (const node of yield* labelledTextNodesSteps(root, covered)) {
    let block = node.parentElement;
    while (block && !isBlockElement(block) && block !== root) block = block.parentElement;
    if (block && labelled[labelled.length - 1] !== block) labelled.push(block);
  }
  const holdsCovered = (el: Element) =>
    covered.size > 0 && [...covered].some((c) => el.contains(c));
  const blocks: Element[] = [];
  for (const block of labelled) {
    let candidate: Element = block;
    for (let level = 0; level < 4; level++) {
      if (holdsCovered(candidate)) break;
      if (parseSources(extractText(candidate).text).sources.length > 0) {
        blocks.push(candidate);
        break;
      }
      const parent = candidate.parentElement;
      if (!parent || parent === root.parentElement) break;
      if (labelled.some((other) => other !== block && parent.contains(other))) break;
      candidate = parent;
    }
  }
  // One block per list: drop a block inside another found block, and duplicates.
  return blocks.filter(
    (b, i) => blocks.indexOf(b) === i && !blocks.some((o) => o !== b && o.contains(b)),
  );
}

/** {@link sourceListBlocksSteps} at once. */
export function sourceListBlocks(
  root: Element,
  covered: ReadonlySet<Element> = new Set(),
): Element[] {
  return runSteps(sourceListBlocksSteps(root, covered));
}

/**
 * The date line of an episode's header: the nearest short element around its `h1` (its siblings,
 * then its parents' siblings, up to three levels) whose text is only a date and a duration
 * (`1 h 0 min · 22. mai 2026`, `MAY 21, 2026`, or the two on lines of their own), whether above
 * or below the title.
 */
export function dateLineNear(h1: Element, now: Date): DateLine | null {
  let published: string | null = null;
  let duration: number | null = null;
  let el: Element | null = h1;
  for (let depth = 0; el?.parentElement && depth < 3; depth++, el = el.parentElement) {
    // A date and a duration may stand on lines of their own, in either order.
    for (const sibling of Array.from(el.parentElement.children)) {
      if (sibling === el || !hasShortText(sibling, 80)) continue;
      const line = readDateLine(shortText(sibling), now);
      published ??= line?.published ?? null;
      duration ??= line?.duration ?? null;
    }
    if (published !== null || duration !== null) return { published, duration };
  }
  return null;
}

/** Whether `el`'s whole text has at most `max` characters, without building it. */
function hasShortText(el: Element, max: number): boolean {
  let length = 0;
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      length += (node as Text).data.length;
      if (length > max) return false;
    }
    for (let c = node.firstChild; c !== null; c = c.nextSibling) stack.push(c);
  }
  return true;
}

/** The last heading (`h1`–`h6`) that stands before `element` in the document, or `null`. */
export function headingBefore(document: Document, element: Element): Element | null {
  let found: Element | null = null;
  for (const h of Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    if (h.contains(element) || element.contains(h)) continue;
    if (precedes(h, element)) found = h;
    else break;
  }
  return found;
}

/**
 * Whether `b` comes after `a` in document order (an element's descendants come after it). Its
 * own walk rather than `compareDocumentPosition`, which the DOM `parse` builds in Node (linkedom)
 * answers by depth alone.
 */
export function precedes(a: Node, b: Node): boolean {
  if (a === b) return false;
  const up = (n: Node) => {
    const path: Node[] = [];
    for (let at: Node | null = n; at; at = at.parentNode) path.push(at);
    return path.reverse();
  };
  const pa = up(a);
  const pb = up(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pa.length) return true;
  if (i === pb.length) return false;
  for (let n = pa[i].nextSibling; n; n = n.nextSibling) if (n === pb[i]) return true;
  return false;
}
