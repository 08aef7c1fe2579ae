/**
 * Importing a reference library (BibTeX, RIS or CSL-JSON, as reference managers export them),
 * so papers the listener already has show as saved from the first day.
 *
 * The file is read and written a chunk of entries at a time (library-parse.ts), each chunk in
 * one transaction of its own, whole or not at all; between two chunks the import reports how
 * far it got and may be cancelled, and the report then says how many entries were read. An
 * entry that cannot be read, or has nothing to key it by, is left out and listed with its line;
 * the others are imported.
 *
 * Entries become paper records keyed like every paper (see library-records.ts) and merge
 * through the store's own merge (`mergeRecord` with the paper rules). Nothing is overwritten
 * blindly: a field the library already has a value for keeps it (the imported value takes part
 * in the merge only where the library's is empty), tags, notes and addresses are joined, and an
 * unsaved paper becomes saved.
 */
import { mergeInto, type ImportCounts } from '@/lib/store/history';
import type { Store } from '@/lib/store/db';
import { mergeRecord, PAPER_COMBINE_RULES } from '@/lib/store/merge';
import type { PaperRecord } from '@/lib/store/schema';
import { entryToPaper, tagsProblem } from '@/lib/export/library-records';
import {
  libraryRefusal,
  openLibrary,
  refusedEntry,
  type LibraryReader,
  type LibraryRefusal,
  type RefusedEntry,
} from '@/lib/export/library-parse';
import { EXPORT_FORMATS, type PaperFormat } from '@/lib/export/formats';

/** How many refused entries a report lists (it counts them all). */
export const MAX_REFUSED_LISTED = 500;

/** What a library import did. */
export interface LibraryImportReport extends ImportCounts {
  format: PaperFormat;
  /** Entries in the file. */
  entries: number;
  /** Entries read: all of them, unless the import was cancelled. */
  read: number;
  /** Whether the import was cancelled; what was read before stays imported. */
  cancelled: boolean;
  /** Entries that name a paper an earlier entry of the file names; merged into it. */
  duplicates: number;
  /** Entries left out, in file order (at most {@link MAX_REFUSED_LISTED} of them). */
  refused: RefusedEntry[];
  /** How many entries were left out. */
  refusedCount: number;
}

/** How far an import got: entries read of those in the file. */
export interface LibraryImportProgress {
  running: boolean;
  done: number;
  total: number;
}

/** The outcome of a library import: its report, or why the file was refused (nothing changed). */
export type LibraryImportResult = { ok: true; report: LibraryImportReport } | LibraryRefusal;

/** What an import may be given: where to report progress, and when to stop. */
export interface LibraryImportOptions {
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Asked before each chunk; `true` stops the import there. */
  shouldStop?: () => boolean;
}

/** Whether a field's value is empty: `null`, `""` or `[]`. */
function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * `incoming` as it takes part in a merge with `local`: each field keeps its modified time (and
 * so can win) only where `local` has no value and `incoming` has one; every other field loses
 * to the local one. Joined fields (tags, note, addresses) are joined either way.
 */
export function onlyFillingGaps(local: PaperRecord, incoming: PaperRecord): PaperRecord {
  const modified: PaperRecord['modified'] = {};
  for (const [field, time] of Object.entries(incoming.modified) as [
    keyof PaperRecord['modified'],
    number,
  ][]) {
    if (isEmpty(local[field]) && !isEmpty(incoming[field])) modified[field] = time;
  }
  return { ...incoming, modified };
}

/** Merges an imported version of a paper into another without overwriting what it has. */
function mergeImported(local: PaperRecord, incoming: PaperRecord): PaperRecord {
  return mergeRecord(local, onlyFillingGaps(local, incoming), PAPER_COMBINE_RULES);
}

/** Writes one chunk's papers in one transaction: all of them, or (an error) none. */
async function writeChunk(store: Store, papers: readonly PaperRecord[]): Promise<ImportCounts> {
  const tx = store.db.transaction('papers', 'readwrite');
  // An abort rejects `done`; the error is reported through the rethrow below instead.
  tx.done.catch(() => {});
  try {
    const counts = await mergeInto(tx.objectStore('papers'), papers, (p) => p.key, mergeImported);
    await tx.done;
    return counts;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
}

/** One chunk of a library file as papers: each with the entry it comes from, and the refused. */
interface ChunkPapers {
  papers: { line: number; citeKey: string | null; paper: PaperRecord }[];
  refused: RefusedEntry[];
  /** Entries in the chunk, read or refused. */
  read: number;
  /** Entries the file's reader could read (keyed or not). */
  parsed: number;
}

/**
 * The chunks of `reader` as papers saved at `now`; an entry with nothing to key it by, or with
 * keywords past the tag limits, is refused.
 */
function* papersOf(reader: LibraryReader, now: number): Generator<ChunkPapers> {
  for (const chunk of reader.chunks) {
    const papers: ChunkPapers['papers'] = [];
    const refused = [...chunk.refused];
    for (const entry of chunk.entries) {
      const problem = tagsProblem(entry);
      const paper = problem ? null : entryToPaper(entry, now);
      if (paper) papers.push({ line: entry.line, citeKey: entry.key, paper });
      else refused.push(refusedEntry(entry.line, problem ?? { key: 'library.entryNoKey' }));
    }
    refused.sort((a, b) => a.line - b.line);
    yield {
      papers,
      refused,
      read: chunk.entries.length + chunk.refused.length,
      parsed: chunk.entries.length,
    };
  }
}

/**
 * The refusal of a file in which no entry could be read: why the first one could not, or
 * (none at all) that it holds none.
 */
function nothingRead(format: PaperFormat, first: RefusedEntry | undefined): LibraryRefusal {
  return libraryRefusal(
    first
      ? { key: 'library.nothingRead', params: { line: first.line }, reason: first.problem }
      : { key: 'library.empty', params: { format: EXPORT_FORMATS[format].label } },
  );
}

/** Lets the background answer other requests (progress, cancel) between two chunks. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Imports a library file (its text): `format`, or the one its first entry shows. A file that
 * is too large, of no known format, or holds no entry at all is refused with its reason and
 * nothing changes. Otherwise every entry that can be read and keyed is merged into the papers,
 * a chunk at a time (if a chunk fails midway it is aborted, the chunks before it stay, and the
 * error is thrown).
 */
export async function importLibrary(
  store: Store,
  text: string,
  format: PaperFormat | null = null,
  options: LibraryImportOptions = {},
): Promise<LibraryImportResult> {
  const reader = openLibrary(text, format);
  if (!reader.ok) return reader;
  const now = store.now();
  const counts: ImportCounts = { added: 0, updated: 0, skipped: 0 };
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  let refusedCount = 0;
  let read = 0;
  let parsed = 0;
  let duplicates = 0;
  let cancelled = false;
  const refuse = (entry: RefusedEntry) => {
    refusedCount++;
    if (refused.length < MAX_REFUSED_LISTED) refused.push(entry);
  };
  const chunks = papersOf(reader, now);
  options.onProgress?.({ done: 0, total: reader.total });
  for (;;) {
    if (options.shouldStop?.()) {
      cancelled = true;
      break;
    }
    const next = chunks.next();
    if (next.done) break;
    const chunk = next.value;
    const byKey = new Map<string, PaperRecord>();
    for (const { paper } of chunk.papers) {
      if (seen.has(paper.key)) duplicates++;
      seen.add(paper.key);
      const earlier = byKey.get(paper.key);
      byKey.set(paper.key, earlier ? mergeImported(earlier, paper) : paper);
    }
    chunk.refused.forEach(refuse);
    if (byKey.size > 0) {
      const written = await writeChunk(store, [...byKey.values()]);
      counts.added += written.added;
      counts.updated += written.updated;
      counts.skipped += written.skipped;
    }
    read += chunk.read;
    parsed += chunk.parsed;
    options.onProgress?.({ done: read, total: Math.max(read, reader.total) });
    await nextTask();
  }
  if (!cancelled && parsed === 0) return nothingRead(reader.format, refused[0]);
  return {
    ok: true,
    report: {
      format: reader.format,
      entries: cancelled ? Math.max(read, reader.total) : read,
      read,
      cancelled,
      ...counts,
      duplicates,
      refused,
      refusedCount,
    },
  };
}

/** The import the background is running (one at a time), with how far it got. */
let running: { done: number; total: number; cancel: boolean } | null = null;

/** How far the running import got (`running: false` when none runs). */
export function libraryImportProgress(): LibraryImportProgress {
  return running
    ? { running: true, done: running.done, total: running.total }
    : { running: false, done: 0, total: 0 };
}

/** Asks the running import to stop after its current chunk; answers whether one runs. */
export function cancelLibraryImport(): boolean {
  if (!running) return false;
  running.cancel = true;
  return true;
}

/**
 * {@link importLibrary} as the background runs it for the library page: one at a time (a
 * second one meanwhile is refused), its progress and cancelling reachable through
 * {@link libraryImportProgress} and {@link cancelLibraryImport}.
 */
export async function runLibraryImport(
  store: Store,
  text: string,
  format: PaperFormat | null,
): Promise<LibraryImportResult> {
  if (running) return libraryRefusal({ key: 'library.importRunning' });
  const job = { done: 0, total: 0, cancel: false };
  running = job;
  try {
    return await importLibrary(store, text, format, {
      onProgress: ({ done, total }) => {
        job.done = done;
        job.total = total;
      },
      shouldStop: () => job.cancel,
    });
  } finally {
    running = null;
  }
}

/** A paper of a dry run: what the library page would import from one entry. */
export type DryRunPaper = Pick<
  PaperRecord,
  'key' | 'title' | 'authors' | 'year' | 'arxivId' | 'doi'
> & {
  /** The entry's line, and its own key in the file. */
  line: number;
  citeKey: string | null;
};

/** What a dry run found: the papers, one per entry imported, and the entries refused. */
export type DryRunResult =
  | { ok: true; format: PaperFormat; papers: DryRunPaper[]; refused: RefusedEntry[] }
  | LibraryRefusal;

/**
 * What importing `text` would do, through the same reading and keying as {@link importLibrary},
 * writing nothing.
 */
export function dryRunLibrary(text: string, format: PaperFormat | null = null): DryRunResult {
  const reader = openLibrary(text, format);
  if (!reader.ok) return reader;
  const papers: DryRunPaper[] = [];
  const refused: RefusedEntry[] = [];
  let parsed = 0;
  for (const chunk of papersOf(reader, 0)) {
    parsed += chunk.parsed;
    for (const { line, citeKey, paper } of chunk.papers) {
      const { key, title, authors, year, arxivId, doi } = paper;
      papers.push({ key, title, authors, year, arxivId, doi, line, citeKey });
    }
    refused.push(...chunk.refused);
  }
  if (parsed === 0) return nothingRead(reader.format, refused[0]);
  return { ok: true, format: reader.format, papers, refused };
}
