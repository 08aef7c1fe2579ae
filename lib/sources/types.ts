import type { EpisodeStem } from '@/lib/links/episodes';

/** `episode` for a podcast episode, `paper` for any cited work, `other` for any other link. */
export type SourceKind = 'paper' | 'episode' | 'other';

/**
 * One source of an episode description, with the fields the `parse` command prints, plus where it
 * stands in the text (the content script places its controls with `start`/`end`).
 */
export interface Source {
  /** The source's own title as written; for a cited episode, without the show name or quotes. */
  title: string | null;
  /** Person names in order; `et al.` and placeholders dropped. */
  authors: string[];
  /** The first four-digit year of the citation text, never from a URL. */
  year: number | null;
  /** The link exactly as the description gives it. */
  url: string | null;
  kind: SourceKind;
  /** arXiv id without version, from an arXiv link. */
  arxivId: string | null;
  /** The arXiv PDF (cited version kept) or a direct PDF link. */
  pdfUrl: string | null;
  /** The arXiv version the link cites (`v2` → 2). */
  arxivVersion: number | null;
  /** A DOI from the link. */
  doi: string | null;
  /** For a cited episode of the show: date, slug and stem of its mp3. */
  episode: EpisodeStem | null;
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
