/**
 * Deciding whether an arXiv entry is the paper a title-only source cites. Both titles are folded
 * the way the store folds them (`normaliseTitle`: accents, case, punctuation), then compared word
 * by word. Only a strong match is ever accepted; a weak one is offered to the user and never
 * taken silently.
 */
import { normaliseTitle } from '@/lib/core/keys';

/** At or above this score, and with no other veto, a match is accepted. */
export const STRONG_SCORE = 0.95;
/** At or above this score (and below strong) a candidate is offered as "maybe". */
export const WEAK_SCORE = 0.6;

/** What a comparison concluded. */
export type MatchLevel = 'strong' | 'weak' | 'none';

/** A candidate's score against a source. */
export interface MatchScore {
  /** 0–1: 1 for the same folded title. Shown to the user as a percentage. */
  score: number;
  level: MatchLevel;
}

/** What a source brings to the comparison. */
export interface MatchQuery {
  title: string;
  /** Person names as the citation lists them (may be empty). */
  authors?: readonly string[];
}

/** What a candidate brings to the comparison. */
export interface MatchCandidate {
  title: string;
  authors: readonly string[];
}

/** Two words are the same word, or one typo apart in a long word (`tranformer`/`transformer`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  return withinOneEdit(a, b);
}

/** Whether `a` becomes `b` with at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * The longest common subsequence of two word lists, words compared with {@link sameWord}, and
 * how many of its pairs were typos. Titles are short (capped at 64 words), so the quadratic
 * table stays small.
 */
function alignWords(
  a: readonly string[],
  b: readonly string[],
): { matched: number; typos: number } {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const length = new Uint16Array(rows * cols);
  const typos = new Uint16Array(rows * cols);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const down = (i + 1) * cols + j;
      const right = i * cols + j + 1;
      // More matched words first, then fewer typos among them.
      let bestLength = length[down]!;
      let bestTypos = typos[down]!;
      if (
        length[right]! > bestLength ||
        (length[right] === bestLength && typos[right]! < bestTypos)
      ) {
        bestLength = length[right]!;
        bestTypos = typos[right]!;
      }
      if (sameWord(a[i]!, b[j]!)) {
        const diagonal = (i + 1) * cols + j + 1;
        const viaLength = length[diagonal]! + 1;
        const viaTypos = typos[diagonal]! + (a[i] === b[j] ? 0 : 1);
        if (viaLength > bestLength || (viaLength === bestLength && viaTypos < bestTypos)) {
          bestLength = viaLength;
          bestTypos = viaTypos;
        }
      }
      length[i * cols + j] = bestLength;
      typos[i * cols + j] = bestTypos;
    }
  }
  return { matched: length[0]!, typos: typos[0]! };
}

const MAX_WORDS = 64;

function words(title: string): string[] {
  const folded = normaliseTitle(title);
  return folded === '' ? [] : folded.split(' ').slice(0, MAX_WORDS);
}

/** A person's family name, folded: the last word of the name (`Yang, X.` → `yang`). */
function familyName(name: string): string {
  const folded = normaliseTitle(name.includes(',') ? name.split(',')[0]! : name);
  const parts = folded.split(' ').filter((p) => p.length > 1);
  return parts[parts.length - 1] ?? '';
}

/** Whether two author lists share a family name (`true` when either list is empty: no evidence). */
function authorsAgree(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length === 0 || b.length === 0) return true;
  const family = new Set(b.map(familyName).filter(Boolean));
  return a.some((name) => family.has(familyName(name)));
}

/**
 * Scores `candidate` against `query`. The score is the Dice coefficient of the two titles' word
 * lists aligned in order (a typo in a long word counts as nine tenths of a word), so 1 means the
 * same folded title. Titles that differ only in spacing (`KV-Cache` / `KVCache`) score 0.99.
 *
 * Why the strong level needs more than a high score: a word added or dropped can flip a title's
 * meaning while keeping the score high in a long title ("… is *not* all you need"). A match is
 * strong only when no word is added or dropped (at most one typo per eight words), and when the
 * citation's authors, if it names any, share a family name with the entry's.
 */
export function scoreMatch(query: MatchQuery, candidate: MatchCandidate): MatchScore {
  const a = words(query.title);
  const b = words(candidate.title);
  if (a.length === 0 || b.length === 0) return { score: 0, level: 'none' };
  let score: number;
  let sameWords: boolean;
  if (a.join(' ') === b.join(' ')) {
    score = 1;
    sameWords = true;
  } else if (a.join('') === b.join('')) {
    score = 0.99;
    sameWords = true;
  } else {
    const { matched, typos } = alignWords(a, b);
    score = (2 * (matched - typos * 0.1)) / (a.length + b.length);
    sameWords = matched === a.length && matched === b.length && typos <= Math.max(1, a.length / 8);
  }
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  let level: MatchLevel = score >= WEAK_SCORE ? 'weak' : 'none';
  if (score >= STRONG_SCORE && sameWords && authorsAgree(query.authors, candidate.authors)) {
    level = 'strong';
  }
  return { score, level };
}

/** The best candidate for a source and how sure the choice is. */
export interface BestMatch<C extends MatchCandidate> {
  candidate: C;
  score: number;
  /**
   * `strong`: accept it; `weak`: offer it, never accept it silently (also when two different
   * papers match equally well); `none`: nothing close enough.
   */
  level: MatchLevel;
}

/**
 * The best of `candidates` for `query` (the highest score; the first on a tie), or `null` when
 * there is none. Two different papers both strong is ambiguous (arXiv holds papers with the
 * same title): the best is then only offered, as weak.
 */
export function bestMatch<C extends MatchCandidate & { arxivId: string }>(
  query: MatchQuery,
  candidates: readonly C[],
): BestMatch<C> | null {
  let best: BestMatch<C> | null = null;
  const strongIds = new Set<string>();
  for (const candidate of candidates) {
    const { score, level } = scoreMatch(query, candidate);
    if (level === 'strong') strongIds.add(candidate.arxivId);
    if (!best || score > best.score) best = { candidate, score, level };
  }
  if (!best || best.level === 'none') return best;
  if (best.level === 'strong' && strongIds.size > 1) return { ...best, level: 'weak' };
  return best;
}
