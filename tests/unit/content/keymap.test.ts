/** The page keyboard's pure decisions: which key does what, text fields, and j/k movement. */
import { describe, expect, it } from 'vitest';
import { isTextField, keyAction, KEY_BINDINGS, moveIndex } from '@/lib/content/keymap';

describe('keyAction', () => {
  it('maps every bound key', () => {
    expect(keyAction({ key: 'j' }, false)).toBe('next');
    expect(keyAction({ key: 'k' }, false)).toBe('previous');
    expect(keyAction({ key: 'o' }, false)).toBe('open-pdf');
    expect(keyAction({ key: 's' }, false)).toBe('save');
    expect(keyAction({ key: 'h' }, false)).toBe('heard');
    expect(keyAction({ key: '?' }, false)).toBe('help');
    expect(keyAction({ key: 'Escape' }, false)).toBe('close');
    expect(keyAction({ key: 'Esc' }, false)).toBe('close');
    expect(KEY_BINDINGS).toHaveLength(7);
  });
  it('ignores other keys, modifiers, composition and text fields', () => {
    expect(keyAction({ key: 'x' }, false)).toBeNull();
    expect(keyAction({ key: 'J' }, false)).toBeNull();
    expect(keyAction({ key: 's', ctrlKey: true }, false)).toBeNull();
    expect(keyAction({ key: 's', metaKey: true }, false)).toBeNull();
    expect(keyAction({ key: 'j', altKey: true }, false)).toBeNull();
    expect(keyAction({ key: 's', isComposing: true }, false)).toBeNull();
    expect(keyAction({ key: 's' }, true)).toBeNull();
    expect(keyAction({ key: 'Escape' }, true)).toBeNull();
  });
});

describe('isTextField', () => {
  it('knows text fields', () => {
    expect(isTextField({ localName: 'input', type: 'text' })).toBe(true);
    expect(isTextField({ localName: 'input', type: 'search' })).toBe(true);
    expect(isTextField({ localName: 'input' })).toBe(true);
    expect(isTextField({ localName: 'textarea' })).toBe(true);
    expect(isTextField({ localName: 'select' })).toBe(true);
    expect(isTextField({ localName: 'div', isContentEditable: true })).toBe(true);
    expect(isTextField({ localName: 'div', getAttribute: () => 'textbox' })).toBe(true);
  });
  it('leaves buttons, checkboxes and plain elements to the keyboard', () => {
    expect(isTextField({ localName: 'input', type: 'checkbox' })).toBe(false);
    expect(isTextField({ localName: 'button' })).toBe(false);
    expect(isTextField({ localName: 'div', getAttribute: () => null })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('moveIndex', () => {
  it('starts at either end and stops there', () => {
    expect(moveIndex(-1, 3, 1)).toBe(0);
    expect(moveIndex(-1, 3, -1)).toBe(2);
    expect(moveIndex(0, 3, 1)).toBe(1);
    expect(moveIndex(2, 3, 1)).toBe(2);
    expect(moveIndex(0, 3, -1)).toBe(0);
    expect(moveIndex(5, 3, 1)).toBe(0);
    expect(moveIndex(-1, 0, 1)).toBe(-1);
  });
});
