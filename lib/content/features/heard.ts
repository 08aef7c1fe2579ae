/**
 * Listening on the page: the bar's `heard` (and the `h` key) marks its episode heard or not, and
 * shows when it was heard; a cited episode's source shows that episode's listen state and opens
 * it (`open-episode`). The listen states asked here also give the resume feature its positions.
 */
import { citedEpisodeLink, citedEpisodeState } from '@/lib/content/bar';
import { setCitedEpisodeState, setHeardDate, setPressed } from '@/lib/content/controls';
import type { EpisodeInfo, Feature, Page } from '@/lib/content/feature';
import { changedKeys, createStates } from '@/lib/content/states';
import type { ListenState } from '@/lib/store/schema';

/** What the page knows of an episode's listening. */
export interface Listen {
  state: ListenState;
  position: number;
  duration: number | null;
}

/** The heard feature, and what other features read of it. */
export interface HeardFeature extends Feature {
  /** The episode's listening as last answered, if any. */
  listen(key: string): Listen | undefined;
  /** Asks the background again for the listening of `keys` (episodes recorded under new keys). */
  ask(keys: readonly string[]): Promise<void>;
}

/** Starts the heard feature for `page`. */
export function createHeardFeature(page: Page): HeardFeature {
  const listens = new Map<string, Listen>();
  /** Whether each episode is heard, and when (epoch ms): the user's toggle shows at once. */
  const heard = new Map<string, { on: boolean; at: number | null }>();
  const states = createStates(
    page,
    (episodeKeys) => page.env.ask('listenStates', { episodeKeys }),
    (key, value: Listen & { heardAt: number | null }) => {
      heard.set(key, { on: value.state === 'heard', at: value.heardAt });
      listens.set(key, { state: value.state, position: value.position, duration: value.duration });
    },
  );

  async function toggle(info: EpisodeInfo): Promise<void> {
    const key = info.key;
    if (!key) return;
    const was = heard.get(key);
    const wasOn = was?.on === true;
    heard.set(key, { on: !wasOn, at: was?.at ?? null });
    states.changed(key);
    page.render();
    const reply = await page.env.ask('setHeard', { episodeKey: key, heard: !wasOn });
    heard.set(
      key,
      reply.ok
        ? { on: reply.value.state === 'heard', at: reply.value.heardAt }
        : { on: wasOn, at: was?.at ?? null },
    );
    page.render();
    if (!reply.ok) page.say(info, reply.error.message, true);
  }

  return {
    listen: (key) => listens.get(key),
    ask: (keys) => states.ask(keys),
    episode: { heard: (info) => void toggle(info) },
    source: {
      'open-episode'(info) {
        const url = citedEpisodeLink(info.source);
        if (url) page.env.open(url);
      },
    },
    keys: {
      heard(_source, episode) {
        if (!episode?.key) return false;
        void toggle(episode);
        return true;
      },
    },
    placed(episodes) {
      const fresh = new Set<string>();
      for (const e of episodes) {
        if (e.key !== null && !listens.has(e.key)) fresh.add(e.key);
        for (const s of e.sources)
          if (s.citedKey && !listens.has(s.citedKey)) fresh.add(s.citedKey);
      }
      if (fresh.size > 0) void states.ask([...fresh]);
    },
    storeChanged(change) {
      if (change.kind !== 'listens') return;
      const onPage = new Set(page.episodes().map((e) => e.key ?? ''));
      for (const e of page.episodes())
        for (const s of e.sources) if (s.citedKey) onPage.add(s.citedKey);
      const keys = changedKeys(change.keys, onPage);
      if (keys.length > 0) void states.ask(keys);
    },
    decorateSource(info, root) {
      if (info.citedKey) {
        setCitedEpisodeState(root, citedEpisodeState(listens.get(info.citedKey)?.state));
      }
    },
    decorateEpisode(info, root) {
      const state = info.key !== null ? heard.get(info.key) : undefined;
      const button = root.querySelector('button[data-action="heard"]');
      setPressed(button, state?.on === true);
      setHeardDate(button, state?.on ? state.at : null);
    },
  };
}
