/**
 * Importing a reference library (BibTeX, RIS or CSL-JSON, as Zotero exports them), so papers
 * the listener already has show as saved from the first day.
 *
 * Entries become paper records keyed like every paper (see library-records.ts) and merge into
 * the store through the store's own merge (`mergeRecord` with the paper rules, in `mergeInto`),
 * in one transaction: all or nothing. Nothing is overwritten blindly: a field the library
 * already has a value for keeps it (the imported value takes part in the merge only where the
 * library's is empty), tags, notes and addresses are joined, and an unsaved paper becomes saved.
 */
import { mergeInto, type ImportCounts } from '../store/backup';
import type { Store } from '../store/db';
import { mergeRecord, PAPER_COMBINE_RULES } from '../store/merge';
import type { PaperRecord } from '../store/schema';
import { entryToPaper } from './library-records';
import { libraryRefusal, parseLibrary, type LibraryRefusal } from './library-parse';
import type { PaperFormat } from './papers';

/** What a library import did. */
export interface LibraryImportReport extends ImportCounts {
  format: PaperFormat;
  /** Entries in the file. */
  entries: number;
  /** Entries with no arXiv id, DOI or title to key them by; left out. */
  unusable: number;
  /** Entries that name a paper an earlier entry of the file names; merged into it. */
  duplicates: number;
}

/** The outcome of a library import: its report, or why the file was refused (nothing changed). */
export type LibraryImportResult = { ok: true; report: LibraryImportReport } | LibraryRefusal;

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

/**
 * Imports a library file (its text): `format`, or the one its first lines show. A file that is
 * too large, of no known format, malformed or without entries is refused with its reason and
 * nothing changes. Otherwise every entry that can be keyed is merged into the papers in one
 * transaction (if anything fails midway it is aborted, nothing changes, and the error is thrown).
 */
export async function importLibrary(
  store: Store,
  text: string,
  format: PaperFormat | null = null,
): Promise<LibraryImportResult> {
  const parsed = parseLibrary(text, format);
  if (!parsed.ok) return parsed;
  const now = store.now();
  const byKey = new Map<string, PaperRecord>();
  let unusable = 0;
  let duplicates = 0;
  for (const entry of parsed.entries) {
    const paper = entryToPaper(entry, now);
    if (!paper) {
      unusable++;
      continue;
    }
    const earlier = byKey.get(paper.key);
    if (earlier) duplicates++;
    byKey.set(paper.key, earlier ? mergeImported(earlier, paper) : paper);
  }
  if (byKey.size === 0) {
    return libraryRefusal({ key: 'library.noKeys', params: { count: parsed.entries.length } });
  }
  const tx = store.db.transaction('papers', 'readwrite');
  // An abort rejects `done`; the error is reported through the rethrow below instead.
  tx.done.catch(() => {});
  try {
    const counts = await mergeInto(
      tx.objectStore('papers'),
      [...byKey.values()],
      (p) => p.key,
      mergeImported,
    );
    await tx.done;
    return {
      ok: true,
      report: {
        format: parsed.format,
        entries: parsed.entries.length,
        ...counts,
        unusable,
        duplicates,
      },
    };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
}
