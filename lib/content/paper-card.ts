/**
 * The "discussed in AI Post Transformers" card on a paper's own page (arXiv abstract or HTML,
 * Hugging Face, alphaXiv, OpenReview): the episodes of the show citing the paper, each with its
 * date and the listener's state, a link to its page (at the moment while in progress) and "n other
 * papers from that episode", and the paper's save control (./save-control.ts, the same as on
 * episode pages).
 *
 * The page is read by its address (the paper's id) and its title: the heading whose text the
 * document's title holds is the paper's title, and the card goes right after it. Nothing cites
 * the paper: no card. The card's presence and size follow only which episodes cite the paper,
 * which is public; the listener's state sits in a closed shadow root, in slots of fixed width.
 * Hugging Face and alphaXiv are single-page apps: every change of address or content reads the
 * page again, and a card for another paper goes at once.
 *
 * This runs in a small script of its own (registered only where the listener allowed paper
 * pages): no schema library, and only the card's strings (lib/i18n/card.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { withoutBidi } from '@/lib/core/bidi';
import { paperIdsOfUrl } from '@/lib/core/ids';
import { isHttpUrl } from '@/lib/core/urls';
import { BASE_STYLES } from '@/lib/content/base-styles';
import { createHost, rootOf } from '@/lib/content/roots';
import { askSaved, saveButton, SAVE_STYLES, setSavePressed } from '@/lib/content/save-control';
import { cardTranslator } from '@/lib/i18n/card';
import type { Locale } from '@/lib/i18n/translate';
import { isPaperPage } from '@/lib/paper-pages';
import { messaging, sendRequest, type Ask, type ReplyOf } from '@/lib/protocol/client';
import type { RequestData, RequestType } from '@/lib/protocol/requests';
import type { Discussed, DiscussedEpisode } from '@/lib/store/discussed';
import { formatDay, formatDuration, formatIsoDate } from '@/lib/ui/dates';

/** The card's element, as outside checks know it. */
export const CARD_TAG = 'citecast-discussed';

/** How long the page must hold still before it is read again. */
const REREAD_DELAY_MS = 250;

const CARD_STYLES = `
:host(${CARD_TAG}) {
  display: block; width: fit-content; max-width: 100%; box-sizing: border-box;
  position: relative; margin: 8px 0 12px; padding: 6px 10px;
  border: 1px solid var(--cc-line); border-radius: 10px; background: var(--cc-bg);
  white-space: normal;
}
.head { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.head em { font-style: italic; }
ul {
  list-style: none; margin: 6px 0 0; padding: 0;
  display: grid; grid-template-columns: repeat(4, auto); align-items: center; gap: 4px 8px;
}
li { display: contents; }
a { color: var(--cc-fg); font-weight: 600; }
a:focus-visible { outline: 2px solid var(--cc-accent); outline-offset: 1px; }
.date { color: var(--cc-muted); }
.state {
  display: inline-block; width: 13em; box-sizing: border-box; padding: 0 6px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  border: 1px dashed var(--cc-line); border-radius: 9px; color: var(--cc-muted);
}
.state[data-state='heard'] { border-style: solid; background: var(--cc-accent); color: var(--cc-accent-fg); }
.state[data-state='in_progress'] { border-style: solid; color: var(--cc-fg); }
.status {
  position: absolute; top: 100%; left: 0; margin-top: 2px; padding: 1px 8px;
  border: 1px solid var(--cc-line); border-radius: 9px; background: var(--cc-bg);
  color: #b91c1c; font-weight: 600; white-space: nowrap;
}
.status:empty { display: none; }
`;

/** The paper's title on its page, and the heading that shows it. */
export interface PaperTitle {
  heading: Element;
  title: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The heading (`h1`, else `h2`, else `h3`, in page order) whose text the document's title holds:
 * arXiv's "[2501.00663] Titans: …", Hugging Face's "Paper page - Titans: …", OpenReview's
 * "Titans: … | OpenReview". A label before the title in the heading ("Title:") is dropped. With
 * no document title, the first `h1`. `null` when no heading fits.
 */
export function findPaperTitle(document: Document): PaperTitle | null {
  const docTitle = squash(document.title).toLowerCase();
  for (const level of ['h1', 'h2', 'h3']) {
    for (const heading of Array.from(document.querySelectorAll(level))) {
      if (heading.localName === CARD_TAG || heading.closest(CARD_TAG)) continue;
      const title = squash(heading.textContent ?? '').replace(/^title:\s*/i, '');
      if (title.length < 4) continue;
      if (!docTitle || docTitle.includes(title.toLowerCase())) return { heading, title };
    }
  }
  return null;
}

/** What the card needs of the browser (unit tests pass their own). */
export interface CardEnv {
  document: Document;
  pageUrl(): string;
  /** Whether the user made the event (the page can dispatch any event on the host). */
  isTrusted(event: Event): boolean;
  ask: Ask;
  locale?: Locale;
}

/** The card of one page: read it again now, or stop and take the card away. */
export interface PaperCard {
  /** Reads the page and shows, updates or removes the card; `fresh` asks the background again. */
  refresh(fresh?: boolean): Promise<void>;
  stop(): void;
}

/** What the listener's state says in its slot. */
function stateText(e: DiscussedEpisode, tr: ReturnType<typeof cardTranslator>): string {
  if (e.state === 'heard' && e.heardAt !== null) {
    return tr.t('heardOn', { date: formatDay(e.heardAt, tr.intl) });
  }
  if (e.state === 'in_progress') return tr.t('inProgressAt', { time: formatDuration(e.position) });
  return tr.t('notHeard');
}

/** Makes the card of one page; nothing shows until {@link PaperCard.refresh}. */
export function createPaperCard(env: CardEnv): PaperCard {
  const { document } = env;
  const tr = cardTranslator(env.locale);
  let host: HTMLElement | null = null;
  let shown: Discussed | null = null;
  /** The ids and title the card answers for. */
  let shownFor = '';
  let asking = 0;
  let stopped = false;

  const remove = () => {
    host?.remove();
    host = null;
    shown = null;
    shownFor = '';
  };

  const root = () => rootOf(host);

  /** Puts the host right after the title's heading (or at the top of the page's main text). */
  const place = (title: PaperTitle | null) => {
    if (!host) return;
    if (title) {
      if (title.heading.nextElementSibling !== host) title.heading.after(host);
    } else if (!host.isConnected) {
      (document.querySelector('main') ?? document.body).prepend(host);
    }
  };

  const say = (text: string) => {
    const status = root()?.querySelector('.status');
    if (status) status.textContent = text;
  };

  const onSave = async (button: HTMLElement) => {
    const found = shown;
    if (!found?.paperKey || !found.source) return;
    const on = !found.saved;
    found.saved = on;
    setSavePressed(button, on, tr.locale);
    say('');
    const target = {
      key: found.paperKey,
      source: found.source,
      episodeKey: found.episodes[0]?.key ?? null,
    };
    const reply = await askSaved(env.ask, target, on);
    if (reply.ok || shown !== found) return;
    found.saved = !on;
    setSavePressed(button, !on, tr.locale);
    say(reply.error.message);
  };

  const onClick = (event: Event) => {
    // Inside the root the target is the element clicked (the page sees only the host).
    const button = (event.target as Element | null)?.closest?.('button');
    if (!button || !env.isTrusted(event)) return;
    event.preventDefault();
    event.stopPropagation();
    if (button.dataset.action === 'save') void onSave(button);
    if (button.dataset.action === 'episode-sources' && button.dataset.key) {
      void env.ask('openEpisodeSources', { episodeKey: button.dataset.key });
    }
  };

  /** Builds the card's rows for `found`'s episodes. */
  const build = (found: Discussed, arxivId: string | null) => {
    host ??= createHost(document, CARD_TAG);
    // Only what the page's own address says.
    if (arxivId) host.dataset.arxivId = arxivId;
    else delete host.dataset.arxivId;
    const r = rootOf(host)!;
    const style = document.createElement('style');
    style.textContent = BASE_STYLES + SAVE_STYLES + CARD_STYLES;
    const card = document.createElement('section');
    card.setAttribute('aria-label', tr.t('cardName'));
    const head = document.createElement('div');
    head.className = 'head';
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = 'C';
    const label = document.createElement('span');
    label.className = 'brand';
    const show = document.createElement('em');
    show.textContent = tr.t('show');
    label.append(`${tr.t('discussedIn')} `, show);
    const save = saveButton(document, tr.locale);
    save.disabled = !found.paperKey || !found.source;
    head.append(mark, label, save);
    const list = document.createElement('ul');
    for (const e of found.episodes) list.append(row(e));
    const status = document.createElement('span');
    status.className = 'status';
    status.setAttribute('role', 'status');
    card.append(head, list, status);
    r.replaceChildren(style, card);
    r.addEventListener('click', onClick);
  };

  /** One episode's line: its link, date, state slot and other papers. */
  const row = (e: DiscussedEpisode) => {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.dataset.episode = e.key;
    link.textContent = withoutBidi(e.title ?? tr.t('untitled'));
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.title = tr.t('episodeName');
    const date = document.createElement('span');
    date.className = 'date';
    date.textContent = e.published ? formatIsoDate(e.published, tr.intl) : '';
    const state = document.createElement('span');
    state.className = 'state';
    li.append(link, date, state);
    if (e.otherPapers > 0) {
      const others = document.createElement('button');
      others.type = 'button';
      others.dataset.action = 'episode-sources';
      others.dataset.key = e.key;
      others.textContent = tr.count('others', e.otherPapers);
      others.title = tr.t('othersName');
      li.append(others);
    } else {
      // Keeps the columns: each line has four cells.
      li.append(document.createElement('span'));
    }
    return li;
  };

  /** Shows the listener's state (saved, each episode's state and link) in the built card. */
  const decorate = (found: Discussed) => {
    const r = root();
    if (!r) return;
    const save = r.querySelector('button[data-action="save"]');
    if (save) setSavePressed(save, found.saved, tr.locale);
    const links = r.querySelectorAll('a[data-episode]');
    const states = r.querySelectorAll('.state');
    found.episodes.forEach((e, i) => {
      const link = links[i] as HTMLAnchorElement | undefined;
      // The moment link changes with the listener's position: it lives in the closed root only.
      if (link && e.url && isHttpUrl(e.url)) link.href = e.url;
      else link?.removeAttribute('href');
      const state = states[i];
      if (!state) return;
      const text = stateText(e, tr);
      state.setAttribute('data-state', e.state);
      state.textContent = text;
      state.setAttribute('title', text);
    });
  };

  const sameEpisodes = (a: Discussed, b: Discussed) =>
    a.episodes.length === b.episodes.length &&
    a.episodes.every((e, i) => {
      const o = b.episodes[i]!;
      return (
        e.key === o.key &&
        e.title === o.title &&
        e.published === o.published &&
        e.otherPapers === o.otherPapers
      );
    });

  return {
    async refresh(fresh = false) {
      if (stopped) return;
      const url = env.pageUrl();
      if (!isPaperPage(url)) return remove();
      const title = findPaperTitle(document);
      const ids = paperIdsOfUrl(url).join(' ');
      const lookup = `${ids}\n${title?.title ?? ''}`;
      if (!fresh && lookup === shownFor) return place(title);
      // Another paper's card goes at once, not when the answer comes.
      if (shownFor && !shownFor.startsWith(`${ids}\n`)) remove();
      const mine = ++asking;
      const reply = await env.ask('discussedIn', { url, title: title?.title ?? null });
      if (stopped || mine !== asking) return;
      if (!reply.ok) {
        console.warn('Citecast: could not look up this paper:', reply.error.message);
        return;
      }
      const found = reply.value;
      if (found.episodes.length === 0) return remove();
      const arxivId = ids.startsWith('arxiv:') ? ids.slice('arxiv:'.length) : null;
      if (!shown || !host || !sameEpisodes(shown, found)) build(found, arxivId);
      shown = found;
      shownFor = lookup;
      place(findPaperTitle(document));
      decorate(found);
    },
    stop() {
      stopped = true;
      remove();
    },
  };
}

/**
 * Asks the background with the card's own error texts in the page's language: the card's script
 * carries no table of the background's errors (only a save can fail where the listener sees it).
 */
function cardAsk(tr: ReturnType<typeof cardTranslator>): Ask {
  return async <K extends RequestType>(type: K, data: RequestData<K>): Promise<ReplyOf<K>> => {
    const reply = await sendRequest(type, data);
    if (reply && 'ok' in reply && reply.ok) return reply;
    const code = reply && 'ok' in reply ? reply.error.code : 'unavailable';
    const message = tr.t(code === 'quota' ? 'error.quota' : 'error.other');
    return { ok: false, error: { code, message } };
  };
}

/**
 * Starts the card in the content script: reads the page now, again whenever its address or
 * content changes (debounced; the card's own insertion is ignored) and, asking afresh, whenever
 * the library changes. Stops with `ctx`.
 */
export function startPaperCard(ctx: ContentScriptContext): void {
  const card = createPaperCard({
    document,
    pageUrl: () => location.href,
    isTrusted: (event) => event.isTrusted,
    ask: cardAsk(cardTranslator()),
  });
  let timer: number | undefined;
  let fresh = false;
  const soon = (again = false) => {
    fresh ||= again;
    if (timer !== undefined) clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = undefined;
      const now = fresh;
      fresh = false;
      if (ctx.isValid) void card.refresh(now);
    }, REREAD_DELAY_MS);
  };
  const own = (node: Node) => node.nodeType === 1 && (node as Element).localName === CARD_TAG;
  const observer = new MutationObserver((records) => {
    const theirs = records.some(
      (r) =>
        r.type !== 'childList' ||
        ![...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(own),
    );
    if (theirs) soon();
  });
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => soon());
  // Saved, heard and newly read episodes all show on the card.
  const stopChanges = messaging.onMessage('storeChanged', () => soon(true));
  ctx.onInvalidated(() => {
    observer.disconnect();
    stopChanges();
    if (timer !== undefined) clearTimeout(timer);
    card.stop();
  });
  void card.refresh();
}
