/**
 * Copy: a source's `copy-bibtex` and `copy-markdown` copy it as BibTeX (written by the
 * background, which has the BibTeX writer) or as a Markdown link, and say on the button whether it
 * worked; the bar's `copy-markdown` copies the episode's reading list and its `copy-bibtex` the
 * BibTeX of its saved papers, and say so in the bar.
 */
import { flashCopied } from '@/lib/content/controls';
import type { EpisodeInfo, Feature, Page, SourceInfo } from '@/lib/content/feature';
import { savable, type SaveFeature } from '@/lib/content/features/save';
import { readingListMarkdown, sourceMarkdownLink } from '@/lib/export/reading-list';
import { t } from '@/lib/i18n/index';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';

/** How long a button says "Copied" (or that it could not). */
const FLASH_MS = 2500;

/** Starts the copy feature for `page`; `save` says which papers are saved. */
export function createCopyFeature(page: Page, save: SaveFeature): Feature {
  const { env } = page;
  /** Timers that restore a button's label; cleared when the extension stops. */
  const timers = new Set<ReturnType<typeof setTimeout>>();

  async function copySource(info: SourceInfo, button: HTMLElement, bibtex: boolean): Promise<void> {
    let text: string | null = sourceMarkdownLink(info.source);
    if (bibtex) {
      const reply = await env.ask('sourceBibtex', { source: savable(info.source) });
      if (page.stopped()) return;
      text = reply.ok ? reply.value.text : null;
      if (!reply.ok) page.say(info.episode, reply.error.message, true);
    }
    const ok = text !== null && (await env.writeClipboard(text));
    if (page.stopped()) return;
    const restore = flashCopied(button, ok);
    const timer = setTimeout(() => {
      timers.delete(timer);
      restore();
    }, FLASH_MS);
    timers.add(timer);
  }

  /** Puts `text` on the clipboard, then says "Copied" in the bar, or that it could not. */
  async function copyToBar(info: EpisodeInfo, text: string): Promise<void> {
    const ok = await env.writeClipboard(text);
    if (!page.stopped()) page.say(info, ok ? t('copied') : t('copyFailed'), !ok, false);
  }

  /** The episode's reading list (Markdown, from the page and the saved marks). */
  function readingList(info: EpisodeInfo): string {
    const e = info.episode;
    const pages = [env.pageUrl(), e.visualizationUrl].filter(
      (u): u is string => u !== null && isHttpUrl(u),
    );
    return readingListMarkdown(
      { key: info.key ?? '', title: e.title, published: e.published, pages },
      info.sources.map((s) => s.source),
      info.sources.map((s) =>
        save.isSaved(s.key) ? { savedAt: 1, readState: 'unread' as const } : undefined,
      ),
    );
  }

  async function copyBibtex(info: EpisodeInfo): Promise<void> {
    if (!page.rootOf(info.host)) return;
    const keys = info.sources.flatMap((s) => (save.isSaved(s.key) ? [s.key!] : []));
    if (keys.length === 0) return page.say(info, t('bibtexNone'));
    const reply = await env.ask('bibtex', { keys: keys.slice(0, LIMITS.keys) });
    if (page.stopped()) return;
    if (!reply.ok) return page.say(info, reply.error.message, true);
    await copyToBar(info, reply.value.text);
  }

  return {
    source: {
      'copy-bibtex': (info, button) => void copySource(info, button, true),
      'copy-markdown': (info, button) => void copySource(info, button, false),
    },
    episode: {
      'copy-markdown': (info) => {
        if (page.rootOf(info.host)) void copyToBar(info, readingList(info));
      },
      'copy-bibtex': (info) => void copyBibtex(info),
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
