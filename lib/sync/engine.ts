/**
 * Sync's merge and its fitting into the quota. A pass reads every shard, merges what they say
 * with this browser's library by the merge rules every restore uses (lib/store/merge.ts: the
 * newest change per field, tags one by one, deletes as tombstones), brings into the library what
 * is newer there, and writes back the merged summary: the listening log first, then saved papers
 * with their read state, their full keys, where they were saved from, tags, and notes while there
 * is room. What does not fit stays in this browser's library, and Settings says what.
 */
import { mergeHistories, type History, type Tombstone } from '@/lib/store/merge';
import type { ListenRecord, PaperRecord } from '@/lib/store/schema';
import {
  entriesOf,
  itemBytes,
  keyOfArxivCode,
  META_KEY,
  normalListen,
  normalPaper,
  paperCode,
  SECTIONS,
  shardKey,
  shardsOf,
  shortHash,
  SYNC_FORMAT,
  type Entry,
  type Meta,
  type Section,
  type Summary,
  type SyncListen,
  type SyncPaper,
} from '@/lib/sync/codec';

/** storage.sync's quotas, as Chromium enforces them (Firefox's are alike). */
export const SYNC_QUOTA = {
  bytes: 102_400,
  itemBytes: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/** What sync writes at most: the quota, less room for the meta item and a margin. */
export const SYNC_BUDGET = SYNC_QUOTA.bytes - 1_024;

/** Two summaries merged by the merge rules (the same whichever comes first). */
export function mergeSummaries(a: Summary, b: Summary): Summary {
  const asHistory = (s: Summary): History => ({
    papers: s.papers as PaperRecord[],
    listens: s.listens as ListenRecord[],
    tombstones: s.tombstones,
    episodes: [],
    citations: [],
  });
  const merged = mergeHistories(asHistory(a), asHistory(b));
  return {
    papers: merged.papers.map((p) => normalPaper(p as SyncPaper)),
    listens: merged.listens.map((l) => normalListen(l as SyncListen)),
    tombstones: merged.tombstones,
  };
}

/** A summary with the same code twice (stale shards) folded into one, by the same merge. */
export function foldSummary(summary: Summary): Summary {
  const none: Summary = { papers: [], listens: [], tombstones: [] };
  const papers = new Map<string, SyncPaper>();
  for (const p of summary.papers) {
    const known = papers.get(p.key);
    papers.set(
      p.key,
      known ? mergeSummaries({ ...none, papers: [known] }, { ...none, papers: [p] }).papers[0]! : p,
    );
  }
  const listens = new Map<string, SyncListen>();
  for (const l of summary.listens) {
    const known = listens.get(l.episodeKey);
    listens.set(
      l.episodeKey,
      known
        ? mergeSummaries({ ...none, listens: [known] }, { ...none, listens: [l] }).listens[0]!
        : l,
    );
  }
  // Each code is there once now: one merge with nothing applies the deletes.
  return mergeSummaries(
    {
      papers: [...papers.values()],
      listens: [...listens.values()],
      tombstones: summary.tombstones,
    },
    none,
  );
}

/** The user's part of the library, as sync reads it from the store. */
export interface LocalLibrary {
  papers: readonly PaperRecord[];
  listens: readonly ListenRecord[];
  tombstones: readonly Tombstone[];
}

/** Whether a paper holds anything of the user's: saved once, read, tagged or noted. */
function isUsers(p: PaperRecord): boolean {
  return (
    p.savedAt !== null ||
    p.savedFrom !== null ||
    p.readState !== 'unread' ||
    p.tags.length > 0 ||
    p.note !== ''
  );
}

/** Codes to keys and back, for the library of this browser. */
export interface Codes {
  /** Episode hash → episode key, for every episode this browser knows. */
  episodes: Map<string, string>;
  /** Paper code → paper key, for every paper this browser knows. */
  papers: Map<string, string>;
}

/** Adds `keys` (episode keys) and `paperKeys` to `codes`. */
export function addCodes(
  codes: Codes,
  episodeKeys: Iterable<string>,
  paperKeys: Iterable<string>,
): Codes {
  for (const key of episodeKeys) codes.episodes.set(shortHash(key), key);
  for (const key of paperKeys) codes.papers.set(paperCode(key), key);
  return codes;
}

/** This browser's library as a summary (keyed by codes), normalised as the codec reads it back. */
export function summarize(library: LocalLibrary, codes: Codes): Summary {
  addCodes(
    codes,
    library.listens.map((l) => l.episodeKey),
    library.papers.map((p) => p.key),
  );
  const episodeCode = (key: string) => shortHash(key);
  const papers = library.papers.filter(isUsers).map((p) =>
    normalPaper({
      key: paperCode(p.key),
      savedAt: p.savedAt,
      readState: p.readState,
      savedFrom: p.savedFrom === null ? undefined : episodeCode(p.savedFrom),
      tags: p.tags,
      ...(p.tagTimes ? { tagTimes: p.tagTimes } : {}),
      note: p.note,
      modified: { ...p.modified },
    }),
  );
  for (const p of library.papers)
    if (p.savedFrom) codes.episodes.set(episodeCode(p.savedFrom), p.savedFrom);
  const listens = library.listens
    .filter((l) => l.manual || l.state !== 'unheard' || l.position > 0)
    .map((l) =>
      normalListen({
        episodeKey: episodeCode(l.episodeKey),
        state: l.state,
        manual: l.manual,
        heardAt: l.heardAt,
        position: l.position,
        modified: { ...l.modified },
      }),
    );
  const tombstones = library.tombstones
    .filter((t) => t.kind === 'listens' || t.kind === 'papers')
    .map((t) => ({
      ...t,
      key: t.kind === 'listens' ? episodeCode(t.key) : paperCode(t.key),
    }));
  return foldSummary({ papers, listens, tombstones });
}

/** What a summary's fitting into the quota kept and left out. */
export interface Fitted {
  /** The items to write, the meta among them. */
  items: Record<string, unknown>;
  /** Their size as storage.sync counts it. */
  bytes: number;
  /** Entries left out, per section. */
  leftOut: Record<Section, number>;
  /** Entries written, per section. */
  kept: Record<Section, number>;
}

/**
 * The items that hold `summary` within `budget` bytes and the quota's item count: the sections
 * in priority order, each as many of its newest entries as fit. A paper's tags, note, key and
 * origin go only where the paper itself went.
 */
export function fitSummary(
  summary: Summary,
  keys: ReadonlyMap<string, string>,
  meta: Meta = { v: SYNC_FORMAT },
  budget: number = SYNC_BUDGET,
): Fitted {
  const entries = entriesOf(summary, keys);
  const items: Record<string, unknown> = { [META_KEY]: meta };
  let bytes = itemBytes(META_KEY, meta);
  const zero = () => Object.fromEntries(SECTIONS.map((s) => [s, 0])) as Record<Section, number>;
  const leftOut = zero();
  const kept = zero();
  let papersIn = new Set<string>();
  let count = 1;
  for (const section of SECTIONS) {
    let candidates: Entry[] = entries[section];
    if (section !== 'l' && section !== 't' && section !== 'p') {
      const before = candidates.length;
      candidates = candidates.filter((e) => papersIn.has(e.code));
      leftOut[section] += before - candidates.length;
    }
    const sizeOf = (n: number) => {
      const shards = shardsOf(section, candidates.slice(0, n));
      return {
        shards,
        bytes: shards.reduce<number>((sum, s, i) => sum + itemBytes(shardKey(section, i), s), 0),
      };
    };
    // The most entries that fit: sizes grow with the count, so a binary search finds it.
    let lo = 0;
    let hi = candidates.length;
    const room = budget - bytes;
    let best = sizeOf(hi);
    if (best.bytes > room || count + best.shards.length > SYNC_QUOTA.items) {
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        const size = sizeOf(mid);
        if (size.bytes <= room && count + size.shards.length <= SYNC_QUOTA.items) lo = mid;
        else hi = mid - 1;
      }
      best = sizeOf(lo);
    } else lo = candidates.length;
    best.shards.forEach((shard, i) => (items[shardKey(section, i)] = shard));
    bytes += best.bytes;
    count += best.shards.length;
    kept[section] = lo;
    leftOut[section] += candidates.length - lo;
    if (section === 'p') papersIn = new Set(candidates.slice(0, lo).map((e) => e.code));
  }
  return { items, bytes, leftOut, kept };
}

/** Whether two summary records are the same (JSON-equal). */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What of `merged` the library does not have yet (`local` is the library's own summary), with
 * codes turned back into keys: the records to merge into the store (lib/store/history.ts), and
 * how many could not be placed because this browser does not know their episode or paper yet.
 */
export function changesFor(
  merged: Summary,
  local: Summary,
  codes: Codes,
  keys: ReadonlyMap<string, string>,
): { history: History; unknown: number } {
  const localPapers = new Map(local.papers.map((p) => [p.key, p]));
  const localListens = new Map(local.listens.map((l) => [l.episodeKey, l]));
  const localTombs = new Set(local.tombstones.map((t) => JSON.stringify(t)));
  const paperKey = (code: string) =>
    codes.papers.get(code) ?? keys.get(code) ?? keyOfArxivCode(code);
  let unknown = 0;
  const history: History = { papers: [], episodes: [], citations: [], listens: [], tombstones: [] };
  for (const p of merged.papers) {
    if (same(p, localPapers.get(p.key))) continue;
    const key = paperKey(p.key);
    if (!key) {
      unknown++;
      continue;
    }
    const record: Partial<PaperRecord> = { ...p, key, modified: { ...p.modified } };
    delete record.savedFrom;
    const from = p.savedFrom ? codes.episodes.get(p.savedFrom) : undefined;
    if (from) record.savedFrom = from;
    else delete record.modified!.savedFrom;
    history.papers.push(record as PaperRecord);
  }
  for (const l of merged.listens) {
    if (same(l, localListens.get(l.episodeKey))) continue;
    const key = codes.episodes.get(l.episodeKey);
    if (!key) {
      unknown++;
      continue;
    }
    history.listens.push({ ...(l as ListenRecord), episodeKey: key });
  }
  for (const t of merged.tombstones) {
    if (localTombs.has(JSON.stringify(t))) continue;
    const key = t.kind === 'listens' ? codes.episodes.get(t.key) : paperKey(t.key);
    // A delete of something this browser never had has nothing to remove.
    if (key) history.tombstones.push({ ...t, key });
  }
  return { history, unknown };
}

/** The latest time anywhere in a summary: the clock moves past it. */
export function latestStamp(summary: Summary): number {
  let latest = 0;
  for (const r of [...summary.papers, ...summary.listens]) {
    for (const t of Object.values(r.modified)) if (typeof t === 'number' && t > latest) latest = t;
  }
  for (const t of summary.tombstones) if (t.deletedAt > latest) latest = t.deletedAt;
  return latest;
}

/** The summary without deletes older than `days` days before `now`: they expire as restores' do. */
export function pruneSummary(summary: Summary, now: number, days: number): Summary {
  const before = now - days * 24 * 3600 * 1000;
  return { ...summary, tombstones: summary.tombstones.filter((t) => t.deletedAt >= before) };
}
