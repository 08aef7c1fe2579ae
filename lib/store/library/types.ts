/**
 * What the popup and the library page are shown: the answers of the library queries. Plain data
 * (no IndexedDB handles), computed in the background, so the pages never read the store
 * themselves and never hold more than one page of rows.
 */
import type { ListenRecord, PaperRecord, SourceSnapshot } from '@/lib/store/schema';
import type { ReadState } from '@/lib/core/paper';

/** How the papers list can be ordered. */
export type PaperSort = 'saved' | 'title' | 'year' | 'read' | 'cited' | 'relevance';

/** One page of the saved papers, searched, filtered and sorted. */
export interface PaperQuery {
  /**
   * The search text, with operators: `t:tag`, `y:2024`, `y:>2023`, `y:<2020`, `ep:words`
   * (words of a citing episode's title), `is:read`, `is:unread`, `is:reading`; other words search
   * title, authors, tags, note and the citing episodes' titles. Empty: every saved paper.
   */
  text: string;
  sort: PaperSort;
  direction: 'asc' | 'desc';
  tag: string | null;
  readState: ReadState | null;
  year: number | null;
  /** Only papers cited by this episode. */
  episodeKey: string | null;
  /**
   * Only papers cited by an episode the listener heard (`heard`), or by one not heard yet
   * (`unheard`); absent or `null`: either.
   */
  heard?: 'heard' | 'unheard' | null;
  offset: number;
  limit: number;
}

/** A saved paper with how many episodes cite it and how many of those were heard. */
export interface PaperView {
  paper: PaperRecord;
  citedIn: number;
  citedInHeard: number;
}

/** An answer to {@link PaperQuery}. */
export interface PaperPage {
  /** How many papers match in all (the rows are one page of them). */
  total: number;
  rows: PaperView[];
  /** Every tag of the saved papers with its count, most used first (for the filter). */
  tags: { tag: string; count: number }[];
  /** Every year of the saved papers, newest first (for the filter). */
  years: number[];
}

/** An episode as lists show it. */
export interface EpisodeSummary {
  key: string;
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** Seconds. */
  duration: number | null;
  /** The first page address it was seen on (an http(s) URL), or `null`. */
  pageUrl: string | null;
  sourceCount: number;
}

/** An episode's listening log as the library shows and edits it. */
export interface ListenView extends Pick<
  ListenRecord,
  'state' | 'manual' | 'position' | 'duration' | 'heardAt' | 'playedSeconds'
> {
  /** When the listen last changed (epoch ms): groups in-progress entries by day. */
  updatedAt: number | null;
}

/** A row of the listening log. */
export interface EpisodeView {
  episode: EpisodeSummary;
  listen: ListenView;
  note: string;
  /** Paper sources in its list, how many of them are saved, how many read. */
  papers: number;
  saved: number;
  read: number;
}

/** Which episodes the listening log shows. */
export type EpisodeFilter = 'all' | 'heard' | 'in_progress' | 'unheard';

/** One page of the listening log, newest first (heard date, else last change, else first seen). */
export interface EpisodeQuery {
  filter: EpisodeFilter;
  /** Words of the title; empty for all. */
  text: string;
  offset: number;
  limit: number;
}

/** An answer to {@link EpisodeQuery}. */
export interface EpisodePage {
  total: number;
  rows: EpisodeView[];
}

/** A paper with the episodes citing it. */
export interface PaperDetail {
  paper: PaperRecord;
  episodes: { episode: EpisodeSummary; listen: ListenView; position: number }[];
}

/** An episode with each of its sources and whether it is saved and read. */
export interface EpisodeDetail {
  view: EpisodeView;
  sources: { source: SourceSnapshot; saved: boolean; readState: ReadState | null }[];
}

/** An unheard episode citing papers the listener saved. */
export interface OverlapView {
  episode: EpisodeSummary;
  /** The saved papers it cites, by key. */
  paperKeys: string[];
}

/** The statistics section's figures. */
export interface StatsView {
  /** Monday of each week (`YYYY-MM-DD`) with the episodes heard that week; the last 26 weeks. */
  heardPerWeek: { week: string; count: number }[];
  /** Hours actually played (played seconds of listens changed that week); the last 26 weeks. */
  hoursPerWeek: { week: string; hours: number }[];
  /** `YYYY-MM` with papers saved that month and papers marked read that month; the last 12. */
  papersPerMonth: { month: string; saved: number; read: number }[];
  /** Authors most cited by the heard episodes' sources, most first (at most 10). */
  topAuthors: { name: string; count: number }[];
  totals: { saved: number; read: number; heard: number; inProgress: number; hours: number };
}

/** A recent listen for the popup. */
export interface RecentListen {
  episode: EpisodeSummary;
  listen: ListenView;
}

/** The export formats of a selection of papers. */
export type PaperExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'markdown';
