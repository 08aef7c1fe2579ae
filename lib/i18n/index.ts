/**
 * Citecast's in-page strings in English and Norwegian Bokmål, following the browser's language
 * (`nb`, `nn` and `no` get Bokmål; everything else English). Strings with `{name}` placeholders
 * are filled by {@link format}; counts use {@link plural} (`.one` / `.other` keys).
 */

/** The languages Citecast's page controls speak. */
export type Locale = 'en' | 'nb';

/** The English table; every other table has exactly these keys. */
const EN = {
  brand: 'Citecast',
  untitledSource: 'Untitled source',
  etAl: 'et al.',
  tooltip: 'Citecast: {text}',
  pdf: 'PDF',
  pdfName: 'Open the PDF in a new tab (Citecast)',
  save: 'Save',
  saved: 'Saved',
  saveName: 'Save this paper in Citecast',
  heard: 'Heard',
  heardName: 'Mark this episode as heard (Citecast)',
  saveAll: 'Save all',
  saveAllName: 'Save every paper of this episode',
  'sources.one': '{n} source',
  'sources.other': '{n} sources',
  countsSaved: '{sources} · {saved} saved',
  copyList: 'Copy list',
  copyListName: 'Copy the reading list as Markdown (Citecast)',
  copied: 'Copied',
  copyFailed: 'Could not copy: the browser refused the clipboard',
  helpTitle: 'Citecast keys',
  helpClose: 'Close (Esc)',
  helpCloseName: 'Close the Citecast key help',
  'key.next': 'Next source',
  'key.previous': 'Previous source',
  'key.open-pdf': 'Open the PDF',
  'key.save': 'Save or unsave the paper',
  'key.heard': 'Mark the episode heard',
  'key.help': 'Show these keys',
  'key.close': 'Close what Citecast opened',
  openAll: 'Open PDFs',
  openAllName: 'Open every arXiv PDF of this episode in new tabs (Citecast)',
  openAllAsk: 'Open {n} PDFs?',
  openAllNone: 'No arXiv PDF to open',
  open: 'Open',
  openName: 'Open the PDFs in new tabs',
  cancel: 'Cancel',
  cancelName: 'Cancel, open nothing (Esc)',
  choose: 'Choose…',
  chooseName: 'Choose which papers of this episode to save (Citecast)',
  chooseTitle: 'Save which papers?',
  filter: 'Filter…',
  filterName: 'Filter the sources',
  selectAll: 'Select all',
  selectAllName: 'Check every source shown',
  saveChecked: 'Save checked',
  saveCheckedName: 'Save the checked papers (Enter)',
  close: 'Close (Esc)',
  closeName: 'Close this Citecast panel',
  chooseNone: 'No source matches',
  'episode.heard': 'Heard',
  'episode.progress': 'In progress',
  'episode.new': 'New',
  episodeStateName: 'Cited episode: {state}',
  episodeLink: 'Episode',
  episodeLinkName: 'Open the cited episode in a new tab (Citecast)',
  copyBibtex: 'BibTeX',
  copyBibtexName: 'Copy the saved papers of this episode as BibTeX (Citecast)',
  bibtexNone: 'Save papers first: BibTeX lists the saved ones',
} as const;

/** A message key. */
export type MessageKey = keyof typeof EN;

/** One language's strings. */
export type Messages = Record<MessageKey, string>;

/** Norwegian Bokmål. */
const NB: Messages = {
  brand: 'Citecast',
  untitledSource: 'Kilde uten tittel',
  etAl: 'mfl.',
  tooltip: 'Citecast: {text}',
  pdf: 'PDF',
  pdfName: 'Åpne PDF-en i en ny fane (Citecast)',
  save: 'Lagre',
  saved: 'Lagret',
  saveName: 'Lagre denne artikkelen i Citecast',
  heard: 'Hørt',
  heardName: 'Merk episoden som hørt (Citecast)',
  saveAll: 'Lagre alle',
  saveAllName: 'Lagre alle artiklene fra denne episoden',
  'sources.one': '{n} kilde',
  'sources.other': '{n} kilder',
  countsSaved: '{sources} · {saved} lagret',
  copyList: 'Kopier liste',
  copyListName: 'Kopier leselisten som Markdown (Citecast)',
  copied: 'Kopiert',
  copyFailed: 'Kunne ikke kopiere: nettleseren nektet tilgang til utklippstavlen',
  helpTitle: 'Citecast-taster',
  helpClose: 'Lukk (Esc)',
  helpCloseName: 'Lukk Citecast-tastehjelpen',
  'key.next': 'Neste kilde',
  'key.previous': 'Forrige kilde',
  'key.open-pdf': 'Åpne PDF-en',
  'key.save': 'Lagre artikkelen, eller fjern den',
  'key.heard': 'Merk episoden som hørt',
  'key.help': 'Vis disse tastene',
  'key.close': 'Lukk det Citecast har åpnet',
  openAll: 'Åpne PDF-er',
  openAllName: 'Åpne alle arXiv-PDF-ene fra episoden i nye faner (Citecast)',
  openAllAsk: 'Åpne {n} PDF-er?',
  openAllNone: 'Ingen arXiv-PDF å åpne',
  open: 'Åpne',
  openName: 'Åpne PDF-ene i nye faner',
  cancel: 'Avbryt',
  cancelName: 'Avbryt, åpne ingenting (Esc)',
  choose: 'Velg …',
  chooseName: 'Velg hvilke artikler fra episoden som skal lagres (Citecast)',
  chooseTitle: 'Hvilke artikler skal lagres?',
  filter: 'Filtrer …',
  filterName: 'Filtrer kildene',
  selectAll: 'Velg alle',
  selectAllName: 'Kryss av alle kildene som vises',
  saveChecked: 'Lagre avkryssede',
  saveCheckedName: 'Lagre de avkryssede artiklene (Enter)',
  close: 'Lukk (Esc)',
  closeName: 'Lukk dette Citecast-panelet',
  chooseNone: 'Ingen kilde passer',
  'episode.heard': 'Hørt',
  'episode.progress': 'Påbegynt',
  'episode.new': 'Ny',
  episodeStateName: 'Sitert episode: {state}',
  episodeLink: 'Episode',
  episodeLinkName: 'Åpne den siterte episoden i en ny fane (Citecast)',
  copyBibtex: 'BibTeX',
  copyBibtexName: 'Kopier de lagrede artiklene fra episoden som BibTeX (Citecast)',
  bibtexNone: 'Lagre artikler først: BibTeX tar med de lagrede',
};

/** Every language's table. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { en: EN, nb: NB };

/** The locale for a browser language tag: Bokmål for `nb`, `nn` and `no`, else English. */
export function localeFor(language: string | null | undefined): Locale {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'nb' || primary === 'nn' || primary === 'no' ? 'nb' : 'en';
}

let current: Locale | undefined;

/** The page's locale, from `navigator.language` (read once). */
export function uiLocale(): Locale {
  current ??= localeFor(globalThis.navigator?.language);
  return current;
}

/** Sets the locale (tests); `undefined` reads `navigator.language` again on next use. */
export function setUiLocale(locale: Locale | undefined): void {
  current = locale;
}

/** The string for `key` in `locale` (default: the page's). */
export function t(key: MessageKey, locale: Locale = uiLocale()): string {
  return MESSAGES[locale][key];
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as they are). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}

/**
 * The plural form of `base` for `n` (`base.one` or `base.other`, chosen by `Intl.PluralRules`),
 * with `{n}` filled in.
 */
export function plural(base: 'sources', n: number, locale: Locale = uiLocale()): string {
  const rule = new Intl.PluralRules(locale).select(n) === 'one' ? 'one' : 'other';
  return format(t(`${base}.${rule}`, locale), { n });
}
