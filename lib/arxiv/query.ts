/**
 * The addresses Citecast asks arXiv's query API for (https://info.arxiv.org/help/api/user-manual.html):
 * a title search (`ti:"…"` phrases, several joined with `OR` in one request) or an id lookup
 * (`id_list`). Only folded title words are sent: no punctuation that arXiv's query syntax would
 * read (`:`, quotes, parentheses), and nothing else about the page or the user.
 */
import { parseArxivId } from '@/lib/core/ids';
import { normaliseTitle } from '@/lib/core/keys';

/** The API endpoint; the optional host permission covers exactly this host. */
export const ARXIV_API = 'https://export.arxiv.org/api/query';

/** The origin pattern of the optional host permission. */
export const ARXIV_ORIGIN = 'https://export.arxiv.org/*';

/** Titles asked in one request. */
export const TITLES_PER_REQUEST = 5;

/** Sources one `resolveTitles` message may carry (a cache check of a page goes in such chunks). */
export const RESOLVE_LIMIT = 50;

/** Entries asked for per title in a batch (arXiv orders them by relevance). */
export const RESULTS_PER_TITLE = 5;

/** Words of a title sent: enough to find it, short enough for a sane address. */
const MAX_QUERY_WORDS = 24;

/**
 * The phrase sent for a title: its folded words (at most 24), or `null` when nothing is left
 * (a title of punctuation only).
 */
export function titlePhrase(title: string): string | null {
  const words = normaliseTitle(title).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  return words.slice(0, MAX_QUERY_WORDS).join(' ');
}

/**
 * The search address for up to {@link TITLES_PER_REQUEST} titles: `ti:"a b c" OR ti:"d e"`,
 * each title once, with room for {@link RESULTS_PER_TITLE} entries each. `null` when no title
 * has words.
 */
export function titleSearchUrl(titles: readonly string[]): string | null {
  const phrases = [
    ...new Set(titles.map(titlePhrase).filter((p): p is string => p !== null)),
  ].slice(0, TITLES_PER_REQUEST);
  if (phrases.length === 0) return null;
  const params = new URLSearchParams({
    search_query: phrases.map((p) => `ti:"${p}"`).join(' OR '),
    start: '0',
    max_results: String(phrases.length * RESULTS_PER_TITLE),
  });
  return `${ARXIV_API}?${params.toString()}`;
}

/** The lookup address of one paper by id (latest version), or `null` for a malformed id. */
export function idLookupUrl(arxivId: string): string | null {
  const ref = parseArxivId(arxivId);
  if (!ref) return null;
  const params = new URLSearchParams({ id_list: ref.id, max_results: '1' });
  return `${ARXIV_API}?${params.toString()}`;
}

/** `items` in groups of `size`, in order. */
export function batches<T>(items: readonly T[], size = TITLES_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
