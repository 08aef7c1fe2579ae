/**
 * The site readers and the registry that picks one for a page: by its address when known
 * (`--url`, or the live page's), else by what the page looks like. The same code runs in the
 * content script on the live DOM and in `npm run parse` on a DOM built in Node.
 */
import type { FoundEpisode } from '@/lib/episode';
import { appleReader } from '@/lib/sites/apple';
import {
  precedes,
  readPlanAll,
  sourceListBlocks,
  type ReadOptions,
  type ReadPlan,
  type SiteReader,
} from '@/lib/sites/common';
import { genericReader, readGenericBlock } from '@/lib/sites/generic';
import { podimoReader } from '@/lib/sites/podimo';
import { rssReader } from '@/lib/sites/rss';
import { siteReader } from '@/lib/sites/site';
import { spotifyReader } from '@/lib/sites/spotify';

export type { ReadOptions, ReadPlan, SiteReader } from '@/lib/sites/common';
export { readPlanAll } from '@/lib/sites/common';
export { extractText, type TextMap, type DomPosition } from '@/lib/sites/text';

/** Every reader, most specific first; the generic one last. */
export const READERS: readonly SiteReader[] = [
  siteReader,
  podimoReader,
  spotifyReader,
  appleReader,
  rssReader,
  genericReader,
];

/**
 * The reader for a page: the first whose `matches(url)` holds (feeds by their XML root first),
 * else the first whose `detect(document)` holds, else the generic reader.
 */
export function pickReader(document: Document, url: string | null): SiteReader {
  if (rssReader.detect(document)) return rssReader;
  if (url) {
    const byUrl = READERS.find((r) => r !== genericReader && r.matches(url));
    if (byUrl) return byUrl;
  }
  return (
    READERS.find((r) => r !== genericReader && r !== rssReader && r.detect(document)) ??
    genericReader
  );
}

/**
 * Reads every episode on a page: what {@link planPage} plans, read at once.
 */
export function readPage(
  document: Document,
  url: string | null,
  options: ReadOptions = {},
): FoundEpisode[] {
  return readPlanAll(planPage(document, url, options));
}

/** A reading done at once, as a plan with no blocks. */
function atOnce(first: FoundEpisode[]): ReadPlan {
  return { first, blocks: [], readBlock: () => null };
}

/**
 * The page as a {@link ReadPlan}, covering every source list on it once: the chosen reader's
 * plan (or its whole reading, in `first`), then, in page order among the reader's blocks, every
 * other block whose text holds a source list the parser reads, each read by the generic reader.
 * A host's reader adds what it knows about the episodes it finds (title, date, audio, a cut-short
 * description), but a list it misses is read all the same, and a list it covers is never read
 * twice.
 */
export function planPage(
  document: Document,
  url: string | null,
  options: ReadOptions = {},
): ReadPlan {
  const reader = pickReader(document, url);
  if (reader === rssReader) return atOnce(reader.read(document, url, options));
  const host =
    reader === genericReader
      ? atOnce([])
      : reader.plan
        ? reader.plan(document, url, options)
        : atOnce(reader.read(document, url, options));
  const body = document.body ?? document.documentElement;
  if (!body) return host;
  const covered = new Set<Element>(host.blocks);
  for (const episode of host.first) for (const region of regionsOf(episode)) covered.add(region);
  const rest = new Set(sourceListBlocks(body, covered));
  const readBlock = (block: Element): FoundEpisode | null =>
    rest.has(block) ? readGenericBlock(document, block, url, options) : host.readBlock(block);
  return { first: host.first, blocks: inDocumentOrder(host.blocks, [...rest]), readBlock };
}

/** The DOM a host's episode was read from: its description's roots, else its element. */
function regionsOf(episode: FoundEpisode): Element[] {
  const location = episode.location;
  if (!location) return [];
  return location.map ? location.map.roots : [location.element];
}

/**
 * `rest` put among `blocks` (both in document order) by document order: a binary search for each
 * of `rest`, as `blocks` may be hundreds long.
 */
function inDocumentOrder(blocks: Element[], rest: Element[]): Element[] {
  if (rest.length === 0) return blocks;
  const out = [...blocks];
  for (const block of rest) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(out[mid], block)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, block);
  }
  return out;
}
