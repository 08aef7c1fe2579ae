/**
 * Records as the popup and the library show them (lib/views.ts): an episode's summary, a
 * listen with the time it last changed, an episode row with its saved and read counts.
 */
import { isHttpUrl } from '@/lib/core/urls';
import type { EpisodeSummary, EpisodeView, ListenView } from '@/lib/store/library/types';
import type { EpisodeRecord, ListenRecord, PaperRecord } from '@/lib/store/schema';

/** An episode's summary; `key` alone when the record is missing (a listen of an unknown episode). */
export function episodeSummary(key: string, episode: EpisodeRecord | undefined): EpisodeSummary {
  if (!episode) {
    return { key, title: null, published: null, duration: null, pageUrl: null, sourceCount: 0 };
  }
  return {
    key: episode.key,
    title: episode.title,
    published: episode.published,
    duration: episode.duration,
    pageUrl: episode.pages.find(isHttpUrl) ?? null,
    sourceCount: episode.sources.length,
  };
}

/** When a listen last changed: the newest of its per-field modified times, or `null`. */
export function listenUpdatedAt(listen: ListenRecord): number | null {
  let newest: number | null = null;
  for (const time of Object.values(listen.modified)) {
    if (typeof time === 'number' && (newest === null || time > newest)) newest = time;
  }
  return newest;
}

/** A listen as the library shows it; an episode never played is `unheard` at 0. */
export function listenView(listen: ListenRecord | undefined): ListenView {
  if (!listen) {
    return {
      state: 'unheard',
      manual: false,
      position: 0,
      duration: null,
      heardAt: null,
      playedSeconds: 0,
      updatedAt: null,
    };
  }
  return {
    state: listen.state,
    manual: listen.manual,
    position: listen.position,
    duration: listen.duration,
    heardAt: listen.heardAt,
    playedSeconds: listen.playedSeconds,
    updatedAt: listenUpdatedAt(listen),
  };
}

/** The distinct paper keys of an episode's source list, in list order. */
export function episodePaperKeys(episode: EpisodeRecord): string[] {
  const keys: string[] = [];
  for (const source of episode.sources) {
    if (source.paperKey && !keys.includes(source.paperKey)) keys.push(source.paperKey);
  }
  return keys;
}

/**
 * An episode row: its summary, listen and note, and of the distinct papers in its source list
 * how many are saved and how many of the saved ones are read. `savedPaper` looks a key up among
 * the saved papers.
 */
export function episodeView(
  episode: EpisodeRecord,
  listen: ListenRecord | undefined,
  savedPaper: (key: string) => PaperRecord | undefined,
): EpisodeView {
  const keys = episodePaperKeys(episode);
  let saved = 0;
  let read = 0;
  for (const key of keys) {
    const paper = savedPaper(key);
    if (!paper || paper.savedAt === null) continue;
    saved++;
    if (paper.readState === 'read') read++;
  }
  return {
    episode: episodeSummary(episode.key, episode),
    listen: listenView(listen),
    note: episode.note,
    papers: keys.length,
    saved,
    read,
  };
}
