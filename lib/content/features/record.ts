/**
 * Recording: the episodes a read found are recorded in the library (once each, again when they
 * change), and the keys the background recorded them under replace the page's own.
 */
import type { EpisodeEntry, Feature, Page } from '@/lib/content/feature';
import type { HeardFeature } from '@/lib/content/features/heard';
import { chunks } from '@/lib/content/states';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { episodeForMessage } from '@/lib/protocol/client';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import { pageFacts, speaksForShow } from '@/lib/hosts/show-page';

/**
 * Episodes a list records per task and per message (the background takes up to 250): small
 * enough that each task, and cloning each message, stays well under a frame.
 */
const RECORD_BATCH = 25;

/** What identifies an episode for recording: re-recorded only when this changes. */
function episodeSignature(episode: FoundEpisode): string {
  return JSON.stringify([
    episode.title,
    episode.visualizationUrl,
    episode.audioUrl,
    episode.sources.map((s) => [s.url, s.arxivId]),
  ]);
}

/** Starts recording for `page`; `heard` asks the listening of episodes under their new keys. */
export function createRecordFeature(page: Page, heard: HeardFeature): Feature {
  const { env } = page;
  const recorded = new Map<string, string>();

  async function record(list: readonly EpisodeEntry[]): Promise<void> {
    const pageUrl = env.pageUrl();
    if (!isHttpUrl(pageUrl)) return;
    const todo: EpisodeEntry[] = [];
    for (const [i, info] of list.entries()) {
      // A big list's signatures take tasks of their own, a batch each (one task for 662 was
      // 45 ms of the page's main thread, plus its garbage).
      if (i > 0 && i % RECORD_BATCH === 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (page.stopped()) return;
      }
      const signature = episodeSignature(info.episode);
      const id = info.key ?? signature;
      if (recorded.get(id) === signature) continue;
      recorded.set(id, signature);
      todo.push(info);
    }
    // Nothing new to record: the page's links need not be read again (a re-read of a big list).
    if (todo.length === 0) return;
    // Whether this page shows it is the show's own: only then may it say what an episode is.
    const showPage = speaksForShow(pageFacts(env.document, pageUrl));
    if (todo.length === 1) {
      const info = todo[0]!;
      const reply = await env.ask('recordEpisode', {
        episode: episodeForMessage(info.episode),
        pageUrl,
        showPage,
      });
      if (!page.stopped() && reply.ok) rekey([[info, reply.value.key]]);
      return;
    }
    // A list records its episodes in batches, not one message each (662 on a Podimo show page).
    for (const part of chunks(todo, Math.min(RECORD_BATCH, LIMITS.catalogBatch))) {
      if (page.stopped()) return;
      const reply = await env.ask('recordCatalog', {
        pageUrl,
        showPage,
        episodes: part.map((info) => ({ ...episodeForMessage(info.episode), pageUrl: null })),
      });
      if (page.stopped() || !reply.ok) return;
      rekey(part.map((info, i) => [info, reply.value.keys[i] ?? null]));
    }
  }

  /** Takes the keys the background recorded episodes under, and asks for their listening. */
  function rekey(pairs: [EpisodeEntry, string | null][]): void {
    const changed: string[] = [];
    for (const [info, key] of pairs) {
      if (key === null || key === info.key) continue;
      info.key = key;
      changed.push(key);
    }
    if (changed.length > 0) void heard.ask(changed);
  }

  return {
    ended(episodes, lazy) {
      // A big list records in a task of its own (it serialises every episode), so the pass's
      // last slice stays short.
      if (lazy) setTimeout(() => void record(episodes), 0);
      else void record(episodes);
    },
  };
}
