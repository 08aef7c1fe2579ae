/**
 * Reading a reference library file (BibTeX, RIS or CSL-JSON, as Zotero exports them) with
 * citation-js into CSL-JSON items, each beside the raw fields CSL has no place for (an arXiv
 * `eprint`, every `UR`, PDF links, all notes, keywords as written). Nothing is fetched.
 */
import { englishText, firstLine, type ErrorText } from '../i18n/errors';
import { MAX_BACKUP_BYTES } from '../store/backup-format';
import { parseStep, parseToCsl, type CslData } from './citation-js';
import type { PaperFormat } from './papers';

/** One entry of a library file. */
export interface LibraryEntry {
  /** The entry as citation-js reads it. */
  csl: CslData;
  /** The entry's own fields before mapping (BibTeX fields lower case, RIS tags, CSL fields). */
  raw: Record<string, unknown>;
}

/**
 * The entries of a library file, or why it cannot be read: the `problem` to show in the page's
 * language (lib/i18n/errors.ts), and its English text.
 */
export type LibraryParseResult =
  { ok: true; format: PaperFormat; entries: LibraryEntry[] } | LibraryRefusal;

/** A refused library file (see {@link LibraryParseResult}). */
export interface LibraryRefusal {
  ok: false;
  reason: string;
  problem: ErrorText;
}

/** The refusal for `problem`, with its English text. */
export function libraryRefusal(problem: ErrorText): LibraryRefusal {
  return { ok: false, reason: englishText(problem), problem };
}

/** Larger library files are refused unread (the backup's limit, 50 MB). */
export const MAX_LIBRARY_BYTES = MAX_BACKUP_BYTES;

/** The format `text` is written in, by its first lines; `null` when it is none of them. */
export function detectPaperFormat(text: string): PaperFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^\s*TY {1,2}- /m.test(text)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  return null;
}

/** Whether `value` is a plain object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** BibTeX (or BibLaTeX) entries. */
function parseBibtex(text: string): LibraryEntry[] {
  const raw = parseStep(text, '@biblatex/text');
  if (!Array.isArray(raw)) return [];
  const entries = raw.filter(isObject);
  const csl = parseToCsl(entries, '@biblatex/entries+list');
  if (csl.length !== entries.length) throw new PartlyRead(csl.length, entries.length);
  return entries.map((entry, i) => ({
    csl: csl[i]!,
    raw: isObject(entry.properties) ? entry.properties : {},
  }));
}

/** RIS records. A record of a type citation-js does not know is read as `GEN` (generic). */
function parseRis(text: string): LibraryEntry[] {
  const raw = parseStep(text, '@ris/file');
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((record) => {
    let csl = parseToCsl(record, '@ris/record')[0] ?? {};
    // citation-js drops every field of an unknown type (`TY  - PREPRINT`, say).
    if (!csl.title && !csl.author && !csl.DOI && !csl.URL && record.TY !== 'GEN') {
      csl = parseToCsl({ ...record, TY: 'GEN' }, '@ris/record')[0] ?? {};
    }
    return { csl, raw: record };
  });
}

/** citation-js read fewer entries than the file holds. */
class PartlyRead extends Error {
  constructor(
    readonly read: number,
    readonly total: number,
  ) {
    super(`citation-js read ${read} of ${total} entries`);
  }
}

/** CSL-JSON: an array of items (or one item). */
function parseCslJson(text: string): LibraryEntry[] | ErrorText {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { key: 'library.notJson' };
  }
  const items = Array.isArray(value) ? value : [value];
  const bad = items.findIndex((item) => !isObject(item));
  if (bad >= 0) return { key: 'library.itemNotObject', params: { n: bad + 1 } };
  const csl = parseToCsl(items, '@csl/list+object');
  if (csl.length !== items.length) throw new PartlyRead(csl.length, items.length);
  return (items as Record<string, unknown>[]).map((raw, i) => ({ csl: csl[i]!, raw }));
}

/**
 * Reads a library file: `format`, or the one its first lines show. Refused with a reason (and
 * nothing read) when it is larger than `maxBytes`, of no known format, malformed, or holds no entry.
 */
export function parseLibrary(
  text: string,
  format: PaperFormat | null = null,
  maxBytes: number = MAX_LIBRARY_BYTES,
): LibraryParseResult {
  if (text.length > maxBytes || new Blob([text]).size > maxBytes) {
    return libraryRefusal({ key: 'library.tooLarge', params: { bytes: maxBytes } });
  }
  const found = format ?? detectPaperFormat(text);
  if (!found) return libraryRefusal({ key: 'library.unknownFormat' });
  let entries: LibraryEntry[];
  try {
    if (found === 'csl-json') {
      const read = parseCslJson(text);
      if (!Array.isArray(read)) return libraryRefusal(read);
      entries = read;
    } else {
      entries = found === 'bibtex' ? parseBibtex(text) : parseRis(text);
    }
  } catch (error) {
    if (error instanceof PartlyRead) {
      return libraryRefusal({
        key: 'library.partlyRead',
        params: { format: NAMES[found], read: error.read, total: error.total },
      });
    }
    // The detail is citation-js's own message (English): the language's frame around it.
    // One line, never a stack frame alone (the same cut the error texts give every detail), so
    // a message that is only a frame takes the bare refusal, not empty brackets.
    const detail = firstLine(error instanceof Error ? error.message : String(error));
    return libraryRefusal(
      detail === ''
        ? { key: 'library.unreadableBare', params: { format: NAMES[found] } }
        : { key: 'library.unreadable', params: { format: NAMES[found], detail } },
    );
  }
  if (entries.length === 0) {
    return libraryRefusal({ key: 'library.empty', params: { format: NAMES[found] } });
  }
  return { ok: true, format: found, entries };
}

const NAMES: Readonly<Record<PaperFormat, string>> = {
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};
