/**
 * Choose: the bar's `choose` opens (or closes) a panel listing its episode's papers; the papers
 * the user checked are saved, or sent to Zotero.
 */
import type { EpisodeInfo, Feature, Page } from '@/lib/content/feature';
import type { SaveFeature } from '@/lib/content/features/save';
import type { ZoteroFeature } from '@/lib/content/features/zotero';
import { buildChoosePanel } from '@/lib/content/panels';
import { t } from '@/lib/i18n/index';

/** Starts the choose feature for `page`, saving with `save` and sending with `zotero`. */
export function createChooseFeature(page: Page, save: SaveFeature, zotero: ZoteroFeature): Feature {
  function choose(info: EpisodeInfo, opener: HTMLElement): void {
    if (page.panelOpen(info, opener)) return void page.closePanels();
    const papers = info.sources.filter((s) => s.key !== null);
    const choices = papers.map((s) => ({
      label: s.source.title ?? s.source.url ?? t('untitledSource'),
      saved: save.isSaved(s.key),
    }));
    const picked = (checked: number[]) => checked.map((i) => papers[i]!);
    const panel = buildChoosePanel(
      page.env,
      choices,
      (checked) => {
        page.closePanels();
        void save.setSaved(picked(checked), true);
      },
      () => page.closePanels(),
      (checked) => {
        page.closePanels();
        void zotero.send(info, picked(checked), opener);
      },
    );
    page.showPanel(info, opener, panel);
  }

  return { episode: { choose } };
}
