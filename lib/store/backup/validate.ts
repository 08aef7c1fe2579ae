/**
 * A few hand-written checks for untrusted JSON (backup files): each check returns `null` when
 * the value fits, else the reason naming where it does not (`papers[3].tags[1]: expected a
 * string`), as a text the page renders in its language (lib/i18n/errors.ts; `englishText`
 * gives the English one).
 */
import type { ErrorKey, ErrorText } from '@/lib/i18n/errors';
import { LATEST_TIME } from '@/lib/core/limits';

/** Checks a value found at `path`; returns the reason it is refused, or `null`. */
export type Check = (value: unknown, path: string) => ErrorText | null;

/** The reason `key` for the value at `path`, with `params`. */
export function refusal(
  key: ErrorKey,
  path: string,
  params: Record<string, string | number> = {},
): ErrorText {
  return { key, params: { path, ...params } };
}

/** A string (optionally non-empty and at most `maxLength` characters). */
export function string(options: { nonEmpty?: boolean; maxLength?: number } = {}): Check {
  return (value, path) => {
    if (typeof value !== 'string') return refusal('check.string', path);
    if (options.nonEmpty && value === '') return refusal('check.nonEmpty', path);
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return refusal('check.maxLength', path, { max: options.maxLength });
    }
    return null;
  };
}

/** A finite number (optionally an integer, optionally at least `min` and at most `max`). */
export function number(options: { integer?: boolean; min?: number; max?: number } = {}): Check {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return refusal('check.number', path);
    if (options.integer && !Number.isInteger(value)) return refusal('check.integer', path);
    if (options.min !== undefined && value < options.min) {
      return refusal('check.min', path, { min: options.min });
    }
    if (options.max !== undefined && value > options.max) {
      return refusal('check.max', path, { max: options.max });
    }
    return null;
  };
}

/** A boolean. */
export const boolean: Check = (value, path) =>
  typeof value === 'boolean' ? null : refusal('check.boolean', path);

/** One of the given strings. */
export function oneOf(values: readonly string[]): Check {
  return (value, path) =>
    typeof value === 'string' && values.includes(value)
      ? null
      : refusal('check.oneOf', path, { values: values.map((v) => JSON.stringify(v)).join(', ') });
}

/** `null`, or a value passing `check`. */
export function nullable(check: Check): Check {
  return (value, path) => (value === null ? null : check(value, path));
}

/** Absent (`undefined`), or a value passing `check`. */
export function optional(check: Check): Check {
  return (value, path) => (value === undefined ? null : check(value, path));
}

/** An array (optionally of at most `maxLength` items) whose every item passes `check`. */
export function arrayOf(check: Check, options: { maxLength?: number } = {}): Check {
  return (value, path) => {
    if (!Array.isArray(value)) return refusal('check.list', path);
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return refusal('check.maxItems', path, { max: options.maxLength });
    }
    for (let i = 0; i < value.length; i++) {
      const reason = check(value[i], `${path}[${i}]`);
      if (reason) return reason;
    }
    return null;
  };
}

/** Whether `value` is a plain JSON object (not an array, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An object with exactly the given fields (a field whose check accepts `undefined` may be
 * missing). Unknown fields are refused, so nothing unchecked is ever stored.
 */
export function object(fields: Readonly<Record<string, Check>>): Check {
  return (value, path) => {
    if (!isObject(value)) return refusal('check.object', path);
    for (const [name, check] of Object.entries(fields)) {
      const reason = check(value[name], `${path}.${name}`);
      if (reason) return reason;
    }
    for (const name of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) {
        return refusal('check.unknownField', path, { name: JSON.stringify(name) });
      }
    }
    return null;
  };
}

/** An epoch time (ms) from 1970 to the end of year 9999 ({@link LATEST_TIME}). */
export const time: Check = (value, path) =>
  number()(value, path) ??
  ((value as number) < 0 || (value as number) > LATEST_TIME ? refusal('check.time', path) : null);

/** An object mapping some of `names` to epoch times (the per-field modified times). */
export function fieldTimes(names: readonly string[]): Check {
  return (value, path) => {
    if (!isObject(value)) return refusal('check.object', path);
    for (const [name, item] of Object.entries(value)) {
      if (!names.includes(name)) {
        return refusal('check.unknownField', path, { name: JSON.stringify(name) });
      }
      const reason = time(item, `${path}.${name}`);
      if (reason) return reason;
    }
    return null;
  };
}
