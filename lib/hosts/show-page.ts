/**
 * Whether a page is the show's own: only such a page may say which episode an mp3 or
 * visualization stem names (its title, date and source list). Any other page that mentions a
 * stem (a third party's description on Spotify linking to "…/viz/{stem}.html", a blog post read
 * on request) only fills gaps (the store's `onlyFill`).
 *
 * A page is the show's when it is on the show's site, or on a podcast host and it shows, as the
 * host shows a show, that it is this show's: a link to the host's page of a show whose visible
 * text is the show's name (the "by …" link of an episode page), or, on the show's own page on
 * the host, a main heading that is the show's name. Where the page's address carries a show id
 * (Apple's `id…`, Spotify's `/show/…`, Podimo's `/shows/…`), the named link must lead to that
 * same show. A description's text cannot pass: hosts show a description's links as their
 * addresses, never as a show's name.
 */
import { isSupportedUrl, siteAt } from '@/lib/hosts/index';
import { parseUrl, type Host } from '@/lib/hosts/host';
import { SHOW_HOST, SHOW_NAME } from '@/lib/sites';

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
 * The show id an address on a podcast host carries, with its host's first hostname
 * (`podimo.com:ai-post-…`), or `null`: as the host reads it ({@link Host.showId}).
 */
export function showIdOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const site: Host | undefined = siteAt(parsed.hostname.replace(/^www\./, ''));
  const id = site?.showId?.(parsed.pathname);
  return site && id ? `${site.hostnames[0]}:${id}` : null;
}

/** Whether the page `facts` describe is the show's own (see the module comment). */
export function speaksForShow(facts: PageFacts): boolean {
  const page = parseUrl(facts.url);
  if (!page) return false;
  if (page.protocol === 'https:' && page.hostname === SHOW_HOST) return true;
  if (!isSupportedUrl(facts.url)) return false;
  const name = shown(SHOW_NAME);
  const named = facts.links.flatMap((link) => {
    if (shown(link.text) !== name) return [];
    const href = parseUrl(link.href, page)?.href;
    const id = href ? showIdOf(href) : null;
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
    // A link around an image or paragraphs is a card, never the show's name: on a list page each
    // episode's card is one, and reading their text took the page's main thread tens of ms.
    links: [...doc.querySelectorAll('a[href]')]
      .filter((a) => a.querySelector('img, p, ul, ol') === null)
      .map((a) => ({
        text: a.textContent ?? '',
        href: a.getAttribute('href') ?? '',
      })),
    headings: [...doc.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
  };
}
