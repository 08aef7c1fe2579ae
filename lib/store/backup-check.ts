/**
 * Checking a backup file before anything is written: its size, its JSON, its format and
 * version, then every record of every store, field by field, and no key twice.
 */
import { parseEpisodeStem } from '../links/episodes';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type BackupReadResult,
  type Backup,
} from './backup-format';
import {
  CITATION_FIELDS,
  EPISODE_FIELDS,
  LISTEN_FIELDS,
  PAPER_FIELDS,
  READ_STATES,
  STORE_NAMES,
  type StoreName,
} from './schema';
import {
  arrayOf,
  boolean,
  fieldTimes,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  type Check,
} from './validate';

const key = string({ nonEmpty: true, maxLength: 2048 });
const text = string();
const count = number({ min: 0 });
const time = number({ min: 0 });
const nullableText = nullable(text);

/** An ISO 8601 date-time that `Date.parse` reads. */
const isoTime: Check = (value, path) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
    ? null
    : `${path}: expected an ISO 8601 date and time`;

/** A paper key: `arxiv:`, `doi:` or `title:` and something after it. */
const paperKeyCheck: Check = (value, path) =>
  key(value, path) ??
  (/^(?:arxiv|doi|title):./.test(value as string)
    ? null
    : `${path}: expected a key starting arxiv:, doi: or title:`);

/** An episode key: an mp3 stem, or `show:` and a title. */
const episodeKeyCheck: Check = (value, path) =>
  key(value, path) ??
  (parseEpisodeStem(value as string) || /^show:./.test(value as string)
    ? null
    : `${path}: expected an episode's mp3 stem or a key starting show:`);

/** Checks a paper record as a backup holds it (also the papers an undo puts back). */
export const checkPaper: Check = object({
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
  tags: arrayOf(text),
  note: text,
  // Since issue 7; older backups have no moments.
  savedMoment: optional(object({ episodeKey: episodeKeyCheck, position: count })),
  modified: fieldTimes(PAPER_FIELDS),
});

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
  note: text,
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

/** The key of a record of a store, as a string for finding repeats. */
function keyText(storeName: StoreName, record: Record<string, unknown>): string {
  switch (storeName) {
    case 'papers':
    case 'episodes':
      return String(record.key);
    case 'citations':
      return JSON.stringify([record.episodeKey, record.position]);
    case 'listens':
      return String(record.episodeKey);
  }
}

const RECORD_CHECKS: Record<StoreName, Check> = {
  papers: checkPaper,
  episodes: checkEpisode,
  citations: checkCitation,
  listens: checkListen,
};

/** Why the parsed JSON `value` is not a backup this code can read, or `null` when it is. */
function backupProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'not a Citecast backup: the file is not a JSON object';
  }
  const file = value as Record<string, unknown>;
  if (file.format !== BACKUP_FORMAT) {
    return `not a Citecast backup: its format is ${JSON.stringify(file.format ?? null)}, not "${BACKUP_FORMAT}"`;
  }
  if (typeof file.version !== 'number') return 'the backup has no version number';
  if (file.version > BACKUP_VERSION) {
    return `the backup is version ${file.version}, made by a newer Citecast; this one reads version ${BACKUP_VERSION}`;
  }
  if (file.version !== BACKUP_VERSION) return `unknown backup version ${file.version}`;
  // The records themselves are checked store by store below, with their positions in the reason.
  const anyRecords = arrayOf(() => null);
  const top = object({
    format: text,
    version: number(),
    exportedAt: isoTime,
    papers: anyRecords,
    episodes: anyRecords,
    citations: anyRecords,
    listens: anyRecords,
  })(file, 'backup');
  if (top) return top;
  for (const storeName of STORE_NAMES) {
    const records = file[storeName] as Record<string, unknown>[];
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const reason = RECORD_CHECKS[storeName](records[i], `${storeName}[${i}]`);
      if (reason) return reason;
      const id = keyText(storeName, records[i]!);
      if (seen.has(id)) return `${storeName}[${i}]: a second record with the key ${id}`;
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

/**
 * Reads and checks a backup file's text, all of it, before anything is written: size (at most
 * `maxBytes`), JSON, format and version, then every record of every store, and no key twice.
 * A refusal names its reason, e.g. `papers[3].tags[1]: expected a string`.
 */
export function readBackup(text: string, maxBytes: number = MAX_BACKUP_BYTES): BackupReadResult {
  if (text.length > maxBytes || utf8Length(text) > maxBytes) {
    return { ok: false, reason: `the file is larger than ${maxBytes} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON' };
  }
  const problem = backupProblem(value);
  return problem ? { ok: false, reason: problem } : { ok: true, backup: value as Backup };
}
