/**
 * The arithmetic of a windowed (virtualised) list with a fixed row height: which rows are
 * visible, where to scroll to show a row, where keyboard moves go.
 */

/** The rows to render: `[start, end)`, with the overscan added, clamped to the list. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 4,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The scroll position that shows row `index` whole, moving as little as possible from
 * `scrollTop` (unchanged when it is already in view).
 */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** The keys a list answers, and where each moves the active row. */
export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

/** Whether `key` is one of the {@link ListKey}s. */
export function isListKey(key: string): key is ListKey {
  return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key);
}

/**
 * The active row after `key`, from `active` (-1: none yet) in a list of `count` rows with
 * `pageRows` rows per screen; `skip(index)` rows (group headers) are stepped over.
 */
export function moveActive(
  key: ListKey,
  active: number,
  count: number,
  pageRows: number,
  skip: (index: number) => boolean = () => false,
): number {
  if (count <= 0) return -1;
  const last = count - 1;
  let target: number;
  let step: 1 | -1;
  switch (key) {
    case 'ArrowDown':
      target = active < 0 ? 0 : active + 1;
      step = 1;
      break;
    case 'ArrowUp':
      target = active < 0 ? 0 : active - 1;
      step = -1;
      break;
    case 'Home':
      target = 0;
      step = 1;
      break;
    case 'End':
      target = last;
      step = -1;
      break;
    case 'PageDown':
      target = Math.max(0, active) + Math.max(1, pageRows - 1);
      step = 1;
      break;
    case 'PageUp':
      target = Math.max(0, active) - Math.max(1, pageRows - 1);
      step = -1;
      break;
  }
  target = Math.min(last, Math.max(0, target));
  // Step over headers in the direction of the move, then back if the end was a header.
  let i = target;
  while (i >= 0 && i <= last && skip(i)) i += step;
  if (i < 0 || i > last) {
    i = target;
    while (i >= 0 && i <= last && skip(i)) i -= step;
  }
  if (i < 0 || i > last) return active;
  return i;
}
