/**
 * The registry of hosts: every page Citecast reads is one host's (lib/hosts/<host>.ts). The
 * automatic content script's matches, which page is the show's and which reader reads a page
 * (lib/hosts/read/page.ts) are derived from this list; the sites' names and switches, from their
 * declarations (lib/sites.ts), which the hosts spread.
 */
import { apple } from '@/lib/hosts/apple';
import { generic } from '@/lib/hosts/generic';
import { parseUrl, type Host } from '@/lib/hosts/host';
import { podimo } from '@/lib/hosts/podimo';
import { rss } from '@/lib/hosts/rss';
import { showSite } from '@/lib/hosts/show-site';
import { spotify } from '@/lib/hosts/spotify';
import { onHostnames, SHOW_NAME, type SiteId } from '@/lib/sites';

/** The sites Citecast runs on by itself, each of which the user can turn off in Settings. */
export const SITES = [showSite, podimo, spotify, apple] as const;

/** Every host, most specific first; the generic one, which reads any page, last. */
export const HOSTS: readonly Host[] = [...SITES, rss, generic];

/**
 * The pages the automatic content script matches; nothing else gets it. A single-page app's
 * every page (to follow its in-page navigation to the show's), else the show's paths on each
 * site whose permission is given at install.
 */
export const SUPPORTED_MATCHES: readonly string[] = SITES.flatMap((site: Host) =>
  site.optional
    ? []
    : site.hostnames.flatMap((hostname) =>
        (site.spa ? ['/*'] : (site.showPaths ?? ['/*'])).map(
          (path) => `https://${hostname}${path}`,
        ),
      ),
);

/** The site whose hostnames hold `hostname`, or `undefined`. */
export function siteAt(hostname: string): (typeof SITES)[number] | undefined {
  return SITES.find((site) => onHostnames(hostname, site.hostnames));
}

/** Which of {@link SITES} `url` (https only) belongs to, or `null` for any other page. */
export function siteOf(url: string): SiteId | null {
  const parsed = parseUrl(url);
  if (parsed?.protocol !== 'https:') return null;
  return siteAt(parsed.hostname)?.id ?? null;
}

/** Whether `url` is on one of the {@link SITES} (https only). */
export function isSupportedUrl(url: string): boolean {
  return siteOf(url) !== null;
}

/**
 * Whether the page at `url`, titled `title`, is one of the show's, where the automatic content
 * script may read, annotate and record: as its site says ({@link Host.isShowPage}), from the
 * address and whether the title names the show. Any other address (a page read at the user's
 * request) is left to the user.
 */
export function isShowPage(url: string, title: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const site: Host | undefined = siteAt(parsed.hostname);
  if (!site?.isShowPage) return true;
  return site.isShowPage(parsed.pathname.toLowerCase().split('/'), title.includes(SHOW_NAME));
}

/** Whether `url` is one of `host`'s addresses (by its hostnames, any scheme, or its own test). */
export function isHostUrl(host: Host, url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  return host.hostnames.length > 0
    ? onHostnames(parsed.hostname, host.hostnames)
    : (host.matches?.(parsed) ?? false);
}
