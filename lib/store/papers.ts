/**
 * The library of papers: save and unsave, read state, tags and note, "is it saved?" for a whole
 * page at once, and the newest saved papers. Every write stamps the fields it changes.
 */
import type { SavableSource } from '@/lib/core/paper';
import type { Store } from '@/lib/store/db';
import { applyChanges, sameValue, stampNew } from '@/lib/store/fields';
import { paperKey } from '@/lib/core/keys';
import { editSet, joinLists, PAPER_MERGE_RULES } from '@/lib/store/merge';
import { PAPER_FIELDS, type PaperRecord, type SavedMoment } from '@/lib/store/schema';
import type { ReadState } from '@/lib/core/paper';

export { PAPER_MERGE_RULES };

/**
 * The paper record a source would be saved as, without saving it (for a BibTeX entry of an
 * unsaved source); `null` when it has no arXiv id, DOI or title to key it by.
 */
export function sourceAsPaper(source: SavableSource, now: number): PaperRecord | null {
  const key = paperKey(source);
  if (!key) return null;
  return stampNew<PaperRecord>(
    {
      key,
      title: source.title,
      authors: [...source.authors],
      year: source.year,
      arxivId: source.arxivId,
      doi: source.doi,
      urls: source.url ? [source.url] : [],
      pdfUrl: source.pdfUrl,
      savedAt: null,
      savedFrom: null,
      readState: 'unread',
      tags: [],
      note: '',
    },
    PAPER_FIELDS,
    now,
  );
}

/** The paper stored under `key`, saved or not, or `null`. */
export async function getPaper(store: Store, key: string): Promise<PaperRecord | null> {
  return (await store.db.get('papers', key)) ?? null;
}

/**
 * Saves the paper a source cites, from the episode `episodeKey` (or `null` when unknown).
 * A paper saved before (even if unsaved since) keeps its tags, note and read state, and gains
 * the source's address and any details it lacked; one already saved keeps its saved date.
 * Returns `null` when the source has no arXiv id, DOI or title to key it by. `moment` (the
 * episode playing and its position) is kept when the paper becomes saved, like `savedFrom`.
 */
export async function savePaper(
  store: Store,
  source: SavableSource,
  episodeKey: string | null,
  moment: SavedMoment | null = null,
): Promise<PaperRecord | null> {
  const key = paperKey(source);
  if (!key) return null;
  const now = store.now();
  const urls = source.url ? [source.url] : [];
  const tx = store.db.transaction('papers', 'readwrite');
  const existing = await tx.store.get(key);
  let record: PaperRecord;
  if (!existing) {
    // Stamped at `now` like every other field by sourceAsPaper.
    record = { ...sourceAsPaper(source, now)!, savedAt: now, savedFrom: episodeKey };
    if (moment) {
      record.savedMoment = { ...moment };
      record.modified.savedMoment = now;
    }
  } else {
    record = applyChanges(
      existing,
      {
        title: existing.title ?? source.title,
        authors: existing.authors.length > 0 ? existing.authors : [...source.authors],
        year: existing.year ?? source.year,
        arxivId: existing.arxivId ?? source.arxivId,
        doi: existing.doi ?? source.doi,
        urls: joinLists(existing.urls, urls),
        pdfUrl: existing.pdfUrl ?? source.pdfUrl,
        savedAt: existing.savedAt ?? now,
        savedFrom:
          existing.savedAt === null ? (episodeKey ?? existing.savedFrom) : existing.savedFrom,
        savedMoment: existing.savedAt === null && moment ? { ...moment } : existing.savedMoment,
      },
      now,
    );
  }
  if (record !== existing) await tx.store.put(record);
  await tx.done;
  return record;
}

/** Runs `change` on the paper `key` in one transaction and stores the result if it differs. */
async function updatePaper(
  store: Store,
  key: string,
  change: (paper: PaperRecord, now: number) => PaperRecord,
): Promise<PaperRecord | null> {
  const tx = store.db.transaction('papers', 'readwrite');
  const existing = await tx.store.get(key);
  if (!existing) {
    await tx.done;
    return null;
  }
  const record = change(existing, store.now());
  if (record !== existing) await tx.store.put(record);
  await tx.done;
  return record;
}

/**
 * Unsaves a paper. The record stays, with `savedAt: null`, so its tags and note come back if it
 * is saved again and a merge cannot bring an old saved copy back. `null` when there is no such paper.
 */
export function unsavePaper(store: Store, key: string): Promise<PaperRecord | null> {
  return updatePaper(store, key, (paper, now) => applyChanges(paper, { savedAt: null }, now));
}

/** Sets a paper's read state; `null` when there is no such paper. */
export function setReadState(
  store: Store,
  key: string,
  readState: ReadState,
): Promise<PaperRecord | null> {
  return updatePaper(store, key, (paper, now) => applyChanges(paper, { readState }, now));
}

/** Tags as stored: trimmed, without empty ones or repeats, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  return joinLists(
    [],
    tags.map((t) => t.trim()).filter((t) => t !== ''),
  );
}

/**
 * Replaces a paper's tags with `tags`, as given: an imported tag with spaces at its ends, or `ML`
 * beside `ml`, is the user's and stays as it came (the request's check refuses empty or
 * repeated tags, and more or longer ones than the limits). `null` when there is no such paper.
 * Each tag added or removed keeps when, so a restore or another copy's edits merge tag by tag.
 */
export function setTags(
  store: Store,
  key: string,
  tags: readonly string[],
): Promise<PaperRecord | null> {
  const next = [...tags];
  return updatePaper(store, key, (paper, now) => {
    if (sameValue(paper.tags, next)) return paper;
    const { tagTimes } = editSet(paper, next, now, PAPER_MERGE_RULES.set!) as {
      tagTimes?: PaperRecord['tagTimes'];
    };
    const { tagTimes: _old, ...rest } = applyChanges(paper, { tags: next }, now);
    return tagTimes ? { ...rest, tagTimes } : rest;
  });
}

/** Replaces a paper's note; `null` when there is no such paper. */
export function setNote(store: Store, key: string, note: string): Promise<PaperRecord | null> {
  return updatePaper(store, key, (paper, now) => applyChanges(paper, { note }, now));
}

/**
 * Whether each of `keys` is a saved paper, read in one transaction (for the hundreds of sources
 * on a page). Every key given is in the answer.
 */
export async function isSaved(
  store: Store,
  keys: readonly string[],
): Promise<Map<string, boolean>> {
  const tx = store.db.transaction('papers', 'readonly');
  const unique = [...new Set(keys)];
  const papers = await Promise.all(unique.map((key) => tx.store.get(key)));
  await tx.done;
  return new Map(unique.map((key, i) => [key, papers[i]?.savedAt != null]));
}

/** The saved papers, newest first, at most `limit` of them (read from the saved-date index). */
export async function recentPapers(store: Store, limit = 50): Promise<PaperRecord[]> {
  const out: PaperRecord[] = [];
  if (limit <= 0) return out;
  const tx = store.db.transaction('papers', 'readonly');
  let cursor = await tx.store.index('bySavedAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}

/** The saved papers with tag `tag`, newest first. */
export async function papersWithTag(store: Store, tag: string): Promise<PaperRecord[]> {
  const papers = await store.db.getAllFromIndex('papers', 'byTag', tag);
  return papers
    .filter((p) => p.savedAt !== null)
    .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0));
}
