/**
 * The texts of the errors the background sends to the pages, in English and Norwegian Bokmål.
 *
 * Why an error carries a key and parameters (`MessageError.text`) besides its English `message`:
 * the background (a service worker, or Firefox's background page) does not know which page asks
 * nor in which language that page is shown, and the user's language setting may change while the
 * page is open. So the background names the error and its facts, and the page renders the text
 * in its own language ({@link errorText}). `message` stays the English text: logs, older pages,
 * and a fallback for an error made without a key.
 *
 * A parameter holds a fact (a field path, a number, a key); `reason` holds a nested text (why a
 * backup was refused), rendered in the same language into `{reason}`.
 */
import type { ErrorCode, ErrorFacts, MessageError, Result } from '@/lib/core/result';
import { uiLocale, type Locale } from '@/lib/i18n/index';
import { translator } from '@/lib/i18n/translate';

/** A text to show: its key in the tables below, its facts, and an optional nested reason. */
export interface ErrorText {
  key: ErrorKey;
  params?: Record<string, string | number>;
  reason?: ErrorText;
}

/** The English table; the Bokmål one has exactly these keys. */
const EN = {
  // The store and the background.
  'store.quota':
    'The browser’s storage for Citecast is full, so this could not be saved. Free some disk space (or delete old data in the library) and try again.',
  'store.newer':
    'Citecast’s storage was written by a newer version of Citecast ({name}), so this version cannot open it. Update Citecast; your library is kept as it is.',
  'store.cannotOpen':
    'Citecast cannot open its storage ({name}), so nothing can be saved or shown. Firefox refuses storage to extensions when it is set never to remember history (permanent private browsing); storage can also be disabled or the disk full.',
  'store.failed':
    'Citecast’s storage failed ({name}). Try again; if it keeps failing, reload the extension.',
  'background.noAnswer': 'Citecast’s background gave no answer.',
  'background.unreachable': 'Citecast’s background cannot be reached ({detail}). Reload the page.',
  // Requests the background refuses.
  'request.unknown': 'Unknown request {request}.',
  'request.notCitecast': 'This request did not come from Citecast.',
  'request.extensionOnly': 'Only Citecast’s own pages may ask for {request}.',
  'request.refused': 'Refused {request}: {reason}',
  'request.expected': '{path}: expected {expected}, got {received}',
  'request.missing': '{path}: missing',
  'request.notAccepted': '{path}: this value is not accepted ({detail})',
  // Papers and episodes.
  'paper.notFound': 'There is no paper {key}.',
  'paper.noSaveKey': 'This source has no arXiv id, DOI or title to save it by.',
  'paper.noCiteKey': 'This source has no arXiv id, DOI or title to cite it by.',
  'papers.notRestored': 'The papers were not restored: {detail}. Nothing changed.',
  'papers.noneSaved': 'None of the selected papers is saved, so there is nothing to export.',
  'episode.notFound': 'There is no episode {key}.',
  'listen.futureDate': 'The heard date is in the future.',
  'listen.notInLog': 'There is no such episode in the log.',
  'episode.foreignSite': 'A page may only record episodes seen on its own site.',
  'paper.otherPage': 'A page may only ask about the paper it shows.',
  'episode.noKey': 'This episode has no audio link, stem or title.',
  // Library files (BibTeX, RIS, CSL-JSON): why one is refused (`library.refused` frames it).
  'library.refused': 'The library was refused: {reason}. Nothing changed.',
  'library.tooLarge': 'the file is larger than {bytes} bytes',
  'library.unknownFormat': 'the file is not BibTeX, RIS or CSL-JSON',
  'library.notJson': 'the file is not valid JSON',
  'library.itemNotObject': 'item {n} of the CSL-JSON is not an object',
  'library.empty': 'the {format} file holds no entry',
  'library.nothingRead': 'no entry in it can be read (line {line}: {reason})',
  // One entry of a library file that is left out (the others are imported).
  'library.entryNoKey': 'no arXiv id, DOI or title',
  'library.entryTooManyTags': 'more than {max} keywords, more tags than a paper may hold',
  'library.entryTagTooLong': 'a keyword longer than {max} characters, longer than a tag may be',
  'library.entryUnclosed': 'a brace or quote is never closed',
  'library.entryTooDeep': 'its braces are nested too deeply',
  'library.entryUnreadable': 'cannot be read ({detail})',
  'library.entryUnreadableBare': 'cannot be read',
  'library.importRunning': 'another library import is still running',
  // The show's feed.
  'feed.askFailed': 'Citecast could not ask for access to the show’s feed ({detail}).',
  'feed.denied':
    'Citecast did not get access to podcast.do-not-panic.com, so it cannot read the show’s feed.',
  'feed.noPermission':
    'Citecast may not read the show’s feed yet: allow access to podcast.do-not-panic.com when Citecast asks, then try again.',
  'feed.status': 'The show’s feed answered {status}; try again later.',
  'feed.tooLarge': 'The show’s feed is too large to read.',
  'feed.fetchFailed': 'The show’s feed could not be fetched ({detail}).',
  'feed.unreadable': 'The show’s feed could not be read: {detail}.',
  // arXiv.
  'arxiv.cannotLink': 'This title or arXiv id cannot be linked.',
  'arxiv.noWords': 'This title has no words.',
  'arxiv.notAnId': 'This is not an arXiv id.',
  // Zotero.
  'zotero.notRunning':
    'Zotero is not running, so nothing was sent. Start Zotero and try again, or save the papers as a RIS file and import that into Zotero.',
  'zotero.busy':
    'Zotero is busy ({detail}), so nothing was sent. Try again in a moment, or save the papers as a RIS file.',
  'zotero.refused':
    'Zotero refused the papers: {detail}. Nothing was sent; you can save them as a RIS file instead.',
  'zotero.nothingToSend': 'None of these sources has an arXiv id, a DOI or a title to send.',
  'sync.unavailable': 'Sync is not running in this browser. Reload the extension and try again.',
  // Backup files: why one is refused (`backup.refused` frames the reason).
  'backup.refused': 'The backup was refused: {reason}. Nothing changed.',
  'backup.notObject': 'not a Citecast backup: the file is not a JSON object',
  'backup.foreignFormat': 'not a Citecast backup: its format is {format}, not "citecast-backup"',
  'backup.noVersion': 'the backup has no version number',
  'backup.newerVersion':
    'the backup is version {version}, made by a newer Citecast; this one reads version {reads}',
  'backup.unknownVersion': 'unknown backup version {version}',
  'backup.duplicateKey': '{path}: a second record with the key {key}',
  'backup.tooLarge': 'the file is larger than {bytes} bytes',
  'backup.notJson': 'the file is not valid JSON',
  // One field of a record that does not fit (`{path}` names it: `papers[3].tags[1]`).
  'check.string': '{path}: expected a string',
  'check.nonEmpty': '{path}: expected a non-empty string',
  'check.maxLength': '{path}: longer than {max} characters',
  'check.maxItems': '{path}: more than {max} items',
  'check.time': '{path}: a time outside the years 1970 to 9999',
  'check.number': '{path}: expected a number',
  'check.integer': '{path}: expected an integer',
  'check.min': '{path}: expected at least {min}',
  'check.max': '{path}: expected at most {max}',
  'check.boolean': '{path}: expected true or false',
  'check.oneOf': '{path}: expected one of {values}',
  'check.list': '{path}: expected a list',
  'check.object': '{path}: expected an object',
  'check.unknownField': '{path}: unknown field {name}',
  'check.isoTime': '{path}: expected an ISO 8601 date and time',
  'check.paperKey': '{path}: expected a key starting arxiv:, doi: or title:',
  'check.episodeKey': "{path}: expected an episode's mp3 stem or a key starting show:",
  'check.titleKey': '{path}: expected title: and a title as Citecast folds it',
  'check.httpUrl': '{path}: expected an http(s) address',
  'check.arxivId': '{path}: expected an arXiv id',
  'check.emptyTag': '{path}: a tag is empty',
  'check.repeatedTag': '{path}: a tag comes twice',
  'check.linkEntry':
    '{path}: a linked title needs its arXiv paper, and a title marked not on arXiv has none',
} as const;

/** An error text's key. */
export type ErrorKey = keyof typeof EN;

/** One language's error texts. */
export type ErrorMessages = Record<ErrorKey, string>;

/** Norwegian Bokmål. */
const NB: ErrorMessages = {
  'store.quota':
    'Nettleserens lagringsplass for Citecast er full, så dette kunne ikke lagres. Frigjør diskplass (eller slett gamle data i biblioteket) og prøv igjen.',
  'store.newer':
    'Lagringen til Citecast ble skrevet av en nyere versjon av Citecast ({name}), så denne versjonen kan ikke åpne den. Oppdater Citecast; biblioteket ditt beholdes som det er.',
  'store.cannotOpen':
    'Citecast får ikke åpnet lagringen sin ({name}), så ingenting kan lagres eller vises. Firefox nekter utvidelser lagring når den er satt til aldri å huske historikk (permanent privat nettlesing); lagring kan også være slått av, eller disken full.',
  'store.failed':
    'Lagringen til Citecast feilet ({name}). Prøv igjen; om det fortsetter å feile, last inn utvidelsen på nytt.',
  'background.noAnswer': 'Bakgrunnen til Citecast svarte ikke.',
  'background.unreachable':
    'Får ikke kontakt med bakgrunnen til Citecast ({detail}). Last inn siden på nytt.',
  'request.unknown': 'Ukjent forespørsel {request}.',
  'request.notCitecast': 'Denne forespørselen kom ikke fra Citecast.',
  'request.extensionOnly': 'Bare Citecasts egne sider kan be om {request}.',
  'request.refused': 'Avviste {request}: {reason}',
  'request.expected': '{path}: ventet {expected}, fikk {received}',
  'request.missing': '{path}: mangler',
  'request.notAccepted': '{path}: denne verdien godtas ikke ({detail})',
  'paper.notFound': 'Det finnes ingen artikkel {key}.',
  'paper.noSaveKey': 'Denne kilden har verken arXiv-id, DOI eller tittel å lagre den under.',
  'paper.noCiteKey': 'Denne kilden har verken arXiv-id, DOI eller tittel å sitere den med.',
  'papers.notRestored': 'Artiklene ble ikke gjenopprettet: {detail}. Ingenting ble endret.',
  'papers.noneSaved': 'Ingen av de valgte artiklene er lagret, så det er ingenting å eksportere.',
  'episode.notFound': 'Det finnes ingen episode {key}.',
  'listen.futureDate': 'Datoen for når den ble hørt, er i fremtiden.',
  'listen.notInLog': 'Det finnes ingen slik episode i loggen.',
  'episode.foreignSite': 'En side kan bare registrere episoder som vises på dens eget nettsted.',
  'paper.otherPage': 'En side kan bare spørre om artikkelen den viser.',
  'episode.noKey': 'Denne episoden har verken lydlenke, filnavn eller tittel.',
  'library.refused': 'Biblioteket ble avvist: {reason}. Ingenting ble endret.',
  'library.tooLarge': 'filen er større enn {bytes} byte',
  'library.unknownFormat': 'filen er verken BibTeX, RIS eller CSL-JSON',
  'library.notJson': 'filen er ikke gyldig JSON',
  'library.itemNotObject': 'element {n} i CSL-JSON-filen er ikke et objekt',
  'library.empty': '{format}-filen har ingen oppføringer',
  'library.nothingRead': 'ingen oppføring i den kan leses (linje {line}: {reason})',
  'library.entryNoKey': 'verken arXiv-id, DOI eller tittel',
  'library.entryTooManyTags': 'flere enn {max} nøkkelord, flere merker enn en artikkel kan ha',
  'library.entryTagTooLong': 'et nøkkelord lengre enn {max} tegn, lenger enn et merke kan være',
  'library.entryUnclosed': 'en klamme eller et anførselstegn lukkes aldri',
  'library.entryTooDeep': 'klammene er nøstet for dypt',
  'library.entryUnreadable': 'kan ikke leses ({detail})',
  'library.entryUnreadableBare': 'kan ikke leses',
  'library.importRunning': 'en annen bibliotekimport pågår fortsatt',
  'feed.askFailed': 'Citecast fikk ikke bedt om tilgang til strømmen til podkasten ({detail}).',
  'feed.denied':
    'Citecast fikk ikke tilgang til podcast.do-not-panic.com, så den kan ikke lese strømmen til podkasten.',
  'feed.noPermission':
    'Citecast har ennå ikke lov til å lese strømmen til podkasten: tillat tilgang til podcast.do-not-panic.com når Citecast spør, og prøv igjen.',
  'feed.status': 'Strømmen til podkasten svarte {status}; prøv igjen senere.',
  'feed.tooLarge': 'Strømmen til podkasten er for stor til å leses.',
  'feed.fetchFailed': 'Strømmen til podkasten kunne ikke hentes ({detail}).',
  'feed.unreadable': 'Strømmen til podkasten kunne ikke leses: {detail}.',
  'arxiv.cannotLink': 'Denne tittelen eller arXiv-id-en kan ikke kobles.',
  'arxiv.noWords': 'Denne tittelen har ingen ord.',
  'arxiv.notAnId': 'Dette er ikke en arXiv-id.',
  'zotero.notRunning':
    'Zotero kjører ikke, så ingenting ble sendt. Start Zotero og prøv igjen, eller lagre artiklene som en RIS-fil og importer den i Zotero.',
  'zotero.busy':
    'Zotero er opptatt ({detail}), så ingenting ble sendt. Prøv igjen om litt, eller lagre artiklene som en RIS-fil.',
  'zotero.refused':
    'Zotero avviste artiklene: {detail}. Ingenting ble sendt; du kan lagre dem som en RIS-fil i stedet.',
  'zotero.nothingToSend': 'Ingen av disse kildene har en arXiv-id, en DOI eller en tittel å sende.',
  'sync.unavailable':
    'Synkronisering kjører ikke i denne nettleseren. Last inn utvidelsen på nytt og prøv igjen.',
  'backup.refused': 'Sikkerhetskopien ble avvist: {reason}. Ingenting ble endret.',
  'backup.notObject': 'ikke en sikkerhetskopi fra Citecast: filen er ikke et JSON-objekt',
  'backup.foreignFormat':
    'ikke en sikkerhetskopi fra Citecast: formatet er {format}, ikke «citecast-backup»',
  'backup.noVersion': 'sikkerhetskopien har ikke noe versjonsnummer',
  'backup.newerVersion':
    'sikkerhetskopien er versjon {version}, laget av en nyere Citecast; denne leser versjon {reads}',
  'backup.unknownVersion': 'ukjent versjon av sikkerhetskopien: {version}',
  'backup.duplicateKey': '{path}: en post til med nøkkelen {key}',
  'backup.tooLarge': 'filen er større enn {bytes} byte',
  'backup.notJson': 'filen er ikke gyldig JSON',
  'check.string': '{path}: ventet en tekst',
  'check.nonEmpty': '{path}: ventet en tekst som ikke er tom',
  'check.maxLength': '{path}: lengre enn {max} tegn',
  'check.maxItems': '{path}: flere enn {max} elementer',
  'check.time': '{path}: et tidspunkt utenfor årene 1970 til 9999',
  'check.number': '{path}: ventet et tall',
  'check.integer': '{path}: ventet et heltall',
  'check.min': '{path}: ventet minst {min}',
  'check.max': '{path}: ventet høyst {max}',
  'check.boolean': '{path}: ventet true eller false',
  'check.oneOf': '{path}: ventet én av {values}',
  'check.list': '{path}: ventet en liste',
  'check.object': '{path}: ventet et objekt',
  'check.unknownField': '{path}: ukjent felt {name}',
  'check.isoTime': '{path}: ventet dato og klokkeslett etter ISO 8601',
  'check.paperKey': '{path}: ventet en nøkkel som begynner med arxiv:, doi: eller title:',
  'check.episodeKey':
    '{path}: ventet filnavnet til en episodes mp3 eller en nøkkel som begynner med show:',
  'check.titleKey': '{path}: ventet title: og en tittel slik Citecast normaliserer den',
  'check.httpUrl': '{path}: ventet en http(s)-adresse',
  'check.arxivId': '{path}: ventet en arXiv-id',
  'check.emptyTag': '{path}: et merke er tomt',
  'check.repeatedTag': '{path}: et merke står to ganger',
  'check.linkEntry':
    '{path}: en koblet tittel trenger arXiv-artikkelen sin, og en tittel merket som ikke på arXiv har ingen',
};

/** Every language's error texts. */
export const ERROR_MESSAGES: Readonly<Record<Locale, ErrorMessages>> = { en: EN, nb: NB };

/** Whether `key` is a key of the error tables (a reply is untrusted: an older page, a bug). */
export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(EN, key);
}

/** Longest parameter shown: a page is no place for a whole dump. */
const MAX_PARAM = 300;
/** Longest message shown when an error has no key (the longest texts above are ~400). */
const MAX_MESSAGE = 1_000;

/**
 * `text` cut to its first line and at most `max` characters. Why: a detail may come from an
 * `Error` (a fetch failure, a parser's complaint) whose message can carry a stack or a whole
 * document; the user gets its first line, never a stack trace.
 */
export function firstLine(text: string, max = MAX_PARAM): string {
  const line = text.split(/\r?\n/, 1)[0]!.trim();
  // A stack frame alone on the first line (`at f (file.js:1:2)`, `f@file.js:1:2`) says nothing.
  const frame = /^at\s.+:\d+:\d+\)?$|^\S*@\S+:\d+:\d+$/.test(line);
  const shown = frame ? '' : line;
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** `text` rendered in `locale`, every `{name}` filled in (an unknown key renders as `null`). */
function render(text: ErrorFacts, locale: Locale, depth = 0): string | null {
  if (!isErrorKey(text.key)) return null;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    values[name] = typeof value === 'number' ? String(value) : firstLine(String(value));
  }
  if (text.reason && depth < 4) {
    const reason = render(text.reason, locale, depth + 1);
    if (reason === null) return null;
    values.reason = reason;
  }
  return translator(ERROR_MESSAGES, locale).t(text.key, values);
}

/** The English text of `text` (the `message` an error carries beside its key). */
export function englishText(text: ErrorText): string {
  return render(text, 'en') ?? text.key;
}

/**
 * The text to show for an error in `locale`: rendered from its key and parameters when it has
 * them, else its own message. Always one line, never a stack trace.
 */
export function errorText(
  error: { message: string; text?: ErrorFacts },
  locale: Locale = errorLocale(),
): string {
  const rendered = error.text ? render(error.text, locale) : null;
  // The parameters of a rendered text are cut already; the text itself may be long.
  return rendered ?? firstLine(error.message, MAX_MESSAGE);
}

/**
 * A typed error with its text: the key and facts the page renders, and the English `message`
 * (logs, and pages that show `message` as it is).
 */
export function problem(
  code: ErrorCode,
  key: ErrorKey,
  params?: Record<string, string | number>,
  reason?: ErrorText,
): MessageError {
  const text: ErrorText = { key, ...(params ? { params } : {}), ...(reason ? { reason } : {}) };
  return { code, message: englishText(text), text };
}

/** A failed result whose error is {@link problem}`(code, key, params, reason)`. */
export function fail<T = never>(
  code: ErrorCode,
  key: ErrorKey,
  params?: Record<string, string | number>,
  reason?: ErrorText,
): Result<T> {
  return { ok: false, error: problem(code, key, params, reason) };
}

/** The English messages of the requests' own checks (lib/schemas/requests.ts), as keys of the tables. */
const CHECK_MESSAGES: Readonly<Record<string, ErrorKey>> = {
  'expected an http(s) address': 'check.httpUrl',
  'expected an arXiv id': 'check.arxivId',
  'a tag is empty': 'check.emptyTag',
  'a tag comes twice': 'check.repeatedTag',
};

/**
 * Why a request's payload was refused, from the first valibot issue: what was expected and what
 * came (language-neutral facts: `string`, `<=200`, `"abc"`), or the request's own check.
 */
export function requestIssueText(
  path: string,
  issue: { expected: string | null; received: string; message: string },
): ErrorText {
  const where = path || 'data';
  const own = CHECK_MESSAGES[issue.message];
  if (own) return { key: own, params: { path: where } };
  if (issue.received === 'undefined') return { key: 'request.missing', params: { path: where } };
  if (issue.expected !== null) {
    return {
      key: 'request.expected',
      params: { path: where, expected: issue.expected, received: issue.received },
    };
  }
  return { key: 'request.notAccepted', params: { path: where, detail: issue.message } };
}

let pageLocale: Locale | undefined;

/**
 * The language the errors of this page are shown in: the one the page set (the extension's pages
 * follow the Settings), else the browser's, as the in-page controls speak.
 */
export function errorLocale(): Locale {
  return pageLocale ?? uiLocale();
}

/** Sets the language of this page's errors (the pages do when their language is known). */
export function setErrorLocale(locale: Locale | undefined): void {
  pageLocale = locale;
}

/**
 * `error` with its `message` in `locale` (its key and parameters kept, so a page can render it
 * again in another language). Used where a reply reaches a page, so every place that shows
 * `error.message` shows the page's language.
 */
export function localiseError<E extends { message: string; text?: ErrorFacts }>(
  error: E,
  locale: Locale = errorLocale(),
): E {
  return { ...error, message: errorText(error, locale) };
}
