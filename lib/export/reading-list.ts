/**
 * A Markdown reading list for one episode: its title, date and page, then each source of its
 * source list as `- [Title](pdf or address) — Authors, Year`, marked `saved` and `reading` /
 * `read` from the library; and the library page's export of saved papers as such a list. Only
 * http(s) addresses become links.
 */
import type { PaperWithCitations } from '@/lib/export/cited-by';
import type { EpisodeRecord, PaperRecord, SourceSnapshot } from '@/lib/store/schema';

const SHOW_HOST = 'podcast.do-not-panic.com';

/** `text` with Markdown's special characters escaped, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** `url` for a Markdown link target when it is an http(s) address, else `null`. */
export function markdownUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The episode's page to link: one on the show's own site if seen there, else the first seen. */
function episodePage(episode: Pick<EpisodeRecord, 'pages'>): string | null {
  const pages = episode.pages.map(markdownUrl).filter((u): u is string => u !== null);
  return pages.find((u) => new URL(u).hostname === SHOW_HOST) ?? pages[0] ?? null;
}

/** What a reading list shows of a source. */
export type ReadingListSource = Pick<
  SourceSnapshot,
  'title' | 'url' | 'pdfUrl' | 'authors' | 'year'
>;

/** The library's marks of a source's paper (saved; reading or read). */
export type ReadingListMarks = Pick<PaperRecord, 'savedAt' | 'readState'>;

/** What a reading list shows of its episode. */
export type ReadingListEpisode = Pick<EpisodeRecord, 'key' | 'title' | 'published' | 'pages'>;

/** One source as a list item, with the library's marks for its paper. */
function sourceLine(source: ReadingListSource, paper: ReadingListMarks | undefined): string {
  const title = escapeMarkdown(source.title ?? source.url ?? 'Untitled');
  const url = markdownUrl(source.pdfUrl) ?? markdownUrl(source.url);
  const parts = [url ? `[${title}](${url})` : title];
  const byline = [
    source.authors.map(escapeMarkdown).join(', '),
    source.year === null ? '' : String(source.year),
  ].filter((s) => s !== '');
  if (byline.length > 0) parts.push(` — ${byline.join(', ')}`);
  const marks: string[] = [];
  if (paper?.savedAt != null) marks.push('saved');
  if (paper && paper.readState !== 'unread') marks.push(paper.readState);
  if (marks.length > 0) parts.push(` · ${marks.join(' · ')}`);
  return `- ${parts.join('')}`;
}

/**
 * One source as a Markdown link, `[Title](url) — Authors, Year`: the per-source "copy as
 * Markdown" of the page controls. The arXiv abstract page is linked for an arXiv paper (a link
 * people share), else the cited address; no link when neither is http(s).
 */
export function sourceMarkdownLink(source: ReadingListSource & { arxivId: string | null }): string {
  const abs = source.arxivId ? `https://arxiv.org/abs/${source.arxivId}` : null;
  const line = sourceLine({ ...source, pdfUrl: abs ?? source.pdfUrl }, undefined);
  return line.slice(2);
}

/**
 * The Markdown reading list of `episode` with its `sources` (in order) and, for each, the marks of
 * its paper in the library (`papers[i]`, if any). No store needed: the content script builds it
 * from the page.
 */
export function readingListMarkdown(
  episode: ReadingListEpisode,
  sources: readonly ReadingListSource[],
  papers: readonly (ReadingListMarks | undefined)[],
): string {
  const lines = [`# ${escapeMarkdown(episode.title ?? episode.key)}`, ''];
  const about: string[] = [];
  if (episode.published) about.push(episode.published);
  const page = episodePage(episode);
  if (page) about.push(`[Episode page](${page})`);
  if (about.length > 0) lines.push(about.join(' · '), '');
  lines.push('## Sources', '');
  if (sources.length === 0) lines.push('No sources recorded.');
  sources.forEach((source, i) => lines.push(sourceLine(source, papers[i])));
  return `${lines.join('\n')}\n`;
}

/** One paper as a Markdown list item, with its marks, tags and the episodes citing it. */
function markdownItem({ paper, citedBy }: PaperWithCitations): string {
  const title = escapeMarkdown(paper.title ?? paper.urls[0] ?? paper.key);
  const url = markdownUrl(paper.pdfUrl) ?? paper.urls.map(markdownUrl).find((u) => u !== null);
  const parts = [url ? `[${title}](${url})` : title];
  const byline = [
    paper.authors.map(escapeMarkdown).join(', '),
    paper.year === null ? '' : String(paper.year),
  ].filter((s) => s !== '');
  if (byline.length > 0) parts.push(` — ${byline.join(', ')}`);
  if (paper.readState !== 'unread') parts.push(` · ${paper.readState}`);
  if (paper.tags.length > 0)
    parts.push(` · ${paper.tags.map((t) => escapeMarkdown(t)).join(', ')}`);
  const lines = [`- ${parts.join('')}`];
  if (citedBy.length > 0) {
    const episodes = citedBy.map((e) => {
      const name = escapeMarkdown(e.title ?? e.key);
      return e.published ? `${name} (${e.published})` : name;
    });
    lines.push(`  - Cited in: ${episodes.join('; ')}`);
  }
  return lines.join('\n');
}

/** The papers as a Markdown reading list, in the order given. */
export function papersToMarkdown(entries: readonly PaperWithCitations[]): string {
  const lines = ['# Reading list', '', ...entries.map(markdownItem)];
  return `${lines.join('\n')}\n`;
}
