// @vitest-environment happy-dom
/**
 * The windowed list: only the rows in view are in the DOM, a new `resetKey` (a new search)
 * scrolls back to the top and shows the first rows again, and mounting sets no scroll position
 * of its own (which forced a layout before the popup's first frame).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '@/components/common/VirtualList';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function list(resetKey: string | undefined) {
  return (
    <VirtualList
      count={1000}
      rowHeight={50}
      height={300}
      renderRow={(i) => <span>row {i}</span>}
      active={-1}
      onActive={() => undefined}
      idPrefix="r"
      resetKey={resetKey}
      label="rows"
    />
  );
}

/** The indices of the rows in the DOM. */
function shownRows(): number[] {
  return [...root.querySelectorAll('.vrow')].map((row) => Number(row.id.slice(2)));
}

/** Scrolls the list to `top`, as a user would, and lets it re-render. */
function scrollTo(top: number): void {
  const el = root.querySelector<HTMLElement>('.vlist')!;
  act(() => {
    el.scrollTop = top;
    el.dispatchEvent(new Event('scroll'));
  });
}

describe('VirtualList', () => {
  it('keeps only the rows in view (and a few more) in the DOM', () => {
    act(() => render(list('a'), root));
    const rows = shownRows();
    expect(rows[0]).toBe(0);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(20);
  });

  it('sets no scroll position when it mounts', () => {
    const set = vi.spyOn(HTMLElement.prototype, 'scrollTop', 'set');
    act(() => render(list('a'), root));
    expect(set).not.toHaveBeenCalled();
  });

  it('goes back to the top on a new resetKey, and stays put on the same one', () => {
    act(() => render(list('a'), root));
    scrollTo(5000);
    expect(shownRows()).toContain(100);
    expect(shownRows()).not.toContain(0);
    act(() => render(list('a'), root));
    expect(shownRows()).toContain(100);
    act(() => render(list('b'), root));
    expect(root.querySelector<HTMLElement>('.vlist')!.scrollTop).toBe(0);
    expect(shownRows()[0]).toBe(0);
  });

  it('never resets a list without a resetKey', () => {
    act(() => render(list(undefined), root));
    scrollTo(5000);
    act(() => render(list(undefined), root));
    expect(shownRows()).toContain(100);
  });
});
