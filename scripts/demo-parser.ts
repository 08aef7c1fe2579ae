/**
 * The demo's hook into the parser: what the parser finds in a demo page's text. Isolated here so
 * it can grow (site readers, the HTML path) without touching the demo itself.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface DemoPage {
  url: string;
  /** `document.body.innerText` of the loaded page. */
  text: string;
}

interface ParsedEpisode {
  sources?: readonly unknown[];
}
/** An array of episodes, or `{ episodes }` as `npm run parse` prints it. */
type ParseResult = readonly ParsedEpisode[] | { episodes?: readonly ParsedEpisode[] };
type ParsePageText = (text: string, options: { now: Date }) => ParseResult | Promise<ParseResult>;

/** One line saying what `lib/pagetext` finds in the page, or why it could not say. */
export async function describeWithParser(page: DemoPage, root: string): Promise<string> {
  const entry = join(root, 'lib', 'pagetext', 'index.ts');
  if (!existsSync(entry)) return 'parser: lib/pagetext/index.ts not written yet';
  try {
    const mod = (await import(pathToFileURL(entry).href)) as { parsePageText?: ParsePageText };
    if (typeof mod.parsePageText !== 'function') return 'parser: no parsePageText export yet';
    const result = await mod.parsePageText(page.text, { now: new Date() });
    const episodes = Array.isArray(result)
      ? (result as readonly ParsedEpisode[])
      : ((result as { episodes?: readonly ParsedEpisode[] }).episodes ?? []);
    const sources = episodes.reduce((n, e) => n + (e.sources?.length ?? 0), 0);
    return `parser: ${episodes.length} episodes, ${sources} sources in the page text`;
  } catch (error) {
    return `parser: failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
