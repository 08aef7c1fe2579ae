/**
 * The few parts of citation-js 0.8 that Citecast uses (the packages ship no types). Values are
 * CSL-JSON items (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 */
declare module '@citation-js/core' {
  /** A CSL-JSON item; citation-js keeps whatever fields it is given. */
  export type CslData = Record<string, unknown>;

  /** Options of an input parse. */
  export interface InputOptions {
    /** Skip type detection: parse the input as this type (e.g. `@biblatex/text`). */
    forceType?: string;
    /** The type to stop at (e.g. `@csl/list+object`). */
    target?: string;
    generateGraph?: boolean;
  }

  /** Options of an output format. */
  export interface OutputOptions {
    /** `text` (the default) or `object` (the mapped entries before they are written out). */
    format?: 'text' | 'object';
    [option: string]: unknown;
  }

  /** A list of references in CSL-JSON with output formats. */
  export class Cite {
    constructor(data?: unknown, options?: InputOptions);
    data: CslData[];
    format(format: string, options?: OutputOptions): unknown;
  }

  export const plugins: {
    input: {
      /** Parses `input` all the way to `options.target` (by default a CSL-JSON list). */
      chain(input: unknown, options?: InputOptions): unknown;
      /** One parse step of `input`, as type `options.forceType` when given. */
      chainLink(input: unknown, options?: InputOptions): unknown;
    };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
