/**
 * Full-text search over the saved papers with MiniSearch: title, authors, tags, note and the
 * titles of the episodes citing each paper. Prefix matching on every word of two letters or more
 * and a little fuzziness on words of five or more (one typo), so results follow the search field
 * as the user types (`memo arch` finds "Memory Architectures"). Every word must match somewhere
 * (AND). A one-letter last word is taken as still being typed and left out.
 *
 * The index is plain memory: the background builds it from the store (lib/store/library-cache.ts)
 * and keeps it up to date with {@link PaperSearch.set} and {@link PaperSearch.remove}.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { foldText, type ParsedQuery } from '@/lib/search/query';

export {
  foldTag,
  foldText,
  hasText,
  parseQuery,
  yearInRange,
  type ParsedQuery,
} from '@/lib/search/query';

/** What the index knows of one saved paper. */
export interface PaperDocument {
  /** The paper's key. */
  key: string;
  title: string;
  /** Author names, space-separated. */
  authors: string;
  tags: string;
  note: string;
  /** Titles of the episodes citing it, one per line. */
  episodes: string;
}

const FIELDS = ['title', 'authors', 'tags', 'note', 'episodes'] as const;

/** MiniSearch's default tokenizer's separators: white space and punctuation. */
const SEPARATORS = /[\n\r\p{Z}\p{P}]+/u;

/** The search words of `text`, folded, as the index splits them. */
export function searchTerms(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map(foldText)
    .filter((t) => t !== '');
}

const BASE_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  // Every word of two letters or more may be the start of a longer one: the field searches as
  // it is typed.
  prefix: (term) => term.length >= 2,
  // One typo in five letters, none in short words (they would match too much).
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  weights: { prefix: 0.5, fuzzy: 0.3 },
  boost: { title: 3, authors: 2, tags: 2, episodes: 1, note: 1 },
};

/** The saved papers' search index. */
export class PaperSearch {
  private readonly index: MiniSearch<PaperDocument>;
  private readonly documents = new Map<string, PaperDocument>();

  constructor(documents: Iterable<PaperDocument> = []) {
    this.index = new MiniSearch<PaperDocument>({
      idField: 'key',
      fields: [...FIELDS],
      processTerm: (term) => foldText(term) || null,
      searchOptions: BASE_OPTIONS,
    });
    const all = [...documents];
    for (const doc of all) this.documents.set(doc.key, doc);
    this.index.addAll(all);
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.documents.size;
  }

  /** Adds a paper, or replaces what the index knows of it. */
  set(doc: PaperDocument): void {
    if (this.documents.has(doc.key)) this.index.replace(doc);
    else this.index.add(doc);
    this.documents.set(doc.key, doc);
  }

  /** Removes a paper (no-op when it is not indexed). */
  remove(key: string): void {
    if (!this.documents.has(key)) return;
    this.index.discard(key);
    this.documents.delete(key);
  }

  /** Whether the paper `key` is indexed. */
  has(key: string): boolean {
    return this.documents.has(key);
  }

  /**
   * The papers matching the text of `query` (free words, phrases, `ep:` words and phrases) with
   * a relevance score, higher is better. `null` when the query has no text (every paper fits).
   */
  search(query: ParsedQuery): Map<string, number> | null {
    const words = query.words.flatMap(searchTerms);
    const episodeWords = query.episodeWords.flatMap(searchTerms);
    // A last word of one letter is still being typed ("sparse c"): it is left out until it has
    // two, rather than matching every word starting with that letter (slow, and not yet meant).
    const typing = (terms: string[]) => terms.length > 0 && terms.at(-1)!.length === 1;
    const stillTyping = typing(words) || typing(episodeWords);
    if (typing(words)) words.pop();
    if (typing(episodeWords)) episodeWords.pop();
    const free = [...words, ...query.phrases.flatMap(searchTerms)];
    const episode = [...episodeWords, ...query.episodePhrases.flatMap(searchTerms)];
    const hasPhrases = query.phrases.length > 0 || query.episodePhrases.length > 0;
    if (free.length === 0 && episode.length === 0) {
      if (hasPhrases) return new Map();
      if (stillTyping) return null;
      // Text made only of punctuation matches nothing rather than everything.
      return query.words.length > 0 || query.episodeWords.length > 0 ? new Map() : null;
    }
    let scores: Map<string, number> | null = null;
    if (free.length > 0) scores = this.run(free.join(' '), {});
    if (episode.length > 0) {
      const inEpisodes = this.run(episode.join(' '), { fields: ['episodes'] });
      scores = scores ? intersect(scores, inEpisodes) : inEpisodes;
    }
    if (hasPhrases) {
      const phrases = query.phrases.map(foldPhrase);
      const episodePhrases = query.episodePhrases.map(foldPhrase);
      for (const key of [...scores!.keys()]) {
        const doc = this.documents.get(key)!;
        // Phrases match within one line (one title, one episode title), never across two.
        const all = FIELDS.flatMap((f) => doc[f].split('\n')).map(foldPhrase);
        const episodes = doc.episodes.split('\n').map(foldPhrase);
        const fits =
          phrases.every((p) => all.some((line) => line.includes(p))) &&
          episodePhrases.every((p) => episodes.some((line) => line.includes(p)));
        if (!fits) scores!.delete(key);
      }
    }
    return scores!;
  }

  /** One MiniSearch query as key → score. */
  private run(text: string, options: SearchOptions): Map<string, number> {
    const out = new Map<string, number>();
    for (const hit of this.index.search(text, options)) out.set(hit.id as string, hit.score);
    return out;
  }
}

/** Keys in both maps, with their scores summed. */
function intersect(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, score] of a) {
    const other = b.get(key);
    if (other !== undefined) out.set(key, score + other);
  }
  return out;
}

/** Text folded for phrase matching: folded words joined by single spaces. */
function foldPhrase(text: string): string {
  return searchTerms(text).join(' ');
}
