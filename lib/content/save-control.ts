/**
 * The paper's save control, one module for every place that shows it: a source's host on
 * episode pages (./controls.ts, ./features/save.ts) and the "discussed in" card on paper pages
 * (./paper-card.ts). It is `button[data-action="save"]` with `aria-pressed`, in a slot of one
 * width whether saved or not (the page must not tell them apart by measuring), and the request
 * that saves or unsaves. It carries only the save control's words (lib/i18n/save.ts).
 */
import type { Ask, ReplyOf } from '@/lib/protocol/client';
import type { RequestData } from '@/lib/protocol/requests';
import { SAVE_STRINGS } from '@/lib/i18n/save';
import type { Locale } from '@/lib/i18n/translate';

/** The save control's own rules, added to the stylesheet of every root that shows it. */
export const SAVE_STYLES = `
button[data-action='save'] {
  justify-content: center; overflow: hidden; white-space: nowrap; width: 6.5em;
}
`;

/** A `save` button, not pressed, labelled in `locale`. */
export function saveButton(document: Document, locale: Locale): HTMLButtonElement {
  const words = SAVE_STRINGS[locale];
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = 'save';
  b.setAttribute('aria-label', words.saveName);
  b.title = words.saveName;
  b.textContent = words.save;
  b.setAttribute('aria-pressed', 'false');
  return b;
}

/** Shows on a `save` button whether the paper is saved (`aria-pressed` and its label). */
export function setSavePressed(button: Element, pressed: boolean, locale: Locale): void {
  const value = pressed ? 'true' : 'false';
  if (button.getAttribute('aria-pressed') === value) return;
  button.setAttribute('aria-pressed', value);
  button.textContent = pressed ? SAVE_STRINGS[locale].saved : SAVE_STRINGS[locale].save;
}

/** The paper a save control saves, and where it was cited. */
export interface SaveTarget {
  key: string;
  source: RequestData<'savePaper'>['source'];
  /** The episode citing it, which the saved paper names. */
  episodeKey: string | null;
  /** The episode playing on the page when it was saved, and where. */
  moment?: RequestData<'savePaper'>['moment'];
}

/** Saves (`on`) or unsaves the paper; the background's answer. */
export function askSaved(
  ask: Ask,
  target: SaveTarget,
  on: boolean,
): Promise<ReplyOf<'savePaper'> | ReplyOf<'unsavePaper'>> {
  return on
    ? ask('savePaper', {
        source: target.source,
        episodeKey: target.episodeKey,
        moment: target.moment,
      })
    : ask('unsavePaper', { key: target.key });
}
