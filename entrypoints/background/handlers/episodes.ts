/**
 * The answers to the requests on episodes and listens: an episode (or a whole catalog) seen on a
 * page, heard, progress, listen states, the catalog's "heard N of M" and the show's feed.
 */
import { browser } from 'wxt/browser';
import { importFeed } from '@/lib/catalog/import-feed';
import { isPaperPage } from '@/lib/paper-pages';
import { episodeHash } from '@/lib/ui/sections';
import { episodeStemOf, episodeTitleKey } from '@/lib/core/keys';
import { success, type StoreChange } from '@/lib/core/result';
import { fail } from '@/lib/i18n/errors';
import type { RequestData } from '@/lib/protocol/requests';
import { readSettings } from '@/lib/settings';
import { catalogChanges, catalogStats, recordCatalog, resolveListens } from '@/lib/store/catalog';
import { recordEpisode } from '@/lib/store/episodes';
import { paperIdsOfUrl } from '@/lib/core/ids';
import { discussedIn } from '@/lib/store/discussed';
import { recordProgress, setHeard } from '@/lib/store/listens';
import {
  fillsOnly,
  listenSummary,
  type HandlerTable,
} from '@/entrypoints/background/handlers/context';

/** Whether the sender's page is a paper page naming exactly `ids`. */
function sameIds(ids: string[], senderUrl: string | null): boolean {
  if (senderUrl === null || !isPaperPage(senderUrl)) return false;
  const own = paperIdsOfUrl(senderUrl);
  return ids.length === own.length && ids.every((id, i) => id === own[i]);
}

/** The origin of `url`, or `null` when it is not an absolute URL. */
function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a content script on `senderUrl` may record this catalog: a page records only what its
 * own site shows, so every address in it must be on the sender's origin. Extension pages
 * (`senderUrl` null) may record any.
 */
function mayRecordCatalog(data: RequestData<'recordCatalog'>, senderUrl: string | null): boolean {
  if (senderUrl === null) return true;
  const origin = originOf(senderUrl);
  const pages = [data.pageUrl, ...data.episodes.map((e) => e.pageUrl)];
  return pages.every((p) => p === null || originOf(p) === origin);
}

/** The handlers of this area. */
export const EPISODE_HANDLERS = {
  async recordEpisode({ store, sender }, data) {
    // A content script records only what its own site shows (and always says where it is).
    if (sender.kind === 'content') {
      if (sender.url === null || originOf(sender.url) !== originOf(data.pageUrl)) {
        return { result: fail('forbidden', 'episode.foreignSite') };
      }
    }
    const record = await recordEpisode(store, {
      ...data.episode,
      pageUrl: data.pageUrl,
      onlyFill: fillsOnly(sender, data.showPage),
    });
    if (!record) {
      return { result: fail('invalid', 'episode.noKey') };
    }
    const keys = [record.key];
    const titleKey = episodeTitleKey(data.episode.title);
    const changes: StoreChange[] = [];
    // A page tying a title to its stem moves the title-keyed episode (and its listen) under it.
    if (titleKey && titleKey !== record.key && episodeStemOf(data.episode)) {
      keys.push(titleKey);
      changes.push({ kind: 'listens', keys: [...keys] });
    }
    changes.unshift({ kind: 'episodes', keys });
    return { result: success({ key: record.key }), changes };
  },
  async setHeard({ store }, data) {
    const listen = await setHeard(store, data.episodeKey, data.heard);
    return {
      result: success(listenSummary(listen)),
      changes: [{ kind: 'listens', keys: [data.episodeKey] }],
    };
  },
  async recordProgress({ store }, data) {
    // The user's share (Settings) decides when playing makes an episode heard.
    const { heardShare } = await readSettings();
    const listen = await recordProgress(
      store,
      data.episodeKey,
      { position: data.position, duration: data.duration, playedSince: data.playedSince },
      heardShare,
    );
    return {
      result: success(listenSummary(listen)),
      changes: [{ kind: 'listens', keys: [data.episodeKey] }],
    };
  },
  async listenStates({ store }, data) {
    // A cited episode known by title, or by an mp3 of an episode logged by title, finds its listen.
    const listens = await resolveListens(store, data.episodeKeys);
    const keys = [...new Set(data.episodeKeys)];
    return {
      result: success(Object.fromEntries(keys.map((k) => [k, listenSummary(listens.get(k))]))),
    };
  },
  async recordCatalog({ store, sender }, data) {
    if (!mayRecordCatalog(data, sender.kind === 'content' ? sender.url : null)) {
      return { result: fail('forbidden', 'episode.foreignSite') };
    }
    const onlyFill = fillsOnly(sender, data.showPage);
    // Each episode on its own page, else the request's.
    const sightings = data.episodes.map((e) => ({
      ...e,
      pageUrl: e.pageUrl ?? data.pageUrl,
      onlyFill,
    }));
    const keys = await recordCatalog(store, sightings);
    return { result: success({ keys }), changes: catalogChanges(keys) };
  },
  async catalogStats({ store }, data) {
    return { result: success(await catalogStats(store, data.offset, data.limit)) };
  },
  async importFeed({ store }) {
    const imported = await importFeed(store);
    return { result: imported, changes: imported.ok ? catalogChanges(imported.value.keys) : [] };
  },
  async discussedIn({ store, sender }, data) {
    const ids = paperIdsOfUrl(data.url);
    // A paper page's script learns about its own paper only.
    if (sender.kind === 'content' && !sameIds(ids, sender.url)) {
      return { result: fail('forbidden', 'paper.otherPage') };
    }
    return { result: success(await discussedIn(store, { ids, title: data.title })) };
  },
  async openEpisodeSources(_ctx, data) {
    const url = `${browser.runtime.getURL('/library.html')}#${episodeHash(data.episodeKey)}`;
    await browser.tabs.create({ url });
    return { result: success({ opened: true as const }) };
  },
} satisfies Partial<HandlerTable>;
