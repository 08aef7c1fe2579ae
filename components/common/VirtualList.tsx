/**
 * A windowed list: fixed row height, only the rows in view (and a few more) are in the DOM, so a
 * list of 10,000 papers costs as much as one of 20. Keyboard: with `focusRows`, the rows take
 * focus themselves (roving tabindex: Tab enters the list at the active row, arrows, Home/End and
 * Page Up/Down move, Enter activates); without it, another element (the popup's search field)
 * moves `active` and the list only keeps it in view (`aria-activedescendant`).
 */
import type { AriaRole, ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isListKey, moveActive, scrollToShow, visibleRange } from '@/lib/ui/window';

/** Attributes of one row, from its index. */
export type RowAttributes = { role?: AriaRole; class?: string } & Partial<
  Record<`data-${string}`, string>
>;

/** The list's props. */
export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Height of the viewport in px (it also follows its own size when CSS changes it). */
  height: number;
  /** The row's content. */
  renderRow(index: number, active: boolean): ComponentChildren;
  /** Attributes of a row's element (`data-testid`, `role`, `class`, …). */
  rowAttributes?(index: number): RowAttributes;
  /** Rows the keyboard steps over (group headers). */
  skip?(index: number): boolean;
  active: number;
  onActive(index: number): void;
  /** Enter (and double click) on a row. */
  onEnter?(index: number): void;
  /** Called with the rows in view, so the owner can load them. */
  onRange?(start: number, end: number): void;
  /** Whether rows take focus (see the module comment). */
  focusRows?: boolean;
  /** The id prefix of rows (`{idPrefix}-{index}`). */
  idPrefix: string;
  /** A change scrolls back to the top (a new search). */
  resetKey?: string;
  role?: AriaRole;
  label: string;
  class?: string;
  testId?: string;
}

/** See the module comment. */
export function VirtualList(props: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(props.height);
  const focusNext = useRef(false);
  const { count, rowHeight, active } = props;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    };
    // A ResizeObserver reports the first size itself, after the browser's own layout and before
    // the frame is painted. Reading clientHeight here instead forced a layout of its own before
    // the popup's first frame (3 ms in its trace).
    if (typeof ResizeObserver !== 'function') {
      measure();
      return;
    }
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new list starts at the top anyway: setting scrollTop on mount forced a layout before the
  // popup's first frame (3 ms in its trace).
  const shownKey = useRef(props.resetKey);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || props.resetKey === undefined || props.resetKey === shownKey.current) return;
    shownKey.current = props.resetKey;
    el.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  const { start, end } = visibleRange(scrollTop, viewport, rowHeight, count);
  useEffect(() => props.onRange?.(start, end), [start, end, count]);

  // Keep the active row in view, and give it focus after a keyboard move.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || active < 0 || active >= count) return;
    const next = scrollToShow(active, el.scrollTop, el.clientHeight || viewport, rowHeight);
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(next);
    }
  }, [active, count]);
  useEffect(() => {
    if (!focusNext.current || !props.focusRows) return;
    focusNext.current = false;
    ref.current
      ?.querySelector<HTMLElement>(`#${CSS.escape(`${props.idPrefix}-${active}`)}`)
      ?.focus();
  });

  const onKeyDown = (event: KeyboardEvent) => {
    if (!props.focusRows) return;
    // Keys inside a row's own controls (a text field, a select) stay theirs.
    const target = event.target as HTMLElement;
    if (!target.classList.contains('vrow')) return;
    if (isListKey(event.key)) {
      event.preventDefault();
      const pageRows = Math.max(1, Math.floor(viewport / rowHeight));
      const next = moveActive(event.key, active, count, pageRows, props.skip);
      focusNext.current = true;
      props.onActive(next);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      props.onEnter?.(active);
    }
  };

  const rows: ComponentChildren[] = [];
  // Without focus on any row yet, Tab enters the list at the first row shown.
  const tabStop = active >= start && active < end ? active : start;
  for (let i = start; i < end; i++) {
    const attributes = props.rowAttributes?.(i) ?? {};
    const isActive = i === active;
    rows.push(
      <div
        key={i}
        id={`${props.idPrefix}-${i}`}
        {...attributes}
        class={`vrow${isActive ? ' active' : ''}${attributes.class ? ` ${String(attributes.class)}` : ''}`}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        tabIndex={props.focusRows && !props.skip?.(i) ? (i === tabStop ? 0 : -1) : undefined}
        aria-selected={props.role === 'listbox' ? isActive : undefined}
        onFocus={
          props.focusRows
            ? (event) => {
                if (event.target === event.currentTarget && i !== active) props.onActive(i);
              }
            : undefined
        }
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('button, a, input, select, textarea, label'))
            return;
          props.onActive(i);
        }}
        onDblClick={() => props.onEnter?.(i)}
      >
        {props.renderRow(i, isActive)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      class={`vlist${props.class ? ` ${props.class}` : ''}`}
      style={{ height: `${props.height}px` }}
      role={props.role ?? 'list'}
      aria-label={props.label}
      data-testid={props.testId}
      data-count={count}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vlist-space" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
