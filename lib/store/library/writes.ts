/**
 * The library page's writes: unsaving many papers with undo, setting when an episode was heard,
 * and deleting one entry of the listening log. Each is one transaction and stamps the fields it
 * changes, like every other write (fields.ts).
 */
import { remember } from '@/lib/store/tombstones';
import { checkPaper } from '@/lib/store/backup/check';
import type { Store } from '@/lib/store/db';
import { applyChanges } from '@/lib/store/fields';
import { newListen } from '@/lib/store/listens';
import type { ListenRecord, PaperRecord } from '@/lib/store/schema';

/**
 * Unsaves the papers `keys` in one transaction. Answers each paper that was saved as it was
 * before (for undo with {@link restorePapers}), in the order of `keys`; keys of unknown or
 * already unsaved papers are skipped.
 */
export async function unsavePapers(store: Store, keys: readonly string[]): Promise<PaperRecord[]> {
  const now = store.now();
  const unique = [...new Set(keys)];
  const tx = store.db.transaction('papers', 'readwrite');
  const papers = await Promise.all(unique.map((key) => tx.store.get(key)));
  const before: PaperRecord[] = [];
  const writes: Promise<unknown>[] = [];
  for (const paper of papers) {
    if (!paper || paper.savedAt === null) continue;
    before.push(paper);
    writes.push(tx.store.put(applyChanges(paper, { savedAt: null }, now)));
  }
  await Promise.all(writes);
  await tx.done;
  return before;
}

/** The outcome of {@link restorePapers}: the keys saved again, or why the batch was refused. */
export type RestoreResult = { ok: true; keys: string[] } | { ok: false; reason: string };

/**
 * Puts back papers as {@link unsavePapers} answered them (undo). Every record is checked like a
 * backup's paper first, and must have its saved date; if any is malformed, or a key comes twice,
 * the whole batch is refused and nothing changes. A paper whose record is gone (everything was
 * deleted meanwhile) is written back as given; one that is there gets its saved date and
 * episode back, keeping whatever else changed since (its note edited after the unsave stays).
 * A paper saved again meanwhile is left as it is. Answers the keys that became saved.
 */
export async function restorePapers(
  store: Store,
  records: readonly unknown[],
): Promise<RestoreResult> {
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const reason = checkPaper(records[i], `papers[${i}]`);
    if (reason) return { ok: false, reason };
    const paper = records[i] as PaperRecord;
    if (paper.savedAt === null) {
      return { ok: false, reason: `papers[${i}].savedAt: a paper to restore has its saved date` };
    }
    if (seen.has(paper.key))
      return { ok: false, reason: `papers[${i}]: the key ${paper.key} twice` };
    seen.add(paper.key);
  }
  const papers = records as readonly PaperRecord[];
  const now = store.now();
  const tx = store.db.transaction('papers', 'readwrite');
  const current = await Promise.all(papers.map((p) => tx.store.get(p.key)));
  const restored: string[] = [];
  const writes: Promise<unknown>[] = [];
  papers.forEach((old, i) => {
    const existing = current[i];
    if (existing && existing.savedAt !== null) return;
    const next = existing
      ? applyChanges(
          existing,
          { savedAt: old.savedAt, savedFrom: old.savedFrom, savedMoment: old.savedMoment },
          now,
        )
      : old;
    writes.push(tx.store.put(next));
    restored.push(old.key);
  });
  await Promise.all(writes);
  await tx.done;
  return { ok: true, keys: restored };
}

/** Why {@link setHeardAt} refused, or the listen it wrote. */
export type HeardAtResult =
  { ok: true; listen: ListenRecord } | { ok: false; code: 'not-found' | 'invalid'; reason: string };

/** How far in the future a heard date may be (time zones and clock skew), in ms. */
const FUTURE_SLACK = 24 * 3600 * 1000;

/**
 * Marks episode `episodeKey` heard by hand at `heardAt` (epoch ms): the same mark as the store's
 * `setHeard(…, true)` (state heard, `manual`, so playback never changes it), but with the date
 * the listener gives instead of keeping the first one. Refused for an episode the store does
 * not know, and for a date more than a day ahead.
 */
export async function setHeardAt(
  store: Store,
  episodeKey: string,
  heardAt: number,
): Promise<HeardAtResult> {
  const now = store.now();
  if (heardAt > now + FUTURE_SLACK) {
    return { ok: false, code: 'invalid', reason: 'The heard date is in the future.' };
  }
  const tx = store.db.transaction(['episodes', 'listens'], 'readwrite');
  const listens = tx.objectStore('listens');
  const [episode, existing] = await Promise.all([
    tx.objectStore('episodes').get(episodeKey),
    listens.get(episodeKey),
  ]);
  if (!episode && !existing) {
    await tx.done;
    return { ok: false, code: 'not-found', reason: 'There is no such episode in the log.' };
  }
  const listen = existing ?? newListen(episodeKey, now);
  const record = applyChanges(listen, { state: 'heard', manual: true, heardAt }, now);
  if (record !== existing) await listens.put(record);
  await tx.done;
  return { ok: true, listen: record };
}

/**
 * Deletes the listening log entry of `episodeKey` (the episode itself stays known, unheard),
 * and remembers the delete.
 * Answers whether there was one.
 */
export async function deleteListen(store: Store, episodeKey: string): Promise<boolean> {
  const tx = store.db.transaction(['listens', 'tombstones'], 'readwrite');
  const listens = tx.objectStore('listens');
  const existing = await listens.getKey(episodeKey);
  if (existing !== undefined) {
    await listens.delete(episodeKey);
    // Remembered, so restoring an older backup does not bring the entry back.
    await remember(tx.objectStore('tombstones'), 'listens', episodeKey, store.now());
  }
  await tx.done;
  return existing !== undefined;
}
