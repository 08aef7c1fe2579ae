/**
 * Per-field change stamping: a write changes some fields of a record and stamps each changed
 * field (and only those) with the write's time in `modified`.
 */

/** A record with per-field modified times. */
export interface Stamped {
  modified: Partial<Record<string, number>>;
}

/** Whether two JSON-like values (records hold nothing else) are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * A copy of `record` with `changes` applied, each field whose value really changes stamped
 * with `now`. Returns `record` itself when nothing changes, so callers can skip the write.
 */
export function applyChanges<T extends Stamped>(
  record: T,
  changes: Partial<Omit<T, 'modified'>>,
  now: number,
): T {
  let next: T | null = null;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined || sameValue((record as Record<string, unknown>)[field], value)) {
      continue;
    }
    next ??= { ...record, modified: { ...record.modified } };
    (next as Record<string, unknown>)[field] = value;
    next.modified[field] = now;
  }
  return next ?? record;
}

/**
 * A new record: `fields` plus every field in `stampedFields` stamped with `now` (the key
 * fields are left out of `modified`, as they never change). An optional field the record does
 * not have is not stamped: a missing field was never set.
 */
export function stampNew<T extends Stamped>(
  fields: Omit<T, 'modified'>,
  stampedFields: readonly string[],
  now: number,
): T {
  const modified: Record<string, number> = {};
  for (const field of stampedFields) {
    if ((fields as Record<string, unknown>)[field] !== undefined) modified[field] = now;
  }
  return { ...fields, modified } as T;
}
