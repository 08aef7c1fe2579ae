/**
 * What a page feature is to the annotator: the `data-action` values it answers on a source's
 * host or an episode's bar, the keys it answers, how it shows its state in a filled host, and what
 * it wants to hear of (new hosts, the end of a pass, the store's changes). Features get a
 * {@link Page}: what the annotator shares with all of them.
 */
import { canSave } from '@/lib/content/controls';
import type { ContentEnv } from '@/lib/content/env';
import { episodeKey, paperKey } from '@/lib/core/keys';
import type { Panel } from '@/lib/content/panels';
import type { FoundEpisode } from '@/lib/hosts/episode';
import type { StoreChange } from '@/lib/core/result';
import type { Source } from '@/lib/sources/types';

/** A source the page shows, with its host. */
export interface SourceInfo {
  source: Source;
  host: HTMLElement;
  /** Whether its host sits in the page's text (else it shows the source's title too). */
  inText: boolean;
  /** The paper's key when it can be saved. */
  key: string | null;
  /** For a cited episode: that episode's key (its mp3 stem), whose listen state it shows. */
  citedKey: string | null;
  episode: EpisodeInfo;
}

/**
 * An episode of the last read, placed or not: what recording it and counting the page's sources
 * need. A big list's episodes far from the viewport have no hosts yet, only this.
 */
export interface EpisodeEntry {
  episode: FoundEpisode;
  key: string | null;
}

/** An episode the page shows, with its bar's host. */
export interface EpisodeInfo extends EpisodeEntry {
  host: HTMLElement;
  sources: SourceInfo[];
}

/** The entry of an episode read but not placed: its key made from its addresses and title. */
export function episodeEntryFor(episode: FoundEpisode): EpisodeEntry {
  const { audioUrl, visualizationUrl, title } = episode;
  return { episode, key: episodeKey({ audioUrl, visualizationUrl, title }) };
}

/**
 * The info of `episode` placed in `host`: its key kept from `previous` (the host's earlier info,
 * or the episode's entry from before it was placed) while the title is the same, else made from its addresses and title.
 */
export function episodeInfoFor(
  episode: FoundEpisode,
  host: HTMLElement,
  previous: EpisodeEntry | undefined,
): EpisodeInfo {
  const key =
    previous && previous.episode.title === episode.title && previous.key
      ? previous.key
      : episodeEntryFor(episode).key;
  return { episode, host, key, sources: [] };
}

/** The info of `source` of `episode` placed in `host`: the keys its states are shown by. */
export function sourceInfoFor(
  source: Source,
  host: HTMLElement,
  inText: boolean,
  episode: EpisodeInfo,
): SourceInfo {
  // A cited episode known only by title: the background finds the stem-keyed one by title.
  const citedKey =
    source.kind === 'episode'
      ? episodeKey({ stem: source.episode?.stem, audioUrl: source.url, title: source.title })
      : null;
  const key = canSave(source) ? paperKey(source) : null;
  return { source, host, inText, key, citedKey, episode };
}

/** What the page keyboard asks of the focused source (or, for `heard`, its episode). */
export type HostAction = 'open-pdf' | 'save' | 'heard';

/** What the annotator shares with its features. */
export interface Page {
  env: ContentEnv;
  /** Whether the annotator has stopped (the extension was reloaded or removed). */
  stopped(): boolean;
  /** The placed episodes of the last read, in page order. */
  episodes(): readonly EpisodeInfo[];
  /** Every episode of the last read, placed or not, in page order (the page's own counts). */
  allEpisodes(): readonly EpisodeEntry[];
  /** The shadow root Citecast made for `host`. */
  rootOf(host: HTMLElement): ShadowRoot | null;
  /** Shows every state again now (after the user's own change). */
  render(): void;
  /** Shows every state again soon, once for all answers arriving meanwhile. */
  renderSoon(): void;
  /**
   * Says `text` in the episode's bar (every bar for `null`) for a moment, or longer when
   * `lasting` (by default an `error`, shown in the error colour).
   */
  say(info: EpisodeInfo | null, text: string, error?: boolean, lasting?: boolean): void;
  /** Opens `panel` in the episode's bar (closing any other) and focuses it. */
  showPanel(info: EpisodeInfo, opener: HTMLElement, panel: Panel): void;
  /** Closes the open panel; whether one was open. `refocus`: back to its opener. */
  closePanels(refocus?: boolean): boolean;
  /** Whether the panel `opener` of `info` opened is open. */
  panelOpen(info: EpisodeInfo, opener: HTMLElement): boolean;
}

/** One page feature; every part is optional. */
export interface Feature {
  /** Click actions on a source's host, by `data-action`. */
  source?: Record<string, (info: SourceInfo, button: HTMLElement) => void>;
  /** Click actions on an episode's bar, by `data-action`. */
  episode?: Record<string, (info: EpisodeInfo, button: HTMLElement) => void>;
  /** Page keys: the focused source (if any) and its episode; whether there was something to do. */
  keys?: Partial<
    Record<HostAction, (source: SourceInfo | null, episode: EpisodeInfo | null) => boolean>
  >;
  /** The episodes of a read as this feature presents them (arXiv's resolved titles). */
  present?(found: FoundEpisode[]): FoundEpisode[];
  /** New hosts were placed (ask the background about their states). */
  placed?(episodes: readonly EpisodeInfo[]): void;
  /**
   * A pass ended with `episodes`, every one it read, placed or not (page order); `lazy`: a big
   * list, so work may wait a task.
   */
  ended?(episodes: readonly EpisodeEntry[], lazy: boolean): void;
  /** Shows this feature's state in a filled source host. */
  decorateSource?(info: SourceInfo, root: ShadowRoot): void;
  /** Shows this feature's state in a filled, shown episode bar. */
  decorateEpisode?(info: EpisodeInfo, root: ShadowRoot, playable: ReadonlySet<string>): void;
  /** Every state was shown again. */
  rendered?(): void;
  storeChanged?(change: StoreChange): void;
  stop?(): void;
}

/** The annotator of one page; `update` runs after every read. */
export interface Annotator {
  /** Places every episode of a read at once, and removes hosts no longer claimed. */
  update(found: FoundEpisode[]): void;
  /**
   * A pass placed in slices (a big list, visible episodes first): `begin`, then `add` for each
   * slice, then `end` with every episode in page order (hosts none claimed are removed then).
   */
  begin(lazy: boolean): void;
  add(batch: readonly FoundEpisode[], onScreen?: boolean): void;
  end(found: readonly FoundEpisode[]): void;
  /** Every source host placed by the last read, episode by episode. */
  sourceHosts(): readonly HTMLElement[];
  /**
   * Places the episode next to `from`'s (in `step`'s direction; the first or last episode with
   * no `from`) when it waits unplaced, so `j`/`k` reach sources never on screen. Nothing when
   * `to`, the placed host the move would go to, is in `from`'s own episode. Answers whether it
   * placed one.
   */
  reach(from: HTMLElement | null, step: 1 | -1, to?: HTMLElement | null): boolean;
  /** Runs the key `action` for the source in `host` (or its episode); whether it did something. */
  perform(action: HostAction, host: HTMLElement | null): boolean;
  /** Closes any panel an episode bar opened (Esc); whether one was open. */
  closePanels(): boolean;
  /** Stops everything and removes every host. */
  stop(): void;
}

/** What the features need of their owner besides the {@link Page}. */
export interface AnnotatorHooks {
  /** Reads the page again (in slices on a big list); by default the last read is placed again. */
  reread?: () => void;
  /** Called after the annotator's own writes outside a read (an episode placed as it comes near). */
  afterWrites?: () => void;
}

/** The features of a page, made once the annotator's {@link Page} exists. */
export type FeatureSet = (
  page: Page,
  annotator: { reread(): void; placing(): boolean },
) => Feature[];

/** One table from the features' parts; an action two features claim is a mistake. */
export function registry<F>(
  parts: readonly (Partial<Record<string, F>> | undefined)[],
): Map<string, F> {
  const table = new Map<string, F>();
  for (const part of parts) {
    for (const [name, run] of Object.entries(part ?? {})) {
      if (table.has(name)) throw new Error(`Citecast: two features answer "${name}"`);
      if (run) table.set(name, run);
    }
  }
  return table;
}
