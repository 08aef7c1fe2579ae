/**
 * The toolbar badge: how many sources the whole page lists (a big list's unplaced episodes too),
 * and how many of the placed ones are saved (only those are asked about).
 */
import { BADGE_MESSAGE } from '@/lib/badge';
import type { Feature, Page } from '@/lib/content/feature';
import type { SaveFeature } from '@/lib/content/features/save';

/** Starts the badge feature for `page`; `save` says which papers are saved. */
export function createBadgeFeature(page: Page, save: SaveFeature): Feature {
  let last = '';
  return {
    rendered() {
      const keys = new Set<string>();
      let sources = 0;
      for (const e of page.allEpisodes()) sources += e.episode.sources.length;
      for (const e of page.episodes())
        for (const s of e.sources) if (save.isSaved(s.key)) keys.add(`${e.key}|${s.key}`);
      const message = { type: BADGE_MESSAGE, sources, saved: Math.min(keys.size, sources) };
      const text = JSON.stringify(message);
      if (text === last) return;
      last = text;
      page.env.sendBadge(message);
    },
  };
}
