/**
 * An entry of a library file as a paper record of the store: keyed like every paper
 * (`paperKey`: arXiv id from `eprint`, an arXiv link, an arXiv DOI or `arXiv:` in any field;
 * else the DOI; else the normalised title), saved at the import's time, unread, with its
 * keywords as tags and its notes (less the lines Citecast's own export adds) as its note.
 */
import { arxivPdfUrl } from '@/lib/links/arxiv';
import { parseArxivId, parseArxivUrl, type ArxivRef, doiFromUrl } from '@/lib/core/ids';
import { stampNew } from '@/lib/store/fields';
import { normaliseDoi, paperKey } from '@/lib/core/keys';
import { cleanTags } from '@/lib/store/papers';
import { LIMITS } from '@/lib/core/limits';
import type { ErrorText } from '@/lib/i18n/errors';
import { PAPER_FIELDS, type PaperRecord } from '@/lib/store/schema';
import { bareDoi, CITED_IN_PREFIX } from '@/lib/export/csl';
import type { LibraryEntry } from '@/lib/export/library-parse';
import { htmlToText } from '@/lib/html-text';

/** Whether `url` is an http(s) address. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

/** Whether `url` is a PDF: an arXiv PDF link or an address ending `.pdf`. */
function isPdfUrl(url: string): boolean {
  return (
    /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/pdf\//i.test(url) || /\.pdf(?:[?#]|$)/i.test(url)
  );
}

/** An arXiv id written in text: `arXiv:2501.00663v2`, `arXiv: hep-th/9901001`. */
function arxivInText(text: string): ArxivRef | null {
  for (const m of text.matchAll(
    /\barXiv:\s*([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/gi,
  )) {
    const ref = parseArxivId(`${m[1]}${m[2] ?? ''}`);
    if (ref) return ref;
  }
  return null;
}

/** Text of a note that may be HTML (Zotero's notes are): tags dropped, entities decoded. */
function noteText(note: string): string {
  return htmlToText(note);
}

/** A note line that only repeats what the record holds: Citecast's own "cited in", or an arXiv id. */
function isGeneratedLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(CITED_IN_PREFIX) || /^arXiv:\s*\S+(?:\s+\[[^\]]*\])?$/i.test(trimmed);
}

/** The listener's note from an entry's notes: generated lines dropped, paragraphs kept. */
function noteOf(notes: readonly string[]): string {
  return notes
    .map((n) =>
      noteText(n)
        .split('\n')
        .filter((line) => !isGeneratedLine(line))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .filter((n) => n !== '')
    .join('\n\n');
}

/** The arXiv id of an entry: `eprint` (arXiv or untyped), an arXiv link, `arXiv:` in any text. */
function arxivOf(entry: LibraryEntry, urls: readonly string[]): ArxivRef | null {
  const type = entry.eprintType?.trim();
  if (entry.eprint && (!type || /^arxiv$/i.test(type))) {
    const ref = parseArxivId(entry.eprint.trim().replace(/^arXiv:\s*/i, ''));
    if (ref) return ref;
  }
  for (const url of urls) {
    const ref = parseArxivUrl(url);
    if (ref) return ref;
  }
  for (const text of [...entry.notes, ...entry.texts]) {
    const ref = arxivInText(text);
    if (ref) return ref;
  }
  return null;
}

/**
 * Why an entry's keywords cannot be its tags: more than a paper holds, or one longer than a tag
 * may be. Such an entry is refused with this reason rather than stored with tags cut or
 * dropped; `null` when they fit.
 */
export function tagsProblem(entry: LibraryEntry): ErrorText | null {
  const tags = cleanTags(entry.keywords);
  if (tags.length > LIMITS.tags)
    return { key: 'library.entryTooManyTags', params: { max: LIMITS.tags } };
  if (tags.some((tag) => tag.length > LIMITS.tag))
    return { key: 'library.entryTagTooLong', params: { max: LIMITS.tag } };
  return null;
}

/**
 * The paper record for a library entry, saved at `now`, every field stamped with `now`; `null`
 * when the entry has no arXiv id, DOI or title to key it by.
 */
export function entryToPaper(entry: LibraryEntry, now: number): PaperRecord | null {
  const { title, authors } = entry;
  const urls = [...new Set(entry.links.map((u) => u.trim()).filter(isWebUrl))];
  const arxiv = arxivOf(entry, urls);
  const pdfUrl =
    entry.pdfLinks.map((u) => u.trim()).find((u) => isWebUrl(u) && isPdfUrl(u)) ??
    urls.find(isPdfUrl) ??
    (arxiv ? arxivPdfUrl(urls.map(parseArxivUrl).find((r) => r?.id === arxiv.id) ?? arxiv) : null);
  const doiText = entry.doi;
  const doi =
    (doiText && normaliseDoi(doiText) ? bareDoi(doiText) : null) ??
    urls.map(doiFromUrl).find((d) => d !== null) ??
    null;
  const key = paperKey({ arxivId: arxiv?.id ?? null, doi, title, url: urls[0] ?? null });
  if (!key) return null;
  return stampNew<PaperRecord>(
    {
      key,
      title,
      authors,
      year: entry.year,
      arxivId: arxiv?.id ?? null,
      doi,
      urls,
      pdfUrl,
      savedAt: now,
      savedFrom: null,
      readState: 'unread',
      tags: cleanTags(entry.keywords),
      note: noteOf(entry.notes),
    },
    PAPER_FIELDS,
    now,
  );
}
