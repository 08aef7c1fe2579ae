/**
 * Whether a page is the show's own: only such a page may say which episode an mp3 or
 * visualization stem names (its title, date and source list). Any other page that mentions a
 * stem (a third party's description on Spotify linking to "…/viz/{stem}.html", a blog post read
 * on request) only fills gaps (see `onlyFill` in lib/store/episodes.ts).
 *
 * A page is the show's when it is on the show's site, or on a podcast host and it shows, as the
 * host shows a show, that it is this show's: a link to the host's page of a show whose visible
 * text is the show's name (the "by …" link of an episode page), or, on the show's own page on
 * the host, a main heading that is the show's name. Where the page's address carries a show id
 * (Apple's `id…`, Spotify's `/show/…`, Podimo's `/shows/…`), the named link must lead to that
 * same show. A description's text cannot pass: hosts show a description's links as their
 * addresses, never as a show's name.
 */
import { isSupportedUrl, SHOW_NAME } from '@/lib/hosts';

/** The show's own site. */
export const SHOW_HOST = 'podcast.do-not-panic.com';

/** What the check reads of a page: its address, its links and its main headings, as shown. */
export interface PageFacts {
  url: string;
  links: readonly { text: string; href: string }[];
  headings: readonly string[];
}

/** Text as shown: whitespace runs folded, trimmed, compared without case. */
function shown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The show id an address on a podcast host carries, with its host (`podimo.com:ai-post-…`), or
 * `null`: Apple's `/id123…`, Spotify's `/show/{id}`, Podimo's `/shows/{slug}`.
 */
export function showIdOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const path = parsed.pathname;
  const id =
    host === 'podcasts.apple.com'
      ? /\/id(\d+)(?:\/|$)/.exec(path)?.[1]
      : host === 'open.spotify.com'
        ? /^\/(?:[a-z-]+\/)?show\/([A-Za-z0-9]+)/.exec(path)?.[1]
        : host === 'podimo.com' || host.endsWith('.podimo.com')
          ? /\/shows\/([^/]+)/.exec(path)?.[1]
          : undefined;
  return id ? `${host.endsWith('podimo.com') ? 'podimo.com' : host}:${id}` : null;
}

/** Whether the page `facts` describe is the show's own (see the module comment). */
export function speaksForShow(facts: PageFacts): boolean {
  let page: URL;
  try {
    page = new URL(facts.url);
  } catch {
    return false;
  }
  if (page.protocol === 'https:' && page.hostname === SHOW_HOST) return true;
  if (!isSupportedUrl(facts.url)) return false;
  const name = shown(SHOW_NAME);
  const named = facts.links.flatMap((link) => {
    if (shown(link.text) !== name) return [];
    let href: string;
    try {
      href = new URL(link.href, page).href;
    } catch {
      return [];
    }
    const id = showIdOf(href);
    return id ? [id] : [];
  });
  const own = showIdOf(facts.url);
  if (named.length > 0) return own === null || named.includes(own);
  // The show's own page on the host links to no show: its main heading names it.
  return own !== null && facts.headings.some((h) => shown(h) === name);
}

/** The facts of a document for {@link speaksForShow}: its links and main headings as shown. */
export function pageFacts(doc: Document, url: string): PageFacts {
  return {
    url,
    links: [...doc.querySelectorAll('a[href]')].map((a) => ({
      text: a.textContent ?? '',
      href: a.getAttribute('href') ?? '',
    })),
    headings: [...doc.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
  };
}
