/**
 * The demo's hook into the parser: what the site readers (lib/hosts, the code the content script
 * runs) find in a demo page. The page's HTML as the browser serialises it (`page.content()`) is
 * rebuilt into a DOM in Node and read there; the plain-text reader is the fallback when no HTML
 * is given.
 */
import { parsePageText } from '@/lib/hosts/read/page-text';
import { pickHost, readPage } from '@/lib/hosts/read/page';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { htmlDocument } from '@/scripts/read-saved-page';

export interface DemoPage {
  url: string;
  /** `document.body.innerText` of the loaded page. */
  text: string;
  /** The loaded page's HTML (`page.content()`), when available. */
  html?: string;
}

/** One line saying what the readers find in the page, or why it could not say. */
export function describeWithParser(page: DemoPage): string {
  try {
    if (page.html !== undefined) {
      const document = htmlDocument(page.html);
      const reader = pickHost(document, page.url);
      return `parser (${reader.id} reader): ${summary(readPage(document, page.url, { now: new Date() }))}`;
    }
    return `parser (page text): ${summary(parsePageText(page.text, { now: new Date() }))}`;
  } catch (error) {
    return `parser: failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function summary(episodes: readonly FoundEpisode[]): string {
  const sources = episodes.reduce((n, e) => n + e.sources.length, 0);
  return `${episodes.length} episodes, ${sources} sources`;
}
