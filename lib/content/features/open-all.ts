/**
 * Open all: the bar's `open-all` opens every arXiv PDF of its episode, asking first in the bar
 * when that is many tabs.
 */
import { arxivPdfUrls, opensAfterAsking } from '@/lib/content/bar';
import type { EpisodeInfo, Feature, Page } from '@/lib/content/feature';
import { buildConfirmPanel } from '@/lib/content/panels';
import { t } from '@/lib/i18n/index';

/** Starts the open-all feature for `page`. */
export function createOpenAllFeature(page: Page): Feature {
  const openTabs = (urls: readonly string[]) => urls.forEach((url) => page.env.open(url));

  function openAll(info: EpisodeInfo, opener: HTMLElement): void {
    const urls = arxivPdfUrls(info.sources.map((s) => s.source));
    if (urls.length === 0) return page.say(info, t('openAllNone'));
    if (!opensAfterAsking(urls.length)) return openTabs(urls);
    if (page.panelOpen(info, opener)) return void page.closePanels();
    const confirm = buildConfirmPanel(
      page.env,
      urls.length,
      () => {
        page.closePanels();
        openTabs(urls);
      },
      () => page.closePanels(),
    );
    page.showPanel(info, opener, confirm);
  }

  return { episode: { 'open-all': openAll } };
}
