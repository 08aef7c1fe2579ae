/** The listening log grouped by day or month, flattened for a windowed list. */
import { dayKey, monthKey } from '@/lib/ui/dates';

/** A group header or a row, in the order the list shows them. */
export type GroupedItem<T> =
  { kind: 'header'; period: string | null } | { kind: 'row'; row: T; index: number };

/**
 * `rows` (already in the order to show, `undefined` where not loaded yet) with a header before
 * each new period (`YYYY-MM-DD` or `YYYY-MM` of `timeOf(row)`, `null` for rows without a time).
 * A row not loaded yet joins the period before it, so headers appear as pages arrive.
 */
export function groupByPeriod<T>(
  rows: readonly (T | undefined)[],
  timeOf: (row: T) => number | null,
  by: 'day' | 'month',
): GroupedItem<T | undefined>[] {
  const items: GroupedItem<T | undefined>[] = [];
  let current: string | null | undefined;
  rows.forEach((row, index) => {
    if (row !== undefined) {
      const time = timeOf(row);
      const period = time === null ? null : by === 'day' ? dayKey(time) : monthKey(time);
      if (period !== current) {
        items.push({ kind: 'header', period });
        current = period;
      }
    }
    items.push({ kind: 'row', row, index });
  });
  return items;
}
