/**
 * Citation keys for BibTeX (and ids for RIS and CSL-JSON): the first author's family name, the
 * year and the first word of the title that says something, folded to ASCII lower case
 * (`vaswani2017attention`). Papers with the same key get `b`, `c`, … in the order of their
 * store keys, so a paper keeps its citation key from one export to the next.
 */
import type { PaperRecord } from '@/lib/store/schema';
import { familyName } from '@/lib/export/names';

// Title words too common to tell papers apart.
const SKIPPED_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'is']);

/** `text` folded to ASCII lower-case letters and digits. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The citation key a paper would have on its own (before repeats are told apart). */
export function baseCitationKey(paper: Pick<PaperRecord, 'authors' | 'year' | 'title'>): string {
  const author = paper.authors[0] ? fold(familyName(paper.authors[0])) : '';
  const word =
    (paper.title ?? '')
      .split(/[\s\-–—:]+/)
      .map(fold)
      .find((w) => w !== '' && !SKIPPED_WORDS.has(w)) ?? '';
  return `${author || 'anon'}${paper.year ?? 'nd'}${word}`;
}

/** The letters told-apart repeats get: `b` … `z`, then `27`, `28`, …. */
function repeatSuffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : String(n + 1);
}

/**
 * Citation keys for `papers`, by store key: `baseCitationKey`, with `b`, `c`, … appended to
 * repeats in the order of the papers' store keys (not the order given), so keys are stable.
 */
export function citationKeys(
  papers: readonly Pick<PaperRecord, 'key' | 'authors' | 'year' | 'title'>[],
): Map<string, string> {
  const sorted = [...papers].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const paper of sorted) {
    const base = baseCitationKey(paper);
    let key = base;
    for (let n = 1; used.has(key); n++) key = `${base}${repeatSuffix(n)}`;
    used.add(key);
    out.set(paper.key, key);
  }
  return out;
}
