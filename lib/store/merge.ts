/**
 * Merging two versions of one record field by field: the newer value of each field wins (by
 * its `modified` time), except fields with a join rule (tags, notes, address lists), which
 * keep both sides. Used by backup import and, later, by sync.
 */
import { sameValue, type Stamped } from './fields';

/** Combines both sides' values of a field that is joined rather than overwritten. */
export type JoinRule = (local: unknown, incoming: unknown) => unknown;

/** How to merge one kind of record. */
export interface MergeRules {
  /** Fields that identify the record; they are equal on both sides and never merged. */
  keyFields: readonly string[];
  /** Fields joined rather than taken from the newer side. */
  joins: Readonly<Record<string, JoinRule>>;
}

/** Joins two string lists: the local order, then what only `incoming` has. */
export function joinLists(local: unknown, incoming: unknown): string[] {
  const out = Array.isArray(local) ? [...(local as string[])] : [];
  for (const item of Array.isArray(incoming) ? (incoming as string[]) : []) {
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/**
 * Joins two notes: when one is empty or holds the other, the longer one; otherwise both, the
 * local one first, separated by a blank line. Joining the result again changes nothing.
 */
export function joinNotes(local: unknown, incoming: unknown): string {
  const a = typeof local === 'string' ? local : '';
  const b = typeof incoming === 'string' ? incoming : '';
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

/**
 * Merges `incoming` into `local` (two versions of the same record). Per field, the value with
 * the later modified time wins, the local one on a tie; joined fields combine both values and
 * take the later time (or keep the local time when the join leaves the local value as it was).
 * Tell an unchanged merge with `sameValue(local, merged)`.
 */
export function mergeRecord<T extends Stamped>(local: T, incoming: T, rules: MergeRules): T {
  const merged: Record<string, unknown> = { ...(local as object) };
  const modified: Record<string, number | undefined> = { ...local.modified };
  const fields = new Set([...Object.keys(local), ...Object.keys(incoming)]);
  for (const field of fields) {
    if (field === 'modified' || rules.keyFields.includes(field)) continue;
    const localTime = local.modified[field] ?? 0;
    const incomingTime = incoming.modified[field] ?? 0;
    const join = rules.joins[field];
    const localValue = (local as Record<string, unknown>)[field];
    const incomingValue = (incoming as Record<string, unknown>)[field];
    if (join) {
      const joined = join(localValue, incomingValue);
      if (sameValue(joined, localValue)) continue;
      merged[field] = joined;
      modified[field] = Math.max(localTime, incomingTime);
    } else if (incomingTime > localTime && incomingValue !== undefined) {
      // A field the incoming side does not have (an optional one, never set there) never erases.
      merged[field] = incomingValue;
      modified[field] = incomingTime;
    }
  }
  merged.modified = modified;
  return merged as T;
}
