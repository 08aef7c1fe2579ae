/**
 * Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates, and the invisible direction marks U+200E, U+200F and U+061C) in a title or an
 * address can make it read as something else ("gpj.exe" shown as "exe.jpg"). They are taken out
 * of titles and addresses before they are stored, and out of any page text before it is shown.
 */

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const HAS_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Whether `text` holds a bidirectional control character. */
export function hasBidi(text: string | null): boolean {
  return text !== null && HAS_BIDI.test(text);
}

/** `text` without bidirectional control characters. */
export function withoutBidi(text: string): string {
  return hasBidi(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/** `text` without bidirectional control characters, `null` kept. */
export function withoutBidiOrNull(text: string | null): string | null {
  return text === null ? null : withoutBidi(text);
}
