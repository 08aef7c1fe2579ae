/**
 * The arXiv cache in Citecast's own IndexedDB (store `arxivCache`, schema v3): what each title
 * lookup concluded, and each paper's metadata, each with an expiry, plus the user's corrections
 * (link or unlink), which never expire and which no lookup replaces.
 *
 * Why these lifetimes: arXiv's search results change at most once a day (its manual says to
 * cache and not ask twice a day); a found paper stays found, while a title not found today may be
 * posted tomorrow, so misses expire sooner. Metadata (the latest version) is kept for a day.
 */
import type { ArxivEntry } from '@/lib/store/schema';
import type { Store } from '@/lib/store/db';
import { paperCacheKey } from '@/lib/core/keys';
import type { ArxivPaperRecord, ArxivTitleRecord } from '@/lib/store/schema';

const DAY_MS = 24 * 3600 * 1000;
/** How long a strong match is kept. */
export const RESOLVED_TTL_MS = 30 * DAY_MS;
/** How long an offered (weak) candidate is kept. */
export const WEAK_TTL_MS = 7 * DAY_MS;
/** How long "not on arXiv" is kept. */
export const MISS_TTL_MS = 3 * DAY_MS;
/** How long a paper's metadata is kept. */
export const PAPER_TTL_MS = DAY_MS;

/** Whether a cached record is still good at `now` (corrections always are). */
export function isFresh(record: { expiresAt?: number }, now: number): boolean {
  return record.expiresAt === undefined || record.expiresAt > now;
}

/** How long a lookup's outcome is kept. */
export function ttlFor(outcome: ArxivTitleRecord['outcome']): number {
  if (outcome === 'resolved') return RESOLVED_TTL_MS;
  return outcome === 'weak' ? WEAK_TTL_MS : MISS_TTL_MS;
}

/**
 * The fresh title records for `keys` (expired ones are left out, as if never looked up), read
 * in one transaction: a page's sources cost one round trip.
 */
export async function readTitles(
  store: Store,
  keys: readonly string[],
): Promise<Map<string, ArxivTitleRecord>> {
  const unique = [...new Set(keys)];
  const tx = store.db.transaction('arxivCache', 'readonly');
  const records = await Promise.all(unique.map((key) => tx.store.get(key)));
  await tx.done;
  const now = store.now();
  const out = new Map<string, ArxivTitleRecord>();
  unique.forEach((key, i) => {
    const record = records[i];
    if (record?.kind === 'title' && isFresh(record, now)) out.set(key, record);
  });
  return out;
}

/** What a lookup concluded for one title. */
export interface TitleOutcome {
  key: string;
  outcome: ArxivTitleRecord['outcome'];
  confidence: number;
  entry: ArxivEntry | null;
}

/**
 * Stores lookup outcomes, each with its expiry, in one transaction. A user's correction for the
 * same title stays: a lookup never overrides the user. Returns the records now stored.
 */
export async function writeTitles(
  store: Store,
  outcomes: readonly TitleOutcome[],
): Promise<ArxivTitleRecord[]> {
  const now = store.now();
  const tx = store.db.transaction('arxivCache', 'readwrite');
  const stored = await Promise.all(
    outcomes.map(async (o) => {
      const existing = await tx.store.get(o.key);
      if (existing?.kind === 'title' && existing.manual) return existing;
      const record: ArxivTitleRecord = {
        key: o.key,
        kind: 'title',
        outcome: o.outcome,
        confidence: o.confidence,
        entry: o.entry,
        manual: false,
        fetchedAt: now,
        expiresAt: now + ttlFor(o.outcome),
      };
      await tx.store.put(record);
      return record;
    }),
  );
  await tx.done;
  return stored;
}

/**
 * Stores the user's correction for a title: linked to `entry` (resolved, confidence 1), or
 * unlinked (`entry` null: "not on arXiv", never looked up again). Never expires.
 */
export async function writeCorrection(
  store: Store,
  key: string,
  entry: ArxivEntry | null,
): Promise<ArxivTitleRecord> {
  const record: ArxivTitleRecord = {
    key,
    kind: 'title',
    outcome: entry ? 'resolved' : 'none',
    confidence: entry ? 1 : 0,
    entry,
    manual: true,
    fetchedAt: store.now(),
  };
  await store.db.put('arxivCache', record);
  return record;
}

/** The fresh metadata of a paper, or `null`. */
export async function readPaper(store: Store, arxivId: string): Promise<ArxivEntry | null> {
  const record = await store.db.get('arxivCache', paperCacheKey(arxivId));
  if (record?.kind !== 'paper' || !isFresh(record, store.now())) return null;
  return record.entry;
}

/** Stores papers' metadata (from any answer: a search answer carries the same fields). */
export async function writePapers(store: Store, entries: readonly ArxivEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = store.now();
  const tx = store.db.transaction('arxivCache', 'readwrite');
  await Promise.all(
    entries.map((entry) => {
      const record: ArxivPaperRecord = {
        key: paperCacheKey(entry.arxivId),
        kind: 'paper',
        entry,
        fetchedAt: now,
        expiresAt: now + PAPER_TTL_MS,
      };
      return tx.store.put(record);
    }),
  );
  await tx.done;
}

/**
 * Deletes up to `limit` expired records (oldest expiry first) through the expiry index;
 * corrections have no expiry and are never in it. Returns how many went.
 */
export async function pruneExpired(store: Store, limit = 500): Promise<number> {
  const tx = store.db.transaction('arxivCache', 'readwrite');
  const range = IDBKeyRange.upperBound(store.now());
  let deleted = 0;
  let cursor = await tx.store.index('byExpiresAt').openCursor(range);
  while (cursor && deleted < limit) {
    await cursor.delete();
    deleted++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}
