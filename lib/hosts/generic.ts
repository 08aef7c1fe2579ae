/**
 * The reader for any other page, and for every source list a host's reader leaves out: every
 * block whose text holds a source list the parser reads is one episode. What it relies on: the
 * list's label (`Sources:`, `References:`, `Papers:`) and the text's block structure; the title
 * is the nearest heading before the block, else `og:title`, else the page's `<title>`; the date a
 * `<time datetime>` in or just before the block.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  anyDate,
  audioIn,
  domDescription,
  headingBefore,
  makeEpisode,
  meta,
  sourceListBlocks,
  vizLinkIn,
} from '@/lib/hosts/read/common';
import { shortText } from '@/lib/hosts/read/text';
import type { Host, ReadOptions } from '@/lib/hosts/host';

/** Reads every block that holds a source list. */
function read(document: Document, url: string | null, options: ReadOptions = {}): FoundEpisode[] {
  const body = document.body ?? document.documentElement;
  if (!body) return [];
  return sourceListBlocks(body).map((block) => readGenericBlock(document, block, url, options));
}

/**
 * One block that holds a source list, read as its own episode: the title from the nearest
 * heading before it, else the page's; the date from a `<time datetime>` in or just before it.
 */
export function readGenericBlock(
  document: Document,
  block: Element,
  url: string | null,
  options: ReadOptions = {},
): FoundEpisode {
  const now = options.now ?? new Date();
  const pageTitle =
    meta(document, 'og:title') || shortText(document.querySelector('title')) || null;
  const heading = headingBefore(document, block);
  const time = block.querySelector('time[datetime]') ?? timeBefore(block);
  const { text, location } = domDescription(block);
  return makeEpisode({
    title: shortText(heading) || pageTitle,
    published: time ? anyDate(time.getAttribute('datetime'), now) : null,
    audioUrl: audioIn(block.parentElement ?? block, url),
    visualizationUrl: vizLinkIn(block),
    description: text,
    location,
  });
}

/** A `<time datetime>` among the block's previous siblings (a post's date above its text). */
function timeBefore(block: Element): Element | null {
  for (
    let el = block.previousElementSibling, n = 0;
    el && n < 5;
    el = el.previousElementSibling, n++
  ) {
    const time = el.matches('time[datetime]') ? el : el.querySelector('time[datetime]');
    if (time) return time;
  }
  return null;
}

/** Any other page: read when the user asks, or by `parse`; its reader is tried last. */
export const generic: Host<'generic'> = {
  id: 'generic',
  label: 'Web',
  hostnames: [],
  spa: false,
  optional: false,
  detect: () => true,
  read,
};
