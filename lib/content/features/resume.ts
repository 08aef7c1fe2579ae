/**
 * Resume: the bar shows where its episode's listening stopped, and `resume` plays it on from
 * there when the page's player has that episode.
 */
import type { Feature, Page } from '@/lib/content/feature';
import type { HeardFeature } from '@/lib/content/features/heard';
import { setEpisodeListen } from '@/lib/playback/bar';

/** Starts the resume feature for `page`, with the listening `heard` asked for. */
export function createResumeFeature(page: Page, heard: HeardFeature): Feature {
  return {
    episode: {
      resume(info) {
        if (info.key) page.env.player.resume(info.key, heard.listen(info.key)?.position ?? 0);
      },
    },
    decorateEpisode(info, root, playable) {
      if (info.key === null) return;
      const listen = heard.listen(info.key);
      setEpisodeListen(root, {
        state: listen?.state ?? 'unheard',
        position: listen?.position ?? 0,
        duration: listen?.duration ?? null,
        canResume: playable.has(info.key),
      });
    },
  };
}
