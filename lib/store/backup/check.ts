/**
 * Checking a backup file before anything is written: its size, its JSON, its format and
 * version, then every record of every store (and every arXiv link), field by field, and no key
 * twice. A refusal is a text the page shows in its language (lib/i18n/errors.ts).
 *
 * The records' schemas are valibot's; each names its refusal by the key of its text, and
 * `problemOf` adds where the value was found and the bound it broke.
 */
import * as v from 'valibot';
import { titleCacheKey } from '@/lib/core/keys';
import { englishText, type ErrorKey, type ErrorText } from '@/lib/i18n/errors';
import { LATEST_TIME, LIMITS } from '@/lib/core/limits';
import { parseArxivId, parseEpisodeStem } from '@/lib/core/ids';
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

/** A plain JSON object: not null, not a list (valibot's objects would take a list). */
const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'check.object',
);

/**
 * An object with exactly the given fields. A missing field is refused as its schema refuses
 * `undefined` (so `optional` ones may be missing), an unknown one by its name, so nothing
 * unchecked is ever stored.
 */
function record<const E extends v.ObjectEntries>(entries: E) {
  const absent = Object.fromEntries(Object.keys(entries).map((name) => [name, undefined]));
  return v.pipe(
    plainObject,
    v.transform((value) => ({ ...absent, ...value })),
    v.strictObject(entries, 'check.unknownField'),
  );
}

// One bound per field, the same as the messages' (lib/limits.ts): whatever a backup brings in can
// be shown, edited and sent back by the pages.
const text = v.string('check.string');
const bounded = (max: number) => v.pipe(text, v.maxLength(max, 'check.maxLength'));
const key = v.pipe(text, v.nonEmpty('check.nonEmpty'), v.maxLength(LIMITS.key, 'check.maxLength'));
const note = bounded(LIMITS.note);
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'check.list');
// The count is checked before the items, as it bounds the work.
const tags = v.pipe(
  list(v.unknown()),
  v.maxLength(LIMITS.tags, 'check.maxItems'),
  list(bounded(LIMITS.tag)),
);
const number = v.pipe(v.number('check.number'), v.finite('check.number'));
const integer = v.pipe(number, v.integer('check.integer'));
const arxivVersion = v.nullable(v.pipe(integer, v.minValue(1, 'check.min')));
const count = v.pipe(number, v.minValue(0, 'check.min'));
const nullableText = v.nullable(text);
const oneOf = <const T extends readonly string[]>(values: T) => v.picklist(values, 'check.oneOf');

/** Whether epoch time `ms` lies from 1970 to the end of year 9999 ({@link LATEST_TIME}). */
const inRange = (ms: number) => ms >= 0 && ms <= LATEST_TIME;

/** An epoch time (ms) from 1970 to the end of year 9999. */
const time = v.pipe(number, v.check(inRange, 'check.time'));

/** An ISO 8601 date-time that `Date.parse` reads, from 1970 on. */
const isoTime = v.pipe(
  v.string('check.isoTime'),
  v.check(
    (iso) => /^\d{4}-\d{2}-\d{2}T/.test(iso) && !Number.isNaN(Date.parse(iso)),
    'check.isoTime',
  ),
  v.check((iso) => inRange(Date.parse(iso)), 'check.time'),
);

/**
 * An object mapping some of `names` to epoch times (the per-field modified times); a name that
 * is there has a time, even in records that never went through JSON.
 */
const fieldTimes = (names: readonly string[]) =>
  v.pipe(
    plainObject,
    v.strictObject(
      Object.fromEntries(names.map((name) => [name, v.exactOptional(time)])),
      'check.unknownField',
    ),
  );

/**
 * A set's item times: for each item (a tag), when it was last added and last removed. Read as a
 * map, as valibot's records skip keys such as `constructor`, which is a tag like any other.
 */
const itemTimes = v.pipe(
  plainObject,
  v.maxEntries(2 * LIMITS.tags, 'check.maxItems'),
  v.transform((value) => new Map(Object.entries(value))),
  v.map(bounded(LIMITS.tag), record({ added: v.optional(time), removed: v.optional(time) })),
);

/** A paper key: `arxiv:`, `doi:` or `title:` and something after it. */
const paperKey = v.pipe(key, v.regex(/^(?:arxiv|doi|title):./, 'check.paperKey'));

/** An episode key: an mp3 stem, or `show:` and a title. */
const episodeKey = v.pipe(
  key,
  v.check((k) => Boolean(parseEpisodeStem(k)) || /^show:./.test(k), 'check.episodeKey'),
);

/** A paper record as a backup holds it. */
const paper = record({
  key: paperKey,
  title: nullableText,
  authors: list(text),
  year: v.nullable(integer),
  arxivId: nullableText,
  doi: nullableText,
  urls: list(text),
  pdfUrl: nullableText,
  savedAt: v.nullable(time),
  savedFrom: v.nullable(episodeKey),
  readState: oneOf(READ_STATES),
  tags,
  // Since version 3; absent when no tag was ever removed or added on its own.
  tagTimes: v.optional(itemTimes),
  note,
  // Backups from before saved moments have none.
  savedMoment: v.optional(record({ episodeKey, position: count })),
  modified: fieldTimes(PAPER_FIELDS),
});

/**
 * Checks a paper record as a backup holds it (also the papers an undo puts back); the reason in
 * English, or `null`.
 */
export function checkPaper(value: unknown, path: string): string | null {
  const problem = problemOf(paper, value, path);
  return problem && englishText(problem);
}

const source = record({
  title: nullableText,
  authors: list(text),
  year: v.nullable(integer),
  url: nullableText,
  kind: oneOf(['paper', 'episode', 'other']),
  arxivId: nullableText,
  arxivVersion,
  doi: nullableText,
  pdfUrl: nullableText,
  episodeStem: nullableText,
  paperKey: v.nullable(paperKey),
});

const episode = record({
  key: episodeKey,
  stem: nullableText,
  title: nullableText,
  titleKey: v.optional(text),
  published: nullableText,
  duration: v.nullable(count),
  pages: list(text),
  sources: list(source),
  note,
  firstSeenAt: time,
  modified: fieldTimes(EPISODE_FIELDS),
});

const citation = record({
  episodeKey,
  position: v.pipe(integer, v.minValue(0, 'check.min')),
  paperKey,
  url: nullableText,
  arxivVersion,
  ids: v.optional(list(text)),
  modified: fieldTimes(CITATION_FIELDS),
});

const listen = record({
  episodeKey,
  status: oneOf(['unplayed', 'in_progress', 'completed']),
  manual: v.boolean('check.boolean'),
  position: count,
  duration: v.nullable(count),
  playedSeconds: count,
  completedAt: v.nullable(isoTime),
  updatedAt: v.nullable(isoTime),
  modified: fieldTimes(LISTEN_FIELDS),
});

/** An absolute http(s) address (a link the pages may make clickable). */
const httpUrl = v.pipe(text, v.regex(/^https?:\/\/[^\s]+$/i, 'check.httpUrl'));

/** A paper as arXiv described it (lib/arxiv/atom.ts `ArxivEntry`). */
const arxivEntry = record({
  // Without version, as `parseArxivId` reads it.
  arxivId: v.pipe(
    key,
    v.check((id) => parseArxivId(id)?.id === id, 'check.arxivId'),
  ),
  version: arxivVersion,
  title: text,
  summary: text,
  authors: list(text),
  published: nullableText,
  updated: nullableText,
  pdfUrl: httpUrl,
  absUrl: httpUrl,
  doi: nullableText,
  journalRef: nullableText,
  primaryCategory: nullableText,
});

/**
 * One arXiv link (a user's correction, with no expiry): a title linked to a paper has the
 * paper's entry, a title marked not on arXiv has none.
 */
const arxivLink = v.pipe(
  record({
    // `title:` and the title as `normaliseTitle` folds it, as the arXiv lookups make it.
    key: v.pipe(
      key,
      v.check((k) => /^title:./.test(k) && titleCacheKey(k.slice(6)) === k, 'check.titleKey'),
    ),
    kind: oneOf(['title']),
    outcome: oneOf(['resolved', 'none']),
    confidence: v.pipe(number, v.minValue(0, 'check.min'), v.maxValue(1, 'check.max')),
    entry: v.nullable(arxivEntry),
    // Exactly `true`: a backup holds only the user's corrections, never a lookup's answer.
    manual: v.literal(true, 'check.oneOf'),
    fetchedAt: time,
  }),
  v.check((link) => (link.outcome === 'resolved') === (link.entry !== null), 'check.linkEntry'),
);

/** A remembered delete: the store, the record's key and when. */
const tombstone = record({ kind: oneOf(STORE_NAMES), key, deletedAt: time });

/** The first reason `schema` refuses `value`, found at `root`; `null` when it fits. */
function problemOf(schema: v.GenericSchema, value: unknown, root: string): ErrorText | null {
  const issue = v.safeParse(schema, value, { abortEarly: true }).issues?.[0];
  if (!issue) return null;
  let path = root;
  for (const item of issue.path ?? []) {
    // A key's own problem (unknown, too long) is told at the object holding it.
    if (item.origin === 'key') continue;
    if (item.type === 'array') path += `[${String(item.key)}]`;
    else if (item.type === 'map') path += `[${JSON.stringify(item.key)}]`;
    else path += `.${String(item.key)}`;
  }
  const key = issue.message as ErrorKey;
  const params: Record<string, string | number> = { path };
  if (key === 'check.min') params.min = issue.requirement as number;
  if (key === 'check.max' || key === 'check.maxLength' || key === 'check.maxItems') {
    params.max = issue.requirement as number;
  }
  // valibot's `("a" | "b")` as `"a", "b"`.
  if (key === 'check.oneOf')
    params.values = issue.expected!.replace(/^\(|\)$/g, '').replaceAll(' | ', ', ');
  if (key === 'check.unknownField') params.name = JSON.stringify(issue.input);
  return { key, params };
}

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

const RECORD_SCHEMAS: Record<Section, v.GenericSchema> = {
  papers: paper,
  episodes: episode,
  citations: citation,
  listens: listen,
  arxivLinks: arxivLink,
  tombstones: tombstone,
};

// The records themselves are checked section by section, with their positions.
const anyRecords = list(v.unknown());

/** A backup file's fields, its records unread. */
const fileFields = record({
  format: text,
  version: number,
  exportedAt: isoTime,
  papers: anyRecords,
  episodes: anyRecords,
  citations: anyRecords,
  listens: anyRecords,
  // Since version 2: a version 1 file has none (and no older file has the field at all).
  arxivLinks: v.optional(anyRecords),
  // Since version 3. Settings are read field by field on restore (a bad one keeps the current).
  tombstones: v.optional(anyRecords),
  settings: v.optional(plainObject),
});

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
  const top = problemOf(fileFields, value, 'backup');
  if (top) return top;
  const sections: readonly Section[] = [...STORE_NAMES, 'arxivLinks', 'tombstones'];
  for (const section of sections) {
    const records = (file[section] ?? []) as Record<string, unknown>[];
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const path = `${section}[${i}]`;
      const reason = problemOf(RECORD_SCHEMAS[section], records[i], path);
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
