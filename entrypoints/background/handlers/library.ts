/**
 * The answers to the popup's and library page's queries and edits. List queries read the
 * library's in-memory copy, details and writes the store; the popup's first screen reads the
 * store while the copy is not built yet. Each answer says what it changed, so the router can
 * broadcast it and keep the copy in step.
 */
import { success } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import { episodeDetail, paperDetail } from '@/lib/store/library/details';
import { overlapEpisodes, queryEpisodes } from '@/lib/store/library/episode-log';
import * as firstScreen from '@/lib/store/first-screen';
import { setEpisodeNote } from '@/lib/store/episodes';
import { deleteListen, restorePapers, setHeardAt, unsavePapers } from '@/lib/store/library/writes';
import { queryPapers } from '@/lib/store/library/queries';
import { computeStats } from '@/lib/store/library/stats';
import { shown, type HandlerTable } from '@/entrypoints/background/handlers/context';

/** The handlers of this area. */
export const LIBRARY_HANDLERS = {
  recentSaves: ({ store, library }, data) => firstScreen.recentSaves(store, library, data.limit),
  warmLibrary: ({ store, library }) => firstScreen.warmLibrary(store, library),
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
  recentListens: ({ store, library }, data) =>
    firstScreen.recentListensAnswer(store, library, data.limit),
} satisfies Partial<HandlerTable>;
