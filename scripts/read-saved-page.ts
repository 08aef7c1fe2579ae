/**
 * Chooses how `parse` reads a saved file: `.html`/`.htm` as a web page through the site
 * readers (lib/hosts, the code the content script runs) on a DOM built in Node with linkedom,
 * `.xml` as an RSS feed, anything else as plain text whose lines are paragraphs.
 */
import { DOMParser, parseHTML } from 'linkedom';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { parsePageText } from '@/lib/hosts/read/page-text';
import { readPage } from '@/lib/hosts/read/page';
import { rss } from '@/lib/hosts/rss';

/** How a saved page is read. */
export interface ReadOptions {
  url: string | null;
  now: Date;
}

/** Input that cannot be read; `parse` prints its message as its one line on stderr. */
export class InputError extends Error {}

/** Builds a DOM document from HTML text in Node (the same tree shape a browser builds). */
export function htmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Builds an XML document from feed text in Node. */
export function xmlDocument(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Reads the episodes of one saved page. */
export function readSavedPage(file: string, text: string, options: ReadOptions): FoundEpisode[] {
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? '';
  if (ext === 'html' || ext === 'htm') {
    if (text.trim() === '') return [];
    return readPage(htmlDocument(text), options.url, { now: options.now });
  }
  if (ext === 'xml') {
    if (text.trim() === '') return [];
    const document = xmlDocument(text.replace(/^\uFEFF/, ''));
    if (!rss.detect(document)) {
      const root = document.documentElement?.tagName ?? 'nothing';
      throw new InputError(`${file} is XML but not an RSS feed (root element <${root}>)`);
    }
    return rss.read(document, options.url, { now: options.now });
  }
  return parsePageText(text, { now: options.now });
}
