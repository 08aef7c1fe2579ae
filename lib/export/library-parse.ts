/**
 * Reading a reference library file (BibTeX or BibLaTeX, RIS, CSL-JSON) entry by entry: what
 * can be read becomes a {@link LibraryEntry}, what cannot is a {@link RefusedEntry} with its
 * line and reason, and a file is refused as a whole only when nothing in it looks like an entry
 * (or it is too large, or of no known format). Nothing is fetched.
 *
 * BibTeX goes through `@retorquere/bibtex-parser` (Better BibTeX's parser: round-bracket
 * entries, `+` in field names, JabRef's `@comment` groups, any entry type, one bad entry
 * skipped, not fatal); RIS is split into records here and each record mapped by citation-js;
 * CSL-JSON is read as Zotero, Better BibTeX and citation-js write it. The file is read in
 * chunks of entries, so an import can show progress and stop between two of them.
 */
import {
  parse as parseBibtex,
  type Creator,
  type Entry,
  type Options as BibtexOptions,
} from '@retorquere/bibtex-parser';
import { htmlToText } from '@/lib/html-text';
import { englishText, firstLine, type ErrorText } from '@/lib/i18n/errors';
import { MAX_BACKUP_BYTES } from '@/lib/store/backup/format';
import { parseToCsl, type CslData } from '@/lib/export/citation-js';
import { cleanLibraryText } from '@/lib/export/library-text';
import { joinName, type CslName } from '@/lib/export/names';
import type { PaperFormat } from '@/lib/export/formats';

/** One entry of a library file, in the fields Citecast keeps, as the file writes them. */
export interface LibraryEntry {
  /** The line of the file the entry starts on (1 is the first). */
  line: number;
  /** The entry's own key (BibTeX key, RIS `ID`, CSL `id`), when it has one. */
  key: string | null;
  title: string | null;
  /** Authors; where there are none, the book's authors or the editors. */
  authors: string[];
  year: number | null;
  doi: string | null;
  /** Web addresses of the entry (`url`, RIS `UR`, CSL `URL`, BibDesk's), as written. */
  links: string[];
  /** Addresses of its full text (RIS `L1`/`L2`, a `file` field). */
  pdfLinks: string[];
  /** `eprint`, and the archive it names (`archivePrefix` or `eprinttype`). */
  eprint: string | null;
  eprintType: string | null;
  keywords: string[];
  notes: string[];
  /** Every other text of the entry (`journal`, `extra`, …), where an `arXiv:` id may be. */
  texts: string[];
}

/** An entry that could not be read: where it starts and why, in the page's language. */
export interface RefusedEntry {
  line: number;
  /** The English text of `problem`. */
  reason: string;
  problem: ErrorText;
}

/** A refused library file: the `problem` to show in the page's language, and its English text. */
export interface LibraryRefusal {
  ok: false;
  reason: string;
  problem: ErrorText;
}

/** The refusal for `problem`, with its English text. */
export function libraryRefusal(problem: ErrorText): LibraryRefusal {
  return { ok: false, reason: englishText(problem), problem };
}

/** The refused entry at `line` for `problem`. */
export function refusedEntry(line: number, problem: ErrorText): RefusedEntry {
  return { line, reason: englishText(problem), problem };
}

/** What one chunk of the file gave. */
export interface LibraryChunk {
  entries: LibraryEntry[];
  refused: RefusedEntry[];
}

/** A library file ready to be read chunk by chunk. */
export interface LibraryReader {
  ok: true;
  format: PaperFormat;
  /** How many entries the file holds, as counted before reading them. */
  total: number;
  chunks: Iterable<LibraryChunk>;
}

/** Larger library files are refused unread (the backup's limit, 50 MB). */
export const MAX_LIBRARY_BYTES = MAX_BACKUP_BYTES;

/** Entries read (and written) at a time. */
export const CHUNK_ENTRIES = 1000;

const RIS_START = /^[ \t]*TY {1,2}-/m;
const BIBTEX_START = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/m;

/** The format `text` is written in, by its first entry; `null` when it is none of them. */
export function detectPaperFormat(text: string): PaperFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  const ris = RIS_START.exec(text)?.index ?? -1;
  const bibtex = BIBTEX_START.exec(text)?.index ?? -1;
  if (ris >= 0 && (bibtex < 0 || ris < bibtex)) return 'ris';
  if (bibtex >= 0) return 'bibtex';
  return null;
}

/** Whether `value` is a plain object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every string in `value` (a string, or a list of them). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** `value` trimmed, with its runs of white space (line breaks too) made one space; or `null`. */
function oneLine(value: unknown): string | null {
  const text = strings(value)[0]?.replace(/\s+/g, ' ').trim().normalize('NFC');
  return text ? text : null;
}

/** The text of rich text (HTML markup, as Zotero and the BibTeX parser write titles), on one line. */
function richText(value: unknown): string | null {
  const text = oneLine(value);
  return text === null ? null : oneLine(htmlToText(text));
}

/** The first four-digit year in `values`. */
function yearIn(...values: unknown[]): number | null {
  for (const value of values) {
    const text = typeof value === 'number' ? String(value) : (strings(value)[0] ?? '');
    // `-2000` is a year before the common era, not 2000.
    const m = /(?:^|[^\d-])(\d{4})(?!\d)/.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Keywords written in one field, split at commas and semicolons. */
function splitKeywords(values: readonly string[]): string[] {
  return values.flatMap((k) => k.split(/[,;]/)).map((k) => k.trim());
}

/** Counts the line breaks of `text` between `from` and `to`. */
function linesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Gives the line each offset of `text` is on, for offsets asked in increasing order. */
function lineCounter(text: string, firstLine = 1) {
  let at = 0;
  let line = firstLine;
  return (offset: number): number => {
    if (offset < at) return line;
    line += linesBetween(text, at, offset);
    at = offset;
    return line;
  };
}

// BibTeX -----------------------------------------------------------------------------------

/** A BibTeX name as the store keeps authors. */
function creatorName(creator: Creator): string {
  // The parser writes accents as combining marks (`u` + `¨`); the store keeps composed text.
  if (creator.name) return creator.name.trim().normalize('NFC');
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ')
    .normalize('NFC');
}

/** The names of a creator list, without `and others`. */
function creatorNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return (list as Creator[])
    .filter((c) => isObject(c) && !(c.lastName === 'others' && !c.firstName))
    .map(creatorName)
    .filter((name) => name !== '');
}

/** The addresses in a `file` field (`Description:path:type;…`, or a list of them). */
function fileFieldUrls(value: unknown): string[] {
  return strings(value).flatMap((field) =>
    [...field.replace(/\\:/g, ':').matchAll(/https?:\/\/[^\s;]+?(?=:[\w/+.-]*(?:;|$)|;|$)/gi)].map(
      (m) => m[0],
    ),
  );
}

/** Fields whose text Citecast keeps; every other field is read verbatim, without LaTeX. */
const BIBTEX_TEXT_FIELDS =
  /^(?!(?:title|author|bookauthor|editor|keywords|tags|note|annote|annotation|journal|journaltitle|howpublished|year|date)$)/;

/**
 * Fields Citecast reads (or the parser needs: `crossref`). The parser reads every value as
 * LaTeX, at about 20 ms a kilobyte, so an abstract of 2 kB made an entry cost ~50 ms and one
 * of 50 MB never ended; the values of other fields are emptied before it sees them.
 */
const KEPT_FIELDS =
  /^(?:title|author|bookauthor|editor|year|date|doi|url|eprint|archiveprefix|eprinttype|keywords|tags|note|annote|annotation|file|crossref|booktitle|bdsk-url-\d+|remote-url)$/i;
/** Fields kept only when they hold what Citecast looks for there: an arXiv id or an address. */
const KEPT_IF_LINK = /^(?:journal|journaltitle|howpublished)$/i;

/**
 * The offset just past the braced or quoted value starting at `at`, or -1 when it does not
 * close before a line that opens another entry (the parser then says what is wrong).
 */
function valueEnd(text: string, at: number): number {
  const quoted = text[at] === '"';
  let depth = 0;
  for (let i = at + (quoted ? 1 : 0); i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (!quoted && depth === 0) return i + 1;
      if (depth < 0) return -1;
    } else if (c === '"' && quoted && depth === 0) return i + 1;
    else if (c === '@' && text[i - 1] === '\n') return -1;
  }
  return -1;
}

/**
 * `text` with the braced or quoted values of the fields Citecast does not read emptied, their
 * line breaks kept (so every line number stays). Comments, strings and preambles are left alone.
 */
export function emptyUnreadFields(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    const head = /^@[ \t]*([A-Za-z]+)\s*([{(])/.exec(text.slice(at, at + 80));
    if (!head || /^(?:comment|string|preamble)$/i.test(head[1]!)) {
      i = at + 1;
      continue;
    }
    const close = head[2] === '{' ? '}' : ')';
    i = at + head[0].length;
    while (i < text.length) {
      const c = text[i]!;
      if (c === close || (c === '@' && text[i - 1] === '\n')) break;
      if (c === '{' || c === '"') {
        const end = valueEnd(text, i);
        i = end < 0 ? i + 1 : end;
        continue;
      }
      if (c !== '=') {
        i++;
        continue;
      }
      const name = /([^\s,={}()"#]+)\s*$/.exec(text.slice(Math.max(0, i - 100), i))?.[1] ?? '';
      let start = i + 1;
      while (/\s/.test(text[start] ?? '')) start++;
      const end = text[start] === '{' || text[start] === '"' ? valueEnd(text, start) : -1;
      const kept =
        KEPT_FIELDS.test(name) ||
        (KEPT_IF_LINK.test(name) && /arxiv|https?:/i.test(text.slice(start, end)));
      if (end > 0 && !kept) {
        out.push(
          text.slice(copied, start + 1),
          text.slice(start + 1, end - 1).replace(/[^\n]/g, ''),
        );
        copied = end - 1;
      }
      i = end > 0 ? end : start;
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** A BibTeX entry in Citecast's fields. */
function bibtexEntry(entry: Entry, line: number): LibraryEntry {
  const f = entry.fields as Record<string, unknown>;
  const authors = [f.author, f.bookauthor, f.editor]
    .map(creatorNames)
    .find((names) => names.length > 0);
  const links = Object.entries(f)
    .filter(([name]) => /^(?:url|bdsk-url-\d+|remote-url)$/.test(name))
    .flatMap(([, value]) => strings(value));
  const howpublished = strings(f.howpublished).flatMap((h) => h.match(/https?:\/\/\S+/g) ?? []);
  const texts = Object.entries(f)
    .filter(([name]) => !/^(?:file|abstract|bdsk-file-\d+)$/.test(name))
    .flatMap(([, value]) => strings(value));
  return {
    line,
    key: entry.key || null,
    // The parser writes LaTeX markup as HTML (`{\\sc …}`, `\\emph{…}`): its text is the title.
    title: richText(f.title),
    authors: authors ?? [],
    year: yearIn(f.year, f.date),
    doi: oneLine(f.doi),
    links: [...links, ...howpublished],
    pdfLinks: fileFieldUrls(f.file),
    eprint: oneLine(f.eprint),
    eprintType: oneLine(f.archiveprefix ?? f.eprinttype),
    keywords: [...strings(f.keywords), ...splitKeywords(strings(f.tags))].map((k) =>
      k.normalize('NFC'),
    ),
    // A paragraph break comes back as `<p>`: the note keeps it as an empty line.
    notes: [...strings(f.note), ...strings(f.annote), ...strings(f.annotation)].map((n) =>
      n.replace(/<p>/g, '\n\n').normalize('NFC'),
    ),
    texts,
  };
}

/** Where each chunk of a BibTeX file starts: every `CHUNK_ENTRIES`-th line that opens with `@`. */
function bibtexChunkStarts(text: string): { starts: number[]; total: number } {
  const starts = [0];
  let total = 0;
  let seen = 0;
  for (const m of text.matchAll(/^[ \t]*@[ \t]*([A-Za-z]*)/gm)) {
    if (!/^(?:comment|string|preamble)$/i.test(m[1]!)) total++;
    if (++seen % CHUNK_ENTRIES === 0) starts.push(m.index);
  }
  return { starts, total };
}

/** A parser complaint as the reason shown for an entry. */
function bibtexProblem(message: string): ErrorText {
  const detail = firstLine(message.replace(/ at line \d+, column \d+.*$/s, ''), 160);
  if (/^(?:Runaway|Unterminated|Unmatched)|expected "[})]"/.test(detail)) {
    return { key: 'library.entryUnclosed' };
  }
  if (/call stack|too much recursion/i.test(detail)) return { key: 'library.entryTooDeep' };
  return detail === ''
    ? { key: 'library.entryUnreadableBare' }
    : { key: 'library.entryUnreadable', params: { detail } };
}

/** Options of every BibTeX parse: no case changes, no LaTeX where Citecast keeps no text. */
const BIBTEX_OPTIONS: BibtexOptions = {
  sentenceCase: false,
  english: false,
  unsupported: 'ignore',
  verbatimFields: [BIBTEX_TEXT_FIELDS],
  applyCrossRef: true,
};

/** What the parser gave for a piece of the file, with the line the piece starts on. */
interface ParsedPiece {
  text: string;
  line: number;
  library: ReturnType<typeof parseBibtex> | null;
  failure: string | null;
}

/**
 * Parses a chunk; should the parser fail on it as a whole (it gives up only on its own
 * complaints, and throws on anything else), each entry of the chunk is parsed alone instead,
 * so only the entry it fails on is lost.
 */
function parseChunk(text: string, line: number, strings: Record<string, string>): ParsedPiece[] {
  try {
    return [
      { text, line, library: parseBibtex(text, { ...BIBTEX_OPTIONS, strings }), failure: null },
    ];
  } catch {
    const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index);
    if (starts[0] !== 0) starts.unshift(0);
    const lineOf = lineCounter(text, line);
    return starts.map((from, i) => {
      const piece = text.slice(from, starts[i + 1] ?? text.length);
      const at = lineOf(from);
      try {
        return {
          text: piece,
          line: at,
          library: parseBibtex(piece, { ...BIBTEX_OPTIONS, strings }),
          failure: null,
        };
      } catch (error) {
        return {
          text: piece,
          line: at,
          library: null,
          failure: error instanceof Error ? error.message : String(error),
        };
      }
    });
  }
}

/** The entries and refusals of one parsed piece. */
function pieceEntries(piece: ParsedPiece, chunk: LibraryChunk): void {
  const { text, line: first, library } = piece;
  if (!library) {
    if (text.trim() !== '')
      chunk.refused.push(refusedEntry(first, bibtexProblem(piece.failure ?? '')));
    return;
  }
  const lineOf = lineCounter(text, first);
  let cursor = 0;
  for (const entry of library.entries) {
    // An entry the parser gave up on midway comes back without its text; its error says why.
    if (!entry.input) continue;
    const at = text.indexOf(entry.input, cursor);
    if (at >= 0) cursor = at + entry.input.length;
    chunk.entries.push(bibtexEntry(entry, lineOf(Math.max(at, 0))));
  }
  for (const error of library.errors) {
    const input = error.input ?? '';
    // Warnings (a LaTeX command it does not know, an undefined @string) keep their entry.
    if (
      error.error.startsWith('unhandled ') ||
      (input === '' && !/ at line \d+/.test(error.error))
    ) {
      continue;
    }
    // The error's input is the entry's text from its start; else its line is where it was noticed.
    const at = input === '' ? -1 : text.indexOf(input);
    const noticed = / at line (\d+), column \d+/.exec(error.error);
    const line =
      at >= 0 ? first + linesBetween(text, 0, at) : first + Number(noticed?.[1] ?? 1) - 1;
    chunk.refused.push(refusedEntry(line, bibtexProblem(error.error)));
  }
}

/** The chunks of a BibTeX file. */
function* bibtexChunks(text: string, starts: readonly number[]): Generator<LibraryChunk> {
  let strings: Record<string, string> = {};
  const lineOf = lineCounter(text);
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i]!;
    const chunk: LibraryChunk = { entries: [], refused: [] };
    for (const piece of parseChunk(
      text.slice(from, starts[i + 1] ?? text.length),
      lineOf(from),
      strings,
    )) {
      if (piece.library) strings = { ...strings, ...piece.library.strings };
      pieceEntries(piece, chunk);
    }
    chunk.refused.sort((a, b) => a.line - b.line);
    yield chunk;
  }
}

// RIS ----------------------------------------------------------------------------------------

const RIS_TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;
/** Tags that may come more than once and keep every value; others keep their first. */
const RIS_LISTS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'ED', 'KW', 'N1', 'UR', 'L1', 'L2', 'L4']);

/** One RIS record: its tags' values, and the line its `TY` is on. */
interface RisRecord {
  line: number;
  tags: Record<string, string[]>;
}

/**
 * The records of a RIS file. A record starts at `TY` and ends at `ER`, at the next `TY` (a
 * missing `ER`) or at the end of the file; a line without a tag continues the value before it.
 */
function risRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | null = null;
  let last: string[] | null = null;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = RIS_TAG.exec(line.trimStart());
    if (m) {
      const tag = m[1]!;
      const value = (m[2] ?? '').trim();
      if (tag === 'TY') {
        current = { line: i + 1, tags: { TY: [value] } };
        records.push(current);
        last = null;
      } else if (tag === 'ER') {
        current = null;
        last = null;
      } else if (current) {
        last = current.tags[tag] ??= [];
        last.push(value);
      }
    } else if (current && last && line.trim() !== '') {
      last[last.length - 1] = `${last[last.length - 1]}\n${line.trim()}`;
    }
  }
  // A `TY` line followed by nothing (another `TY`, `ER`) holds no reference.
  return records.filter((r) =>
    Object.entries(r.tags).some(([tag, values]) => tag !== 'TY' && values.some((v) => v !== '')),
  );
}

/** A RIS record as citation-js takes it: one value per tag, or a list for the repeated kinds. */
function risInput(tags: Record<string, string[]>): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [tag, values] of Object.entries(tags)) {
    const kept = values.filter((v) => v !== '');
    if (kept.length === 0) continue;
    input[tag] = RIS_LISTS.has(tag) ? kept : kept[0]!;
  }
  return input;
}

/** The CSL of a RIS record; one of a type citation-js does not know is read as `GEN`. */
function risCsl(input: Record<string, string | string[]>): CslData {
  let csl = parseToCsl(input, '@ris/record')[0] ?? {};
  // citation-js drops every field of an unknown type (`TY  - PREPRINT`, say).
  if (!csl.title && !csl.author && !csl.DOI && !csl.URL && input.TY !== 'GEN') {
    csl = parseToCsl({ ...input, TY: 'GEN' }, '@ris/record')[0] ?? {};
  }
  return csl;
}

/** The names of a CSL name list. */
function cslNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return (list as CslName[])
    .map((name) => (isObject(name) ? joinName(name) : typeof name === 'string' ? name : ''))
    .filter((name) => name !== '');
}

/** The year of a CSL date (`date-parts`, or a year in its raw or literal form). */
function cslYear(date: unknown): number | null {
  if (!isObject(date)) return yearIn(date);
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number.parseInt(String(parts[0][0]), 10);
    if (Number.isInteger(year)) return year;
  }
  return yearIn(date.raw, date.literal);
}

/** A RIS name (`Family, Given`, or as written) as the store keeps authors: `Given Family`. */
function risName(name: string): string {
  const [family, given] = name.split(',', 2).map((part) => part.trim());
  return given ? `${given} ${family}` : name.trim();
}

/** A RIS record in Citecast's fields. */
function risEntry(record: RisRecord): LibraryEntry {
  const { tags } = record;
  const input = risInput(tags);
  const csl = risCsl(input);
  const authors = [csl.author, csl['container-author'], csl.editor]
    .map(cslNames)
    .find((names) => names.length > 0);
  const editors = (tags.ED ?? []).map(risName).filter((name) => name !== '');
  const all = Object.values(tags).flat();
  return {
    line: record.line,
    key: oneLine(tags.ID),
    title: oneLine(csl.title) ?? oneLine(tags.TI ?? tags.T1 ?? tags.CT ?? tags.BT),
    authors: authors ?? editors,
    year: cslYear(csl.issued) ?? yearIn(tags.PY?.[0], tags.Y1?.[0], tags.DA?.[0]),
    doi: oneLine(csl.DOI) ?? oneLine(tags.DO),
    links: [...strings(csl.URL), ...(tags.UR ?? [])],
    pdfLinks: [...(tags.L1 ?? []), ...(tags.L2 ?? [])],
    eprint: null,
    eprintType: null,
    keywords: tags.KW ?? [],
    notes: tags.N1 ?? [],
    texts: all,
  };
}

/** The chunks of a RIS file. */
function* risChunks(records: readonly RisRecord[]): Generator<LibraryChunk> {
  for (let i = 0; i < records.length; i += CHUNK_ENTRIES) {
    const entries: LibraryEntry[] = [];
    const refused: RefusedEntry[] = [];
    for (const record of records.slice(i, i + CHUNK_ENTRIES)) {
      try {
        entries.push(risEntry(record));
      } catch (error) {
        const detail = firstLine(error instanceof Error ? error.message : String(error), 160);
        refused.push(
          refusedEntry(
            record.line,
            detail === ''
              ? { key: 'library.entryUnreadableBare' }
              : { key: 'library.entryUnreadable', params: { detail } },
          ),
        );
      }
    }
    yield { entries, refused };
  }
}

// CSL-JSON -----------------------------------------------------------------------------------

/** The offset where each item of a top-level JSON array starts (strings skipped). */
function jsonItemOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectItem && !/\s/.test(c)) {
      offsets.push(i);
      expectItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1 && c === '[') expectItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectItem = true;
  }
  return offsets;
}

/** A CSL-JSON item (as Zotero, Better BibTeX or citation-js write it) in Citecast's fields. */
function cslEntry(item: Record<string, unknown>, line: number): LibraryEntry {
  const authors = [item.author, item['container-author'], item.editor]
    .map(cslNames)
    .find((names) => names.length > 0);
  const texts = Object.values(item).flatMap((value) => strings(value));
  return {
    line,
    key: oneLine(item['citation-key'] ?? item.id) ?? null,
    // Zotero writes rich text in titles (`<i>…</i>`, `<span class="nocase">`).
    title: richText(item.title),
    authors: authors ?? [],
    year: cslYear(item.issued),
    doi: oneLine(item.DOI),
    links: strings(item.URL),
    pdfLinks: [],
    eprint: null,
    eprintType: null,
    keywords: splitKeywords(strings(item.keyword)),
    notes: [...strings(item.note), ...strings(item.annote)],
    texts,
  };
}

/** The chunks of a CSL-JSON file's items. */
function* cslChunks(items: readonly unknown[], text: string): Generator<LibraryChunk> {
  const offsets = jsonItemOffsets(text);
  const lineOf = lineCounter(text);
  for (let i = 0; i < items.length; i += CHUNK_ENTRIES) {
    const entries: LibraryEntry[] = [];
    const refused: RefusedEntry[] = [];
    items.slice(i, i + CHUNK_ENTRIES).forEach((item, j) => {
      const n = i + j;
      const line = lineOf(offsets[n] ?? 0);
      if (isObject(item)) entries.push(cslEntry(item, line));
      else refused.push(refusedEntry(line, { key: 'library.itemNotObject', params: { n: n + 1 } }));
    });
    yield { entries, refused };
  }
}

// The file -----------------------------------------------------------------------------------

/**
 * Opens a library file for reading chunk by chunk: `format`, or the one its first entry shows.
 * Refused unread when it is larger than `maxBytes`, of no known format, or (CSL-JSON) not JSON.
 */
export function openLibrary(
  text: string,
  format: PaperFormat | null = null,
  maxBytes: number = MAX_LIBRARY_BYTES,
): LibraryReader | LibraryRefusal {
  if (text.length > maxBytes || new Blob([text]).size > maxBytes) {
    return libraryRefusal({ key: 'library.tooLarge', params: { bytes: maxBytes } });
  }
  const clean = cleanLibraryText(text);
  const found = format ?? detectPaperFormat(clean);
  if (!found) return libraryRefusal({ key: 'library.unknownFormat' });
  if (found === 'csl-json') {
    let value: unknown;
    try {
      value = JSON.parse(clean);
    } catch {
      return libraryRefusal({ key: 'library.notJson' });
    }
    const items = Array.isArray(value) ? value : [value];
    return { ok: true, format: found, total: items.length, chunks: cslChunks(items, clean) };
  }
  if (found === 'ris') {
    const records = risRecords(clean);
    return { ok: true, format: found, total: records.length, chunks: risChunks(records) };
  }
  const bibtex = emptyUnreadFields(clean);
  const { starts, total } = bibtexChunkStarts(bibtex);
  return { ok: true, format: found, total, chunks: bibtexChunks(bibtex, starts) };
}
