/**
 * Citecast's in-page strings in English and Norwegian Bokmål, following the browser's language
 * (`nb`, `nn` and `no` get Bokmål; everything else English). Strings with `{name}` placeholders
 * are filled by {@link format}; counts use {@link plural} (`.one` / `.other` keys), both through
 * lib/i18n/translate.ts. The content script carries this table: the extension pages' strings
 * (lib/i18n/pages.ts) stay out of it.
 */
import { SAVE_STRINGS } from '@/lib/i18n/save';
import { fill, localeFor, translator, type Locale } from '@/lib/i18n/translate';

export type { Locale } from '@/lib/i18n/translate';

/** The English table; every other table has exactly these keys. */
const EN = {
  brand: 'Citecast',
  untitledSource: 'Untitled source',
  partialSource:
    'Citecast: the description is cut off in this source, so its title or link may be incomplete; it cannot be saved or opened',
  etAl: 'et al.',
  tooltip: 'Citecast: {text}',
  pdf: 'PDF',
  pdfName: 'Open the PDF in a new tab (Citecast)',
  ...SAVE_STRINGS.en,
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
  zotero: 'Zotero',
  zoteroName: 'Send this paper to Zotero (Citecast)',
  zoteroChecked: 'Send checked to Zotero',
  zoteroCheckedName: 'Send the checked papers to the Zotero app on this computer',
  zoteroAllow: 'Allow Citecast to reach Zotero in the window that opened, then press Zotero again.',
  zoteroSent: 'Sent to Zotero ({n}), into “{collection}”.',
  zoteroAsk: 'Sent to Zotero before ({n}). Send again?',
  zoteroResend: 'Send again',
  zoteroRis: 'Save as RIS',
  zoteroRisName: 'Save these papers as a RIS file to import into Zotero',
  inZotero: 'In Zotero',
  inZoteroName: 'Already in your Zotero library',
  copySourceBibtex: 'Bib',
  copySourceBibtexName: 'Copy this paper as BibTeX (Citecast)',
  copySourceLink: 'MD',
  copySourceLinkName: 'Copy a Markdown link to this paper (Citecast)',
  copiedShort: '✓',
  heardOn: 'Heard {date}',
  heardOnName: 'Heard on {date}: mark this episode as not heard (Citecast)',
  // Playback.
  resumeAt: 'Resume at {time}',
  resumeAtName: 'Play this episode here from {time} (Citecast)',
  savedAtMoment: 'saved at {time} in {episode}',
  // arXiv lookups.
  'arxiv.find': 'Find PDFs',
  'arxiv.findName': 'Look up the sources cited by title only on arXiv (Citecast)',
  'arxiv.needsPermission':
    'Allow arXiv lookups in the Citecast window that opened; the lookup then starts here.',
  'arxiv.progress': 'arXiv: {done} of {total} looked up…',
  'arxiv.summary': 'arXiv: {found} found · {maybe} maybe · {none} not found',
  'arxiv.looking': 'looking up…',
  'arxiv.found': 'found {percent} %',
  'arxiv.foundName': 'Found on arXiv: {title} ({percent} % sure)',
  'arxiv.linked': 'linked',
  'arxiv.linkedName': 'You linked this source to arXiv: {title}',
  'arxiv.maybe': 'maybe: {title} {percent} %',
  'arxiv.maybeName':
    'Perhaps this arXiv paper ({percent} % alike): {title}. Not used unless you say so.',
  'arxiv.use': 'use it',
  'arxiv.useName': 'Use this arXiv paper for this source (Citecast)',
  'arxiv.notThis': 'not it',
  'arxiv.notThisName': 'Not this paper: never suggest it again (Citecast)',
  'arxiv.unlink': 'unlink',
  'arxiv.unlinkName': 'This source is not this arXiv paper: unlink it (Citecast)',
  'arxiv.none': 'not on arXiv',
  'arxiv.noneName': 'arXiv has no paper with this title',
  'arxiv.error.offline': 'arXiv unreachable (offline?)',
  'arxiv.error.rate-limited': 'arXiv asks to wait: try again later',
  'arxiv.error.timeout': 'arXiv did not answer in time',
  'arxiv.error.bad-answer': 'arXiv’s answer was unreadable',
  'arxiv.error.no-permission': 'arXiv lookups are not allowed',
  'arxiv.info': 'Abstract',
  'arxiv.infoName': 'Show the abstract and versions from arXiv (Citecast)',
  'arxiv.loading': 'Loading from arXiv…',
  'arxiv.revised': 'Revised since this episode: v{latest} of {updated} is newer',
  'arxiv.revisedCited': 'Revised since this episode: it cites v{cited}, arXiv has v{latest}',
  'arxiv.current': 'No newer version since this episode (v{latest})',
  'arxiv.unknown':
    'Latest v{latest} of {updated}: cannot tell whether it is newer than the episode',
  'arxiv.versions': 'v1 {published} · latest v{latest} {updated}',
  'zotero.untitledEpisode': 'an episode',
  'zotero.noteCited': 'Cited in {show}: {episode}',
  'zotero.noteMomentIn': 'Saved at {at} in {episode}',
  'zotero.noteMoment': 'Saved at {at} in the episode',
} as const;

/** A message key. */
export type MessageKey = keyof typeof EN;

/** One language's strings. */
export type Messages = Record<MessageKey, string>;

/** Norwegian Bokmål. */
const NB: Messages = {
  brand: 'Citecast',
  untitledSource: 'Kilde uten tittel',
  partialSource:
    'Citecast: beskrivelsen er kuttet av i denne kilden, så tittelen eller lenken kan være ufullstendig; den kan ikke lagres eller åpnes',
  etAl: 'mfl.',
  tooltip: 'Citecast: {text}',
  pdf: 'PDF',
  pdfName: 'Åpne PDF-en i en ny fane (Citecast)',
  ...SAVE_STRINGS.nb,
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
  zotero: 'Zotero',
  zoteroName: 'Send denne artikkelen til Zotero (Citecast)',
  zoteroChecked: 'Send avkryssede til Zotero',
  zoteroCheckedName: 'Send de avkryssede artiklene til Zotero-programmet på denne maskinen',
  zoteroAllow: 'Tillat at Citecast når Zotero i vinduet som åpnet seg, og trykk Zotero igjen.',
  zoteroSent: 'Sendt til Zotero ({n}), til «{collection}».',
  zoteroAsk: 'Sendt til Zotero før ({n}). Sende igjen?',
  zoteroResend: 'Send igjen',
  zoteroRis: 'Lagre som RIS',
  zoteroRisName: 'Lagre disse artiklene som en RIS-fil du kan importere i Zotero',
  inZotero: 'I Zotero',
  inZoteroName: 'Allerede i Zotero-biblioteket ditt',
  copySourceBibtex: 'Bib',
  copySourceBibtexName: 'Kopier denne artikkelen som BibTeX (Citecast)',
  copySourceLink: 'MD',
  copySourceLinkName: 'Kopier en Markdown-lenke til denne artikkelen (Citecast)',
  copiedShort: '✓',
  heardOn: 'Hørt {date}',
  heardOnName: 'Hørt {date}: merk episoden som ikke hørt (Citecast)',
  // Playback.
  resumeAt: 'Fortsett fra {time}',
  resumeAtName: 'Spill av episoden her fra {time} (Citecast)',
  savedAtMoment: 'lagret ved {time} i {episode}',
  // arXiv lookups.
  'arxiv.find': 'Finn PDF-er',
  'arxiv.findName': 'Slå opp kildene som bare er oppgitt med tittel, på arXiv (Citecast)',
  'arxiv.needsPermission':
    'Tillat arXiv-oppslag i Citecast-vinduet som åpnet seg; da starter oppslaget her.',
  'arxiv.progress': 'arXiv: {done} av {total} slått opp …',
  'arxiv.summary': 'arXiv: {found} funnet · {maybe} kanskje · {none} ikke funnet',
  'arxiv.looking': 'slår opp …',
  'arxiv.found': 'funnet {percent} %',
  'arxiv.foundName': 'Funnet på arXiv: {title} ({percent} % sikker)',
  'arxiv.linked': 'koblet',
  'arxiv.linkedName': 'Du koblet denne kilden til arXiv: {title}',
  'arxiv.maybe': 'kanskje: {title} {percent} %',
  'arxiv.maybeName':
    'Kanskje denne arXiv-artikkelen ({percent} % lik): {title}. Brukes ikke uten at du sier det.',
  'arxiv.use': 'bruk den',
  'arxiv.useName': 'Bruk denne arXiv-artikkelen for kilden (Citecast)',
  'arxiv.notThis': 'ikke den',
  'arxiv.notThisName': 'Ikke denne artikkelen: foreslå den aldri igjen (Citecast)',
  'arxiv.unlink': 'koble fra',
  'arxiv.unlinkName': 'Kilden er ikke denne arXiv-artikkelen: koble den fra (Citecast)',
  'arxiv.none': 'ikke på arXiv',
  'arxiv.noneName': 'arXiv har ingen artikkel med denne tittelen',
  'arxiv.error.offline': 'får ikke kontakt med arXiv (frakoblet?)',
  'arxiv.error.rate-limited': 'arXiv ber oss vente: prøv igjen senere',
  'arxiv.error.timeout': 'arXiv svarte ikke i tide',
  'arxiv.error.bad-answer': 'svaret fra arXiv var uleselig',
  'arxiv.error.no-permission': 'arXiv-oppslag er ikke tillatt',
  'arxiv.info': 'Sammendrag',
  'arxiv.infoName': 'Vis sammendrag og versjoner fra arXiv (Citecast)',
  'arxiv.loading': 'Henter fra arXiv …',
  'arxiv.revised': 'Revidert siden denne episoden: v{latest} fra {updated} er nyere',
  'arxiv.revisedCited': 'Revidert siden denne episoden: den siterer v{cited}, arXiv har v{latest}',
  'arxiv.current': 'Ingen nyere versjon siden denne episoden (v{latest})',
  'arxiv.unknown':
    'Siste versjon v{latest} fra {updated}: kan ikke si om den er nyere enn episoden',
  'arxiv.versions': 'v1 {published} · siste v{latest} {updated}',
  'zotero.untitledEpisode': 'en episode',
  'zotero.noteCited': 'Nevnt i {show}: {episode}',
  'zotero.noteMomentIn': 'Lagret ved {at} i {episode}',
  'zotero.noteMoment': 'Lagret ved {at} i episoden',
};

/** Every language's table. */
export const MESSAGES: Readonly<Record<Locale, Messages>> = { en: EN, nb: NB };

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

/** The string for `key` in `locale` (default: the page's), its placeholders left to {@link format}. */
export function t(key: MessageKey, locale: Locale = uiLocale()): string {
  return MESSAGES[locale][key];
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as they are). */
export const format = fill;

/** The plural form of `base` for `n` (`base.one` or `base.other`), with `{n}` filled in. */
export function plural(base: 'sources', n: number, locale: Locale = uiLocale()): string {
  return translator(MESSAGES, locale).count(base, n);
}

/** One short-date format per locale, kept: building one costs far more than using it. */
const shortDateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** `epochMs` as a short date in `locale` (`12 Nov 2026`, `12. nov. 2026`), with `Intl`. */
export function shortDate(epochMs: number, locale: Locale = uiLocale()): string {
  let format = shortDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(translator(MESSAGES, locale).intl, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    shortDateFormats.set(locale, format);
  }
  return format.format(new Date(epochMs));
}
