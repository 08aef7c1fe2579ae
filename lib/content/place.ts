/**
 * Where Citecast's elements go in a page, as plain DOM work with no browser API
 * beyond the DOM, so it runs on linkedom/happy-dom in unit tests:
 *
 * - one `<citecast-episode>` host at the top of each episode's description block;
 * - one `<citecast-source>` host right after each source's text, found by mapping the parser's
 *   range end through the description's {@link TextMap} (a text node is split when the source
 *   ends inside it; a link inside the description is never entered or changed: the host goes
 *   after the link). Sources whose text is not on the page (read from embedded data) get their
 *   host inside the episode host instead, where its shadow root shows them in a `<slot>`.
 *
 * Placing again reuses the hosts already in place (the one right after the same text), so a
 * re-read never duplicates anything, and hosts no longer claimed by any episode are removed.
 * Hosts carry no light-DOM text, so the page's text (and a re-read of it) stays the same, and
 * their shadow roots are closed (lib/content/roots.ts).
 */
import type { DescriptionLocation, FoundEpisode } from '@/lib/hosts/episode';
import type { TextMap } from '@/lib/hosts/read/text';
import type { Source } from '@/lib/sources/types';
import { createHost, rootOf } from '@/lib/content/roots';

/** The tag of an episode's host element. */
export const EPISODE_TAG = 'citecast-episode';
/** The tag of a source's host element. */
export const SOURCE_TAG = 'citecast-source';

/** A source and the host placed for it. */
export interface PlacedSource {
  source: Source;
  host: HTMLElement;
  /** Whether the host stands in the page's text (else inside the episode's host). */
  inText: boolean;
}

/** An episode and the hosts placed for it. */
export interface PlacedEpisode {
  episode: FoundEpisode;
  host: HTMLElement;
  sources: PlacedSource[];
}

/** What one placement pass did. */
export interface Placement {
  episodes: PlacedEpisode[];
  /** Hosts created in this pass (their shadow roots are still empty). */
  created: HTMLElement[];
  /** Orphaned hosts removed in this pass. */
  removed: number;
}

/** How a placement pass runs. */
export interface PlaceOptions {
  /**
   * Whether hosts not claimed by these episodes are removed (default). A pass placed in slices
   * (a big list, visible episodes first) keeps them, then removes the orphans once at its end
   * with {@link removeOrphanHosts}.
   */
  removeOrphans?: boolean;
  /**
   * The arXiv id the page's own text gives `source` (default: `source.arxivId`). A source shown
   * with an id Citecast looked up keeps the page's on its host: the lookups, and the listener's
   * choice among them, are not the page's to read.
   */
  pageArxivId?: (source: Source) => string | null;
}

/** A point in the page's text: right after `after`, once `after` is split at `splitAt`. */
interface TextPoint {
  after: Node;
  /** When `after` is a text node: the offset it ends at (split there when inside it). */
  splitAt: number | null;
}

/** Whether `node` is one of Citecast's own hosts of `tag` (never an element the page made). */
const isHost = (node: Node | null, tag: string): node is HTMLElement =>
  node !== null &&
  node.nodeType === 1 &&
  (node as Element).localName === tag &&
  rootOf(node as Element) !== null;

/**
 * The outermost `<a>` around `node`, inside the description's roots, whose text is part of the
 * source's own text (`sourceText`): the source's URL link, or a linked title. A link around more
 * than the source (Podimo wraps whole list items in one) is not the source's and is left alone.
 */
function sourceLinkAround(
  node: Node,
  roots: readonly Element[],
  sourceText: string,
  linkTexts?: Map<Element, string>,
): Element | null {
  let found: Element | null = null;
  for (
    let el = node.parentElement;
    el !== null && roots.some((root) => root !== el && root.contains(el));
    el = el.parentElement
  ) {
    if (el.localName !== 'a') continue;
    // A link around a whole list item (Podimo) is asked about for each of its ~20 sources: its
    // text is read once per pass, not once per source.
    let text = linkTexts?.get(el);
    if (text === undefined) {
      text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      linkTexts?.set(el, text);
    }
    if (text.length > sourceText.length || !sourceText.replace(/\s+/g, ' ').includes(text)) break;
    found = el;
  }
  return found;
}

/**
 * The point right after a source whose text is `sourceText` and which ends at `end` of a
 * description mapped by `map` from `offset`: after the source's own link when its end is inside
 * one (so the link stays whole), else inside the text node, at the end's offset. `null` when the
 * map has no text node there.
 */
export function pointAfterSource(
  map: TextMap,
  offset: number,
  end: number,
  sourceText: string,
  linkTexts?: Map<Element, string>,
): TextPoint | null {
  const pos = map.locate(offset + end, 'before');
  if (!pos || !pos.node.parentNode) return null;
  const link = sourceLinkAround(pos.node, map.roots, sourceText, linkTexts);
  if (link) return { after: link, splitAt: null };
  return { after: pos.node, splitAt: Math.min(pos.offset, pos.node.data.length) };
}

/** Splits text node `node` at `at`; `node` keeps the text before it. */
function splitText(node: Text, at: number): void {
  if (typeof node.splitText === 'function') {
    node.splitText(at);
    return;
  }
  // DOMs without splitText (linkedom): the same by hand.
  const rest = node.ownerDocument.createTextNode(node.data.slice(at));
  node.data = node.data.slice(0, at);
  node.parentNode!.insertBefore(rest, node.nextSibling);
}

/**
 * Where an episode's host goes: right before the first text of its description (before the link
 * that holds it, if one inside the description does), else as the first child of its block.
 */
function episodeTop(location: DescriptionLocation): { parent: Node; before: Node | null } {
  const map = location.map;
  const pos =
    map && map.roots.every((r) => r.isConnected) ? map.locate(location.offset, 'after') : null;
  if (pos && pos.node.parentNode) {
    let at: Node = pos.node;
    for (
      let el = pos.node.parentElement;
      el !== null && map!.roots.some((root) => root !== el && root.contains(el));
      el = el.parentElement
    ) {
      if (el.localName === 'a') at = el;
    }
    return { parent: at.parentNode!, before: at };
  }
  // Skip hosts already at the top, so the run of episode hosts there is found again.
  const block = location.element;
  let first = block.firstChild;
  while (isHost(first, EPISODE_TAG)) first = first.nextSibling;
  return { parent: block, before: first ?? null };
}

/** Sets (or removes, for `null`) a `data-*` attribute only when it changes. */
function setData(el: HTMLElement, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/** Writes a source's data attributes onto its host: its kind, and the arXiv id `arxivId`. */
function describeSource(host: HTMLElement, source: Source, arxivId: string | null): void {
  setData(host, 'data-kind', source.kind);
  setData(host, 'data-arxiv-id', arxivId);
}

/**
 * Places (or finds again) every episode's and source's host in `document`, and removes hosts
 * that belong to no episode any more. Episodes without a DOM location get nothing.
 */
export function placeAnnotations(
  document: Document,
  episodes: readonly FoundEpisode[],
  options: PlaceOptions = {},
): Placement {
  const claimed = new Set<Element>();
  const created: HTMLElement[] = [];
  const idOf = options.pageArxivId ?? ((source: Source) => source.arxivId);
  const make = (tag: string): HTMLElement => {
    const host = createHost(document, tag);
    created.push(host);
    claimed.add(host);
    return host;
  };

  /** The first unclaimed host of `tag` among the run of such hosts after `node` (or a new one after the run). */
  const hostAfter = (node: Node, tag: string): HTMLElement => {
    let last: Node = node;
    for (let next = node.nextSibling; isHost(next, tag); next = next.nextSibling) {
      if (!claimed.has(next)) {
        claimed.add(next);
        return next;
      }
      last = next;
    }
    const host = make(tag);
    last.parentNode!.insertBefore(host, last.nextSibling);
    return host;
  };

  const placed: PlacedEpisode[] = [];
  /** The normalised text of each link asked about in this pass (see sourceLinkAround). */
  const linkTexts = new Map<Element, string>();
  // Source points, grouped by text node so that splits run from the end of each node backwards.
  const pending: Array<{ point: TextPoint; entry: PlacedSource }> = [];

  for (const episode of episodes) {
    const location = episode.location;
    if (!location || !location.element.isConnected) continue;
    // The episode's host: right before the description's first text (inside its block, so
    // the blocks themselves stay as the readers found them), else at the top of the block.
    const top = episodeTop(location);
    let host: HTMLElement | null = null;
    const run: HTMLElement[] = [];
    for (
      let prev = top.before ? top.before.previousSibling : top.parent.lastChild;
      isHost(prev, EPISODE_TAG);
      prev = prev.previousSibling
    )
      run.unshift(prev);
    for (const candidate of run) {
      if (!claimed.has(candidate)) {
        claimed.add(candidate);
        host = candidate;
        break;
      }
    }
    if (!host) {
      host = make(EPISODE_TAG);
      top.parent.insertBefore(host, top.before);
    }
    setData(host, 'data-title', episode.title ?? '');
    const entry: PlacedEpisode = { episode, host, sources: [] };
    placed.push(entry);

    let inside = 0;
    for (const source of episode.sources) {
      const point =
        location.map && location.map.roots.every((r) => r.isConnected)
          ? pointAfterSource(
              location.map,
              location.offset,
              source.end,
              episode.description.slice(source.start, source.end),
              linkTexts,
            )
          : null;
      if (point) {
        const item: PlacedSource = { source, host: host /* replaced below */, inText: true };
        entry.sources.push(item);
        pending.push({ point, entry: item });
        continue;
      }
      // Not in the page's text: a host inside the episode's own host, in list order.
      let child: Element | null = host.children[inside] ?? null;
      if (!isHost(child, SOURCE_TAG)) {
        child = make(SOURCE_TAG);
        host.insertBefore(child, host.children[inside] ?? null);
      }
      claimed.add(child);
      inside++;
      describeSource(child as HTMLElement, source, idOf(source));
      entry.sources.push({ source, host: child as HTMLElement, inText: false });
    }
  }

  // Text points: after a text node at an offset, or after a link. Within one text node the
  // points run from its end backwards, so a split never moves text a later point refers to.
  const byNode = new Map<Node, Array<{ point: TextPoint; entry: PlacedSource }>>();
  for (const p of pending) {
    const list = byNode.get(p.point.after);
    if (list) list.push(p);
    else byNode.set(p.point.after, [p]);
  }
  for (const [node, points] of byNode) {
    // Stable: points at the same offset keep list order, and their hosts follow in that order.
    points.sort((a, b) => (b.point.splitAt ?? 0) - (a.point.splitAt ?? 0));
    for (let i = 0; i < points.length;) {
      let j = i;
      while (j < points.length && points[j].point.splitAt === points[i].point.splitAt) j++;
      const at = points[i].point.splitAt;
      if (at !== null && node.nodeType === 3 && at < (node as Text).data.length) {
        splitText(node as Text, at);
      }
      let after: Node = node;
      for (const { entry } of points.slice(i, j)) {
        const host = hostAfter(after, SOURCE_TAG);
        describeSource(host, entry.source, idOf(entry.source));
        entry.host = host;
        after = host;
      }
      i = j;
    }
  }

  const removed = options.removeOrphans === false ? 0 : removeOrphanHosts(document, claimed);
  return { episodes: placed, created, removed };
}

/**
 * Removes every Citecast host in `document` that is not in `keep` (hosts no episode claimed in
 * a placement pass); answers how many went.
 */
export function removeOrphanHosts(document: Document, keep: ReadonlySet<Element>): number {
  let removed = 0;
  for (const tag of [SOURCE_TAG, EPISODE_TAG]) {
    for (const el of Array.from(document.getElementsByTagName(tag))) {
      if (!keep.has(el)) {
        el.remove();
        removed++;
      }
    }
  }
  return removed;
}

/** Every host a placement placed: its episodes' hosts and their sources' hosts. */
export function placedHosts(placement: Placement): HTMLElement[] {
  return placement.episodes.flatMap((e) => [e.host, ...e.sources.map((s) => s.host)]);
}
