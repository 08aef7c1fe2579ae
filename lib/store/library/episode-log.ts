/**
 * The listening log: pages of episodes newest first with a filter, the popup's recent listens,
 * and the unheard episodes that cite papers the listener saved. Pure functions of the
 * background's copy of the library (library-cache.ts).
 */
import { foldText } from '@/lib/search/index';
import type {
  EpisodePage,
  EpisodeQuery,
  EpisodeFilter,
  OverlapView,
  RecentListen,
} from '@/lib/store/library/types';
import type { LibraryState } from '@/lib/store/library-cache';
import {
  episodePaperKeys,
  episodeSummary,
  episodeView,
  listenUpdatedAt,
  listenView,
} from '@/lib/store/library/views';
import type { EpisodeRecord, ListenRecord, ListenState } from '@/lib/store/schema';

/**
 * When an episode belongs in the log: its heard date when heard, else when its listen last
 * changed, else when Citecast first saw it. The log is newest first by this time.
 */
export function logTime(episode: EpisodeRecord, listen: ListenRecord | undefined): number {
  if (listen?.state === 'heard' && listen.heardAt !== null) return listen.heardAt;
  return (listen && listenUpdatedAt(listen)) ?? episode.firstSeenAt;
}

/** Whether an episode in `state` shows under `filter`. */
function fits(filter: EpisodeFilter, state: ListenState): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'heard':
      return state === 'heard';
    case 'in_progress':
      return state === 'in_progress';
    case 'unheard':
      return state === 'unheard';
  }
}

/**
 * One page of the listening log: every known episode that fits the filter (`unheard` includes
 * episodes never played) and whose title holds every word of `text` (case and accents aside,
 * as a word start or inside a word), newest first by {@link logTime}, then by key.
 */
export function queryEpisodes(state: LibraryState, query: EpisodeQuery): EpisodePage {
  const words = foldText(query.text).split(/\s+/u).filter(Boolean);
  const rows: { episode: EpisodeRecord; listen: ListenRecord | undefined; time: number }[] = [];
  for (const episode of state.episodes.values()) {
    const listen = state.listens.get(episode.key);
    if (!fits(query.filter, listen?.state ?? 'unheard')) continue;
    if (words.length > 0) {
      const title = foldText(episode.title ?? '');
      if (!words.every((w) => title.includes(w))) continue;
    }
    rows.push({ episode, listen, time: logTime(episode, listen) });
  }
  rows.sort((a, b) => b.time - a.time || (a.episode.key < b.episode.key ? -1 : 1));
  const saved = (key: string) => state.papers.get(key);
  return {
    total: rows.length,
    rows: rows
      .slice(query.offset, query.offset + query.limit)
      .map((r) => episodeView(r.episode, r.listen, saved)),
  };
}

/**
 * The listens changed most recently (heard or in progress), at most `limit`, newest change
 * first. A listen whose episode record is missing is shown by its key.
 */
export function recentListens(state: LibraryState, limit: number): RecentListen[] {
  return pickRecentListens(state.listens.values(), limit).map((listen) => ({
    episode: episodeSummary(listen.episodeKey, state.episodes.get(listen.episodeKey)),
    listen: listenView(listen),
  }));
}

/**
 * The listens {@link recentListens} shows, in its order: heard or in progress, newest change
 * first, then by episode key; at most `limit`. Also read straight from the store before the
 * library copy is built (first-screen.ts).
 */
export function pickRecentListens(listens: Iterable<ListenRecord>, limit: number): ListenRecord[] {
  return [...listens]
    .filter((l) => l.state !== 'unheard')
    .map((listen) => ({ listen, time: listenUpdatedAt(listen) ?? listen.heardAt ?? 0 }))
    .sort((a, b) => b.time - a.time || (a.listen.episodeKey < b.listen.episodeKey ? -1 : 1))
    .slice(0, limit)
    .map(({ listen }) => listen);
}

/**
 * Episodes not yet heard (never played, or in progress) that cite at least one saved paper,
 * with those papers' keys in source-list order: most saved papers first, then newest published,
 * then by key. At most `limit`.
 */
export function overlapEpisodes(state: LibraryState, limit: number): OverlapView[] {
  const out: (OverlapView & { published: string })[] = [];
  for (const episode of state.episodes.values()) {
    if (state.listens.get(episode.key)?.state === 'heard') continue;
    const cited = new Set([...episodePaperKeys(episode), ...(state.cites.get(episode.key) ?? [])]);
    const paperKeys = [...cited].filter((key) => state.papers.has(key));
    if (paperKeys.length === 0) continue;
    out.push({
      episode: episodeSummary(episode.key, episode),
      paperKeys,
      published: episode.published ?? '',
    });
  }
  out.sort(
    (a, b) =>
      b.paperKeys.length - a.paperKeys.length ||
      (a.published === b.published ? 0 : a.published < b.published ? 1 : -1) ||
      (a.episode.key < b.episode.key ? -1 : 1),
  );
  return out.slice(0, limit).map(({ episode, paperKeys }) => ({ episode, paperKeys }));
}
