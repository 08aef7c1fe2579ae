/**
 * Reading a whole page: the host whose reader reads it (by its address when known, `--url` or the
 * live page's, else by what the page looks like), then every source list the host's reader
 * leaves out. The same code runs in the content script on the live DOM and in `npm run parse` on
 * a DOM built in Node.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import { generic, readGenericBlock } from '@/lib/hosts/generic';
import {
  readPlanAll,
  runSteps,
  type Host,
  type ReadOptions,
  type ReadPlan,
  type Steps,
} from '@/lib/hosts/host';
import { HOSTS, isHostUrl } from '@/lib/hosts/index';
import { precedes, sourceListBlocksSteps } from '@/lib/hosts/read/common';
import { rss } from '@/lib/hosts/rss';

/**
 * The host whose reader reads a page: the first whose addresses hold `url` (feeds by their XML
 * root first), else the first whose `detect(document)` holds, else the generic one.
 */
export function pickHost(document: Document, url: string | null): Host {
  if (rss.detect(document)) return rss;
  if (url) {
    const byUrl = HOSTS.find((h) => h !== generic && isHostUrl(h, url));
    if (byUrl) return byUrl;
  }
  return HOSTS.find((h) => h !== generic && h !== rss && h.detect(document)) ?? generic;
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
  return runSteps(planPageSteps(document, url, options));
}

/**
 * {@link planPage} in steps: the content script runs it a few milliseconds at a time, as finding
 * the blocks of a long list walks the whole page.
 */
export function* planPageSteps(
  document: Document,
  url: string | null,
  options: ReadOptions = {},
): Steps<ReadPlan> {
  const reader = pickHost(document, url);
  if (reader === rss) return atOnce(reader.read(document, url, options));
  const host =
    reader === generic
      ? atOnce([])
      : reader.plan
        ? yield* reader.plan(document, url, options)
        : atOnce(reader.read(document, url, options));
  const body = document.body ?? document.documentElement;
  if (!body) return host;
  const covered = new Set<Element>(host.blocks);
  for (const episode of host.first) for (const region of regionsOf(episode)) covered.add(region);
  const rest = new Set(yield* sourceListBlocksSteps(body, covered));
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
