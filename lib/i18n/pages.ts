/**
 * The strings of Citecast's own pages (popup and library) in English and Norwegian Bokmål.
 *
 * The browser's i18n (`_locales`) follows the browser's language only and cannot switch while a
 * page is open, so the pages load these tables themselves: the language follows the browser
 * ({@link pickLocale}: `nb`, `nb-NO`, `no`, `nn` all give Bokmål, as Chrome and Firefox name
 * Norwegian differently) unless the Settings override it. `{name}` placeholders are filled by
 * {@link fill}; counts use `.one` / `.other` keys through {@link countOf}.
 */
import type { LanguageSetting } from '@/lib/settings';
import { localeFor, type Locale } from '@/lib/i18n/index';

export type { Locale } from '@/lib/i18n/index';

/** The English table; the Bokmål one has exactly these keys. */
const EN = {
  brand: 'Citecast',
  'status.checking': 'Checking…',
  'status.ready': 'Ready · v{version}',
  'status.error': 'Not ready: {message}',
  // Popup.
  'popup.thisPage': 'On this page',
  'popup.noEpisodes': 'No episode found on this tab.',
  'popup.noEpisodesHint':
    'Citecast reads episode pages on its sites by itself; on any other page, press Read this page.',
  'popup.sites': 'Works on: {sites}.',
  'popup.readPage': 'Read this page',
  'popup.reading': 'Reading…',
  'popup.readDone': 'Done: see the page.',
  'popup.readError': 'Could not read it: {message}',
  'popup.search': 'Search saved papers',
  'popup.searchPlaceholder': 'Search: words, t:tag, y:>2023, ep:words, is:read',
  'popup.recentSaves': 'Recent saves',
  'popup.results': 'Results',
  'popup.recentListens': 'Recent listens',
  'popup.noListens': 'No listens yet: press Heard on an episode, or play it on its page.',
  'popup.noResults': 'No saved paper matches “{text}”.',
  'popup.keysHint': '↑ ↓ move · Enter opens · Esc clears',
  'popup.library': 'Library',
  'popup.openSection': 'Open {section} in the library',
  'popup.shortcut': 'Open this popup: {key}',
  'popup.moreSources': '{n} more sources: open the page’s own list',
  // Shared actions.
  save: 'Save',
  saved: 'Saved',
  saveName: 'Save “{title}”',
  unsaveName: 'Unsave “{title}”',
  saveAll: 'Save all',
  saveAllName: 'Save every paper of “{title}”',
  heard: 'Heard',
  heardName: 'Mark “{title}” as heard',
  pdf: 'PDF',
  pdfName: 'Open the PDF of “{title}” in a new tab',
  open: 'Open',
  untitled: 'Untitled',
  untitledEpisode: 'Untitled episode',
  etAl: 'et al.',
  'count.sources.one': '{n} source',
  'count.sources.other': '{n} sources',
  'count.papers.one': '{n} paper',
  'count.papers.other': '{n} papers',
  'count.episodes.one': '{n} episode',
  'count.episodes.other': '{n} episodes',
  'count.savedOf': '{saved} of {papers} sources saved, {read} read',
  'count.citedIn': 'cited in {episodes} ({heard} heard)',
  'count.selected': '{n} selected',
  close: 'Close',
  cancel: 'Cancel',
  retry: 'Try again',
  loading: 'Loading…',
  // Errors and empty states.
  'error.store': 'The library cannot answer: {message}',
  'error.storeHint':
    'Reload this page; if it persists, reload Citecast in the browser’s extension settings.',
  'empty.papers': 'Nothing saved yet.',
  'empty.papersHint':
    'Open an episode page (AI Post Transformers, Podimo, Spotify or Apple Podcasts) and press Save next to a paper.',
  'empty.papersFiltered': 'No saved paper matches these filters.',
  'empty.papersFilteredHint': 'Clear the search or the filters to see every saved paper.',
  'empty.episodes': 'No episode in the listening log yet.',
  'empty.episodesHint':
    'Open an episode page and press Heard, or play its audio there: it shows up here.',
  'empty.stats': 'No statistics yet: save papers and listen to episodes first.',
  // Library navigation.
  'library.title': 'Citecast library',
  'nav.label': 'Library sections',
  'nav.papers': 'Papers',
  'nav.episodes': 'Episodes',
  'nav.stats': 'Statistics',
  'nav.import-export': 'Import / export',
  'nav.settings': 'Settings',
  // Papers.
  'papers.search': 'Search papers',
  'papers.sort': 'Sort by',
  'sort.saved': 'Date saved',
  'sort.title': 'Title',
  'sort.year': 'Year',
  'sort.read': 'Read state',
  'sort.cited': 'Times cited',
  'sort.relevance': 'Relevance',
  'papers.direction': 'Order',
  'direction.desc': 'Descending',
  'direction.asc': 'Ascending',
  'filter.tag': 'Tag',
  'filter.readState': 'Read state',
  'filter.year': 'Year',
  'filter.episode': 'Episode',
  'filter.any': 'Any',
  'filter.clearEpisode': 'Show papers of every episode',
  'filter.episodeOnly': 'Only papers cited by “{title}”',
  'read.unread': 'Unread',
  'read.reading': 'Reading',
  'read.read': 'Read',
  'papers.select': 'Select “{title}”',
  'papers.selectAll': 'Select all shown',
  'papers.clearSelection': 'Clear selection',
  'papers.exportSelected': 'Export selected',
  'papers.deleteSelected': 'Delete selected',
  'papers.deleted.one': 'Deleted {n} paper.',
  'papers.deleted.other': 'Deleted {n} papers.',
  undo: 'Undo',
  'papers.restored.one': 'Restored {n} paper.',
  'papers.restored.other': 'Restored {n} papers.',
  'papers.total': '{shown} of {total}',
  'papers.details': 'Details of “{title}”',
  'papers.tags': 'Tags',
  'papers.tagsHint':
    'Comma-separated (a tag with a comma in quotes: "a, b"); up to {max} tags of {length} characters; Enter saves',
  'papers.tagsTooMany': 'Not saved: at most {max} tags.',
  'papers.tagTooLong': 'Not saved: a tag is longer than {max} characters.',
  'note.length': '{count} of at most {max} characters',
  'papers.note': 'Note',
  'papers.noteSave': 'Save note',
  'papers.savedNote': 'Saved.',
  'papers.citedBy': 'Cited by',
  'papers.notCited': 'No episode in the library cites it.',
  'papers.savedOn': 'Saved {date}',
  'papers.links': 'Links',
  'papers.readStateOf': 'Read state of “{title}”',
  // Episodes.
  'episodes.search': 'Search episodes',
  'episodes.filter': 'Show',
  'episodes.filter.all': 'All',
  'episodes.filter.heard': 'Heard',
  'episodes.filter.in_progress': 'In progress',
  'episodes.filter.unheard': 'Unheard',
  'episodes.group': 'Group by',
  'episodes.group.day': 'Day',
  'episodes.group.month': 'Month',
  'listen.heard': 'Heard',
  'listen.in_progress': 'In progress',
  'listen.unheard': 'Unheard',
  'listen.manual': 'marked by hand',
  'listen.position': 'at {position} of {duration}',
  'episodes.heardAt': 'Heard on',
  'episodes.heardAtSave': 'Change date',
  'episodes.markHeard': 'Mark heard',
  'episodes.delete': 'Delete entry',
  'episodes.deleted': 'Listening entry deleted.',
  'episodes.note': 'Note',
  'episodes.sources': 'Sources',
  'episodes.openPage': 'Open the episode page',
  'episodes.notSaved': 'not saved',
  'episodes.overlap': 'Unheard episodes citing papers you saved',
  'episodes.overlapNone': 'No unheard episode cites a paper you saved.',
  'episodes.overlapCount.one': 'cites {n} saved paper',
  'episodes.overlapCount.other': 'cites {n} saved papers',
  'episodes.noDate': 'No date',
  'episodes.showPapers': 'Show its papers',
  // Stats.
  'stats.heardPerWeek': 'Episodes heard per week',
  'stats.hoursPerWeek': 'Hours listened per week',
  'stats.papersPerMonth': 'Papers saved and read per month',
  'stats.topAuthors': 'Most-cited authors in heard episodes',
  'stats.saved': 'Saved',
  'stats.read': 'Read',
  'stats.totals': 'Totals',
  'stats.total.saved': 'Papers saved',
  'stats.total.read': 'Papers read',
  'stats.total.heard': 'Episodes heard',
  'stats.total.inProgress': 'Episodes in progress',
  'stats.total.hours': 'Hours listened',
  'stats.table': 'The figures as a table',
  'stats.week': 'Week of {date}',
  'stats.count': 'Count',
  'stats.hours': 'Hours',
  'stats.author': 'Author',
  'stats.month': 'Month',
  'stats.chartOf': '{title}: {summary}',
  // Import and export.
  'io.backup': 'Backup',
  'io.backupHint':
    'Everything (papers, episodes, which episode cites which paper, listening log) in one JSON file.',
  'io.download': 'Download backup',
  'io.downloaded': 'Backup downloaded ({size}).',
  'io.restore': 'Restore from a backup file',
  'io.restoreHint':
    'Merging keeps the newer of each change, and never brings back what you deleted since the backup was made.',
  'io.restoreMode': 'How to restore',
  'io.restoreMode.merge': 'Merge into my library',
  'io.restoreMode.replace': 'Replace my library with this backup',
  'io.replaceAsk':
    'Replace your whole library with {file}? Papers, episodes, notes and listens that are not in the file will be gone.',
  'io.replaceYes': 'Replace my library',
  'io.restoring': 'Restoring…',
  'io.report': 'Restored from {file}:',
  'io.refused': 'This file was not imported.',
  'io.refusedHint': 'Choose a backup file Citecast wrote (citecast-backup-….json).',
  'io.tooBig': 'The file is larger than {size}, far beyond any Citecast backup.',
  'io.unreadable': 'The file could not be read: {message}',
  'io.store.papers': 'Papers',
  'io.store.episodes': 'Episodes',
  'io.store.citations': 'Citations',
  'io.store.listens': 'Listens',
  'io.store.arxivLinks': 'arXiv links',
  'io.store.tombstones': 'Deletes remembered',
  'io.added': 'added',
  'io.updated': 'updated',
  'io.skipped': 'skipped',
  'io.papers': 'Export papers',
  'io.papersHint': 'BibTeX, RIS and CSL-JSON open in Zotero; Markdown is a reading list.',
  'io.format': 'Format',
  'io.scope': 'Which papers',
  'io.scope.selection': 'The selection in Papers ({n})',
  'io.scope.all': 'All saved papers',
  'io.export': 'Export',
  'io.exported': 'Exported {n} papers as {file}.',
  'io.nothing': 'Nothing to export: select papers in Papers, or choose all.',
  'io.feed': 'Import the show’s RSS feed',
  'io.feedHint':
    'Records every episode of the show with its sources from podcast.do-not-panic.com/feed.xml, so the library knows which ones you have not heard. The browser first asks you to allow Citecast to read that site; only the feed is fetched, only now.',
  'io.feedButton': 'Import the feed',
  'io.feedWorking': 'Importing the feed…',
  'io.feedDone.one': 'Feed imported: {n} episode recorded.',
  'io.feedDone.other': 'Feed imported: {n} episodes recorded.',
  'io.feedDenied':
    'Citecast did not get access to podcast.do-not-panic.com, so nothing was fetched.',
  'io.feedFailed': 'The feed was not imported: {message}',
  'io.feedSee': 'See the episodes you have not heard',
  'io.library': 'Import a reference library',
  'io.libraryHint':
    'A BibTeX, RIS or CSL-JSON file as Zotero (or another reference manager) exports it: its papers show as saved on every page from now on. Nothing you have is overwritten; tags and notes are joined.',
  'io.libraryWorking': 'Importing the library…',
  'io.libraryDone':
    '{file} ({format}), {entries} entries: papers added {added}, updated {updated}, unchanged {skipped}.',
  'io.libraryProgress': '{done} of {total} entries',
  'io.libraryCancel': 'Cancel',
  'io.libraryCancelled':
    'Cancelled after {read} of {entries} entries: the papers read before that are imported.',
  'io.libraryLeftOut.one': '{n} entry was left out:',
  'io.libraryLeftOut.other': '{n} entries were left out:',
  'io.libraryLeftOutLine': 'line {line}: {reason}',
  'io.libraryLeftOutMore': '… and {n} more.',
  'io.libraryHint2': 'Choose a .bib, .ris or .json file exported from your reference manager.',
  // The show's catalog (Episodes, Statistics).
  'catalog.heardOf': 'Heard {heard} of {total} episodes',
  'catalog.inProgress': '{n} in progress',
  'catalog.unheard': 'Not heard yet ({n})',
  'catalog.more': 'Show {n} more',
  'catalog.allHeard': 'You have heard every episode Citecast knows.',
  'catalog.hint':
    'Citecast knows the episodes you opened; open the show’s home page, or import its feed, and it knows them all.',
  'catalog.importLink': 'Import the feed',
  'catalog.at': 'at {position}',
  // Settings.
  'settings.sites': 'Supported sites',
  'settings.sitesHint':
    'Citecast reads and annotates these sites by itself; turn one off to leave it alone.',
  'settings.heardShare': 'Mark an episode heard after playing',
  'settings.heardShareValue': '{percent} of it',
  'settings.tombstoneDays': 'Days to remember what you deleted',
  'settings.tombstoneDaysHint':
    'A restore never brings back what you deleted within this many days ({min} to {max}).',
  'settings.language': 'Language',
  'language.auto': 'Browser’s language',
  'language.en': 'English',
  'language.nb': 'Norsk (bokmål)',
  'settings.theme': 'Theme',
  'theme.auto': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'settings.shortcuts': 'Keyboard shortcuts',
  'settings.shortcutPopup': 'Open the Citecast popup',
  'settings.shortcutRead': 'Read this page',
  'settings.shortcutNone': 'not set',
  'settings.shortcutsOpen': 'Change shortcuts',
  'settings.shortcutsFirefox':
    'In Firefox: open the menu ☰ → Add-ons and themes (Ctrl+Shift+A), click the gear ⚙ → Manage Extension Shortcuts.',
  // Zotero.
  'zotero.send': 'Send to Zotero',
  'zotero.sending': 'Sending…',
  'zotero.sent': 'Sent {papers} to Zotero, into “{collection}”.',
  'zotero.sentPdfs': 'PDFs attached: {n}.',
  'zotero.confirm': 'Sent to Zotero before ({papers}):',
  'zotero.sentBefore': 'sent {date}',
  'zotero.inLibrary': 'already in your Zotero library',
  'zotero.sendAgain': 'Send again',
  'zotero.cancel': 'Cancel',
  'zotero.denied': 'Not allowed to reach Zotero, so nothing was sent.',
  'zotero.saveRis': 'Save as RIS instead',
  'settings.zotero': 'Zotero',
  'settings.zoteroMarks': 'Mark sources that are already in my Zotero library',
  'settings.zoteroMarksHint':
    'Citecast reads your Zotero library through Zotero’s local API, on this computer only. Zotero must be running.',
  'settings.zoteroLocalApiOff':
    'Zotero’s local API is off. In Zotero, open Settings → Advanced and turn on “Allow other applications on this computer to communicate with Zotero”.',
  'settings.zoteroPdfs':
    'Put arXiv PDFs into Zotero as files (Citecast fetches them from arxiv.org)',
  'settings.arxiv': 'Find PDFs on arXiv',
  'settings.arxivSwitch': 'Look up title-only sources on arXiv',
  'settings.arxivSends':
    'Sends only the titles of sources cited without a link to export.arxiv.org when you press Find PDFs on an episode; nothing else leaves your machine.',
  'settings.arxivAsking': 'Asking the browser…',
  'settings.arxivOn': 'arXiv lookups are on.',
  'settings.arxivOff': 'arXiv lookups are off, and the permission was given back.',
  'settings.arxivRefused': 'Not allowed: lookups stay off and nothing is sent.',
  'settings.arxivError': 'The browser did not ask, so lookups stay off. Try again.',
  'settings.delete': 'Delete all my data',
  'settings.deleteHint':
    'Deletes every saved paper, episode, note and the listening log from this browser. Download a backup first if you may want them back.',
  'settings.deleteConfirm': 'Type {word} to confirm',
  'settings.deleteWord': 'DELETE',
  'settings.deleteButton': 'Delete everything',
  'settings.deleted': 'Everything was deleted.',
  'settings.saved': 'Settings saved.',
  'settings.saveFailed': 'The settings could not be saved: {message}',
} as const;

/** A page string key. */
export type PageKey = keyof typeof EN;

/** One language's page strings. */
export type PageMessages = Record<PageKey, string>;

/** Norwegian Bokmål. */
const NB: PageMessages = {
  brand: 'Citecast',
  'status.checking': 'Sjekker …',
  'status.ready': 'Klar · v{version}',
  'status.error': 'Ikke klar: {message}',
  'popup.thisPage': 'På denne siden',
  'popup.noEpisodes': 'Fant ingen episode i denne fanen.',
  'popup.noEpisodesHint':
    'Citecast leser episodesider på sine nettsteder av seg selv; på andre sider trykker du Les denne siden.',
  'popup.sites': 'Virker på: {sites}.',
  'popup.readPage': 'Les denne siden',
  'popup.reading': 'Leser …',
  'popup.readDone': 'Ferdig: se siden.',
  'popup.readError': 'Kunne ikke lese den: {message}',
  'popup.search': 'Søk i lagrede artikler',
  'popup.searchPlaceholder': 'Søk: ord, t:merke, y:>2023, ep:ord, is:read',
  'popup.recentSaves': 'Nylig lagret',
  'popup.results': 'Treff',
  'popup.recentListens': 'Nylig hørt',
  'popup.noListens': 'Ingen lytting ennå: trykk Hørt på en episode, eller spill den av på siden.',
  'popup.noResults': 'Ingen lagret artikkel passer til «{text}».',
  'popup.keysHint': '↑ ↓ flytt · Enter åpner · Esc tømmer',
  'popup.library': 'Bibliotek',
  'popup.openSection': 'Åpne {section} i biblioteket',
  'popup.shortcut': 'Åpne dette vinduet: {key}',
  'popup.moreSources': '{n} kilder til: se sidens egen liste',
  save: 'Lagre',
  saved: 'Lagret',
  saveName: 'Lagre «{title}»',
  unsaveName: 'Fjern «{title}» fra lagrede',
  saveAll: 'Lagre alle',
  saveAllName: 'Lagre alle artiklene fra «{title}»',
  heard: 'Hørt',
  heardName: 'Merk «{title}» som hørt',
  pdf: 'PDF',
  pdfName: 'Åpne PDF-en av «{title}» i en ny fane',
  open: 'Åpne',
  untitled: 'Uten tittel',
  untitledEpisode: 'Episode uten tittel',
  etAl: 'mfl.',
  'count.sources.one': '{n} kilde',
  'count.sources.other': '{n} kilder',
  'count.papers.one': '{n} artikkel',
  'count.papers.other': '{n} artikler',
  'count.episodes.one': '{n} episode',
  'count.episodes.other': '{n} episoder',
  'count.savedOf': '{saved} av {papers} kilder lagret, {read} lest',
  'count.citedIn': 'sitert i {episodes} ({heard} hørt)',
  'count.selected': '{n} valgt',
  close: 'Lukk',
  cancel: 'Avbryt',
  retry: 'Prøv igjen',
  loading: 'Laster …',
  'error.store': 'Biblioteket svarer ikke: {message}',
  'error.storeHint':
    'Last inn siden på nytt; hjelper ikke det, last inn Citecast på nytt i nettleserens utvidelsesinnstillinger.',
  'empty.papers': 'Ingenting lagret ennå.',
  'empty.papersHint':
    'Åpne en episodeside (AI Post Transformers, Podimo, Spotify eller Apple Podcasts) og trykk Lagre ved en artikkel.',
  'empty.papersFiltered': 'Ingen lagret artikkel passer til disse filtrene.',
  'empty.papersFilteredHint': 'Tøm søket eller filtrene for å se alle lagrede artikler.',
  'empty.episodes': 'Ingen episode i lytteloggen ennå.',
  'empty.episodesHint':
    'Åpne en episodeside og trykk Hørt, eller spill av lyden der: da dukker den opp her.',
  'empty.stats': 'Ingen statistikk ennå: lagre artikler og lytt til episoder først.',
  'library.title': 'Citecast-bibliotek',
  'nav.label': 'Deler av biblioteket',
  'nav.papers': 'Artikler',
  'nav.episodes': 'Episoder',
  'nav.stats': 'Statistikk',
  'nav.import-export': 'Import / eksport',
  'nav.settings': 'Innstillinger',
  'papers.search': 'Søk i artikler',
  'papers.sort': 'Sorter etter',
  'sort.saved': 'Dato lagret',
  'sort.title': 'Tittel',
  'sort.year': 'År',
  'sort.read': 'Lesestatus',
  'sort.cited': 'Antall siteringer',
  'sort.relevance': 'Relevans',
  'papers.direction': 'Rekkefølge',
  'direction.desc': 'Synkende',
  'direction.asc': 'Stigende',
  'filter.tag': 'Merke',
  'filter.readState': 'Lesestatus',
  'filter.year': 'År',
  'filter.episode': 'Episode',
  'filter.any': 'Alle',
  'filter.clearEpisode': 'Vis artikler fra alle episoder',
  'filter.episodeOnly': 'Bare artikler sitert i «{title}»',
  'read.unread': 'Ulest',
  'read.reading': 'Leser',
  'read.read': 'Lest',
  'papers.select': 'Velg «{title}»',
  'papers.selectAll': 'Velg alle som vises',
  'papers.clearSelection': 'Fjern valget',
  'papers.exportSelected': 'Eksporter valgte',
  'papers.deleteSelected': 'Slett valgte',
  'papers.deleted.one': 'Slettet {n} artikkel.',
  'papers.deleted.other': 'Slettet {n} artikler.',
  undo: 'Angre',
  'papers.restored.one': 'Hentet tilbake {n} artikkel.',
  'papers.restored.other': 'Hentet tilbake {n} artikler.',
  'papers.total': '{shown} av {total}',
  'papers.details': 'Detaljer om «{title}»',
  'papers.tags': 'Merker',
  'papers.tagsHint':
    'Skilt med komma (et merke med komma i anførselstegn: "a, b"); opptil {max} merker på {length} tegn; Enter lagrer',
  'papers.tagsTooMany': 'Ikke lagret: høyst {max} merker.',
  'papers.tagTooLong': 'Ikke lagret: et merke er lengre enn {max} tegn.',
  'note.length': '{count} av høyst {max} tegn',
  'papers.note': 'Notat',
  'papers.noteSave': 'Lagre notat',
  'papers.savedNote': 'Lagret.',
  'papers.citedBy': 'Sitert i',
  'papers.notCited': 'Ingen episode i biblioteket siterer den.',
  'papers.savedOn': 'Lagret {date}',
  'papers.links': 'Lenker',
  'papers.readStateOf': 'Lesestatus for «{title}»',
  'episodes.search': 'Søk i episoder',
  'episodes.filter': 'Vis',
  'episodes.filter.all': 'Alle',
  'episodes.filter.heard': 'Hørt',
  'episodes.filter.in_progress': 'Påbegynt',
  'episodes.filter.unheard': 'Ikke hørt',
  'episodes.group': 'Grupper etter',
  'episodes.group.day': 'Dag',
  'episodes.group.month': 'Måned',
  'listen.heard': 'Hørt',
  'listen.in_progress': 'Påbegynt',
  'listen.unheard': 'Ikke hørt',
  'listen.manual': 'merket for hånd',
  'listen.position': 'ved {position} av {duration}',
  'episodes.heardAt': 'Hørt den',
  'episodes.heardAtSave': 'Endre dato',
  'episodes.markHeard': 'Merk som hørt',
  'episodes.delete': 'Slett oppføringen',
  'episodes.deleted': 'Lytteoppføringen er slettet.',
  'episodes.note': 'Notat',
  'episodes.sources': 'Kilder',
  'episodes.openPage': 'Åpne episodesiden',
  'episodes.notSaved': 'ikke lagret',
  'episodes.overlap': 'Episoder du ikke har hørt som siterer artikler du har lagret',
  'episodes.overlapNone': 'Ingen episode du ikke har hørt siterer en artikkel du har lagret.',
  'episodes.overlapCount.one': 'siterer {n} lagret artikkel',
  'episodes.overlapCount.other': 'siterer {n} lagrede artikler',
  'episodes.noDate': 'Uten dato',
  'episodes.showPapers': 'Vis artiklene',
  'stats.heardPerWeek': 'Episoder hørt per uke',
  'stats.hoursPerWeek': 'Timer lyttet per uke',
  'stats.papersPerMonth': 'Artikler lagret og lest per måned',
  'stats.topAuthors': 'Mest siterte forfattere i episoder du har hørt',
  'stats.saved': 'Lagret',
  'stats.read': 'Lest',
  'stats.totals': 'Totalt',
  'stats.total.saved': 'Artikler lagret',
  'stats.total.read': 'Artikler lest',
  'stats.total.heard': 'Episoder hørt',
  'stats.total.inProgress': 'Episoder påbegynt',
  'stats.total.hours': 'Timer lyttet',
  'stats.table': 'Tallene som tabell',
  'stats.week': 'Uken fra {date}',
  'stats.count': 'Antall',
  'stats.hours': 'Timer',
  'stats.author': 'Forfatter',
  'stats.month': 'Måned',
  'stats.chartOf': '{title}: {summary}',
  'io.backup': 'Sikkerhetskopi',
  'io.backupHint':
    'Alt (artikler, episoder, hvilken episode som siterer hvilken artikkel, lytteloggen) i én JSON-fil.',
  'io.download': 'Last ned sikkerhetskopi',
  'io.downloaded': 'Sikkerhetskopien er lastet ned ({size}).',
  'io.restore': 'Gjenopprett fra en sikkerhetskopi',
  'io.restoreHint':
    'Fletting beholder den nyeste av hver endring, og henter aldri tilbake det du har slettet siden sikkerhetskopien ble laget.',
  'io.restoreMode': 'Slik gjenopprettes det',
  'io.restoreMode.merge': 'Flett inn i biblioteket mitt',
  'io.restoreMode.replace': 'Erstatt biblioteket mitt med denne sikkerhetskopien',
  'io.replaceAsk':
    'Erstatte hele biblioteket med {file}? Artikler, episoder, notater og lytting som ikke er i filen, blir borte.',
  'io.replaceYes': 'Erstatt biblioteket mitt',
  'io.restoring': 'Gjenoppretter …',
  'io.report': 'Gjenopprettet fra {file}:',
  'io.refused': 'Denne filen ble ikke importert.',
  'io.refusedHint': 'Velg en sikkerhetskopi som Citecast har skrevet (citecast-backup-….json).',
  'io.tooBig': 'Filen er større enn {size}, langt over noen sikkerhetskopi fra Citecast.',
  'io.unreadable': 'Filen kunne ikke leses: {message}',
  'io.store.papers': 'Artikler',
  'io.store.episodes': 'Episoder',
  'io.store.citations': 'Siteringer',
  'io.store.listens': 'Lytting',
  'io.store.arxivLinks': 'arXiv-koblinger',
  'io.store.tombstones': 'Slettinger som huskes',
  'io.added': 'lagt til',
  'io.updated': 'oppdatert',
  'io.skipped': 'hoppet over',
  'io.papers': 'Eksporter artikler',
  'io.papersHint': 'BibTeX, RIS og CSL-JSON kan åpnes i Zotero; Markdown er en leseliste.',
  'io.format': 'Format',
  'io.scope': 'Hvilke artikler',
  'io.scope.selection': 'Valget under Artikler ({n})',
  'io.scope.all': 'Alle lagrede artikler',
  'io.export': 'Eksporter',
  'io.exported': 'Eksporterte {n} artikler som {file}.',
  'io.nothing': 'Ingenting å eksportere: velg artikler under Artikler, eller velg alle.',
  'io.feed': 'Importer programmets RSS-strøm',
  'io.feedHint':
    'Registrerer alle programmets episoder med kildene fra podcast.do-not-panic.com/feed.xml, så biblioteket vet hvilke du ikke har hørt. Nettleseren spør deg først om Citecast får lese det nettstedet; bare strømmen hentes, og bare nå.',
  'io.feedButton': 'Importer strømmen',
  'io.feedWorking': 'Importerer strømmen …',
  'io.feedDone.one': 'Strømmen er importert: {n} episode registrert.',
  'io.feedDone.other': 'Strømmen er importert: {n} episoder registrert.',
  'io.feedDenied':
    'Citecast fikk ikke tilgang til podcast.do-not-panic.com, så ingenting ble hentet.',
  'io.feedFailed': 'Strømmen ble ikke importert: {message}',
  'io.feedSee': 'Se episodene du ikke har hørt',
  'io.library': 'Importer et referansebibliotek',
  'io.libraryHint':
    'En BibTeX-, RIS- eller CSL-JSON-fil slik Zotero (eller et annet referanseverktøy) eksporterer den: artiklene vises som lagret på alle sider fra nå av. Ingenting du har blir overskrevet; stikkord og notater slås sammen.',
  'io.libraryWorking': 'Importerer biblioteket …',
  'io.libraryDone':
    '{file} ({format}), {entries} oppføringer: artikler lagt til {added}, oppdatert {updated}, uendret {skipped}.',
  'io.libraryProgress': '{done} av {total} oppføringer',
  'io.libraryCancel': 'Avbryt',
  'io.libraryCancelled':
    'Avbrutt etter {read} av {entries} oppføringer: artiklene som ble lest før det, er importert.',
  'io.libraryLeftOut.one': '{n} oppføring ble utelatt:',
  'io.libraryLeftOut.other': '{n} oppføringer ble utelatt:',
  'io.libraryLeftOutLine': 'linje {line}: {reason}',
  'io.libraryLeftOutMore': '… og {n} til.',
  'io.libraryHint2': 'Velg en .bib-, .ris- eller .json-fil eksportert fra referanseverktøyet ditt.',
  'catalog.heardOf': 'Hørt {heard} av {total} episoder',
  'catalog.inProgress': '{n} påbegynt',
  'catalog.unheard': 'Ikke hørt ennå ({n})',
  'catalog.more': 'Vis {n} til',
  'catalog.allHeard': 'Du har hørt alle episodene Citecast kjenner.',
  'catalog.hint':
    'Citecast kjenner episodene du har åpnet; åpne programmets forside, eller importer strømmen, så kjenner den alle.',
  'catalog.importLink': 'Importer strømmen',
  'catalog.at': 'ved {position}',
  'settings.sites': 'Nettsteder',
  'settings.sitesHint':
    'Citecast leser og merker disse nettstedene av seg selv; slå av et nettsted for å la det være.',
  'settings.heardShare': 'Merk en episode som hørt etter å ha spilt av',
  'settings.heardShareValue': '{percent} av den',
  'settings.tombstoneDays': 'Dager det du slettet huskes',
  'settings.tombstoneDaysHint':
    'En gjenoppretting henter aldri tilbake det du slettet innen så mange dager ({min} til {max}).',
  'settings.language': 'Språk',
  'language.auto': 'Nettleserens språk',
  'language.en': 'English',
  'language.nb': 'Norsk (bokmål)',
  'settings.theme': 'Utseende',
  'theme.auto': 'Som systemet',
  'theme.light': 'Lyst',
  'theme.dark': 'Mørkt',
  'settings.shortcuts': 'Hurtigtaster',
  'settings.shortcutPopup': 'Åpne Citecast-vinduet',
  'settings.shortcutRead': 'Les denne siden',
  'settings.shortcutNone': 'ikke satt',
  'settings.shortcutsOpen': 'Endre hurtigtaster',
  'settings.shortcutsFirefox':
    'I Firefox: åpne menyen ☰ → Utvidelser og temaer (Ctrl+Shift+A), klikk tannhjulet ⚙ → Behandle hurtigtaster for utvidelser.',
  'zotero.send': 'Send til Zotero',
  'zotero.sending': 'Sender …',
  'zotero.sent': 'Sendte {papers} til Zotero, til «{collection}».',
  'zotero.sentPdfs': 'PDF-er lagt ved: {n}.',
  'zotero.confirm': 'Sendt til Zotero før ({papers}):',
  'zotero.sentBefore': 'sendt {date}',
  'zotero.inLibrary': 'allerede i Zotero-biblioteket ditt',
  'zotero.sendAgain': 'Send igjen',
  'zotero.cancel': 'Avbryt',
  'zotero.denied': 'Fikk ikke lov til å nå Zotero, så ingenting ble sendt.',
  'zotero.saveRis': 'Lagre som RIS i stedet',
  'settings.zotero': 'Zotero',
  'settings.zoteroMarks': 'Merk kilder som allerede er i Zotero-biblioteket mitt',
  'settings.zoteroMarksHint':
    'Citecast leser Zotero-biblioteket ditt gjennom Zoteros lokale API, bare på denne maskinen. Zotero må kjøre.',
  'settings.zoteroLocalApiOff':
    'Zoteros lokale API er av. Åpne Innstillinger → Avansert i Zotero og slå på «Tillat andre programmer på denne datamaskinen å kommunisere med Zotero».',
  'settings.zoteroPdfs':
    'Legg arXiv-PDF-er inn i Zotero som filer (Citecast henter dem fra arxiv.org)',
  'settings.arxiv': 'Finn PDF-er på arXiv',
  'settings.arxivSwitch': 'Slå opp kilder som bare har tittel, på arXiv',
  'settings.arxivSends':
    'Sender bare titlene på kilder som er sitert uten lenke, til export.arxiv.org når du trykker Finn PDF-er på en episode; ingenting annet forlater maskinen din.',
  'settings.arxivAsking': 'Spør nettleseren …',
  'settings.arxivOn': 'arXiv-oppslag er på.',
  'settings.arxivOff': 'arXiv-oppslag er av, og tillatelsen er gitt tilbake.',
  'settings.arxivRefused': 'Ikke tillatt: oppslag forblir av, og ingenting sendes.',
  'settings.arxivError': 'Nettleseren spurte ikke, så oppslag forblir av. Prøv igjen.',
  'settings.delete': 'Slett alle dataene mine',
  'settings.deleteHint':
    'Sletter alle lagrede artikler, episoder, notater og lytteloggen fra denne nettleseren. Last ned en sikkerhetskopi først hvis du kan komme til å ville ha dem tilbake.',
  'settings.deleteConfirm': 'Skriv {word} for å bekrefte',
  'settings.deleteWord': 'SLETT',
  'settings.deleteButton': 'Slett alt',
  'settings.deleted': 'Alt er slettet.',
  'settings.saved': 'Innstillingene er lagret.',
  'settings.saveFailed': 'Innstillingene kunne ikke lagres: {message}',
};

/** Every language's page strings. */
export const PAGE_MESSAGES: Readonly<Record<Locale, PageMessages>> = { en: EN, nb: NB };

/**
 * The pages' language: the setting when it names one, else the first of the browser's
 * languages (`navigator.languages`, most wanted first) that Citecast speaks. Norwegian in any
 * spelling (`nb`, `nb-NO`, `no`, `nn`: Chromium says `nb`, Firefox `nb-NO`) gives Bokmål; a
 * browser asking only for languages Citecast lacks gets English.
 */
export function pickLocale(setting: LanguageSetting, languages: readonly string[]): Locale {
  if (setting === 'en' || setting === 'nb') return setting;
  for (const tag of languages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'en') return 'en';
    if (localeFor(tag) === 'nb') return 'nb';
  }
  return 'en';
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as they are). */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}

/** The strings of one language, as the pages use them. */
export interface Translator {
  locale: Locale;
  /** The BCP 47 tag `Intl` formats with (`en-GB`, `nb-NO`). */
  intl: string;
  /** The string for `key`, placeholders filled from `values`. */
  t(key: PageKey, values?: Record<string, string | number>): string;
  /** The `.one` / `.other` form of `base` for `n`, with `{n}` (and `values`) filled in. */
  count(base: CountBase, n: number, values?: Record<string, string | number>): string;
}

/** The keys that have `.one` and `.other` forms. */
export type CountBase = {
  [K in PageKey]: K extends `${infer B}.one` ? B : never;
}[PageKey];

/** The translator for `locale`. */
export function translator(locale: Locale): Translator {
  const table = PAGE_MESSAGES[locale];
  const intl = locale === 'nb' ? 'nb-NO' : 'en-GB';
  const rules = new Intl.PluralRules(intl);
  return {
    locale,
    intl,
    t: (key, values) => fill(table[key], values),
    count: (base, n, values) => {
      const form = rules.select(n) === 'one' ? 'one' : 'other';
      return fill(table[`${base}.${form}` as PageKey], { n: formatNumber(n, intl), ...values });
    },
  };
}

/** One `Intl.NumberFormat` per language and digit count: building one costs milliseconds. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `n` with the language's digit grouping (`10,000`, `10 000`). A whole number under 1,000 is
 * written the same in English and Norwegian, so it skips `Intl`: the popup's first counts then
 * do not wait for the browser to load its number data (about 5 ms in a popup's first render).
 */
export function formatNumber(n: number, intl: string, digits = 0): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  const key = `${intl}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intl, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(n);
}
