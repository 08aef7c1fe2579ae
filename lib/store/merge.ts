/**
 * The merge rules: how two histories of the library become one. Backup restore uses them now,
 * sync across browsers later; they hold for any two copies, so merging `a` into `b` gives the
 * same as merging `b` into `a` (property tests in tests/unit/integrity/merge-rules.test.ts).
 *
 * - A record merges field by field: the value changed last (its `modified` time) wins. On a tie
 *   the two values are ordered by their JSON text, so the outcome does not depend on the side.
 * - Sets merge item by item: tags keep, per tag, when it was last added and last removed, and a
 *   tag is there when its add is later than its removal. Address lists only grow (a union).
 * - Deletes are remembered as tombstones (the record's key and when it went, nothing else): a
 *   copy of a record none of whose fields changed after its tombstone is gone, whichever side
 *   still has it; a record changed after it comes back.
 */
import { LIMITS } from '@/lib/core/limits';
import { sameValue, type Stamped } from '@/lib/store/fields';
import type { CitationRecord, EpisodeRecord, ListenRecord, PaperRecord } from '@/lib/store/schema';

/** Combines both sides' values of a field that is joined rather than overwritten. */
export type JoinRule = (local: unknown, incoming: unknown) => unknown;

/** When an item of a set was last added and last removed (epoch ms), as far as known. */
export interface ItemTimes {
  added?: number;
  removed?: number;
}

/** How to merge one kind of record. */
export interface MergeRules {
  /** Fields that identify the record; they are equal on both sides and never merged. */
  keyFields: readonly string[];
  /** Fields joined rather than taken from the newer side; a join must not depend on the order. */
  joins: Readonly<Record<string, JoinRule>>;
  /**
   * A field holding a set whose items keep their own add and remove times, in the field named
   * `times` (a map from item to {@link ItemTimes}).
   */
  set?: { field: string; times: string };
}

/** Joins two string lists: the local order, then what only `incoming` has. */
export function joinLists(local: unknown, incoming: unknown): string[] {
  const out = Array.isArray(local) ? [...(local as string[])] : [];
  for (const item of Array.isArray(incoming) ? (incoming as string[]) : []) {
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Orders two values the same way whatever side each comes from: by their JSON text. */
function compareValues(a: unknown, b: unknown): number {
  const x = JSON.stringify(a) ?? '';
  const y = JSON.stringify(b) ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Joins two string lists whatever side each is on: the list that sorts first by its JSON text
 * (so its order is kept), then what only the other has. For address lists, which only grow.
 */
export function unionLists(a: unknown, b: unknown): string[] {
  return compareValues(a, b) <= 0 ? joinLists(a, b) : joinLists(b, a);
}

/** The earlier of two epoch times (a first sighting merges to the earliest). */
export function earliest(a: unknown, b: unknown): unknown {
  if (typeof a !== 'number') return b;
  return typeof b === 'number' ? Math.min(a, b) : a;
}

/** The latest time of any field of a record: when it last changed. */
export function lastChange(record: Stamped): number {
  let last = 0;
  for (const time of Object.values(record.modified))
    if (time !== undefined && time > last) last = time;
  return last;
}

/** Each item's times on one side: the log's, else added when the set field last changed. */
function itemTimesOf(
  record: Stamped,
  rules: NonNullable<MergeRules['set']>,
): Map<string, ItemTimes> {
  const fields = record as unknown as Record<string, unknown>;
  const items = (fields[rules.field] as string[] | undefined) ?? [];
  const log = (fields[rules.times] as Record<string, ItemTimes> | undefined) ?? {};
  const out = new Map<string, ItemTimes>(Object.entries(log).map(([k, v]) => [k, { ...v }]));
  const setAt = record.modified[rules.field] ?? 0;
  for (const item of items) {
    const known = out.get(item) ?? {};
    if (known.added === undefined) out.set(item, { ...known, added: setAt });
  }
  return out;
}

/** The larger of two optional times. */
function later(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}

/** Whether an item with these times is in the set: added, and not removed since. */
function present(times: ItemTimes): boolean {
  return times.added !== undefined && (times.removed === undefined || times.added > times.removed);
}

/**
 * The set field of two versions merged item by item: each item's latest add and latest removal
 * are kept; the items in the set keep the order of the side whose list changed last, then the
 * others by when they were added. The set holds at most {@link LIMITS.tags} items, as everywhere
 * else: past it, the other side's items added last are kept. One left out keeps its times, so
 * it comes back once there is room.
 */
function mergeSet(
  a: Stamped,
  b: Stamped,
  rules: NonNullable<MergeRules['set']>,
): { items: string[]; times: Record<string, ItemTimes> } {
  const ta = itemTimesOf(a, rules);
  const tb = itemTimesOf(b, rules);
  const times: Record<string, ItemTimes> = {};
  for (const item of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
    const x = ta.get(item) ?? {};
    const y = tb.get(item) ?? {};
    const merged: ItemTimes = {};
    const added = later(x.added, y.added);
    const removed = later(x.removed, y.removed);
    if (added !== undefined) merged.added = added;
    if (removed !== undefined) merged.removed = removed;
    times[item] = merged;
  }
  const list = (r: Stamped) =>
    ((r as unknown as Record<string, unknown>)[rules.field] as string[] | undefined) ?? [];
  const aTime = a.modified[rules.field] ?? 0;
  const bTime = b.modified[rules.field] ?? 0;
  const first =
    aTime !== bTime ? (aTime > bTime ? a : b) : compareValues(list(a), list(b)) <= 0 ? a : b;
  const items = list(first)
    .filter((item) => present(times[item]!))
    .slice(0, LIMITS.tags);
  const inItems = new Set(items);
  const byAdded = (x: string, y: string) => times[x]!.added! - times[y]!.added! || (x < y ? -1 : 1);
  const rest = Object.keys(times)
    .filter((item) => present(times[item]!) && !inItems.has(item))
    .sort(byAdded);
  const room = LIMITS.tags - items.length;
  return { items: [...items, ...rest.slice(Math.max(0, rest.length - room))], times };
}

/**
 * The item times worth storing: those the list and its time do not already say (an item
 * removed, or added at another time than the list's last change); `undefined` when none, so a
 * record whose tags were never edited one by one carries no log. At most twice
 * {@link LIMITS.tags} of them, as a backup may hold: the ones changed last.
 */
function itemLog(
  times: Readonly<Record<string, ItemTimes>>,
  setTime: number,
): Record<string, ItemTimes> | undefined {
  let kept = Object.entries(times).filter(
    ([, t]) => t.removed !== undefined || t.added !== setTime,
  );
  if (kept.length > 2 * LIMITS.tags) {
    const changed = (t: ItemTimes) => Math.max(t.added ?? 0, t.removed ?? 0);
    const last = new Set(
      [...kept]
        .sort(([x, a], [y, b]) => changed(b) - changed(a) || (x < y ? -1 : 1))
        .slice(0, 2 * LIMITS.tags)
        .map(([item]) => item),
    );
    kept = kept.filter(([item]) => last.has(item));
  }
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * The changes that make the set field of `record` hold `next` at time `now`: only the items
 * added or removed get `now`, so a merge with another copy keeps that copy's changes to the
 * other items. Returns the field's new list and its new item times (the key absent when none).
 */
export function editSet(
  record: Stamped,
  next: readonly string[],
  now: number,
  rules: NonNullable<MergeRules['set']>,
): Record<string, unknown> {
  const times = Object.fromEntries(itemTimesOf(record, rules));
  const before = new Set(
    ((record as unknown as Record<string, unknown>)[rules.field] as string[] | undefined) ?? [],
  );
  for (const item of next) if (!before.has(item)) times[item] = { ...times[item], added: now };
  for (const item of before)
    if (!next.includes(item)) times[item] = { ...times[item], removed: now };
  return { [rules.field]: [...next], [rules.times]: itemLog(times, now) };
}

/**
 * Merges two versions of the same record (see the module comment). Per field, the value with
 * the later modified time wins, and on a tie the one whose JSON sorts last; joined fields
 * combine both values and take the later time; the set field merges item by item. A field a
 * side does not have (an optional one, never set there) never erases. The result does not
 * depend on which side is `local`; tell an unchanged merge with `sameValue(local, merged)`.
 */
export function mergeRecord<T extends Stamped>(local: T, incoming: T, rules: MergeRules): T {
  const merged: Record<string, unknown> = { ...(local as object) };
  const modified: Record<string, number | undefined> = { ...local.modified };
  const fields = new Set([...Object.keys(local), ...Object.keys(incoming)]);
  for (const field of fields) {
    if (field === 'modified' || rules.keyFields.includes(field)) continue;
    if (rules.set && (field === rules.set.field || field === rules.set.times)) continue;
    const localTime = local.modified[field] ?? 0;
    const incomingTime = incoming.modified[field] ?? 0;
    const join = rules.joins[field];
    const localValue = (local as Record<string, unknown>)[field];
    const incomingValue = (incoming as Record<string, unknown>)[field];
    // A field neither side ever stamped keeps no time.
    const time = later(local.modified[field], incoming.modified[field]);
    if (incomingValue === undefined || localValue === undefined) {
      const value = localValue ?? incomingValue;
      merged[field] = value;
      const from = localValue === undefined ? incoming : local;
      if (from.modified[field] === undefined) delete modified[field];
      else modified[field] = from.modified[field];
    } else if (join) {
      merged[field] = join(localValue, incomingValue);
      modified[field] = time;
    } else {
      const incomingWins =
        incomingTime > localTime ||
        (incomingTime === localTime && compareValues(incomingValue, localValue) > 0);
      merged[field] = incomingWins ? incomingValue : localValue;
      modified[field] = time;
    }
    if (modified[field] === undefined) delete modified[field];
  }
  if (rules.set) {
    const { items, times } = mergeSet(local, incoming, rules.set);
    merged[rules.set.field] = items;
    const setTime = later(local.modified[rules.set.field], incoming.modified[rules.set.field]);
    if (setTime !== undefined) modified[rules.set.field] = setTime;
    const log = itemLog(times, setTime ?? 0);
    if (log) merged[rules.set.times] = log;
    else delete merged[rules.set.times];
  }
  merged.modified = modified;
  const result = merged as T;
  return sameValue(result, local) ? local : result;
}

/** A remembered delete: which record went (its store and key) and when. Nothing else of it. */
export interface Tombstone {
  /** The store the record was in. */
  kind: 'papers' | 'episodes' | 'citations' | 'listens';
  /** Its key; a citation's `[episodeKey, position]` as JSON. */
  key: string;
  /** When it was deleted (epoch ms). */
  deletedAt: number;
}

/** Two tombstones of the same record merged: the later delete. */
export function mergeTombstones(a: Tombstone, b: Tombstone): Tombstone {
  return a.deletedAt >= b.deletedAt ? a : b;
}

/**
 * Whether a copy of a record survives a tombstone of it: only when one of its fields changed
 * after the delete (it was made again, or edited elsewhere since).
 */
export function outlives(record: Stamped, tombstone: Tombstone | undefined): boolean {
  return tombstone === undefined || lastChange(record) > tombstone.deletedAt;
}

/**
 * How two versions of a paper merge: the newer value of each field (the note too), tags tag by
 * tag with their add and remove times, addresses joined.
 */
export const PAPER_MERGE_RULES: MergeRules = {
  keyFields: ['key'],
  joins: { urls: unionLists },
  set: { field: 'tags', times: 'tagTimes' },
};

/**
 * Joins the notes of two different records that become one (a paper saved by title and by its
 * arXiv id, an episode seen by title and by its stem): both are the user's, so both stay, the
 * first one first; one that already holds the other is kept alone. Never used between two copies
 * of the same record, where the newer note wins.
 */
export function joinNotes(first: unknown, second: unknown): string {
  const a = typeof first === 'string' ? first : '';
  const b = typeof second === 'string' ? second : '';
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

/**
 * How two different papers that become one combine (or a paper and one imported from a
 * reference library): as copies, but both notes kept, and the first one's addresses first.
 */
export const PAPER_COMBINE_RULES: MergeRules = {
  ...PAPER_MERGE_RULES,
  joins: { urls: joinLists, note: joinNotes },
};

/** How two versions of an episode merge: pages joined, the first sighting kept, else the newer. */
export const EPISODE_MERGE_RULES: MergeRules = {
  keyFields: ['key', 'titleKey'],
  joins: { pages: unionLists, firstSeenAt: earliest },
};

/** How two different episodes that become one combine: as copies, but both notes kept. */
export const EPISODE_COMBINE_RULES: MergeRules = {
  ...EPISODE_MERGE_RULES,
  joins: { pages: joinLists, firstSeenAt: earliest, note: joinNotes },
};

/** How two versions of a citation merge: newest value per field. */
export const CITATION_MERGE_RULES: MergeRules = {
  keyFields: ['episodeKey', 'position', 'ids'],
  joins: {},
};

/** How two versions of a listen merge field by field (but see {@link mergeListens}). */
export const LISTEN_MERGE_RULES: MergeRules = { keyFields: ['episodeKey'], joins: {} };

/** The fields a mark by hand sets together. */
const MARK_FIELDS = ['state', 'manual', 'heardAt'] as const;

/** A listen's mark (state, by hand, heard date) as text, to order two marks of the same time. */
function markText(listen: ListenRecord): string {
  return JSON.stringify(MARK_FIELDS.map((field) => listen[field]));
}

/**
 * Merges two versions of one episode's listen: newest value per field, except that a mark by
 * hand always wins over automatic progress, whatever their times; between two marks by hand (or
 * two automatic states) the newer wins. State, `manual` and `heardAt` always come from one side.
 */
export function mergeListens(local: ListenRecord, incoming: ListenRecord): ListenRecord {
  const merged = mergeRecord(local, incoming, LISTEN_MERGE_RULES);
  let markFrom: ListenRecord;
  const localTime = local.modified.state ?? 0;
  const incomingTime = incoming.modified.state ?? 0;
  if (local.manual !== incoming.manual) markFrom = local.manual ? local : incoming;
  else if (localTime !== incomingTime) markFrom = incomingTime > localTime ? incoming : local;
  // A tie is settled by the marks themselves, so the outcome does not depend on the side.
  else markFrom = markText(incoming) > markText(local) ? incoming : local;
  const result: ListenRecord = { ...merged, modified: { ...merged.modified } };
  for (const field of MARK_FIELDS) {
    (result as unknown as Record<string, unknown>)[field] = markFrom[field];
    // The latest time of either side: the mark was settled by then, and a tombstone between
    // the two must not take a listen one side changed after it.
    const time = later(local.modified[field], incoming.modified[field]);
    if (time === undefined) delete result.modified[field];
    else result.modified[field] = time;
  }
  return sameValue(result, local) ? local : result;
}

/** Two papers merged. */
export const mergePapers = (a: PaperRecord, b: PaperRecord): PaperRecord =>
  mergeRecord(a, b, PAPER_MERGE_RULES);

/** Two episodes merged. */
export const mergeEpisodes = (a: EpisodeRecord, b: EpisodeRecord): EpisodeRecord =>
  mergeRecord(a, b, EPISODE_MERGE_RULES);

/** Two citations merged. */
export const mergeCitations = (a: CitationRecord, b: CitationRecord): CitationRecord =>
  mergeRecord(a, b, CITATION_MERGE_RULES);

/**
 * One record as two copies of the library hold it (either may lack it) merged, under the
 * tombstone of its key if any: the merged record, or `undefined` when it is gone.
 */
export function mergeCopies<T extends Stamped>(
  a: T | undefined,
  b: T | undefined,
  tombstone: Tombstone | undefined,
  merge: (x: T, y: T) => T,
): T | undefined {
  const merged = a && b ? merge(a, b) : (a ?? b);
  return merged && outlives(merged, tombstone) ? merged : undefined;
}

/** A whole copy of the library as the merge rules see it: every record, and the tombstones. */
export interface History {
  papers: PaperRecord[];
  episodes: EpisodeRecord[];
  citations: CitationRecord[];
  listens: ListenRecord[];
  tombstones: Tombstone[];
}

/** The key of a record of each store, as tombstones hold it. */
const KEY_OF = {
  papers: (r: PaperRecord) => r.key,
  episodes: (r: EpisodeRecord) => r.key,
  citations: (r: CitationRecord) => JSON.stringify([r.episodeKey, r.position]),
  listens: (r: ListenRecord) => r.episodeKey,
} as const;

/**
 * Two copies of the library merged into one: what a restore does, and what sync will do. The
 * same whichever copy comes first (records sorted by key).
 */
export function mergeHistories(a: History, b: History): History {
  const tombs = new Map<string, Tombstone>();
  for (const t of [...a.tombstones, ...b.tombstones]) {
    const id = `${t.kind}\u0000${t.key}`;
    const known = tombs.get(id);
    tombs.set(id, known ? mergeTombstones(known, t) : t);
  }
  const part = <T extends Stamped>(
    kind: Tombstone['kind'],
    xs: readonly T[],
    ys: readonly T[],
    keyOf: (r: T) => string,
    merge: (x: T, y: T) => T,
  ): T[] => {
    const left = new Map(xs.map((r) => [keyOf(r), r]));
    const right = new Map(ys.map((r) => [keyOf(r), r]));
    const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
    return keys.flatMap((k) => {
      const merged = mergeCopies(left.get(k), right.get(k), tombs.get(`${kind}\u0000${k}`), merge);
      return merged ? [merged] : [];
    });
  };
  return {
    papers: part('papers', a.papers, b.papers, KEY_OF.papers, mergePapers),
    episodes: part('episodes', a.episodes, b.episodes, KEY_OF.episodes, mergeEpisodes),
    citations: part('citations', a.citations, b.citations, KEY_OF.citations, mergeCitations),
    listens: part('listens', a.listens, b.listens, KEY_OF.listens, mergeListens),
    tombstones: [...tombs.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, t]) => t),
  };
}
