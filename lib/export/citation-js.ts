/**
 * citation-js, loaded once with the formats Citecast reads and writes: BibTeX/BibLaTeX and RIS
 * (CSL-JSON is built in). `@citation-js/plugin-csl` (formatted bibliographies through citeproc)
 * is not loaded: CSL-JSON needs none of it, and it would add ~800 kB to the bundle.
 *
 * Every parse names its input type (`forceType`), so citation-js never guesses that a string is
 * a DOI or a URL and fetches it: importing a library sends no request.
 */
import { Cite, plugins, type CslData } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

export { Cite, type CslData };

/** Parses `input` as type `type` (e.g. `@biblatex/text`) to a list of CSL-JSON items. */
export function parseToCsl(input: unknown, type: string): CslData[] {
  const out = plugins.input.chain(input, {
    forceType: type,
    target: '@csl/list+object',
    generateGraph: false,
  });
  return Array.isArray(out) ? (out as CslData[]) : [];
}

/** One parse step of `input` as type `type`: e.g. BibTeX text to its raw entries. */
export function parseStep(input: unknown, type: string): unknown {
  return plugins.input.chainLink(input, { forceType: type });
}
