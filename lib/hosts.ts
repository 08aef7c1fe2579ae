/** The show's name, as the hosts' pages write it. */
export const SHOW_NAME = 'AI Post Transformers';

/** The show's name in the hosts' addresses (`/shows/ai-post-transformers`, `/podcast/…/id…`). */
const SHOW_SLUG = 'ai-post-transformers';

/**
 * The pages Citecast works on. The content script matches only these; nothing else gets it.
 *
 * - `podcast.do-not-panic.com`: the show's own site (episode pages, month archives, home page).
 * - `podimo.com`: Podimo's web player (`podimo.com/{country}/shows/…`).
 * - `open.spotify.com`: Spotify's web player.
 * - `podcasts.apple.com`: Apple Podcasts on the web, the show's pages only
 *   (`/{cc}/podcast/ai-post-transformers/id…`).
 *
 * Podimo and Spotify are single-page apps: the script loads on any of their pages to follow the
 * in-page navigation to the show's, and stays dormant until then ({@link isShowPage}).
 */
export const SUPPORTED_MATCHES = [
  'https://podcast.do-not-panic.com/*',
  'https://podimo.com/*',
  'https://*.podimo.com/*',
  'https://open.spotify.com/*',
  `https://podcasts.apple.com/*/podcast/${SHOW_SLUG}/*`,
] as const;

/**
 * Whether the page at `url`, titled `title`, is one of the show's, where the automatic content
 * script may read, annotate and record. The show's own site always is; on a host, the page's
 * title names the show, and where the host's address names a show (Podimo's `/shows/…`, Apple's
 * `/podcast/…`) it is this one. Any other address (a page read at the user's request) is left to the user.
 */
export function isShowPage(url: string, title: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  const path = parsed.pathname.toLowerCase().split('/');
  const named = title.includes(SHOW_NAME);
  if (host === 'podcast.do-not-panic.com') return true;
  if (host === 'podimo.com' || host.endsWith('.podimo.com')) {
    // A show page's address names its show; an episode page's (`/episode/{id}`) names none.
    const shows = path.indexOf('shows');
    return named && (shows < 0 || path[shows + 1] === SHOW_SLUG);
  }
  if (host === 'podcasts.apple.com') {
    return named && path.some((part, i) => part === 'podcast' && path[i + 1] === SHOW_SLUG);
  }
  if (host === 'open.spotify.com') return named;
  return true;
}

/** Whether `url` is on one of the {@link SUPPORTED_MATCHES} hosts (https only). */
export function isSupportedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  return (
    host === 'podcast.do-not-panic.com' ||
    host === 'podimo.com' ||
    host.endsWith('.podimo.com') ||
    host === 'open.spotify.com' ||
    host === 'podcasts.apple.com'
  );
}
