/**
 * The site readers and the registry that picks one for a page: by its address when known
 * (`--url`, or the live page's), else by what the page looks like. The same code runs in the
 * content script on the live DOM and in `npm run parse` on a DOM built in Node.
 */
import type { FoundEpisode } from '../episode';
import { appleReader } from './apple';
import type { ReadOptions, ReadPlan, SiteReader } from './common';
import { genericReader } from './generic';
import { podimoReader } from './podimo';
import { rssReader } from './rss';
import { siteReader } from './site';
import { spotifyReader } from './spotify';

export type { ReadOptions, ReadPlan, SiteReader } from './common';
export { readPlanAll } from './common';
export { extractText, type TextMap, type DomPosition } from './text';

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
 * Reads every episode on a page with the reader {@link pickReader} chooses. When a host's reader
 * finds nothing (a page type it does not know), the generic reader gets the page.
 */
export function readPage(
  document: Document,
  url: string | null,
  options: ReadOptions = {},
): FoundEpisode[] {
  const reader = pickReader(document, url);
  const episodes = reader.read(document, url, options);
  if (episodes.length > 0 || reader === genericReader || reader === rssReader) return episodes;
  return genericReader.read(document, url, options);
}

/**
 * The page as a {@link ReadPlan}: the chosen reader's own plan when it reads in steps, else its
 * whole reading at once (as {@link readPage}, with the same fallback to the generic reader) in
 * `first` and no blocks.
 */
export function planPage(
  document: Document,
  url: string | null,
  options: ReadOptions = {},
): ReadPlan {
  const reader = pickReader(document, url);
  if (reader.plan) {
    const plan = reader.plan(document, url, options);
    if (plan.first.length > 0 || plan.blocks.length > 0) return plan;
  }
  return { first: readPage(document, url, options), blocks: [], readBlock: () => null };
}
