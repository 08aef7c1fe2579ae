/**
 * Podimo's words, in the languages of its markets (Norwegian, Danish, Dutch, German, Spanish,
 * English): the cover's alt text, the heading above a description and the "show more" control.
 * Shared by the DOM reader (podimo.ts) and the page-text reader (read/page-text.ts), so both know
 * the same words.
 */

/** The alt text Podimo gives an episode's cover image: `episode {title} cover`. */
export const COVER_ALT = /^episode\s+(.+?)\s+cover$/i;

/** The heading above the main episode's description. */
export const DESCRIPTION_HEADING =
  /^(?:Beskrivelse|Beschreibung|Beschrijving|Omschrijving|Descripción|Description|Om episoden|Om afsnittet|Über diese Folge|Over deze aflevering|Acerca de este episodio|About this episode)$/i;

const SHOW_MORE_WORDS =
  'Vis mer|Vis mere|Les mer|Læs mere|Mehr anzeigen|Mehr lesen|Weiterlesen|Meer weergeven|Toon meer|Lees meer|Ver más|Mostrar más|Leer más|Show more|See more|Read more';

/** A "show more" control on its own (a button or link whose whole text is the label). */
export const SHOW_MORE_LABEL = new RegExp(
  `^(?:…|\\.\\.\\.)?\\s*(?:${SHOW_MORE_WORDS}|more)\\s*$`,
  'i',
);

const SHOW_MORE_TAIL = new RegExp(`\\s*(?:…|\\.\\.\\.)?\\s*(?:${SHOW_MORE_WORDS}|…\\s?more)$`, 'i');

/**
 * Where a "show more" written as inline text at the end of `text` begins, or -1. Only the
 * last 40 characters are looked at: a `…$` pattern tried at every position of a long
 * description would cost time quadratic in its length.
 */
export function showMoreAt(text: string): number {
  const tailStart = Math.max(0, text.length - 40);
  const m = SHOW_MORE_TAIL.exec(text.slice(tailStart));
  return m ? tailStart + m.index : -1;
}
