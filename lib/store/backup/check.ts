/**
 * Checking a backup file before anything is written: its size, its JSON, its format and
 * version, then every record of every store (and every arXiv link), field by field, and no key
 * twice. A refusal is a text the page shows in its language (lib/i18n/errors.ts).
 */
import { titleCacheKey } from '@/lib/core/keys';
import { englishText, type ErrorText } from '@/lib/i18n/errors';
import { LIMITS } from '@/lib/core/limits';
import { parseArxivId } from '@/lib/links/arxiv';
import { parseEpisodeStem } from '@/lib/links/episodes';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  READABLE_BACKUP_VERSIONS,
  type BackupReadResult,
  type Backup,
} from '@/lib/store/backup/format';
import {
  CITATION_FIELDS,
  EPISODE_FIELDS,
  LISTEN_FIELDS,
  PAPER_FIELDS,
  STORE_NAMES,
  type StoreName,
} from '@/lib/store/schema';
import { READ_STATES } from '@/lib/core/paper';
import {
  arrayOf,
  boolean,
  fieldTimes,
  nullable,
  number,
  object,
  oneOf,
  optional,
  refusal,
  string,
  time,
  type Check,
} from '@/lib/store/backup/validate';

// One bound per field, the same as the messages' (lib/limits.ts): whatever a backup brings in can
// be shown, edited and sent back by the pages.
const key = string({ nonEmpty: true, maxLength: LIMITS.key });
const text = string();
const note = string({ maxLength: LIMITS.note });
const tags = arrayOf(string({ maxLength: LIMITS.tag }), { maxLength: LIMITS.tags });
const count = number({ min: 0 });
const nullableText = nullable(text);

/** An ISO 8601 date-time that `Date.parse` reads, from 1970 on. */
const isoTime: Check = (value, path) => {
  const ms =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? refusal('check.isoTime', path) : time(ms, path);
};

/** A set's item times: for each item (a tag), when it was last added and last removed. */
const itemTimes: Check = (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refusal('check.object', path);
  }
  const entries = Object.entries(value);
  if (entries.length > 2 * LIMITS.tags) {
    return refusal('check.maxItems', path, { max: 2 * LIMITS.tags });
  }
  const times = object({ added: optional(time), removed: optional(time) });
  for (const [item, entry] of entries) {
    const reason =
      string({ maxLength: LIMITS.tag })(item, path) ??
      times(entry, `${path}[${JSON.stringify(item)}]`);
    if (reason) return reason;
  }
  return null;
};

/** A paper key: `arxiv:`, `doi:` or `title:` and something after it. */
const paperKeyCheck: Check = (value, path) =>
  key(value, path) ??
  (/^(?:arxiv|doi|title):./.test(value as string) ? null : refusal('check.paperKey', path));

/** An episode key: an mp3 stem, or `show:` and a title. */
const episodeKeyCheck: Check = (value, path) =>
  key(value, path) ??
  (parseEpisodeStem(value as string) || /^show:./.test(value as string)
    ? null
    : refusal('check.episodeKey', path));

/** Checks a paper record as a backup holds it. */
const paperCheck: Check = object({
  key: paperKeyCheck,
  title: nullableText,
  authors: arrayOf(text),
  year: nullable(number({ integer: true })),
  arxivId: nullableText,
  doi: nullableText,
  urls: arrayOf(text),
  pdfUrl: nullableText,
  savedAt: nullable(time),
  savedFrom: nullable(episodeKeyCheck),
  readState: oneOf(READ_STATES),
  tags,
  // Since version 3; absent when no tag was ever removed or added on its own.
  tagTimes: optional(itemTimes),
  note,
  // Backups from before saved moments have none.
  savedMoment: optional(object({ episodeKey: episodeKeyCheck, position: count })),
  modified: fieldTimes(PAPER_FIELDS),
});

/**
 * Checks a paper record as a backup holds it (also the papers an undo puts back); the reason in
 * English, or `null`.
 */
export function checkPaper(value: unknown, path: string): string | null {
  const problem = paperCheck(value, path);
  return problem && englishText(problem);
}

const checkSource = object({
  title: nullableText,
  authors: arrayOf(text),
  year: nullable(number({ integer: true })),
  url: nullableText,
  kind: oneOf(['paper', 'episode', 'other']),
  arxivId: nullableText,
  arxivVersion: nullable(number({ integer: true, min: 1 })),
  doi: nullableText,
  pdfUrl: nullableText,
  episodeStem: nullableText,
  paperKey: nullable(paperKeyCheck),
});

const checkEpisode = object({
  key: episodeKeyCheck,
  stem: nullableText,
  title: nullableText,
  titleKey: optional(text),
  published: nullableText,
  duration: nullable(count),
  pages: arrayOf(text),
  sources: arrayOf(checkSource),
  note,
  firstSeenAt: time,
  modified: fieldTimes(EPISODE_FIELDS),
});

const checkCitation = object({
  episodeKey: episodeKeyCheck,
  position: number({ integer: true, min: 0 }),
  paperKey: paperKeyCheck,
  url: nullableText,
  arxivVersion: nullable(number({ integer: true, min: 1 })),
  modified: fieldTimes(CITATION_FIELDS),
});

const checkListen = object({
  episodeKey: episodeKeyCheck,
  status: oneOf(['unplayed', 'in_progress', 'completed']),
  manual: boolean,
  position: count,
  duration: nullable(count),
  playedSeconds: count,
  completedAt: nullable(isoTime),
  updatedAt: nullable(isoTime),
  modified: fieldTimes(LISTEN_FIELDS),
});

/** An absolute http(s) address (a link the pages may make clickable). */
const httpUrl: Check = (value, path) =>
  text(value, path) ??
  (/^https?:\/\/[^\s]+$/i.test(value as string) ? null : refusal('check.httpUrl', path));

/** An arXiv id without version, as `parseArxivId` reads it. */
const arxivIdCheck: Check = (value, path) =>
  key(value, path) ??
  (parseArxivId(value as string)?.id === value ? null : refusal('check.arxivId', path));

/** A paper as arXiv described it (lib/arxiv/atom.ts `ArxivEntry`). */
const checkArxivEntry = object({
  arxivId: arxivIdCheck,
  version: nullable(number({ integer: true, min: 1 })),
  title: text,
  summary: text,
  authors: arrayOf(text),
  published: nullableText,
  updated: nullableText,
  pdfUrl: httpUrl,
  absUrl: httpUrl,
  doi: nullableText,
  journalRef: nullableText,
  primaryCategory: nullableText,
});

/** A title key as the arXiv lookups make it: `title:` and the title as `normaliseTitle` folds it. */
const titleKeyCheck: Check = (value, path) =>
  key(value, path) ??
  (/^title:./.test(value as string) && titleCacheKey((value as string).slice(6)) === value
    ? null
    : refusal('check.titleKey', path));

/** Exactly `true`: a backup holds only the user's corrections, never a lookup's answer. */
const onlyTrue: Check = (value, path) =>
  value === true ? null : refusal('check.oneOf', path, { values: 'true' });

const linkFields = object({
  key: titleKeyCheck,
  kind: oneOf(['title']),
  outcome: oneOf(['resolved', 'none']),
  confidence: number({ min: 0, max: 1 }),
  entry: nullable(checkArxivEntry),
  manual: onlyTrue,
  fetchedAt: time,
});

/**
 * One arXiv link (a user's correction, with no expiry): a title linked to a paper has the
 * paper's entry, a title marked not on arXiv has none.
 */
const checkArxivLink: Check = (value, path) => {
  const fields = linkFields(value, path);
  if (fields) return fields;
  const record = value as { outcome: string; entry: unknown };
  return (record.outcome === 'resolved') === (record.entry !== null)
    ? null
    : refusal('check.linkEntry', path);
};

/** A remembered delete: the store, the record's key and when. */
const checkTombstone = object({
  kind: oneOf(STORE_NAMES),
  key,
  deletedAt: time,
});

/** The part of a backup file that lists records of one kind: a store, the links, the deletes. */
type Section = StoreName | 'arxivLinks' | 'tombstones';

/** The key of a record of a section, as a string for finding repeats. */
function keyText(section: Section, record: Record<string, unknown>): string {
  switch (section) {
    case 'papers':
    case 'episodes':
    case 'arxivLinks':
      return String(record.key);
    case 'citations':
      return JSON.stringify([record.episodeKey, record.position]);
    case 'listens':
      return String(record.episodeKey);
    case 'tombstones':
      return JSON.stringify([record.kind, record.key]);
  }
}

const RECORD_CHECKS: Record<Section, Check> = {
  papers: paperCheck,
  episodes: checkEpisode,
  citations: checkCitation,
  listens: checkListen,
  arxivLinks: checkArxivLink,
  tombstones: checkTombstone,
};

/** Whether `version` is one this code reads. */
function readable(version: number): boolean {
  return (READABLE_BACKUP_VERSIONS as readonly number[]).includes(version);
}

/** Why the parsed JSON `value` is not a backup this code can read, or `null` when it is. */
function backupProblem(value: unknown): ErrorText | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { key: 'backup.notObject' };
  }
  const file = value as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT) {
    const format = JSON.stringify(file.format ?? null).slice(0, 80);
    return { key: 'backup.foreignFormat', params: { format } };
  }
  if (typeof file.version !== 'number') return { key: 'backup.noVersion' };
  if (file.version > BACKUP_VERSION) {
    return { key: 'backup.newerVersion', params: { version: file.version, reads: BACKUP_VERSION } };
  }
  if (!readable(file.version))
    return { key: 'backup.unknownVersion', params: { version: file.version } };
  // The records themselves are checked section by section below, with their positions.
  const anyRecords = arrayOf(() => null);
  const top = object({
    format: text,
    version: number(),
    exportedAt: isoTime,
    papers: anyRecords,
    episodes: anyRecords,
    citations: anyRecords,
    listens: anyRecords,
    // Since version 2: a version 1 file has none (and no older file has the field at all).
    arxivLinks: optional(anyRecords),
    // Since version 3. Settings are read field by field on restore (a bad one keeps the current).
    tombstones: optional(anyRecords),
    settings: optional((value, path) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? null
        : refusal('check.object', path),
    ),
  })(file, 'backup');
  if (top) return top;
  const sections: readonly Section[] = [...STORE_NAMES, 'arxivLinks', 'tombstones'];
  for (const section of sections) {
    const records = (file[section] ?? []) as Record<string, unknown>[];
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const path = `${section}[${i}]`;
      const reason = RECORD_CHECKS[section](records[i], path);
      if (reason) return reason;
      const id = keyText(section, records[i]!);
      if (seen.has(id)) {
        return { key: 'backup.duplicateKey', params: { path, key: id.slice(0, 200) } };
      }
      seen.add(id);
    }
  }
  return null;
}

/** The size of `text` in UTF-8 bytes, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A refusal: the problem, and its English text. */
function refused(problem: ErrorText): BackupReadResult {
  return { ok: false, reason: englishText(problem), problem };
}

/** The refusal of a file larger than `maxBytes`. */
export function tooLarge(maxBytes: number): BackupReadResult & { ok: false } {
  const problem: ErrorText = { key: 'backup.tooLarge', params: { bytes: maxBytes } };
  return { ok: false, reason: englishText(problem), problem };
}

/**
 * Reads and checks a backup file's text, all of it, before anything is written: size (at most
 * `maxBytes`), JSON, format and version (this one or an older one), then every record of every
 * store and every arXiv link, and no key twice. A refusal names its reason, e.g.
 * `papers[3].tags[1]: expected a string` (`reason` in English; `problem` for the page).
 */
export function readBackup(text: string, maxBytes: number = MAX_BACKUP_BYTES): BackupReadResult {
  if (text.length > maxBytes || utf8Length(text) > maxBytes) return tooLarge(maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused({ key: 'backup.notJson' });
  }
  const problem = backupProblem(value);
  return problem ? refused(problem) : { ok: true, backup: value as Backup };
}
