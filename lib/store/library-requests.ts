/**
 * The background's answers to the popup's and library page's requests (the ones after
 * `// Library and popup queries.` in lib/messages.ts). The service (service.ts) checks payload
 * and sender, then calls these with the open store and its {@link LibraryCache}; list queries
 * read the cache, details and writes the store. Each answer says what it changed, so the
 * service can broadcast it and keep the cache in step.
 */
import {
  success,
  type CheckedData,
  type ReplyOf,
  type Result,
  type StoreChange,
} from '@/lib/messages';
import { fail } from '@/lib/i18n/errors';
import type { Store } from '@/lib/store/db';
import { episodeDetail, paperDetail } from '@/lib/store/details';
import { overlapEpisodes, queryEpisodes } from '@/lib/store/episode-log';
import { recentListensAnswer } from '@/lib/store/first-screen';
import { setEpisodeNote } from '@/lib/store/episodes';
import type { LibraryCache } from '@/lib/store/library-cache';
import { deleteListen, restorePapers, setHeardAt, unsavePapers } from '@/lib/store/library-writes';
import { queryPapers } from '@/lib/store/queries';
import { computeStats } from '@/lib/store/stats';

/** The value type inside the reply of request `K`. */
type Value<K extends LibraryRequest> = ReplyOf<K> extends Result<infer T> ? T : never;

/** What a request did: its answer, and what changed in the store. */
export interface LibraryOutcome<T> {
  result: Result<T>;
  changes?: StoreChange[];
}

/** The requests answered here. */
export type LibraryRequest =
  | 'queryPapers'
  | 'paperDetail'
  | 'unsavePapers'
  | 'restorePapers'
  | 'queryEpisodes'
  | 'episodeDetail'
  | 'setHeardAt'
  | 'deleteListen'
  | 'setEpisodeNote'
  | 'overlapEpisodes'
  | 'stats'
  | 'exportPapers'
  | 'recentListens';

/** What every library request handler gets. */
export interface LibraryContext {
  store: Store;
  library: LibraryCache;
}

/** A library request's handler. */
export type LibraryHandler<K extends LibraryRequest> = (
  ctx: LibraryContext,
  data: CheckedData<K>,
) => Promise<LibraryOutcome<Value<K>>>;

/** A key shortened for an error message. */
function shown(key: string): string {
  return JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);
}

/** The answer to each library request. */
export const LIBRARY_HANDLERS: { [K in LibraryRequest]: LibraryHandler<K> } = {
  async queryPapers({ store, library }, data) {
    return { result: success(queryPapers(await library.read(store), data)) };
  },
  async paperDetail({ store }, data) {
    const detail = await paperDetail(store, data.key);
    if (!detail) return { result: fail('not-found', 'paper.notFound', { key: shown(data.key) }) };
    return { result: success(detail) };
  },
  async unsavePapers({ store }, data) {
    const papers = await unsavePapers(store, data.keys);
    return {
      result: success({ papers }),
      changes: papers.length > 0 ? [{ kind: 'papers', keys: papers.map((p) => p.key) }] : [],
    };
  },
  async restorePapers({ store }, data) {
    const restored = await restorePapers(store, data.papers);
    if (!restored.ok) {
      return { result: fail('invalid', 'papers.notRestored', { detail: restored.reason }) };
    }
    return {
      result: success({ count: restored.keys.length }),
      changes: restored.keys.length > 0 ? [{ kind: 'papers', keys: restored.keys }] : [],
    };
  },
  async queryEpisodes({ store, library }, data) {
    return { result: success(queryEpisodes(await library.read(store), data)) };
  },
  async episodeDetail({ store }, data) {
    const detail = await episodeDetail(store, data.key);
    if (!detail) {
      return { result: fail('not-found', 'episode.notFound', { key: shown(data.key) }) };
    }
    return { result: success(detail) };
  },
  async setHeardAt({ store }, data) {
    const set = await setHeardAt(store, data.episodeKey, data.heardAt);
    if (!set.ok) {
      const key = set.code === 'invalid' ? 'listen.futureDate' : 'listen.notInLog';
      return { result: fail(set.code, key) };
    }
    const { listen } = set;
    return {
      result: success({
        state: listen.state,
        position: listen.position,
        duration: listen.duration,
        heardAt: listen.heardAt,
      }),
      changes: [{ kind: 'listens', keys: [data.episodeKey] }],
    };
  },
  async deleteListen({ store }, data) {
    const deleted = await deleteListen(store, data.episodeKey);
    return {
      result: success({ deleted }),
      changes: deleted ? [{ kind: 'listens', keys: [data.episodeKey] }] : [],
    };
  },
  async setEpisodeNote({ store }, data) {
    const episode = await setEpisodeNote(store, data.key, data.note);
    if (!episode) {
      return { result: fail('not-found', 'episode.notFound', { key: shown(data.key) }) };
    }
    return {
      result: success({ key: episode.key }),
      changes: [{ kind: 'episodes', keys: [episode.key] }],
    };
  },
  async overlapEpisodes({ store, library }, data) {
    return { result: success(overlapEpisodes(await library.read(store), data.limit)) };
  },
  async stats({ store, library }, data) {
    const state = await library.read(store);
    const stats = computeStats(
      { papers: state.papers.values(), listens: state.listens.values(), episodes: state.episodes },
      { now: data.now ?? store.now() },
    );
    return { result: success(stats) };
  },
  async exportPapers({ store }, data) {
    const { exportSelection } = await import('@/lib/export/selection');
    const exported = await exportSelection(store, data.keys, data.format);
    if (exported.count === 0) {
      return { result: fail('not-found', 'papers.noneSaved') };
    }
    return { result: success(exported) };
  },
  // The popup's first screen: from the store while the copy is not built (first-screen.ts).
  recentListens: ({ store, library }, data) => recentListensAnswer(store, library, data.limit),
};
