/**
 * Saving papers: a source's `save` toggles it, the bar's `save-all` saves its episode's papers
 * not saved yet, the `s` key saves the focused source. Each source's button shows whether its
 * paper is saved, and the bar counts the episode's saved papers.
 */
import { setEpisodeCounts, setPressed } from '@/lib/content/controls';
import { askSaved } from '@/lib/content/save-control';
import type { Feature, Page, SourceInfo } from '@/lib/content/feature';
import { changedKeys, createStates } from '@/lib/content/states';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import { type RequestData } from '@/lib/protocol/requests';
import type { Source } from '@/lib/sources/types';

/** The fields of a source the background saves (http(s) addresses only). */
export function savable(source: Source): RequestData<'savePaper'>['source'] {
  const http = (url: string | null) => (url !== null && isHttpUrl(url) ? url : null);
  return {
    title: source.title?.slice(0, LIMITS.title) ?? null,
    authors: source.authors.slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author)),
    year: source.year,
    url: http(source.url),
    arxivId: source.arxivId,
    doi: source.doi,
    pdfUrl: http(source.pdfUrl),
  };
}

/** The save feature, and what other features read of it. */
export interface SaveFeature extends Feature {
  /** Whether the paper `key` is saved, as the page knows it. */
  isSaved(key: string | null): boolean;
  /** Saves (`on`) or unsaves each of `list`, one after another; stops at the first failure. */
  setSaved(list: readonly SourceInfo[], on: boolean): Promise<void>;
}

/** Starts the save feature for `page`. */
export function createSaveFeature(page: Page): SaveFeature {
  const saved = new Map<string, boolean>();
  const states = createStates(
    page,
    (keys) => page.env.ask('savedStates', { keys }),
    (key, value: boolean) => saved.set(key, value),
  );
  const isSaved = (key: string | null) => key !== null && saved.get(key) === true;

  async function setSaved(list: readonly SourceInfo[], on: boolean): Promise<void> {
    for (const s of list) {
      if (page.stopped()) return;
      if (!s.key || isSaved(s.key) === on) continue;
      const key = s.key;
      saved.set(key, on);
      states.changed(key);
      page.render();
      const target = {
        key,
        source: savable(s.source),
        episodeKey: s.episode.key,
        moment: page.env.player.moment() ?? undefined,
      };
      const reply = await askSaved(page.env.ask, target, on);
      if (!reply.ok) {
        saved.set(key, !on);
        page.render();
        page.say(s.episode, reply.error.message, true);
        return;
      }
    }
  }

  const toggle = (s: SourceInfo) => void setSaved([s], !isSaved(s.key));

  return {
    isSaved,
    setSaved,
    source: { save: toggle },
    episode: { 'save-all': (info) => void setSaved(info.sources, true) },
    keys: {
      save(source) {
        if (!source?.key) return false;
        toggle(source);
        return true;
      },
    },
    placed(episodes) {
      const fresh = new Set<string>();
      for (const e of episodes)
        for (const s of e.sources) if (s.key && !saved.has(s.key)) fresh.add(s.key);
      if (fresh.size > 0) void states.ask([...fresh]);
    },
    storeChanged(change) {
      if (change.kind !== 'papers') return;
      const onPage = new Set(page.episodes().flatMap((e) => e.sources.map((s) => s.key ?? '')));
      const keys = changedKeys(change.keys, onPage);
      if (keys.length > 0) void states.ask(keys);
    },
    decorateSource(info, root) {
      if (info.key) setPressed(root.querySelector('button[data-action="save"]'), isSaved(info.key));
    },
    decorateEpisode(info, root) {
      const papers = info.sources.filter((s) => s.key !== null);
      const count = papers.filter((s) => isSaved(s.key)).length;
      setEpisodeCounts(root, info.sources.length, count, papers.length);
    },
  };
}
