/**
 * The page keyboard, as pure decisions: which Citecast action a key press means,
 * whether the focus is in a text field (then no key is Citecast's), and where `j`/`k` move.
 */

/** What a key press asks Citecast to do. */
export type KeyAction = 'next' | 'previous' | 'open-pdf' | 'save' | 'heard' | 'help' | 'close';

/** The parts of a `KeyboardEvent` that decide its action. */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
}

/** The keys and what they do, in the order the help panel lists them. */
export const KEY_BINDINGS: readonly { key: string; action: KeyAction }[] = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'o', action: 'open-pdf' },
  { key: 's', action: 'save' },
  { key: 'h', action: 'heard' },
  { key: '?', action: 'help' },
  { key: 'Escape', action: 'close' },
];

const BY_KEY = new Map(KEY_BINDINGS.map((b) => [b.key, b.action]));

/**
 * The action of a key press, or `null` when the key is not Citecast's: a modifier other than
 * Shift is held, the press is part of an input method's composition, or the focus is in a text
 * field (`inTextField`).
 */
export function keyAction(press: KeyPress, inTextField: boolean): KeyAction | null {
  if (inTextField || press.isComposing) return null;
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return BY_KEY.get(press.key === 'Esc' ? 'Escape' : press.key) ?? null;
}

/** The parts of an element that tell whether it takes text. */
export interface FieldLike {
  localName?: string;
  isContentEditable?: boolean;
  type?: string;
  getAttribute?(name: string): string | null;
}

/** `<input>` types that do not take typed text. */
const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/**
 * Whether `element` takes typed text: an `<input>` of a text type, a `<textarea>`, a `<select>`,
 * something contenteditable, or an element with `role="textbox"`.
 */
export function isTextField(element: FieldLike | null | undefined): boolean {
  if (!element) return false;
  const name = element.localName;
  if (name === 'textarea' || name === 'select') return true;
  if (name === 'input') return !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
  if (element.isContentEditable) return true;
  return element.getAttribute?.('role') === 'textbox';
}

/**
 * The index `j` (`step` 1) or `k` (`step` -1) moves to among `count` sources from `current`
 * (-1: none yet). It stops at the ends; with nothing focused, `j` goes to the first and `k` to
 * the last. `-1` when there are no sources.
 */
export function moveIndex(current: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0 || current >= count) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}
