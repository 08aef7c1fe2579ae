/**
 * The demo's hook into the parser: what the site readers (lib/sites, the code the content script
 * will run) find in a demo page. The page's HTML as the browser serialises it (`page.content()`)
 * is rebuilt into a DOM in Node and read there; the plain-text reader is the fallback when no
 * HTML is given. Isolated here so the demo itself does not change when the readers do.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DemoPage {
  url: string;
  /** `document.body.innerText` of the loaded page. */
  text: string;
  /** The loaded page's HTML (`page.content()`), when available. */
  html?: string;
}

interface ParsedEpisode {
  sources?: readonly unknown[];
}

/** One line saying what the readers find in the page, or why it could not say. */
export async function describeWithParser(page: DemoPage, root: string): Promise<string> {
  try {
    if (page.html !== undefined && existsSync(join(root, 'lib', 'sites', 'index.ts'))) {
      const saved = (await import(
        pathToFileURL(join(root, 'scripts', 'read-saved-page.ts')).href
      )) as typeof import('./read-saved-page');
      const sites = (await import(
        pathToFileURL(join(root, 'lib', 'sites', 'index.ts')).href
      )) as typeof import('../lib/sites/index');
      const document = saved.htmlDocument(page.html);
      const reader = sites.pickReader(document, page.url);
      const episodes = sites.readPage(document, page.url, { now: new Date() });
      return `parser (${reader.id} reader): ${summary(episodes)}`;
    }
    const entry = join(root, 'lib', 'pagetext', 'index.ts');
    if (!existsSync(entry)) return 'parser: lib/pagetext/index.ts not written yet';
    const mod = (await import(pathToFileURL(entry).href)) as typeof import('../lib/pagetext/index');
    return `parser (page text): ${summary(mod.parsePageText(page.text, { now: new Date() }))}`;
  } catch (error) {
    return `parser: failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function summary(episodes: readonly ParsedEpisode[]): string {
  const sources = episodes.reduce((n, e) => n + (e.sources?.length ?? 0), 0);
  return `${episodes.length} episodes, ${sources} sources`;
}
