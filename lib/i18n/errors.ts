/**
 * The texts of the errors only the extension's pages meet (library and backup files, the show's
 * feed, the checks of a record), in English and Norwegian Bokmål, added to the requests' error
 * texts (./request-errors.ts) when this module loads. Kept apart so the content script, which
 * renders only the requests' errors, does not carry them. Everything ./request-errors.ts exports
 * is exported here too: a page or the background imports its errors from here, and so always
 * has every text.
 */
import {
  addErrorTexts,
  REQUEST_ERROR_MESSAGES,
  type ErrorKey,
  type ErrorText,
} from '@/lib/i18n/request-errors';
import type { Locale } from '@/lib/i18n/index';

export * from '@/lib/i18n/request-errors';

/** The English table; the Bokmål one has exactly these keys. */
const EN = {
  'papers.notRestored': 'The papers were not restored: {detail}. Nothing changed.',
  'papers.noneSaved': 'None of the selected papers is saved, so there is nothing to export.',
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

/** The key of an error text only the extension's pages meet. */
export type FileErrorKey = keyof typeof EN;

/** One language's error texts, every key. */
export type ErrorMessages = Record<ErrorKey, string>;

/** Norwegian Bokmål. */
const NB: Record<FileErrorKey, string> = {
  'papers.notRestored': 'Artiklene ble ikke gjenopprettet: {detail}. Ingenting ble endret.',
  'papers.noneSaved': 'Ingen av de valgte artiklene er lagret, så det er ingenting å eksportere.',
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

addErrorTexts({ en: EN, nb: NB });

/** Every language's error texts, the requests' and the pages'. */
export const ERROR_MESSAGES: Readonly<Record<Locale, ErrorMessages>> = {
  en: { ...REQUEST_ERROR_MESSAGES.en, ...EN },
  nb: { ...REQUEST_ERROR_MESSAGES.nb, ...NB },
};

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
