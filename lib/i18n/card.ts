/**
 * The strings of the "discussed in" card on paper pages, English and Norwegian Bokmål, apart
 * from the page controls' table (lib/i18n/index.ts) so the card's small script carries only
 * these and the save control's (lib/i18n/save.ts).
 */
import { SAVE_STRINGS } from '@/lib/i18n/save';
import { localeFor, translator, type Locale, type Translator } from '@/lib/i18n/translate';

const EN = {
  ...SAVE_STRINGS.en,
  cardName: 'Citecast: the episodes of AI Post Transformers that discuss this paper',
  discussedIn: 'Discussed in',
  show: 'AI Post Transformers',
  heardOn: 'heard on {date}',
  inProgressAt: 'in progress at {time}',
  notHeard: 'not heard',
  untitled: 'Untitled episode',
  'others.one': '{n} other paper from that episode',
  'others.other': '{n} other papers from that episode',
  othersName: 'Open this episode’s sources in the Citecast library',
  episodeName: 'Open the episode’s page in a new tab',
  'error.quota': 'The browser’s storage for Citecast is full, so this could not be saved.',
  'error.other': 'Citecast could not do this just now. Try again.',
} as const;

/** A key of the card's table. */
export type CardKey = keyof typeof EN;

const NB: Record<CardKey, string> = {
  ...SAVE_STRINGS.nb,
  cardName: 'Citecast: episodene av AI Post Transformers som omtaler denne artikkelen',
  discussedIn: 'Omtalt i',
  show: 'AI Post Transformers',
  heardOn: 'hørt {date}',
  inProgressAt: 'påbegynt, ved {time}',
  notHeard: 'ikke hørt',
  untitled: 'Episode uten tittel',
  'others.one': '{n} annen artikkel fra den episoden',
  'others.other': '{n} andre artikler fra den episoden',
  othersName: 'Åpne kildene til denne episoden i Citecast-biblioteket',
  episodeName: 'Åpne episodens side i en ny fane',
  'error.quota': 'Nettleserens lagringsplass for Citecast er full, så dette kunne ikke lagres.',
  'error.other': 'Citecast fikk ikke til dette nå. Prøv igjen.',
};

/** Every language's card table. */
export const CARD_MESSAGES: Readonly<Record<Locale, Record<CardKey, string>>> = { en: EN, nb: NB };

/** The card's translator for the page's language (`navigator.language`), or `locale`. */
export function cardTranslator(locale?: Locale): Translator<CardKey> {
  return translator(CARD_MESSAGES, locale ?? localeFor(globalThis.navigator?.language));
}
