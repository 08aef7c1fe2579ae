/**
 * The compact form of the library in the browser's sync storage. What syncs is a summary of what
 * the user did, never what a page or the feed can show again (titles, authors, source lists):
 *
 * - listens: the episode, its mark (heard, in progress, unheard; by hand or not), the heard date
 *   and the position, each with its time;
 * - papers: the key, the saved date, the read state, the episode it was saved from, the tags and
 *   the note, each with its time;
 * - the deletes of listens and papers (tombstones).
 *
 * Keys are short: an episode by a 7-character hash of its key (the full key comes back from the
 * local catalog), an arXiv paper by its id in base 36, any other paper by a hash with its full
 * key in a section of its own. Dates are counted in days, and left out when they fall on the day
 * of their own change time. Times are epoch ms in base 36, each entry's counted from the entry
 * before it in a section sorted by time. Summary records carry these codes where the library has
 * keys, so the merge rules of lib/store/merge.ts apply to them unchanged.
 */
import type { ReadState } from '@/lib/core/paper';
import type { Tombstone } from '@/lib/store/merge';
import type { ListenRecord, ListenState, PaperRecord } from '@/lib/store/schema';

/** The format this version writes; a shard of a later one is read as far as possible, never written. */
export const SYNC_FORMAT = 1;

const DAY = 24 * 3600 * 1000;

/** A paper as sync carries it: the user's fields only, keyed by its code. */
export type SyncPaper = Pick<PaperRecord, 'key' | 'savedAt' | 'readState' | 'modified'> &
  Partial<Pick<PaperRecord, 'savedFrom' | 'tags' | 'tagTimes' | 'note'>>;

/** A listen as sync carries it, keyed by its episode's code. */
export type SyncListen = Pick<
  ListenRecord,
  'episodeKey' | 'state' | 'manual' | 'heardAt' | 'position' | 'modified'
>;

/** What sync carries, keyed by codes (see the module comment). */
export interface Summary {
  papers: SyncPaper[];
  listens: SyncListen[];
  tombstones: Tombstone[];
}

/** A 7-character base-36 hash of a key: how an episode, or a paper without an arXiv id, is named. */
export function shortHash(key: string): string {
  // cyrb53: 53 well-mixed bits, more than the 36 that 7 base-36 characters keep.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return (n % 36 ** 7).toString(36).padStart(7, '0');
}

const NEW_ARXIV = /^arxiv:(\d{4})\.(\d{4,5})$/;

/** The code of a paper key: `X`/`Y` and its arXiv id's digits in base 36, else its hash. */
export function paperCode(key: string): string {
  const m = NEW_ARXIV.exec(key);
  if (!m) return shortHash(key);
  return (m[2]!.length === 5 ? 'X' : 'Y') + Number(m[1]! + m[2]!).toString(36);
}

/** The key an arXiv code stands for; `null` for a hash, which only a catalog can resolve. */
export function keyOfArxivCode(code: string): string | null {
  const kind = code[0];
  if (kind !== 'X' && kind !== 'Y') return null;
  const n = parseInt(code.slice(1), 36);
  if (!Number.isSafeInteger(n) || n < 0) return null;
  const digits = String(n).padStart(kind === 'X' ? 9 : 8, '0');
  return `arxiv:${digits.slice(0, 4)}.${digits.slice(4)}`;
}

/** A paper code whose key is not written in its code (every hash). */
export const needsKey = (code: string): boolean => keyOfArxivCode(code) === null;

const STATE_CHARS: Record<ListenState, string> = { heard: 'h', in_progress: 'p', unheard: 'u' };
const READ_CHARS: Record<ReadState, string> = { unread: 'u', reading: 'g', read: 'r' };
const invert = <K extends string>(table: Record<K, string>) =>
  Object.fromEntries(Object.entries(table).map(([k, c]) => [c, k])) as Record<string, K>;
const STATE_OF = invert(STATE_CHARS);
const READ_OF = invert(READ_CHARS);

const b36 = (n: number): string => Math.round(n).toString(36);
const signed36 = (n: number): string => (n === 0 ? '' : n < 0 ? `-${b36(-n)}` : b36(n));

/** Reads a base-36 integer, rejecting anything else. */
function num(text: string): number {
  if (!/^-?[0-9a-z]+$/.test(text)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  const n = parseInt(text, 36);
  if (!Number.isSafeInteger(n)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return n;
}
const optNum = (text: string | undefined): number => (text ? num(text) : 0);

/** A date field: empty when it falls on the day of `stamp` (then it is `stamp`), `-` for none. */
function dateField(date: number | null, stamp: number, derivedNull: boolean): string {
  if (date === null) return derivedNull ? '' : '-';
  if (!derivedNull && Math.floor(date / DAY) === Math.floor(stamp / DAY)) return '';
  return b36(Math.floor(date / DAY));
}
function readDate(field: string | undefined, stamp: number, derivedNull: boolean): number | null {
  if (!field) return derivedNull ? null : stamp;
  if (field === '-') return null;
  return num(field) * DAY;
}

const maxOf = (...times: (number | undefined)[]): number =>
  Math.max(0, ...times.filter((t): t is number => typeof t === 'number'));

/** When a listen's mark (state, by hand, heard date) last changed. */
export const listenStamp = (l: Pick<ListenRecord, 'modified'>): number =>
  maxOf(l.modified.state, l.modified.manual, l.modified.heardAt);

/** When a paper's saving (saved date, saved from) last changed. */
export const paperStamp = (p: Pick<PaperRecord, 'modified'>): number =>
  maxOf(p.modified.savedAt, p.modified.savedFrom);

/** A listen entry without its time (the section adds it). */
function listenEntry(l: SyncListen, stamp: number): string {
  const heardNull = l.state !== 'heard';
  const mark = STATE_CHARS[l.state];
  const pos = Math.floor(l.position);
  const fields = [
    l.episodeKey,
    l.manual ? mark.toUpperCase() : mark,
    dateField(l.heardAt, stamp, heardNull),
    pos > 0 ? b36(pos) : '',
    signed36((l.modified.position ?? stamp) - stamp),
  ];
  return trimFields(fields);
}

function listenOf(fields: string[], stamp: number): SyncListen {
  const [code, mark, heard, pos, posDelta] = fields;
  const state = STATE_OF[(mark ?? '').toLowerCase()];
  if (!code || !state) throw new Error('bad listen');
  return {
    episodeKey: code,
    state,
    manual: mark !== mark!.toLowerCase(),
    heardAt: readDate(heard, stamp, state !== 'heard'),
    position: optNum(pos),
    modified: {
      state: stamp,
      manual: stamp,
      heardAt: stamp,
      position: stamp + optNum(posDelta),
    },
  };
}

/** A paper entry without its time. */
function paperEntry(p: SyncPaper, stamp: number): string {
  return trimFields([
    p.key,
    READ_CHARS[p.readState],
    p.savedAt === null ? '-' : dateField(p.savedAt, stamp, false),
    signed36((p.modified.readState ?? stamp) - stamp),
  ]);
}

function paperOf(fields: string[], stamp: number): SyncPaper {
  const [code, read, saved, readDelta] = fields;
  const readState = READ_OF[read ?? ''];
  if (!code || !readState) throw new Error('bad paper');
  return {
    key: code,
    savedAt: readDate(saved, stamp, false),
    readState,
    modified: { savedAt: stamp, readState: stamp + optNum(readDelta) },
  };
}

function trimFields(fields: string[]): string {
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields.join('.');
}

/** A summary listen as the codec gives it back (dates in days, whole seconds). */
export function normalListen(l: SyncListen): SyncListen {
  const stamp = listenStamp(l);
  return listenOf(listenEntry(l, stamp).split('.'), stamp);
}

/** A summary paper as the codec gives it back (the parts each section carries). */
export function normalPaper(p: SyncPaper): SyncPaper {
  const stamp = paperStamp(p);
  const out = paperOf(paperEntry(p, stamp).split('.'), stamp);
  if (p.savedFrom) {
    out.savedFrom = p.savedFrom;
    out.modified.savedFrom = stamp;
  }
  if (p.tags !== undefined && (p.tags.length > 0 || p.tagTimes)) {
    out.tags = [...p.tags];
    if (p.tagTimes) out.tagTimes = structuredClone(p.tagTimes);
    out.modified.tags = p.modified.tags ?? stamp;
  }
  if (p.note !== undefined && (p.note !== '' || (p.modified.note ?? 0) > stamp)) {
    out.note = p.note;
    out.modified.note = p.modified.note ?? stamp;
  }
  return out;
}

/** The sections, in the order they are given room when not everything fits. */
export const SECTIONS = ['l', 't', 'p', 'k', 'f', 'g', 'n'] as const;
/** One section: l listens, t deletes, p papers, k full paper keys, f saved from, g tags, n notes. */
export type Section = (typeof SECTIONS)[number];

/** One entry of a section: its text or JSON value, and the time that orders it. */
export interface Entry {
  value: string | unknown[];
  stamp: number;
  /** The paper or episode code it belongs to. */
  code: string;
}

/** Text sections chain their times; JSON ones carry them whole. */
const TEXT: Record<Section, boolean> = {
  l: true,
  t: true,
  p: true,
  k: false,
  f: true,
  g: false,
  n: false,
};

/** Every entry of every section for `summary`, newest first within a section. */
export function entriesOf(
  summary: Summary,
  keys: ReadonlyMap<string, string>,
): Record<Section, Entry[]> {
  const out: Record<Section, Entry[]> = { l: [], t: [], p: [], k: [], f: [], g: [], n: [] };
  for (const l of summary.listens) {
    const stamp = listenStamp(l);
    out.l.push({ value: listenEntry(l, stamp), stamp, code: l.episodeKey });
  }
  for (const t of summary.tombstones) {
    if (t.kind !== 'listens' && t.kind !== 'papers') continue;
    out.t.push({
      value: `${t.kind === 'listens' ? 'l' : 'p'}.${t.key}`,
      stamp: t.deletedAt,
      code: t.key,
    });
  }
  for (const p of summary.papers) {
    const stamp = paperStamp(p);
    out.p.push({ value: paperEntry(p, stamp), stamp, code: p.key });
    const key = keys.get(p.key);
    if (key && needsKey(p.key)) out.k.push({ value: [p.key, key], stamp, code: p.key });
    if (p.savedFrom) out.f.push({ value: `${p.key}.${p.savedFrom}`, stamp, code: p.key });
    if (p.tags !== undefined && (p.tags.length > 0 || p.tagTimes)) {
      const times = p.tagTimes
        ? Object.fromEntries(
            Object.entries(p.tagTimes).map(([tag, t]) => [
              tag,
              [
                t.added === undefined ? '' : b36(t.added),
                t.removed === undefined ? '' : b36(t.removed),
              ],
            ]),
          )
        : 0;
      const value = [p.key, b36(p.modified.tags ?? stamp), p.tags, ...(times ? [times] : [])];
      out.g.push({ value, stamp, code: p.key });
    }
    if (p.note !== undefined && (p.note !== '' || (p.modified.note ?? 0) > stamp)) {
      out.n.push({ value: [p.key, b36(p.modified.note ?? stamp), p.note], stamp, code: p.key });
    }
  }
  // Saved papers before unsaved ones, then the newest first: what gets room first.
  const savedFirst = new Set(summary.papers.filter((p) => p.savedAt === null).map((p) => p.key));
  for (const section of SECTIONS) {
    out[section].sort(
      (a, b) =>
        Number(savedFirst.has(a.code)) - Number(savedFirst.has(b.code)) ||
        b.stamp - a.stamp ||
        (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
    );
  }
  return out;
}

/** The size storage.sync counts for one item: its key and its JSON, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** The largest item this writes: under Chromium's 8,192 bytes, with room to spare. */
export const SHARD_BYTES = 8000;

/** The shards of one section holding `entries` (sorted oldest first here), under {@link SHARD_BYTES}. */
export function shardsOf(section: Section, entries: readonly Entry[]): (string | unknown[])[] {
  const sorted = [...entries].sort(
    (a, b) => a.stamp - b.stamp || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const shards: (string | unknown[])[] = [];
  const key = `cc.${section}00`;
  if (TEXT[section]) {
    let parts: string[] = [];
    let size = itemBytes(key, `${SYNC_FORMAT};`);
    let previous = 0;
    for (const e of sorted) {
      let part = `${b36(e.stamp - previous)}.${e.value as string}`;
      let bytes = itemBytes('', part) - 2 + 1;
      if (parts.length > 0 && size + bytes > SHARD_BYTES) {
        shards.push(`${SYNC_FORMAT};${parts.join(' ')}`);
        parts = [];
        size = itemBytes(key, `${SYNC_FORMAT};`);
        part = `${b36(e.stamp)}.${e.value as string}`;
        bytes = itemBytes('', part) - 2 + 1;
      }
      parts.push(part);
      size += bytes;
      previous = e.stamp;
    }
    if (parts.length > 0) shards.push(`${SYNC_FORMAT};${parts.join(' ')}`);
  } else {
    let values: unknown[] = [];
    let size = itemBytes(key, [SYNC_FORMAT]);
    for (const e of sorted) {
      const bytes = itemBytes('', e.value) + 1;
      if (values.length > 0 && size + bytes > SHARD_BYTES) {
        shards.push([SYNC_FORMAT, ...values]);
        values = [];
        size = itemBytes(key, [SYNC_FORMAT]);
      }
      values.push(e.value);
      size += bytes;
    }
    if (values.length > 0) shards.push([SYNC_FORMAT, ...values]);
  }
  return shards;
}

/** The storage key of shard `n` of a section. */
export const shardKey = (section: Section, n: number): string =>
  `cc.${section}${String(n).padStart(2, '0')}`;

/** The key of the item that says the format, and a reset when there was one. */
export const META_KEY = 'cc';

/** The item under {@link META_KEY}. */
export interface Meta {
  v: number;
  /** Set by "remove Citecast's data from the browser's sync": other browsers stop syncing. */
  reset?: string;
}

/** What reading the shards found. */
export interface Decoded {
  summary: Summary;
  /** Full keys of papers whose code is a hash. */
  keys: Map<string, string>;
  /** The meta item, when there is one. */
  meta: Meta | null;
  /** Shards that could not be read (corrupt, or not this format). */
  corrupt: string[];
  /** Whether a shard or the meta is of a later format than this version's. */
  newer: boolean;
}

/** Reads every `cc` item of storage.sync; never throws: unreadable shards are listed. */
export function decodeShards(items: Readonly<Record<string, unknown>>): Decoded {
  const out: Decoded = {
    summary: { papers: [], listens: [], tombstones: [] },
    keys: new Map(),
    meta: null,
    corrupt: [],
    newer: false,
  };
  const rawMeta = items[META_KEY];
  if (rawMeta !== undefined) {
    const m = rawMeta as Partial<Meta> | null;
    if (typeof m === 'object' && m !== null && typeof m.v === 'number') {
      out.meta = { v: m.v, ...(typeof m.reset === 'string' ? { reset: m.reset } : {}) };
      if (m.v > SYNC_FORMAT) out.newer = true;
    } else out.corrupt.push(META_KEY);
  }
  const from = new Map<string, string>();
  const tags = new Map<string, Pick<SyncPaper, 'tags' | 'tagTimes'> & { at: number }>();
  const notes = new Map<string, { note: string; at: number }>();
  for (const key of Object.keys(items).sort()) {
    const m = /^cc\.([ltpkfgn])\d+$/.exec(key);
    if (!m) continue;
    const section = m[1] as Section;
    const value = items[key];
    try {
      const version = TEXT[section]
        ? Number(String(value).split(';', 1)[0])
        : Array.isArray(value)
          ? Number(value[0])
          : NaN;
      if (!Number.isInteger(version)) throw new Error('no format');
      if (version > SYNC_FORMAT) {
        out.newer = true;
        continue;
      }
      if (TEXT[section]) readText(section, String(value), out, from);
      else {
        for (const entry of (value as unknown[]).slice(1))
          readJson(section, entry, out, tags, notes);
      }
    } catch {
      out.corrupt.push(key);
    }
  }
  for (const p of out.summary.papers) {
    const f = from.get(p.key);
    if (f) {
      p.savedFrom = f;
      p.modified.savedFrom = p.modified.savedAt;
    }
    const g = tags.get(p.key);
    if (g) {
      p.tags = g.tags;
      if (g.tagTimes) p.tagTimes = g.tagTimes;
      p.modified.tags = g.at;
    }
    const n = notes.get(p.key);
    if (n) {
      p.note = n.note;
      p.modified.note = n.at;
    }
  }
  return out;
}

function readText(section: Section, text: string, out: Decoded, from: Map<string, string>): void {
  const body = text.slice(text.indexOf(';') + 1);
  if (body === '') return;
  let stamp = 0;
  const parsed: (() => void)[] = [];
  for (const part of body.split(' ')) {
    const fields = part.split('.');
    stamp += num(fields[0] ?? '');
    const at = stamp;
    const rest = fields.slice(1);
    // Read the whole shard before taking any of it: a shard is used whole or not at all.
    if (section === 'l') {
      const listen = listenOf(rest, at);
      parsed.push(() => out.summary.listens.push(listen));
    } else if (section === 'p') {
      const paper = paperOf(rest, at);
      parsed.push(() => out.summary.papers.push(paper));
    } else if (section === 't') {
      const [kind, code] = rest;
      if ((kind !== 'l' && kind !== 'p') || !code) throw new Error('bad delete');
      const t: Tombstone = { kind: kind === 'l' ? 'listens' : 'papers', key: code, deletedAt: at };
      parsed.push(() => out.summary.tombstones.push(t));
    } else if (section === 'f') {
      const [code, episode] = rest;
      if (!code || !episode) throw new Error('bad saved-from');
      parsed.push(() => from.set(code, episode));
    }
  }
  for (const take of parsed) take();
}

function readJson(
  section: Section,
  entry: unknown,
  out: Decoded,
  tags: Map<string, Pick<SyncPaper, 'tags' | 'tagTimes'> & { at: number }>,
  notes: Map<string, { note: string; at: number }>,
): void {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw new Error('bad entry');
  const code = entry[0];
  if (section === 'k') {
    if (typeof entry[1] !== 'string' || !entry[1]) throw new Error('bad key');
    out.keys.set(code, entry[1]);
  } else if (section === 'g') {
    const list = entry[2] as unknown;
    if (!Array.isArray(list) || !list.every((t) => typeof t === 'string'))
      throw new Error('bad tags');
    const times = entry[3] as Record<string, [string, string]> | undefined;
    const tagTimes = times
      ? Object.fromEntries(
          Object.entries(times).map(([tag, [added, removed]]) => [
            tag,
            {
              ...(added ? { added: num(added) } : {}),
              ...(removed ? { removed: num(removed) } : {}),
            },
          ]),
        )
      : undefined;
    tags.set(code, { tags: list as string[], tagTimes, at: num(String(entry[1])) });
  } else if (section === 'n') {
    if (typeof entry[2] !== 'string') throw new Error('bad note');
    notes.set(code, { note: entry[2], at: num(String(entry[1])) });
  }
}
