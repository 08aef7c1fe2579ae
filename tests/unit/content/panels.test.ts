// @vitest-environment happy-dom
/**
 * The "choose which to save" panel takes what the user changed, never a box's `checked` a page
 * script set: events made up by a script are untrusted, so they are marked trusted here only
 * where the test plays the user.
 */
import { describe, expect, it } from 'vitest';
import { buildChoosePanel } from '@/lib/content/panels';

/** `event`, dispatched on `target` as the browser dispatches the user's own input. */
function asUser(target: EventTarget, event: Event): void {
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
}

/** A panel over three papers, the second saved already; answers it and what "save" received. */
function panel() {
  const saved: number[][] = [];
  const made = buildChoosePanel(
    { document, isTrusted: (event) => event.isTrusted },
    [
      { label: 'Paper A', saved: false },
      { label: 'Paper B', saved: true },
      { label: 'Paper C', saved: false },
    ],
    (checked) => saved.push(checked),
    () => undefined,
  );
  document.body.append(made.element);
  const boxes = Array.from(made.element.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
  const save = made.element.querySelector<HTMLElement>('button[data-action="save-checked"]')!;
  return { boxes, save, saved };
}

describe('the choose panel', () => {
  it('saves what was shown when a page script ticks or clears the boxes', () => {
    const { boxes, save, saved } = panel();
    for (const box of boxes) {
      box.checked = !box.checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
    asUser(save, new MouseEvent('click', { bubbles: true, composed: true }));
    expect(saved).toEqual([[1]]);
  });

  it('saves what the user ticked and cleared', () => {
    const { boxes, save, saved } = panel();
    boxes[0]!.checked = true;
    asUser(boxes[0]!, new Event('change', { bubbles: true }));
    boxes[1]!.checked = false;
    asUser(boxes[1]!, new Event('change', { bubbles: true }));
    asUser(save, new MouseEvent('click', { bubbles: true, composed: true }));
    expect(saved).toEqual([[0]]);
  });

  it('does nothing on a click a script made up', () => {
    const { save, saved } = panel();
    save.click();
    expect(saved).toEqual([]);
  });
});
