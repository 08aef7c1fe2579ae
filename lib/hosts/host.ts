/**
 * What one host declares: who it is, where its pages are, which of them are the show's, and how
 * its pages are read. Each host is one file in lib/hosts; the registry (lib/hosts/index.ts) lists
 * them, and the content script's matches, the settings' site switches, the popup's site list and
 * the settings' site names all come from these declarations.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';

/** Options every reader takes. */
export interface ReadOptions {
  /** "Today", for relative dates (`I går`, `yesterday`) and dates without a year. */
  now?: Date;
}

/** A page read in steps: what is read at once, then a list of blocks each read on its own. */
export interface ReadPlan {
  /** Episodes read at once, before the blocks (an episode view's main episode). */
  first: FoundEpisode[];
  /** The list's episode blocks, in page order. */
  blocks: Element[];
  /** Reads one of `blocks`: its episode, or `null` when it holds none. */
  readBlock(block: Element): FoundEpisode | null;
}

/** Every episode of `plan`, in page order: what reading the page at once gives. */
export function readPlanAll(plan: ReadPlan): FoundEpisode[] {
  const episodes = [...plan.first];
  for (const block of plan.blocks) {
    const episode = plan.readBlock(block);
    if (episode) episodes.push(episode);
  }
  return episodes;
}

/** One host: its identity, its addresses, and its reader. */
export interface Host<Id extends string = string> {
  /** Short name; for a site Citecast runs on by itself, also its key in the settings. */
  id: Id;
  /** The name people know the host by (the same in every language). */
  label: string;
  /** The address shown after the label in Settings, where the label names the show, not the site. */
  address?: string;
  /**
   * The hostnames whose pages are this host's (`*.` for any subdomain). A host with hostnames is a
   * site Citecast runs on by itself, over https; one without (a feed, any other page) is read only
   * when the user asks, or by `parse`.
   */
  hostnames: readonly string[];
  /**
   * The paths (match-pattern globs) where the show's pages are, when the host's addresses name
   * the show; every path otherwise. Only these get the content script, unless the host is a
   * single-page app.
   */
  showPaths?: readonly string[];
  /**
   * A single-page app: the content script loads on all of the host's pages, to follow the
   * in-page navigation to the show's, and stays dormant until then.
   */
  spa: boolean;
  /** The host's permission is asked for when the user wants it, not given at install. */
  optional: boolean;
  /**
   * Whether a page on the host, at path `path` (lower-case, split on `/`), is the show's, given
   * whether its title names the show. Absent: every page of the host is.
   */
  isShowPage?(path: string[], titled: boolean): boolean;
  /** The show id an address on the host carries (Apple's `id…`, Spotify's `/show/…`), or `null`. */
  showId?(path: string): string | null;
  /** For a host without hostnames: whether `url` is one of its addresses (a feed's `….xml`). */
  matches?(url: URL): boolean;
  /** Whether a page looks like this host's, for pages read without their address. */
  detect(document: Document): boolean;
  /** Every episode block on the page, in page order. */
  read(document: Document, url: string | null, options?: ReadOptions): FoundEpisode[];
  /**
   * The page as a plan read in steps (readers of long episode lists): the content script reads
   * the blocks a few at a time, those on screen first, so the page never freezes. `read` must
   * give exactly the episodes of {@link readPlanAll} on the same plan.
   */
  plan?(document: Document, url: string | null, options?: ReadOptions): ReadPlan;
}

/**
 * A site as the rest of the extension knows it without reading its pages: what the popup and the
 * settings name, and what decides where the content script runs. Kept apart from the readers so
 * that naming a site never pulls the readers and the parser into a page's bundle.
 */
export type Site<Id extends string = string> = Omit<Host<Id>, 'detect' | 'read' | 'plan'>;

/** Whether `hostname` is one of `hostnames` (`*.example.com`: any subdomain of it). */
export function onHostnames(hostname: string, hostnames: readonly string[]): boolean {
  return hostnames.some((h) =>
    h.startsWith('*.') ? hostname.endsWith(h.slice(1)) : hostname === h,
  );
}

/** `url` (resolved against `base` when given) as a URL, or `null` when it is none. */
export function parseUrl(url: string, base?: string | URL): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}
