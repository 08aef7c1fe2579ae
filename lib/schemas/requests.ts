/**
 * The background's check of every request's payload: one valibot schema per request of
 * lib/protocol/requests.ts. Every payload is untrusted where it arrives; the router refuses what
 * does not fit, naming the first field that does not. The background and the extension pages
 * import it (the popup checks a tab's episodes with the episode schema); the declarations in
 * lib/protocol carry no schema, so a content script asking the background need not import it.
 */
import * as v from 'valibot';
import { RESOLVE_LIMIT as ARXIV_RESOLVE_LIMIT } from '@/lib/arxiv/query';
import { withoutBidi } from '@/lib/core/bidi';
import { LATEST_TIME, LIMITS } from '@/lib/core/limits';
import { isHttpUrl } from '@/lib/core/urls';
import { requestIssueText, type ErrorText } from '@/lib/i18n/errors';
import { parseArxivId } from '@/lib/core/ids';
import type { RequestData, RequestType } from '@/lib/protocol/requests';

const boundedString = (max: number) => v.pipe(v.string(), v.maxLength(max));
const keySchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.key));
// Titles and addresses are stored without bidirectional controls (see withoutBidi).
const titleSchema = v.pipe(boundedString(LIMITS.title), v.transform(withoutBidi));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.transform(withoutBidi),
  v.check(isHttpUrl, 'expected an http(s) address'),
);
const year = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(LIMITS.seconds));
const authors = v.pipe(v.array(boundedString(LIMITS.author)), v.maxLength(LIMITS.authors));

/** A source to save, as the parser gives it (other fields of a `Source` are dropped). */
const savableSourceSchema = v.object({
  title: v.nullable(titleSchema),
  authors,
  year: v.nullable(year),
  url: v.nullable(httpUrl),
  arxivId: v.nullable(boundedString(LIMITS.id)),
  doi: v.nullable(boundedString(LIMITS.id)),
  pdfUrl: v.nullable(httpUrl),
});

/** A source of an episode's list, as the parser gives it. */
const snapshotSourceSchema = v.object({
  ...savableSourceSchema.entries,
  kind: v.picklist(['paper', 'episode', 'other']),
  arxivVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  episode: v.nullable(
    v.object({
      stem: boundedString(LIMITS.id),
      date: boundedString(10),
      slug: boundedString(LIMITS.id),
      hash: boundedString(6),
    }),
  ),
});

/** An episode as a page shows it (a `FoundEpisode` without its description and DOM location). */
const episodeSchema = v.object({
  title: v.nullable(titleSchema),
  published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'))),
  duration: v.nullable(seconds),
  audioUrl: v.nullable(httpUrl),
  visualizationUrl: v.nullable(httpUrl),
  sources: v.pipe(v.array(snapshotSourceSchema), v.maxLength(LIMITS.sources)),
  cutShort: v.optional(v.boolean()),
});

const noData = v.nullish(v.strictObject({}));

/** The schema of every request's payload. Unknown top-level fields are refused. */
export const MESSAGE_SCHEMAS = {
  savePaper: v.strictObject({
    source: savableSourceSchema,
    episodeKey: v.nullish(keySchema),
    /** The episode playing on the page when the paper was saved, and its position. */
    moment: v.optional(v.strictObject({ episodeKey: keySchema, position: seconds })),
  }),
  unsavePaper: v.strictObject({ key: keySchema }),
  setReadState: v.strictObject({
    key: keySchema,
    readState: v.picklist(['unread', 'reading', 'read']),
  }),
  // Tags are stored as they come: what would have to be rewritten is refused instead.
  setTags: v.strictObject({
    key: keySchema,
    tags: v.pipe(
      v.array(v.pipe(boundedString(LIMITS.tag), v.nonEmpty('a tag is empty'))),
      v.maxLength(LIMITS.tags),
      v.check((tags) => new Set(tags).size === tags.length, 'a tag comes twice'),
    ),
  }),
  setNote: v.strictObject({ key: keySchema, note: boundedString(LIMITS.note) }),
  savedStates: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  recordEpisode: v.strictObject({
    episode: episodeSchema,
    pageUrl: httpUrl,
    /** The page shows it is the show's own; else a host's page only fills gaps. */
    showPage: v.optional(v.boolean()),
  }),
  setHeard: v.strictObject({ episodeKey: keySchema, heard: v.boolean() }),
  recordProgress: v.strictObject({
    episodeKey: keySchema,
    position: seconds,
    duration: v.nullable(v.pipe(seconds, v.minValue(1))),
    playedSince: seconds,
  }),
  listenStates: v.strictObject({
    episodeKeys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  recentPapers: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.recentPapers)),
  }),
  exportBackup: noData,
  importBackup: v.strictObject({
    text: boundedString(LIMITS.backupChars),
    /** `merge` (the default) or `replace` (the page asked the user first). */
    mode: v.optional(v.picklist(['merge', 'replace'])),
  }),
  /** A reference library as Zotero exports it; `format` null: told from the file's first lines. */
  importLibrary: v.strictObject({
    text: boundedString(LIMITS.backupChars),
    format: v.nullable(v.picklist(['bibtex', 'ris', 'csl-json'])),
  }),
  /** How far the running library import got; asked while it runs. */
  libraryImportProgress: noData,
  /** Stops the running library import after the chunk it is writing. */
  cancelLibraryImport: noData,
  deleteEverything: v.strictObject({ confirm: v.literal(true) }),
  storeStatus: noData,
  bibtex: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
  }),
  sourceBibtex: v.strictObject({ source: savableSourceSchema }),
  // Library and popup queries.
  recentSaves: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  warmLibrary: noData,
  queryPapers: v.strictObject({
    text: boundedString(LIMITS.query),
    sort: v.picklist(['saved', 'title', 'year', 'read', 'cited', 'relevance']),
    direction: v.picklist(['asc', 'desc']),
    tag: v.nullable(boundedString(LIMITS.tag)),
    readState: v.nullable(v.picklist(['unread', 'reading', 'read'])),
    year: v.nullable(year),
    episodeKey: v.nullable(keySchema),
    heard: v.optional(v.nullable(v.picklist(['heard', 'unheard']))),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  paperDetail: v.strictObject({ key: keySchema }),
  unsavePapers: v.strictObject({ keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)) }),
  /** Papers as `unsavePapers` answered them (undo); each is checked like a backup's paper. */
  restorePapers: v.strictObject({
    papers: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.keys)),
  }),
  queryEpisodes: v.strictObject({
    filter: v.picklist(['all', 'heard', 'in_progress', 'unheard']),
    text: boundedString(LIMITS.query),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  episodeDetail: v.strictObject({ key: keySchema }),
  setHeardAt: v.strictObject({
    episodeKey: keySchema,
    heardAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LATEST_TIME)),
  }),
  deleteListen: v.strictObject({ episodeKey: keySchema }),
  setEpisodeNote: v.strictObject({ key: keySchema, note: boundedString(LIMITS.note) }),
  overlapEpisodes: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  stats: v.strictObject({ now: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
  exportPapers: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
    format: v.picklist(['bibtex', 'ris', 'csl-json', 'markdown']),
  }),
  recentListens: v.strictObject({
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  // Playback and the show's catalog.
  /** Many episodes at once (the home page's catalog), each with its own page address. */
  recordCatalog: v.strictObject({
    pageUrl: httpUrl,
    showPage: v.optional(v.boolean()),
    episodes: v.pipe(
      v.array(v.object({ ...episodeSchema.entries, pageUrl: v.nullable(httpUrl) })),
      v.minLength(1),
      v.maxLength(LIMITS.catalogBatch),
    ),
  }),
  catalogStats: v.strictObject({
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.page)),
  }),
  importFeed: noData,
  // arXiv lookups.
  /** Title-only sources of one page (a batch: the page sends a few at a time). */
  resolveTitles: v.strictObject({
    sources: v.pipe(
      v.array(v.object({ title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()), authors })),
      v.maxLength(ARXIV_RESOLVE_LIMIT),
    ),
    cacheOnly: v.boolean(),
  }),
  linkArxiv: v.strictObject({
    title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()),
    arxivId: v.pipe(
      boundedString(LIMITS.id),
      v.check((id) => parseArxivId(id) !== null, 'expected an arXiv id'),
    ),
  }),
  unlinkArxiv: v.strictObject({ title: v.pipe(boundedString(LIMITS.title), v.nonEmpty()) }),
  arxivMetadata: v.strictObject({
    arxivId: v.pipe(
      boundedString(LIMITS.id),
      v.check((id) => parseArxivId(id) !== null, 'expected an arXiv id'),
    ),
    episodeDate: v.nullable(
      v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')),
    ),
    citedVersion: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
  }),
  arxivAccess: noData,
  openArxivGrant: noData,
  // Zotero.
  zoteroSend: v.strictObject({
    keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)),
    sources: v.pipe(v.array(savableSourceSchema), v.maxLength(LIMITS.sources)),
    resend: v.boolean(),
  }),
  zoteroMarks: v.strictObject({ keys: v.pipe(v.array(keySchema), v.maxLength(LIMITS.keys)) }),
  openZoteroGrant: noData,
  sourcesRis: v.strictObject({
    sources: v.pipe(v.array(savableSourceSchema), v.minLength(1), v.maxLength(LIMITS.sources)),
  }),
  discussedIn: v.strictObject({ url: httpUrl, title: v.nullable(titleSchema) }),
  // Sync.
  syncStatus: noData,
  setSync: v.strictObject({ on: v.boolean() }),
  clearSync: v.strictObject({ confirm: v.literal(true) }),
  openEpisodeSources: v.strictObject({ episodeKey: keySchema }),
} as const satisfies { [K in RequestType]: v.GenericSchema<unknown, unknown> };

/** Whether `A` and `B` are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Each schema reads exactly what the protocol declares its request carries: a schema that
 * accepts another shape than the declaration (or a request without a schema) fails to compile.
 */
type Mismatched = {
  [K in RequestType]: Same<v.InferInput<(typeof MESSAGE_SCHEMAS)[K]>, RequestData<K>> extends true
    ? never
    : K;
}[RequestType];
const schemasMatch: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasMatch;

/** What a request carries once checked (extra fields of nested objects dropped). */
export type CheckedData<K extends RequestType> = v.InferOutput<(typeof MESSAGE_SCHEMAS)[K]>;

/**
 * Checks `data` against the schema of request `type`. The refusal names the first field that
 * does not fit (`source.url: expected an http(s) address`).
 */
export function checkRequest<K extends RequestType>(
  type: K,
  data: unknown,
): { ok: true; data: CheckedData<K> } | { ok: false; reason: string; text: ErrorText } {
  const schema = MESSAGE_SCHEMAS[type] as v.GenericSchema<unknown, CheckedData<K>>;
  const parsed = v.safeParse(schema, data);
  if (parsed.success) return { ok: true, data: parsed.output };
  const issue = parsed.issues[0];
  const path = v.getDotPath(issue);
  const message = issue.message.length > 200 ? `${issue.message.slice(0, 200)}…` : issue.message;
  const text = requestIssueText(path ?? '', issue);
  return { ok: false, reason: path ? `${path}: ${message}` : message, text };
}
