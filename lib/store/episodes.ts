/**
 * Episodes seen on pages and the papers they cite. An episode is keyed by its mp3 stem; one
 * seen only by title is keyed `show:` + title until a page ties that title to its stem, and then
 * its record, citations and listen move under the stem.
 */
import type { IDBPTransaction } from 'idb';
import type { SnapshotSource } from '@/lib/core/paper';
import type { Store } from '@/lib/store/db';
import { withCitationIds } from '@/lib/store/citation-ids';
import { applyChanges, sameValue, stampNew } from '@/lib/store/fields';
import {
  episodeStemOf,
  episodeTitleKey,
  isEpisodeTitleKey,
  normaliseTitle,
  paperKey,
} from '@/lib/core/keys';
import { remember } from '@/lib/store/tombstones';
import {
  CITATION_MERGE_RULES,
  EPISODE_COMBINE_RULES,
  EPISODE_MERGE_RULES,
  joinLists,
  mergeListens,
  mergeRecord,
} from '@/lib/store/merge';
import {
  CITATION_FIELDS,
  EPISODE_FIELDS,
  type CitationRecord,
  type CitecastSchema,
  type EpisodeRecord,
  type SourceSnapshot,
  type StoreName,
} from '@/lib/store/schema';

/** One episode as a page shows it (a `FoundEpisode` of lib/episode.ts plus the page address). */
export interface EpisodeSighting {
  title: string | null;
  /** `YYYY-MM-DD`. */
  published: string | null;
  /** Seconds. */
  duration: number | null;
  audioUrl: string | null;
  visualizationUrl: string | null;
  sources: readonly SnapshotSource[];
  /** The description was cut short on the page, so its source list may be incomplete. */
  cutShort?: boolean;
  /** The address of the page it was seen on. */
  pageUrl: string | null;
  /**
   * Seen on a page that is not the show's own (a third party's episode on a host, "Read this
   * page" on any site): it only fills what the record lacks and adds its page, never replacing
   * a title, date, length or source list already known, nor moving an episode known by title
   * under its stem, so no other page can rewrite the show's episodes.
   */
  onlyFill?: boolean;
}

export { CITATION_MERGE_RULES, EPISODE_MERGE_RULES };

/** A read-write transaction over episodes, citations and listens. */
export type EpisodeTransaction = IDBPTransaction<
  CitecastSchema,
  ('episodes' | 'citations' | 'listens' | 'tombstones')[],
  'readwrite'
>;

/** A source as the episode record keeps it. */
export function snapshotSource(source: SnapshotSource): SourceSnapshot {
  return {
    title: source.title,
    authors: [...source.authors],
    year: source.year,
    url: source.url,
    kind: source.kind,
    arxivId: source.arxivId,
    arxivVersion: source.arxivVersion,
    doi: source.doi,
    pdfUrl: source.pdfUrl,
    episodeStem: source.episode?.stem ?? null,
    paperKey: source.kind === 'paper' ? paperKey(source) : null,
  };
}

/** `record` with its derived `titleKey` set from its title (or removed when it has none). */
export function withTitleKey(record: EpisodeRecord): EpisodeRecord {
  const titleKey = record.title ? normaliseTitle(record.title) : '';
  if ((record.titleKey ?? '') === titleKey) return record;
  const { titleKey: _old, ...rest } = record;
  return titleKey ? { ...rest, titleKey } : rest;
}

/**
 * Makes the citations of episode `key` match its source list: one per paper, keyed by its
 * position; citations at positions that no longer cite a paper are deleted.
 */
async function syncCitations(
  tx: EpisodeTransaction,
  key: string,
  sources: readonly SourceSnapshot[],
  now: number,
): Promise<void> {
  const citations = tx.objectStore('citations');
  const tombstones = tx.objectStore('tombstones');
  const existing = await citations.index('byEpisodeKey').getAll(key);
  const byPosition = new Map(existing.map((c) => [c.position, c]));
  const writes: Promise<unknown>[] = [];
  // A dropped citation is remembered, so an older backup does not bring it back.
  const drop = (position: number) =>
    writes.push(
      citations.delete([key, position]),
      remember(tombstones, 'citations', [key, position], now),
    );
  sources.forEach((source, position) => {
    const old = byPosition.get(position);
    byPosition.delete(position);
    if (!source.paperKey) {
      if (old) drop(position);
      return;
    }
    const fields = {
      paperKey: source.paperKey,
      url: source.url,
      arxivVersion: source.arxivVersion,
    };
    const next = withCitationIds(
      old
        ? applyChanges(old, fields, now)
        : stampNew<CitationRecord>({ episodeKey: key, position, ...fields }, CITATION_FIELDS, now),
    );
    if (next !== old) writes.push(citations.put(next));
  });
  for (const position of byPosition.keys()) drop(position);
  await Promise.all(writes);
}

/**
 * Moves the title-keyed episode `titleKey` under the stem `key`: its record merges into
 * `target` (or becomes it), its listen merges into the stem's, and the title-keyed record, its
 * citations and listen are deleted. Returns the record now keyed `key`.
 */
async function absorbTitleRecord(
  tx: EpisodeTransaction,
  key: string,
  titleKey: string,
  target: EpisodeRecord | undefined,
  now: number,
): Promise<EpisodeRecord | undefined> {
  const episodes = tx.objectStore('episodes');
  const titled = await episodes.get(titleKey);
  if (!titled) return target;
  const moved: EpisodeRecord = { ...titled, key };
  const record = target ? mergeRecord(target, moved, EPISODE_COMBINE_RULES) : moved;
  // The merged-away records are remembered, so an older backup does not bring them back.
  const tombstones = tx.objectStore('tombstones');
  const citations = tx.objectStore('citations');
  const oldCitations = await citations.index('byEpisodeKey').getAllKeys(titleKey);
  await Promise.all(
    oldCitations.flatMap((k) => [
      citations.delete(k),
      remember(tombstones, 'citations', k as [string, number], now),
    ]),
  );
  const listens = tx.objectStore('listens');
  const titledListen = await listens.get(titleKey);
  if (titledListen) {
    const stemListen = await listens.get(key);
    const movedListen = { ...titledListen, episodeKey: key };
    await listens.put(stemListen ? mergeListens(stemListen, movedListen) : movedListen);
    await listens.delete(titleKey);
    await remember(tombstones, 'listens', titleKey, now);
  }
  await episodes.delete(titleKey);
  await remember(tombstones, 'episodes', titleKey, now);
  return record;
}

/** The key of the one stem-keyed episode with this normalised title, if exactly one exists. */
async function stemKeyForTitle(tx: EpisodeTransaction, title: string): Promise<string | null> {
  const normal = normaliseTitle(title);
  if (!normal) return null;
  const keys = await tx.objectStore('episodes').index('byTitleKey').getAllKeys(normal);
  const stems = keys.filter((k) => !isEpisodeTitleKey(k));
  return stems.length === 1 ? stems[0]! : null;
}

/**
 * Records an episode seen on a page: its details, the page address and its source list, and a
 * citation for each paper in that list. Known details are never replaced by missing ones, and a
 * description cut short never replaces a longer source list. When the page gives the stem of an
 * episode known so far only by title, the two records become one under the stem. One
 * transaction; returns the stored record, or `null` when the episode has no stem or title.
 */
export async function recordEpisode(
  store: Store,
  sighting: EpisodeSighting,
): Promise<EpisodeRecord | null> {
  if (!episodeStemOf(sighting) && !episodeTitleKey(sighting.title)) return null;
  const tx = episodeTransaction(store);
  const record = await recordEpisodeIn(tx, sighting, store.now());
  await tx.done;
  return record;
}

/** A read-write transaction over the stores recording an episode writes (episodes, citations, listens). */
export function episodeTransaction(store: Store): EpisodeTransaction {
  const stores: (StoreName | 'tombstones')[] = ['episodes', 'citations', 'listens', 'tombstones'];
  return store.db.transaction(stores, 'readwrite') as EpisodeTransaction;
}

/**
 * {@link recordEpisode} inside the open transaction `tx` (from {@link episodeTransaction}), so
 * many episodes (a whole catalog) can be recorded in one transaction. Does not wait for `tx`.
 */
export async function recordEpisodeIn(
  tx: EpisodeTransaction,
  sighting: EpisodeSighting,
  now: number,
): Promise<EpisodeRecord | null> {
  const stem = episodeStemOf(sighting);
  const titleKey = episodeTitleKey(sighting.title);
  if (!stem && !titleKey) return null;
  const episodes = tx.objectStore('episodes');
  const key = stem ?? (await stemKeyForTitle(tx, sighting.title!)) ?? titleKey!;
  let existing = await episodes.get(key);
  const stored = existing;
  // Only the show's own pages tie a title to its stem: another page's stem never moves an episode.
  if (stem && titleKey && sighting.onlyFill !== true) {
    existing = await absorbTitleRecord(tx, key, titleKey, existing, now);
  }
  const sources = sighting.sources.map(snapshotSource);
  const base =
    existing ??
    stampNew<EpisodeRecord>(
      {
        key,
        stem,
        title: sighting.title,
        published: sighting.published,
        duration: sighting.duration,
        pages: [],
        sources: [],
        note: '',
        firstSeenAt: now,
      },
      EPISODE_FIELDS,
      now,
    );
  const fill = sighting.onlyFill === true && existing !== undefined;
  const keepSources =
    (sighting.cutShort === true && sources.length < base.sources.length) ||
    (fill && base.sources.length > 0);
  const record = withTitleKey(
    applyChanges(
      base,
      {
        stem: stem ?? base.stem,
        title: fill ? (base.title ?? sighting.title) : (sighting.title ?? base.title),
        published: fill
          ? (base.published ?? sighting.published)
          : (sighting.published ?? base.published),
        duration: fill
          ? (base.duration ?? sighting.duration)
          : (sighting.duration ?? base.duration),
        pages: sighting.pageUrl ? joinLists(base.pages, [sighting.pageUrl]) : base.pages,
        sources: keepSources ? base.sources : sources,
      },
      now,
    ),
  );
  if (!stored || !sameValue(record, stored)) await episodes.put(record);
  await syncCitations(tx, key, record.sources, now);
  return record;
}

/** The episode stored under `key`, or `null`. */
export async function getEpisode(store: Store, key: string): Promise<EpisodeRecord | null> {
  return (await store.db.get('episodes', key)) ?? null;
}

/** The papers an episode cites, in the order of its source list. */
export async function citationsOfEpisode(
  store: Store,
  episodeKey: string,
): Promise<CitationRecord[]> {
  const citations = await store.db.getAllFromIndex('citations', 'byEpisodeKey', episodeKey);
  return citations.sort((a, b) => a.position - b.position);
}

/** Every citation of a paper: which episodes cite it, at which position, with which link. */
export function citationsOfPaper(store: Store, paperKey: string): Promise<CitationRecord[]> {
  return store.db.getAllFromIndex('citations', 'byPaperKey', paperKey);
}

/** Sets an episode's note; `null` when there is no such episode. */
export async function setEpisodeNote(
  store: Store,
  key: string,
  note: string,
): Promise<EpisodeRecord | null> {
  const tx = store.db.transaction('episodes', 'readwrite');
  const existing = await tx.store.get(key);
  if (!existing) {
    await tx.done;
    return null;
  }
  const record = applyChanges(existing, { note }, store.now());
  if (record !== existing) await tx.store.put(record);
  await tx.done;
  return record;
}
