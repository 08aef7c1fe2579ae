/**
 * An episode as a reader finds it on a page (text page, web page or feed), and its JSON form
 * for `npm run parse`, whose fields and their order other tools rely on. Readers of every kind
 * return this one shape.
 */
import type { TextMap } from '@/lib/hosts/read/text';
import type { Source } from '@/lib/sources/types';

/**
 * Where an episode's description lives in the DOM. Never part of the JSON. When `map` is set,
 * the description is `map.text.slice(offset, offset + description.length)`, so a parser range
 * `[start, end)` of a source is `map.locate(offset + start)` … `map.locate(offset + end, 'before')`.
 * `map` is `null` when the description was read from embedded data (JSON-LD, `__NEXT_DATA__`,
 * the home page's catalog) rather than from the text shown: then only `element` is known.
 */
export interface DescriptionLocation {
  /** The block the description starts in (or the episode's card when nothing else is shown). */
  element: Element;
  map: TextMap | null;
  offset: number;
}

/** One episode found on a page. */
export interface FoundEpisode {
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** Length in seconds. */
  duration: number | null;
  audioUrl: string | null;
  visualizationUrl: string | null;
  sources: Source[];
  /** The description is cut short on the page ("Vis mer") and the full text was not found. */
  cutShort: boolean;
  /** The description text the sources were read from; source ranges point into it. */
  description: string;
  /** Where the description is on the page (web pages only; absent for text and feeds read as text). */
  location?: DescriptionLocation | null;
  /** The episode's own page, when a list gives it (the home page's catalog entries); not in `parse`. */
  pageUrl?: string | null;
}

/** The JSON of one source in `parse` output: the contract's fields first, then extras. */
export interface SourceJson {
  title: string | null;
  authors: string[];
  year: number | null;
  url: string | null;
  kind: Source['kind'];
  arxivId: string | null;
  pdfUrl: string | null;
  arxivVersion: number | null;
  doi: string | null;
  episodeStem: string | null;
  range: [number, number];
  /** Only present, as `true`, on a last source the description cuts off. */
  partial?: true;
}

/** The JSON of one episode in `parse` output. */
export interface EpisodeJson {
  title: string | null;
  published: string | null;
  audioUrl: string | null;
  visualizationUrl: string | null;
  sources: SourceJson[];
  duration: number | null;
  cutShort: boolean;
}

/** Turns found episodes into the `parse` JSON (the fixed fields first, then extras). */
export function episodesToJson(episodes: FoundEpisode[]): { episodes: EpisodeJson[] } {
  return {
    episodes: episodes.map((e) => ({
      title: e.title,
      published: e.published,
      audioUrl: e.audioUrl,
      visualizationUrl: e.visualizationUrl,
      sources: e.sources.map((s) => ({
        title: s.title,
        authors: s.authors,
        year: s.year,
        url: s.url,
        kind: s.kind,
        arxivId: s.arxivId,
        pdfUrl: s.pdfUrl,
        arxivVersion: s.arxivVersion,
        doi: s.doi,
        episodeStem: s.episode?.stem ?? null,
        range: [s.start, s.end] as [number, number],
        ...(s.partial ? { partial: true as const } : {}),
      })),
      duration: e.duration,
      cutShort: e.cutShort,
    })),
  };
}
