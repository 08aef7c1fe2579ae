/**
 * The save control's words, English and Norwegian Bokmål: the same control on episode pages
 * (lib/i18n/index.ts) and on the paper pages' card (lib/i18n/card.ts), so one wording, kept here
 * apart so the card's small script need not carry the page controls' table.
 */
import type { Locale } from '@/lib/i18n/translate';

/** See the module comment. */
export const SAVE_STRINGS = {
  en: { save: 'Save', saved: 'Saved', saveName: 'Save this paper in Citecast' },
  nb: { save: 'Lagre', saved: 'Lagret', saveName: 'Lagre denne artikkelen i Citecast' },
} as const satisfies Record<Locale, Record<string, string>>;
