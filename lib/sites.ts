/**
 * The sites Citecast runs on by itself, declared without their readers: names, addresses, which
 * pages are the show's and which are one episode's. Each host of lib/hosts spreads its site's
 * declaration and adds its reader; the popup, the settings and the parser's link classifier read
 * the declarations here, so naming a site never pulls the readers and the parser in, and the
 * parser (which the readers use) still knows every site's episode pages.
 */

/** The show's name, as the hosts' pages write it. */
export const SHOW_NAME = 'AI Post Transformers';

/** The show's name in the hosts' addresses (`/shows/ai-post-transformers`, `/podcast/…/id…`). */
export const SHOW_SLUG = 'ai-post-transformers';

/** The show's own site. */
export const SHOW_HOST = 'podcast.do-not-panic.com';

/**
 * A site as the rest of the extension knows it without reading its pages: what the popup and the
 * settings name, what decides where the content script runs, and which cited links are episodes.
 */
export interface Site<Id extends string = string> {
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
  /**
   * Whether a cited link on the site, with path `path` (as written), is one episode's page, so
   * the parser reads its citation as an episode's. Absent: none is.
   */
  episodePage?(path: string, url: string): boolean;
}

/** Whether `hostname` is one of `hostnames` (`*.example.com`: any subdomain of it). */
export function onHostnames(hostname: string, hostnames: readonly string[]): boolean {
  return hostnames.some((h) =>
    h.startsWith('*.') ? hostname.endsWith(h.slice(1)) : hostname === h,
  );
}

/** The show's own site: all of its pages are the show's. */
export const showSiteInfo = {
  id: 'show',
  label: SHOW_NAME,
  address: SHOW_HOST,
  hostnames: [SHOW_HOST],
  spa: false,
  optional: false,
  episodePage: (path) => /^\/episodes\/[^/]+\/?(?:index\.html)?$/.test(path),
} satisfies Site<'show'>;

/**
 * Podimo, a single-page app. A show page's address names its show (`/shows/{slug}`), an episode
 * page's (`/episode/{id}`) names none: there the title decides.
 */
export const podimoInfo = {
  id: 'podimo',
  label: 'Podimo',
  hostnames: ['podimo.com', '*.podimo.com'],
  spa: true,
  optional: false,
  isShowPage(path, titled) {
    const shows = path.indexOf('shows');
    return titled && (shows < 0 || path[shows + 1] === SHOW_SLUG);
  },
  showId: (path) => /\/shows\/([^/]+)/.exec(path)?.[1] ?? null,
  episodePage: (path) => /\/episode\//.test(path),
} satisfies Site<'podimo'>;

/** Spotify's web player, a single-page app whose addresses name no show by name: the title decides. */
export const spotifyInfo = {
  id: 'spotify',
  label: 'Spotify',
  hostnames: ['open.spotify.com'],
  spa: true,
  optional: false,
  isShowPage: (_path, titled) => titled,
  showId: (path) => /^\/(?:[a-z-]+\/)?show\/([A-Za-z0-9]+)/.exec(path)?.[1] ?? null,
  episodePage: (path) => /^\/(?:[a-z-]+\/)?episode\//.test(path),
} satisfies Site<'spotify'>;

/** Apple Podcasts on the web, the show's pages only (`/{cc}/podcast/ai-post-transformers/id…`). */
export const appleInfo = {
  id: 'apple',
  label: 'Apple Podcasts',
  hostnames: ['podcasts.apple.com'],
  showPaths: [`/*/podcast/${SHOW_SLUG}/*`],
  spa: false,
  optional: false,
  isShowPage: (path, titled) =>
    titled && path.some((part, i) => part === 'podcast' && path[i + 1] === SHOW_SLUG),
  showId: (path) => /\/id(\d+)(?:\/|$)/.exec(path)?.[1] ?? null,
  episodePage: (_path, url) => /[?&]i=\d+/.test(url),
} satisfies Site<'apple'>;

/** The sites, in the registry's order (lib/hosts/index.ts; a registry test keeps the two equal). */
export const SITE_INFO = [showSiteInfo, podimoInfo, spotifyInfo, appleInfo] as const;

/** The settings key of a site. */
export type SiteId = (typeof SITE_INFO)[number]['id'];

/** The ids of the sites, in their order: the keys of the settings' site switches. */
export const SITE_IDS: readonly SiteId[] = SITE_INFO.map((site) => site.id);
