/**
 * The saved papers list of the popup and the library: search, filter, sort and page over the
 * background's copy of the library (library-cache.ts), with each paper's cited-in counts and the
 * tag and year facets. Pure functions of a {@link LibraryState}: no store access here.
 */
import { foldTag, hasText, parseQuery, yearInRange } from '@/lib/search/index';
import type { PaperPage, PaperQuery, PaperSort, PaperView } from '@/lib/store/library/types';
import type { LibraryState } from '@/lib/store/library-cache';
import type { PaperRecord } from '@/lib/store/schema';
import type { ReadState } from '@/lib/core/paper';

/** Read states in their list order: unread, then reading, then read. */
const READ_ORDER: Record<ReadState, number> = { unread: 0, reading: 1, read: 2 };

/** Titles compare like a person reads them: case and accents aside, numbers by value. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** How many episodes cite paper `key` and how many of those were heard. */
export function citedCounts(
  state: LibraryState,
  key: string,
): { citedIn: number; citedInHeard: number } {
  const citing = state.citedBy.get(key);
  if (!citing) return { citedIn: 0, citedInHeard: 0 };
  let heard = 0;
  for (const episodeKey of citing) {
    if (state.listens.get(episodeKey)?.state === 'heard') heard++;
  }
  return { citedIn: citing.size, citedInHeard: heard };
}

/** A saved paper with its cited-in counts. */
export function paperView(state: LibraryState, paper: PaperRecord): PaperView {
  return { paper, ...citedCounts(state, paper.key) };
}

/** A candidate row while sorting: the paper, its relevance, its counts when needed. */
interface Row {
  paper: PaperRecord;
  score: number;
  cited: { citedIn: number; citedInHeard: number } | null;
}

/** Newer saved first; the last tie-break is the key, so every order is total and stable. */
function bySavedDesc(a: Row, b: Row): number {
  const d = (b.paper.savedAt ?? 0) - (a.paper.savedAt ?? 0);
  if (d !== 0) return d;
  return a.paper.key < b.paper.key ? -1 : a.paper.key > b.paper.key ? 1 : 0;
}

/**
 * The comparator of `sort` in `direction`. Missing titles and years go last in either
 * direction; ties fall back to newest saved first. `relevance` is always best first (its
 * direction is ignored); without search text it is the saved order.
 */
function comparator(
  sort: PaperSort,
  direction: 'asc' | 'desc',
  state: LibraryState,
): (a: Row, b: Row) => number {
  const sign = direction === 'asc' ? 1 : -1;
  switch (sort) {
    case 'saved':
      return (a, b) => -sign * bySavedDesc(a, b);
    case 'title':
      return (a, b) => {
        const ta = a.paper.title;
        const tb = b.paper.title;
        if (ta === null || tb === null) {
          if (ta !== tb) return ta === null ? 1 : -1;
          return bySavedDesc(a, b);
        }
        return sign * collator.compare(ta, tb) || bySavedDesc(a, b);
      };
    case 'year':
      return (a, b) => {
        const ya = a.paper.year;
        const yb = b.paper.year;
        if (ya === null || yb === null) {
          if (ya !== yb) return ya === null ? 1 : -1;
          return bySavedDesc(a, b);
        }
        return sign * (ya - yb) || bySavedDesc(a, b);
      };
    case 'read':
      return (a, b) =>
        sign * (READ_ORDER[a.paper.readState] - READ_ORDER[b.paper.readState]) || bySavedDesc(a, b);
    case 'cited':
      return (a, b) => {
        a.cited ??= citedCounts(state, a.paper.key);
        b.cited ??= citedCounts(state, b.paper.key);
        return (
          sign * (a.cited.citedIn - b.cited.citedIn) ||
          sign * (a.cited.citedInHeard - b.cited.citedInHeard) ||
          bySavedDesc(a, b)
        );
      };
    case 'relevance':
      return (a, b) => b.score - a.score || bySavedDesc(a, b);
  }
}

/** The tag and year facets of every saved paper, cached per library version. */
const facetCache = new WeakMap<LibraryState, { version: number; facets: Facets }>();

type Facets = Pick<PaperPage, 'tags' | 'years'>;

/** Every tag with its count (most used first, then by name) and every year (newest first). */
export function facets(state: LibraryState): Facets {
  const cached = facetCache.get(state);
  if (cached && cached.version === state.version) return cached.facets;
  const tagCounts = new Map<string, number>();
  const years = new Set<number>();
  for (const paper of state.papers.values()) {
    for (const tag of paper.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    if (paper.year !== null) years.add(paper.year);
  }
  const result: Facets = {
    tags: [...tagCounts]
      .map(([tag, count]) => ({ tag, count }))
      .sort(
        (a, b) => b.count - a.count || collator.compare(a.tag, b.tag) || (a.tag < b.tag ? -1 : 1),
      ),
    years: [...years].sort((a, b) => b - a),
  };
  facetCache.set(state, { version: state.version, facets: result });
  return result;
}

/**
 * One page of the saved papers for `query` (see {@link PaperQuery}): the search text with its
 * operators, and the `tag`, `readState`, `year` and `episodeKey` filters, all of which must
 * hold; sorted by `sort` and `direction`; `total` counts every match.
 */
export function queryPapers(state: LibraryState, query: PaperQuery): PaperPage {
  const parsed = parseQuery(query.text);
  const scores = hasText(parsed) ? state.search().search(parsed) : null;
  const tags = [...parsed.tags, ...(query.tag !== null ? [query.tag] : [])].map(foldTag);
  const years = [...parsed.years];
  if (query.year !== null) years.push({ min: query.year, max: query.year });
  const readStates = parsed.readStates;
  const cited = query.episodeKey !== null ? (state.cites.get(query.episodeKey) ?? new Set()) : null;

  const rows: Row[] = [];
  const consider = (paper: PaperRecord, score: number) => {
    if (cited && !cited.has(paper.key)) return;
    if (query.readState !== null && paper.readState !== query.readState) return;
    if (query.heard) {
      const { citedIn, citedInHeard } = citedCounts(state, paper.key);
      if (query.heard === 'heard' ? citedInHeard === 0 : citedIn - citedInHeard === 0) return;
    }
    if (readStates.length > 0 && !readStates.includes(paper.readState)) return;
    if (years.some((range) => !yearInRange(paper.year, range))) return;
    if (tags.length > 0) {
      const own = paper.tags.map(foldTag);
      if (tags.some((t) => !own.includes(t))) return;
    }
    rows.push({ paper, score, cited: null });
  };
  if (scores) {
    for (const [key, score] of scores) {
      const paper = state.papers.get(key);
      if (paper) consider(paper, score);
    }
  } else if (cited) {
    for (const key of cited) {
      const paper = state.papers.get(key);
      if (paper) consider(paper, 0);
    }
  } else {
    for (const paper of state.papers.values()) consider(paper, 0);
  }

  const sort: PaperSort = query.sort === 'relevance' && !scores ? 'saved' : query.sort;
  const direction = query.sort === 'relevance' && !scores ? 'desc' : query.direction;
  const compare = comparator(sort, direction, state);
  const end = query.offset + query.limit;
  const page =
    // The first page of the default order needs only a partial selection, not a full sort.
    end <= 200 && rows.length > 4 * end ? topRows(rows, end, compare) : rows.sort(compare);
  return {
    total: rows.length,
    rows: page.slice(query.offset, end).map((row) => ({
      paper: row.paper,
      ...(row.cited ?? citedCounts(state, row.paper.key)),
    })),
    ...facets(state),
  };
}

/** The first `n` rows of `rows` in the order of `compare` (a bounded insertion selection). */
function topRows(rows: readonly Row[], n: number, compare: (a: Row, b: Row) => number): Row[] {
  const top: Row[] = [];
  for (const row of rows) {
    if (top.length === n && compare(row, top[n - 1]!) >= 0) continue;
    // Binary search for the insertion point keeps each step O(log n) comparisons.
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(row, top[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, row);
    if (top.length > n) top.pop();
  }
  return top;
}
