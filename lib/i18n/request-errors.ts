/**
 * The texts of the errors any request to the background can answer (the store, refused requests,
 * papers and episodes, arXiv, Zotero), in English and Norwegian Bokmål, and how an error is
 * rendered in a page's language. The content script carries only these; the texts of errors only
 * the extension's pages meet (library and backup files, the feed, record checks) are in
 * ./errors.ts, which adds them to the tables here when it is loaded.
 *
 * Why an error carries a key and parameters (`MessageError.text`) besides its English `message`:
 * the background (a service worker, or Firefox's background page) does not know which page asks
 * nor in which language that page is shown, and the user's language setting may change while the
 * page is open. So the background names the error and its facts, and the page renders the text
 * in its own language ({@link errorText}). `message` stays the English text: logs, older pages,
 * a text this page's tables lack, and a fallback for an error made without a key.
 *
 * A parameter holds a fact (a field path, a number, a key); `reason` holds a nested text (why a
 * backup was refused), rendered in the same language into `{reason}`.
 */
import type { ErrorCode, ErrorFacts, MessageError, Result } from '@/lib/core/result';
import type { FileErrorKey } from '@/lib/i18n/errors';
import { uiLocale, type Locale } from '@/lib/i18n/index';
import { translator } from '@/lib/i18n/translate';

/** A text to show: its key in the tables, its facts, and an optional nested reason. */
export interface ErrorText {
  key: ErrorKey;
  params?: Record<string, string | number>;
  reason?: ErrorText;
}

/** The English table of the requests' errors; the Bokmål one has exactly these keys. */
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
  'episode.notFound': 'There is no episode {key}.',
  'listen.futureDate': 'The heard date is in the future.',
  'listen.notInLog': 'There is no such episode in the log.',
  'episode.foreignSite': 'A page may only record episodes seen on its own site.',
  'paper.otherPage': 'A page may only ask about the paper it shows.',
  'episode.noKey': 'This episode has no audio link, stem or title.',
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
} as const;

/** The key of a request's error text. */
export type RequestErrorKey = keyof typeof EN;

/** An error text's key: a request's, or one only the extension's pages meet. */
export type ErrorKey = RequestErrorKey | FileErrorKey;

/** One language's texts of the requests' errors. */
export type RequestErrorMessages = Record<RequestErrorKey, string>;

/** Norwegian Bokmål. */
const NB: RequestErrorMessages = {
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
  'episode.notFound': 'Det finnes ingen episode {key}.',
  'listen.futureDate': 'Datoen for når den ble hørt, er i fremtiden.',
  'listen.notInLog': 'Det finnes ingen slik episode i loggen.',
  'episode.foreignSite': 'En side kan bare registrere episoder som vises på dens eget nettsted.',
  'paper.otherPage': 'En side kan bare spørre om artikkelen den viser.',
  'episode.noKey': 'Denne episoden har verken lydlenke, filnavn eller tittel.',
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
};

/** Every language's texts of the requests' errors. */
export const REQUEST_ERROR_MESSAGES: Readonly<Record<Locale, RequestErrorMessages>> = {
  en: EN,
  nb: NB,
};

/**
 * The tables this context renders from: the requests' always, the pages' once ./errors.ts loads.
 * Built on first use, not at load: a copy made at the top level is code a bundler must keep, so
 * every script that imports this module for one helper (the paper card) would carry both tables.
 */
let tables: Record<Locale, Record<string, string>> | undefined;

function errorTables(): Record<Locale, Record<string, string>> {
  tables ??= { en: { ...EN }, nb: { ...NB } };
  return tables;
}

/** Adds texts to the tables (./errors.ts adds the pages' errors when it is loaded). */
export function addErrorTexts(
  more: Readonly<Record<Locale, Readonly<Record<string, string>>>>,
): void {
  Object.assign(errorTables().en, more.en);
  Object.assign(errorTables().nb, more.nb);
}

/** Whether `key` is a key of the tables this context has (a reply is untrusted: an older page, a bug). */
export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(errorTables().en, key);
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
  return translator(errorTables(), locale).t(text.key, values);
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
