/**
 * An entry of a library file as a paper record of the store: keyed like every paper
 * (`paperKey`: arXiv id from `eprint`, an arXiv link, an arXiv DOI or `arXiv:` in any field;
 * else the DOI; else the normalised title), saved at the import's time, unread, with its
 * keywords as tags and its notes (less the lines Citecast's own export adds) as its note.
 */
import { arxivPdfUrl, parseArxivId, parseArxivUrl, type ArxivRef } from '../links/arxiv';
import { doiFromUrl } from '../links/classify';
import { stampNew } from '../store/fields';
import { normaliseDoi, paperKey } from '../store/keys';
import { cleanTags } from '../store/papers';
import { PAPER_FIELDS, type PaperRecord } from '../store/schema';
import { bareDoi, CITED_IN_PREFIX } from './csl';
import type { LibraryEntry } from './library-parse';
import { joinName, type CslName } from './names';
import { htmlToText } from '../html-text';

/** Every string in `value` (a string, or a list of them). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Whether `url` is an http(s) address. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

/** The http(s) addresses in a Zotero/JabRef `file` field (`Description:path:type;…`). */
function fileFieldUrls(value: unknown): string[] {
  return strings(value).flatMap((field) =>
    [...field.replace(/\\:/g, ':').matchAll(/https?:\/\/[^\s;]+?(?=:[\w/+.-]*(?:;|$)|;|$)/gi)].map(
      (m) => m[0],
    ),
  );
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

/** The year of a CSL date (`date-parts`, or a four-digit year in its raw or literal form). */
function yearOf(date: unknown): number | null {
  if (typeof date !== 'object' || date === null) return null;
  const d = date as Record<string, unknown>;
  const parts = d['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number.parseInt(String(parts[0][0]), 10);
    if (Number.isInteger(year)) return year;
  }
  for (const text of [d.raw, d.literal]) {
    const m = typeof text === 'string' ? /\b(\d{4})\b/.exec(text) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/** The arXiv id of an entry: `eprint` (arXiv or untyped), an arXiv link, `arXiv:` in any field. */
function arxivOf(entry: LibraryEntry, urls: readonly string[]): ArxivRef | null {
  const { raw, csl } = entry;
  const prefix = strings(raw.archiveprefix ?? raw.eprinttype ?? raw.archivePrefix)[0];
  if (!prefix || /^arxiv$/i.test(prefix.trim())) {
    for (const eprint of strings(raw.eprint)) {
      const ref = parseArxivId(eprint.trim().replace(/^arXiv:\s*/i, ''));
      if (ref) return ref;
    }
  }
  for (const url of urls) {
    const ref = parseArxivUrl(url);
    if (ref) return ref;
  }
  for (const value of [...Object.values(csl), ...Object.values(raw)]) {
    for (const text of strings(value)) {
      const ref = arxivInText(text);
      if (ref) return ref;
    }
  }
  return null;
}

/**
 * The paper record for a library entry, saved at `now`, every field stamped with `now`; `null`
 * when the entry has no arXiv id, DOI or title to key it by.
 */
export function entryToPaper(entry: LibraryEntry, now: number): PaperRecord | null {
  const { csl, raw } = entry;
  const title = typeof csl.title === 'string' && csl.title.trim() !== '' ? csl.title.trim() : null;
  const authors = (Array.isArray(csl.author) ? (csl.author as CslName[]) : [])
    .map((name) => (typeof name === 'object' && name !== null ? joinName(name) : ''))
    .filter((name) => name !== '');
  const links = [
    ...strings(csl.URL),
    ...strings(raw.url),
    ...strings(raw.URL),
    ...strings(raw.UR),
  ].map((u) => u.trim());
  const pdfLinks = [...strings(raw.L1), ...strings(raw.L2), ...fileFieldUrls(raw.file)].map((u) =>
    u.trim(),
  );
  const urls = [...new Set(links.filter(isWebUrl))];
  const arxiv = arxivOf(entry, urls);
  const pdfUrl =
    pdfLinks.find((u) => isWebUrl(u) && isPdfUrl(u)) ??
    urls.find(isPdfUrl) ??
    (arxiv ? arxivPdfUrl(urls.map(parseArxivUrl).find((r) => r?.id === arxiv.id) ?? arxiv) : null);
  const doiText = strings(csl.DOI)[0] ?? strings(raw.doi)[0] ?? null;
  const doi =
    (doiText && normaliseDoi(doiText) ? bareDoi(doiText) : null) ??
    urls.map(doiFromUrl).find((d) => d !== null) ??
    null;
  const key = paperKey({ arxivId: arxiv?.id ?? null, doi, title, url: urls[0] ?? null });
  if (!key) return null;
  const keywords = [
    ...strings(raw.KW),
    ...(raw.KW === undefined ? strings(csl.keyword).flatMap((k) => k.split(/[,;]/)) : []),
  ];
  // RIS notes as written (one per `N1`); otherwise citation-js's, with LaTeX decoded.
  const notes = [...strings(raw.N1 ?? csl.note), ...strings(csl.annote)];
  return stampNew<PaperRecord>(
    {
      key,
      title,
      authors,
      year: yearOf(csl.issued),
      arxivId: arxiv?.id ?? null,
      doi,
      urls,
      pdfUrl,
      savedAt: now,
      savedFrom: null,
      readState: 'unread',
      tags: cleanTags(keywords),
      note: noteOf(notes),
    },
    PAPER_FIELDS,
    now,
  );
}
