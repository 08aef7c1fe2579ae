import type { SnapshotSource } from '@/lib/core/paper';

/**
 * One source of an episode description: the fields of a cited source (its kind, title,
 * authors, year, link and identifiers), plus where it stands in the text (the content script
 * places its controls with `start`/`end`).
 */
export interface Source extends SnapshotSource {
  /** The item number in a numbered list, else `null`. */
  number: number | null;
  /** Start of the source's text in the input (its number, or its first character). */
  start: number;
  /** End (exclusive) of the source's text: the end of its last URL, or of its text. */
  end: number;
  /** Range of the URL in the input, when there is one. */
  urlStart: number | null;
  urlEnd: number | null;
  /**
   * `true` on a last source the description cuts off mid-item (hosts clip descriptions); its
   * title, URL or identifier may be incomplete, so it is never saved. Absent otherwise.
   */
  partial?: boolean;
}

/** What the parser reads out of one description. */
export interface ParsedSources {
  sources: Source[];
  /** The `Interactive Visualization` link, `/viz/{stem}.html`. */
  visualizationUrl: string | null;
  /** Where the source list begins (its `Sources:` label), or `null` when there is none. */
  listStart: number | null;
}
