/**
 * A Citecast paper as a Zotero item, in the JSON that Zotero's connector endpoint
 * `/connector/saveItems` takes (Zotero's own `Zotero.Item.fromJSON` field names): the item type
 * closest to what Citecast knows, the creators, date, URL, DOI or arXiv id, the tags, and a
 * child note naming the episodes of the show that cite the paper.
 *
 * Zotero saves the items a connector sends with its attachments ignored (a connector uploads
 * files itself), so the PDF is not an attachment here: the note links to it, and
 * lib/zotero/send.ts uploads the file when the user allowed Citecast to fetch it.
 */
import type { CitingEpisode } from '@/lib/export/cited-by';
import { SHOW_NAME } from '@/lib/sites';
import { format, t, type Locale } from '@/lib/i18n/index';
import { isHttpUrl } from '@/lib/core/urls';
import { formatClock } from '@/lib/playback/moment';
import type { PaperRecord } from '@/lib/store/schema';

/** A creator as Zotero's item JSON writes it: split into first and last name, or one name. */
export type ZoteroCreator =
  | { creatorType: 'author'; firstName: string; lastName: string }
  | { creatorType: 'author'; name: string };

/** One item of a `/connector/saveItems` request. */
export interface ZoteroItem {
  /** The connector's own id of the item in this request (Zotero answers files by it). */
  id: string;
  itemType: 'preprint' | 'journalArticle' | 'conferencePaper' | 'document';
  title: string;
  creators: ZoteroCreator[];
  date?: string;
  url?: string;
  DOI?: string;
  /** `arXiv:ID` for a preprint (Zotero's "Archive ID"). */
  archiveID?: string;
  repository?: string;
  tags: { tag: string }[];
  notes: { itemType: 'note'; note: string }[];
  attachments: [];
}

/** A paper with what Citecast knows around it, as one Zotero item is made from. */
export interface PaperForZotero {
  paper: PaperRecord;
  /** The episodes that cite it, oldest first. */
  citedBy: readonly CitingEpisode[];
}

/** `text` with the characters HTML gives meaning to written as entities: page text is data. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A person's name split as Zotero does: the last word is the last name. */
export function zoteroCreator(name: string): ZoteroCreator {
  const parts = name.trim().split(/\s+/);
  const lastName = parts.pop() ?? '';
  if (parts.length === 0) return { creatorType: 'author', name: lastName };
  return { creatorType: 'author', firstName: parts.join(' '), lastName };
}

/** Whether `url` is a page of OpenReview, where conference papers are reviewed. */
function isOpenReview(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('openreview.net');
  } catch {
    return false;
  }
}

/** The item type closest to what Citecast knows of `paper`. */
function itemType(paper: PaperRecord): ZoteroItem['itemType'] {
  if (paper.arxivId) return 'preprint';
  if (paper.doi) return 'journalArticle';
  if (paper.urls.some(isOpenReview)) return 'conferencePaper';
  return 'document';
}

/** The page address the item points to: arXiv's abstract page, else the first http(s) link. */
function itemUrl(paper: PaperRecord): string | undefined {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  return paper.urls.find(isHttpUrl);
}

/** The child note: the citing episodes, the saved moment, and the PDF's address. */
function noteHtml(entry: PaperForZotero, locale: Locale, linkPdf: boolean): string {
  const { paper, citedBy } = entry;
  const show = `<i>${escapeHtml(SHOW_NAME)}</i>`;
  const lines = citedBy.map((episode) => {
    const title = `<i>${escapeHtml(episode.title ?? t('zotero.untitledEpisode', locale))}</i>`;
    const line = format(t('zotero.noteCited', locale), { show, episode: title });
    return episode.published ? `${line} (${escapeHtml(episode.published)})` : line;
  });
  if (paper.savedMoment) {
    const episode = citedBy.find((e) => e.key === paper.savedMoment!.episodeKey);
    const at = formatClock(paper.savedMoment.position);
    lines.push(
      episode?.title
        ? format(t('zotero.noteMomentIn', locale), {
            at,
            episode: `<i>${escapeHtml(episode.title)}</i>`,
          })
        : format(t('zotero.noteMoment', locale), { at }),
    );
  }
  if (linkPdf && paper.pdfUrl && isHttpUrl(paper.pdfUrl)) {
    const href = escapeHtml(paper.pdfUrl);
    lines.push(`PDF: <a href="${href}">${href}</a>`);
  }
  return lines.map((line) => `<p>${line}</p>`).join('');
}

/**
 * `entry` as the Zotero item `id` of a `/connector/saveItems` request. `linkPdf`: the note
 * links to the PDF (when its file is not uploaded).
 */
export function zoteroItem(
  entry: PaperForZotero,
  id: string,
  locale: Locale,
  linkPdf: boolean,
): ZoteroItem {
  const { paper } = entry;
  const note = noteHtml(entry, locale, linkPdf);
  const url = itemUrl(paper);
  return {
    id,
    itemType: itemType(paper),
    title: paper.title ?? paper.key,
    creators: paper.authors.map(zoteroCreator),
    ...(paper.year !== null ? { date: String(paper.year) } : {}),
    ...(url ? { url } : {}),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    ...(paper.arxivId ? { archiveID: `arXiv:${paper.arxivId}`, repository: 'arXiv' } : {}),
    tags: paper.tags.map((tag) => ({ tag })),
    notes: note ? [{ itemType: 'note', note }] : [],
    attachments: [],
  };
}
