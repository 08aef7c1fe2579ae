/**
 * The controls inside Citecast's hosts: each host gets a small closed shadow root (./roots.ts)
 * built with DOM calls only (page text never becomes markup), styled by one constructable
 * stylesheet that every root shares (adopted through the environment, `adopt`). States (saved, heard, counts) are set by the content script
 * with {@link setPressed} and {@link setEpisodeCounts} once the background answers.
 */
import { format, plural, shortDate, t, uiLocale } from '@/lib/i18n/index';
import { saveButton, setSavePressed } from '@/lib/content/save-control';
import { isHttpUrl } from '@/lib/core/urls';
import { withoutBidi } from '@/lib/core/bidi';
import { isTitleOnly } from '@/lib/content/arxiv-view';
import type { Source } from '@/lib/sources/types';
import { citedEpisodeLink, type CitedEpisodeState } from '@/lib/content/bar';
import { attachRoot } from '@/lib/content/roots';
import { CONTROL_STYLES } from '@/lib/content/styles';
import type { AdoptStyles } from '@/lib/content/env';

/** The host's closed shadow root, emptied (a host placed again keeps its root). */
function freshRoot(host: HTMLElement, adopt: AdoptStyles): ShadowRoot {
  const root = attachRoot(host);
  root.replaceChildren();
  adopt(root, CONTROL_STYLES);
  return root;
}

/** A `<button>` with `data-action`, an accessible name and a visible label. */
function button(document: Document, action: string, label: string, name: string): HTMLElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.dataset.action = action;
  b.setAttribute('aria-label', name);
  b.title = name;
  b.textContent = label;
  return b;
}

/** The small Citecast "C" mark that brands every control group. */
function mark(document: Document, label: string | null): HTMLElement {
  const m = document.createElement('span');
  m.className = 'mark';
  m.setAttribute('aria-hidden', 'true');
  m.textContent = 'C';
  if (!label) return m;
  const wrap = document.createElement('span');
  wrap.className = 'brand';
  const text = document.createElement('span');
  text.textContent = label;
  wrap.append(m, text);
  return wrap;
}

/** The PDF address of a source that may open: http(s) only, else `null`. */
export function openablePdf(source: Pick<Source, 'pdfUrl'>): string | null {
  return source.pdfUrl !== null && isHttpUrl(source.pdfUrl) ? source.pdfUrl : null;
}

/**
 * Whether a source can be saved: cited works (not episodes nor plain links), unless cut off
 * mid-item, when it may name a wrong paper.
 */
export function canSave(source: Pick<Source, 'kind' | 'partial'>): boolean {
  return source.kind === 'paper' && source.partial !== true;
}

/**
 * The tooltip of a source: its parsed title, authors and year, without bidirectional controls
 * (page text must not reorder what Citecast shows).
 */
export function sourceTooltip(source: Pick<Source, 'title' | 'authors' | 'year'>): string {
  const parts = [source.title ?? t('untitledSource')];
  if (source.authors.length > 0) {
    const shown = source.authors.slice(0, 3).join(', ');
    parts.push(source.authors.length > 3 ? `${shown} ${t('etAl')}` : shown);
  }
  if (source.year !== null) parts.push(String(source.year));
  return format(t('tooltip'), { text: withoutBidi(parts.join(' · ')) });
}

/**
 * Fills a source's host: the Citecast mark, `open-pdf` (when the source has an http(s) PDF) and
 * `save` (for papers). A host outside the page's text (`withTitle`) also shows the source's title.
 */
export function fillSource(
  host: HTMLElement,
  source: Source,
  withTitle: boolean,
  adopt: AdoptStyles,
): ShadowRoot {
  const document = host.ownerDocument;
  const root = freshRoot(host, adopt);
  const tip = sourceTooltip(source);
  const group = document.createElement('span');
  group.className = 'group';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', tip);
  group.title = tip;
  group.append(mark(document, null));
  if (withTitle) {
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = withoutBidi(source.title ?? source.url ?? t('untitledSource'));
    group.append(title);
  }
  if (openablePdf(source)) {
    group.append(button(document, 'open-pdf', t('pdf'), t('pdfName')));
  } else if (isTitleOnly(source)) {
    group.append(pdfSlot(document));
  }
  if (source.kind === 'paper') {
    group.append(
      saveButton(document, uiLocale()),
      button(document, 'copy-bibtex', t('copySourceBibtex'), t('copySourceBibtexName')),
      button(document, 'copy-markdown', t('copySourceLink'), t('copySourceLinkName')),
      button(document, 'zotero', t('zotero'), t('zoteroName')),
      inZoteroMark(document),
    );
  }
  if (source.kind === 'episode') {
    const state = document.createElement('span');
    state.className = 'ep-state';
    group.append(state);
    setCitedEpisodeState(state, 'new');
    const href = citedEpisodeLink(source);
    if (href) {
      const link = document.createElement('a');
      link.className = 'ep-link';
      link.dataset.action = 'open-episode';
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = t('episodeLink');
      link.setAttribute('aria-label', t('episodeLinkName'));
      link.title = t('episodeLinkName');
      group.append(link);
    }
  }
  if (source.partial) {
    // Shown, so the reader sees the source was found, but disabled, with the reason.
    group.title = t('partialSource');
    for (const b of Array.from(group.querySelectorAll('button'))) {
      (b as HTMLButtonElement).disabled = true;
      b.title = t('partialSource');
    }
  }
  root.append(group);
  return root;
}

/**
 * The place of `open-pdf` on a source known by its title only, unseen: an arXiv lookup (this
 * listener's, or one cached from another page) may give it a PDF, and the host's size must not
 * say whether it did.
 */
function pdfSlot(document: Document): HTMLElement {
  const slot = document.createElement('span');
  slot.className = 'pdf-slot';
  slot.textContent = t('pdf');
  slot.setAttribute('data-off', '');
  slot.setAttribute('aria-hidden', 'true');
  return slot;
}

/**
 * The "In Zotero" mark: a slot of its own, unseen until the user's Zotero library is known to
 * hold the paper, so the host's size never says whether it does.
 */
function inZoteroMark(document: Document): HTMLElement {
  const z = document.createElement('span');
  z.className = 'zmark';
  z.textContent = t('inZotero');
  z.title = t('inZoteroName');
  z.setAttribute('data-off', '');
  z.setAttribute('aria-hidden', 'true');
  return z;
}

/** Shows or hides a source's "In Zotero" mark. */
export function setInZotero(root: ShadowRoot | null | undefined, on: boolean): void {
  const z = root?.querySelector('.zmark');
  if (!z || z.hasAttribute('data-off') === !on) return;
  z.toggleAttribute('data-off', !on);
  z.setAttribute('aria-hidden', on ? 'false' : 'true');
}

/**
 * Shows a cited episode's listen state (heard, in progress, new) on its `.ep-state` element, or
 * on the one inside `root`.
 */
export function setCitedEpisodeState(
  target: ShadowRoot | Element | null | undefined,
  state: CitedEpisodeState,
): void {
  const el =
    target && 'host' in target
      ? target.querySelector('.ep-state')
      : (target as Element | null | undefined);
  if (!el || el.getAttribute('data-state') === state) return;
  el.setAttribute('data-state', state);
  el.textContent = t(`episode.${state}`);
  const name = format(t('episodeStateName'), { state: t(`episode.${state}`) });
  el.setAttribute('aria-label', name);
  el.setAttribute('title', name);
}

/**
 * Fills an episode's host: the Citecast label, `heard`, the "n sources · k saved" count,
 * `save-all`, `choose`, `open-all`, `copy-markdown` and `copy-bibtex`; a `.panels` layer over the
 * page for the status line and the panels those open (a message, whose words may follow the
 * listener's state, never resizes the bar); a `<slot>` below shows the hosts of sources that are
 * not in the page's text.
 */
export function fillEpisode(host: HTMLElement, adopt: AdoptStyles): ShadowRoot {
  const document = host.ownerDocument;
  const root = freshRoot(host, adopt);
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('brand'));
  const heard = button(document, 'heard', t('heard'), t('heardName'));
  heard.setAttribute('aria-pressed', 'false');
  const counts = document.createElement('span');
  counts.className = 'counts';
  counts.setAttribute('aria-live', 'polite');
  const saveAll = button(document, 'save-all', t('saveAll'), t('saveAllName'));
  const choose = button(document, 'choose', t('choose'), t('chooseName'));
  choose.setAttribute('aria-expanded', 'false');
  const openAll = button(document, 'open-all', t('openAll'), t('openAllName'));
  const copy = button(document, 'copy-markdown', t('copyList'), t('copyListName'));
  const bibtex = button(document, 'copy-bibtex', t('copyBibtex'), t('copyBibtexName'));
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  bar.append(mark(document, t('brand')), heard, counts, saveAll, choose, openAll, copy, bibtex);
  const panels = document.createElement('div');
  panels.className = 'panels';
  panels.append(status);
  const list = document.createElement('div');
  list.className = 'list';
  list.append(document.createElement('slot'));
  root.append(bar, panels, list);
  return root;
}

/** Shows a short message in an episode bar's status line (`error` in the error colour). */
export function setEpisodeStatus(root: ShadowRoot, text: string, error = false): void {
  const status = root.querySelector('.status');
  if (!status) return;
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** Sets a toggle's `aria-pressed` (and its label) when it changes. */
export function setPressed(button: Element | null | undefined, pressed: boolean): void {
  if (!button) return;
  if (button.getAttribute('data-action') === 'save') {
    return setSavePressed(button, pressed, uiLocale());
  }
  button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
}

/**
 * Shows on an episode's `heard` toggle when it was heard ("Heard 12 Nov 2026"), or just "Heard"
 * while it is not (`heardAt` null).
 */
export function setHeardDate(button: Element | null | undefined, heardAt: number | null): void {
  if (!button) return;
  const label = heardAt === null ? t('heard') : format(t('heardOn'), { date: shortDate(heardAt) });
  const name =
    heardAt === null ? t('heardName') : format(t('heardOnName'), { date: shortDate(heardAt) });
  if (button.textContent !== label) button.textContent = label;
  if (button.getAttribute('aria-label') !== name) {
    button.setAttribute('aria-label', name);
    button.setAttribute('title', name);
  }
}

/**
 * Says on a source's copy button that the copy worked (✓) or not (✗, its title says why).
 * Returns the function that makes the button read as before.
 */
export function flashCopied(button: HTMLElement, ok: boolean): () => void {
  const label = button.textContent;
  const title = button.title;
  button.textContent = ok ? t('copiedShort') : '✗';
  button.title = ok ? t('copied') : t('copyFailed');
  button.dataset.copied = ok ? 'true' : 'false';
  return () => {
    button.textContent = label;
    button.title = title;
    delete button.dataset.copied;
  };
}

/** "n sources · k saved" in the page's language, with the plural form `n` takes. */
export function countsLabel(sources: number, saved: number): string {
  return format(t('countsSaved'), { sources: plural('sources', sources), saved });
}

/**
 * Writes an episode's counts, and disables `save-all` when nothing is left to save. The saved
 * number sits in a box as wide as the sources number (digits of one width), so the count's width
 * never says how many are saved.
 */
export function setEpisodeCounts(
  root: ShadowRoot,
  sources: number,
  saved: number,
  papers: number,
): void {
  const counts = root.querySelector('.counts');
  const text = countsLabel(sources, saved);
  if (counts && counts.textContent !== text) {
    const [before = '', after = ''] = format(t('countsSaved'), {
      sources: plural('sources', sources),
    }).split('{saved}');
    const number = root.ownerDocument.createElement('span');
    number.className = 'saved-count';
    number.style.minWidth = `${String(sources).length}ch`;
    number.textContent = String(saved);
    counts.replaceChildren(before, number, after);
  }
  const saveAll = root.querySelector('button[data-action="save-all"]') as HTMLButtonElement | null;
  if (saveAll) saveAll.disabled = papers === 0 || saved >= papers;
}
