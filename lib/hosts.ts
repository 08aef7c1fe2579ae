/**
 * The pages Citecast works on. The content script matches only these; nothing else gets it.
 *
 * - `podcast.do-not-panic.com`: the show's own site (episode pages, month archives, home page).
 * - `podimo.com`: Podimo's web player (`podimo.com/{country}/shows/…`).
 * - `open.spotify.com`: Spotify's web player.
 * - `podcasts.apple.com`: Apple Podcasts on the web.
 */
export const SUPPORTED_MATCHES = [
  'https://podcast.do-not-panic.com/*',
  'https://podimo.com/*',
  'https://*.podimo.com/*',
  'https://open.spotify.com/*',
  'https://podcasts.apple.com/*',
] as const;

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
