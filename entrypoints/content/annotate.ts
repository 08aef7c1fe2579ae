/**
 * In-place annotation (issue 5): places Citecast's hosts with lib/annotate/place.ts, fills their
 * shadow roots (lazily for sources far off screen), asks the background for saved and heard
 * states, records the episodes, answers clicks, follows `storeChanged`, and keeps the toolbar
 * badge up to date. Everything stops, and every host is removed, when `ctx` is invalidated.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  arxivPdfUrls,
  citedEpisodeLink,
  citedEpisodeState,
  opensAfterAsking,
} from '@/lib/annotate/bar';
import {
  canSave,
  fillEpisode,
  fillSource,
  flashCopied,
  openablePdf,
  setCitedEpisodeState,
  setEpisodeCounts,
  setEpisodeStatus,
  setHeardDate,
  setInZotero,
  setPressed,
} from '@/lib/annotate/controls';
import {
  buildAskPanel,
  buildChoosePanel,
  buildConfirmPanel,
  type Panel,
} from '@/lib/annotate/panels';
import {
  EPISODE_TAG,
  placeAnnotations,
  placedHosts,
  removeOrphanHosts,
  SOURCE_TAG,
  type PlacedEpisode,
} from '@/lib/annotate/place';
import { rootOf } from '@/lib/annotate/roots';
import { BADGE_MESSAGE } from '@/lib/badge';
import type { FoundEpisode } from '@/lib/episode';
import { createArxivFeature } from '@/entrypoints/content/arxiv';
import { readingListMarkdown, sourceMarkdownLink } from '@/lib/export/reading-list';
import { format, t } from '@/lib/i18n/index';
import { ask, episodeForMessage, messaging } from '@/lib/protocol/client';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import type { RequestData } from '@/lib/protocol/requests';
import type { StoreChange } from '@/lib/core/result';
import type { Source } from '@/lib/sources/types';
import type { ListenState } from '@/lib/store/schema';
import { episodeKey, paperKey } from '@/lib/core/keys';
import { setEpisodeListen } from '@/lib/playback/bar';
import { playableKeys, playingMoment, resumeEpisode } from '@/entrypoints/content/playback';
import { pageFacts, speaksForShow } from '@/lib/show-page';

/** Pages with at most this many sources fill every host at once; bigger ones as they come near. */
const EAGER_SOURCES = 400;
/** The attribute that keeps a big list's off-screen bar out of the layout (styles.ts). */
const LATER_ATTR = 'data-citecast-later';
/** Episodes a list records per task and per message (the background takes up to 250). */
const RECORD_BATCH = 100;
/** How far off screen a source's controls are built ahead of time. */
const NEAR_MARGIN = '1200px 0px';

interface SourceInfo {
  source: Source;
  inText: boolean;
  /** The paper's key when it can be saved. */
  key: string | null;
  /** For a cited episode: that episode's key (its mp3 stem), whose listen state it shows. */
  citedKey: string | null;
  episode: EpisodeInfo;
}

interface EpisodeInfo {
  episode: FoundEpisode;
  host: HTMLElement;
  key: string | null;
  sources: SourceInfo[];
}

/** Source hosts waiting to be filled until one of `targets` comes near the viewport. */
interface WaitingGroup {
  hosts: HTMLElement[];
  targets: Element[];
  /** The episode bar kept hidden until then (big lists), or `null`. */
  bar: HTMLElement | null;
}

/** What the page keyboard (./keys.ts) asks of a source or its episode. */
export type HostAction = 'open-pdf' | 'save' | 'heard';

/** The annotator of one page; `update` runs after every read. */
export interface Annotator {
  /** Places every episode of a read at once, and removes hosts no longer claimed. */
  update(found: FoundEpisode[]): void;
  /**
   * A pass placed in slices (a big list, visible episodes first): `begin`, then `add` for each
   * slice, then `end` with every episode in page order (hosts none claimed are removed then).
   */
  begin(lazy: boolean): void;
  add(batch: readonly FoundEpisode[], onScreen?: boolean): void;
  end(found: readonly FoundEpisode[]): void;
  /** Every source host placed by the last read, episode by episode. */
  sourceHosts(): readonly HTMLElement[];
  /**
   * Runs `action` for the source in `host` (for `heard`: its episode; with no host, the page's
   * only episode). Whether there was something to do.
   */
  perform(action: HostAction, host: HTMLElement | null): boolean;
  /** Closes any panel an episode bar opened (Esc); whether one was open. */
  closePanels(): boolean;
}

/** The fields of a source the background saves (http(s) addresses only). */
function savable(source: Source): RequestData<'savePaper'>['source'] {
  const http = (url: string | null) => (url !== null && isHttpUrl(url) ? url : null);
  return {
    title: source.title?.slice(0, LIMITS.title) ?? null,
    authors: source.authors.slice(0, LIMITS.authors).map((a) => a.slice(0, LIMITS.author)),
    year: source.year,
    url: http(source.url),
    arxivId: source.arxivId,
    doi: source.doi,
    pdfUrl: http(source.pdfUrl),
  };
}

/** What identifies an episode for recording: re-recorded only when this changes. */
function episodeSignature(episode: FoundEpisode): string {
  return JSON.stringify([
    episode.title,
    episode.visualizationUrl,
    episode.audioUrl,
    episode.sources.map((s) => [s.url, s.arxivId]),
  ]);
}

/** In chunks of `size`. */
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Starts annotating the page; see the module comment. */
export function createAnnotator(
  ctx: ContentScriptContext,
  options: { reread?: () => void } = {},
): Annotator {
  const saved = new Map<string, boolean>();
  const heard = new Map<string, boolean>();
  /** When each heard episode was heard (epoch ms). */
  const heardAt = new Map<string, number | null>();
  /** Listen states of episodes cited by sources on the page. */
  const listens = new Map<string, ListenState>();
  /** Where each episode's listening stopped (issue 7: resume). */
  const positions = new Map<string, { position: number; duration: number | null }>();
  const sourceInfo = new WeakMap<HTMLElement, SourceInfo>();
  const episodeInfo = new WeakMap<HTMLElement, EpisodeInfo>();
  /** Hosts whose shadow root is filled, with what they were filled for. */
  const filled = new WeakMap<HTMLElement, Source | true>();
  /**
   * arXiv lookups (./arxiv.ts): `update` hands it each read; when a source resolves it
   * re-annotates with the last read (not in the middle of a sliced pass).
   */
  let lastRead: readonly FoundEpisode[] = [];
  const arxiv = createArxivFeature(
    ctx,
    () => {
      // A fresh read of the page (in slices on a big list) when the owner can start one; else the
      // last read placed again, never in the middle of a pass (that would drop its hosts).
      if (options.reread) options.reread();
      else if (!pass) update([...lastRead]);
    },
    () => pass !== null && pass.lazy,
  );
  const recorded = new Map<string, string>();
  let episodes: EpisodeInfo[] = [];
  let sourceHosts: HTMLElement[] = [];
  let lastBadge = '';
  let stopped = false;

  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              const group = waiting.get(entry.target);
              if (!group) {
                observer?.unobserve(entry.target);
                continue;
              }
              waitingGroups.delete(group);
              for (const target of group.targets) {
                observer?.unobserve(target);
                waiting.delete(target);
              }
              for (const host of group.hosts) fill(host);
              if (group.bar) revealBar(group.bar);
            }
          },
          { rootMargin: NEAR_MARGIN },
        )
      : null;

  /**
   * Source hosts whose controls wait for their episode's block to come near the viewport, by the
   * block(s) observed. One target per episode, not per source: the observer's work each frame
   * grows with its targets, and 10,000 of them cost about 20 ms a frame on a 662-episode page.
   */
  const waiting = new WeakMap<Element, WaitingGroup>();
  /** Every group still waiting, so groups of blocks the page removed can be let go. */
  const waitingGroups = new Set<WaitingGroup>();

  /** Stops waiting for groups whose blocks left the page (a list re-rendered, a navigation). */
  function dropDetachedGroups(): void {
    for (const group of waitingGroups) {
      if (group.targets.some((t) => t.isConnected)) continue;
      waitingGroups.delete(group);
      for (const target of group.targets) {
        observer?.unobserve(target);
        waiting.delete(target);
      }
    }
  }

  /**
   * Fills `hosts` (and `bar`'s episode bar) once one of `targets` (their episode's blocks) comes
   * near the viewport.
   */
  function fillWhenNear(hosts: HTMLElement[], targets: Element[], bar: HTMLElement | null): void {
    if (!observer || targets.length === 0) {
      hosts.forEach(fill);
      if (bar) revealBar(bar);
      return;
    }
    const group: WaitingGroup = { hosts, targets, bar };
    waitingGroups.add(group);
    for (const target of targets) {
      // A re-read replaces the group a block waited with: the old one goes with it.
      const previous = waiting.get(target);
      if (previous) waitingGroups.delete(previous);
      waiting.set(target, group);
      observer.observe(target);
    }
  }

  /**
   * Episode bars of a big list built (with every control, CONTRACT §3) but kept out of the
   * layout (`data-citecast-later`, styles.ts) until their episode comes near the viewport, like
   * the source controls. Why: a bar shown off screen adds height above every later episode, and
   * Chromium then re-lays out and re-walks the rest of the page in that frame: 40-50 ms frames
   * during the pass, and 60-90 ms frames when the bars were shown in batches after it
   * (`npm run bench`, issue 5's longest block must stay under 100 ms).
   */
  const laterBars = new Set<HTMLElement>();

  /** Shows a bar kept hidden, with its state. */
  function revealBar(host: HTMLElement): void {
    if (!laterBars.delete(host)) return;
    host.removeAttribute(LATER_ATTR);
    const info = episodeInfo.get(host);
    if (info) renderEpisode(info, playableKeys());
  }

  /** Builds a source host's controls (again, if its source changed) and shows its state. */
  function fill(host: HTMLElement): void {
    const info = sourceInfo.get(host);
    if (!info || stopped) return;
    if (filled.get(host) !== info.source) {
      fillSource(host, info.source, !info.inText);
      filled.set(host, info.source);
    }
    renderSource(host, info);
  }

  function renderSource(host: HTMLElement, info: SourceInfo): void {
    if (!filled.has(host)) return;
    arxiv.decorateSource(host, info.source, info.episode.episode);
    if (info.citedKey) {
      setCitedEpisodeState(rootOf(host), citedEpisodeState(listens.get(info.citedKey)));
    }
    if (!info.key) return;
    const root = rootOf(host);
    setPressed(root?.querySelector('button[data-action="save"]'), saved.get(info.key) === true);
    setInZotero(root, inZotero.get(info.key) === true);
  }

  function renderEpisode(info: EpisodeInfo, playable: ReadonlySet<string>): void {
    const root = rootOf(info.host);
    // A hidden bar (laterBars) shows its state when it is shown: rendering 600 of them on
    // every answer was a 50 ms task on a big list.
    if (!root || filled.get(info.host) !== true || laterBars.has(info.host)) return;
    arxiv.decorateEpisode(root, info.episode);
    if (info.key !== null) {
      const at = positions.get(info.key) ?? { position: 0, duration: null };
      const state = listens.get(info.key) ?? 'unheard';
      setEpisodeListen(root, { state, ...at, canResume: playable.has(info.key) });
    }
    const isHeard = info.key !== null && heard.get(info.key) === true;
    const heardButton = root.querySelector('button[data-action="heard"]');
    setPressed(heardButton, isHeard);
    setHeardDate(heardButton, isHeard ? (heardAt.get(info.key!) ?? null) : null);
    const papers = info.sources.filter((s) => s.key !== null);
    const savedCount = papers.filter((s) => saved.get(s.key!) === true).length;
    setEpisodeCounts(root, info.sources.length, savedCount, papers.length);
  }

  /** Shows every state on every filled host, and updates the badge. */
  function render(): void {
    if (stopped) return;
    for (const host of sourceHosts) {
      const info = sourceInfo.get(host);
      if (info) renderSource(host, info);
    }
    const playable = playableKeys();
    for (const info of episodes) renderEpisode(info, playable);
    sendBadge();
  }

  function sendBadge(): void {
    const keys = new Set<string>();
    let sources = 0;
    for (const e of episodes) {
      sources += e.sources.length;
      for (const s of e.sources) if (s.key && saved.get(s.key)) keys.add(`${e.key}|${s.key}`);
    }
    const message = { type: BADGE_MESSAGE, sources, saved: Math.min(keys.size, sources) };
    const text = JSON.stringify(message);
    if (text === lastBadge) return;
    lastBadge = text;
    browser.runtime.sendMessage(message).catch(() => undefined);
  }

  /** The timer of a {@link scheduleRender} not run yet. */
  let renderTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Renders soon, once for every answer that arrives meanwhile: a big list asks for its states
   * batch by batch while it is placed, and a full render per answer made that quadratic.
   */
  function scheduleRender(): void {
    if (renderTimer !== undefined || stopped) return;
    renderTimer = setTimeout(() => {
      renderTimer = undefined;
      render();
    }, 30);
  }

  /**
   * How many times the user toggled each paper's save and each episode's heard here. A state
   * asked for before a later toggle is not applied: the background may answer the question
   * after the toggle's own reply, and the page would then show the old state (seen as a flaky
   * Firefox test: heard clicked twice stayed pressed).
   */
  const savedWrites = new Map<string, number>();
  const heardWrites = new Map<string, number>();

  /** The toggle counts of `keys` now, to compare with when their answer comes. */
  function writeCount(writes: Map<string, number>, keys: readonly string[]): Map<string, number> {
    return new Map(keys.map((key) => [key, writes.get(key) ?? 0]));
  }

  /** Asks the background whether `keys` are saved papers, and shows the answers. */
  async function askSaved(keys: string[]): Promise<void> {
    for (const part of chunks(keys, LIMITS.keys)) {
      const asked = writeCount(savedWrites, part);
      const reply = await ask('savedStates', { keys: part });
      if (stopped) return;
      if (!reply.ok) return showError(null, reply.error.message);
      for (const [key, value] of Object.entries(reply.value)) {
        // An answer read before the user's own later toggle of that paper is out of date.
        if (asked.get(key) === (savedWrites.get(key) ?? 0)) saved.set(key, value);
      }
    }
    scheduleRender();
  }

  /**
   * Which papers the user's Zotero library holds, by key: the background answers only once the
   * user turned the "In Zotero" marks on, and they are listener state, shown only inside the roots.
   */
  const inZotero = new Map<string, boolean>();

  /** Asks which of `keys` are in the user's Zotero library, and shows the answers. */
  async function askZotero(keys: string[]): Promise<void> {
    for (const part of chunks(keys, LIMITS.keys)) {
      const reply = await ask('zoteroMarks', { keys: part });
      if (stopped || !reply.ok || reply.value.status !== 'on') return;
      const held = new Set(reply.value.inZotero);
      for (const key of part) inZotero.set(key, held.has(key));
    }
    scheduleRender();
  }

  /** Asks the background which of `keys` were heard, and shows the answers. */
  async function askHeard(keys: string[]): Promise<void> {
    for (const part of chunks(keys, LIMITS.keys)) {
      const asked = writeCount(heardWrites, part);
      const reply = await ask('listenStates', { episodeKeys: part });
      if (stopped) return;
      if (!reply.ok) return showError(null, reply.error.message);
      for (const [key, value] of Object.entries(reply.value)) {
        // An answer read before the user's own later heard toggle is out of date.
        if (asked.get(key) !== (heardWrites.get(key) ?? 0)) continue;
        heard.set(key, value.state === 'heard');
        heardAt.set(key, value.heardAt);
        listens.set(key, value.state);
        positions.set(key, { position: value.position, duration: value.duration });
      }
    }
    scheduleRender();
  }

  /** Records the episodes not recorded yet (or changed), one after another. */
  async function record(list: EpisodeInfo[]): Promise<void> {
    const pageUrl = location.href;
    if (!isHttpUrl(pageUrl)) return;
    const todo: EpisodeInfo[] = [];
    for (const [i, info] of list.entries()) {
      // A big list's signatures take tasks of their own, a batch each (one task for 662 was
      // 45 ms of the page's main thread, plus its garbage).
      if (i > 0 && i % RECORD_BATCH === 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (stopped) return;
      }
      const signature = episodeSignature(info.episode);
      const id = info.key ?? signature;
      if (recorded.get(id) === signature) continue;
      recorded.set(id, signature);
      todo.push(info);
    }
    // Nothing new to record: the page's links need not be read again (a re-read of a big list).
    if (todo.length === 0) return;
    // Whether this page shows it is the show's own: only then may it say what an episode is.
    const showPage = speaksForShow(pageFacts(document, pageUrl));
    if (todo.length === 1) {
      const [info] = todo;
      const reply = await ask('recordEpisode', {
        episode: episodeForMessage(info!.episode),
        pageUrl,
        showPage,
      });
      if (!stopped && reply.ok) rekey([[info!, reply.value.key]]);
      return;
    }
    // A list records its episodes in batches, not one message each (662 on a Podimo show page).
    for (const part of chunks(todo, Math.min(RECORD_BATCH, LIMITS.catalogBatch))) {
      if (stopped) return;
      const reply = await ask('recordCatalog', {
        pageUrl,
        showPage,
        episodes: part.map((info) => ({ ...episodeForMessage(info.episode), pageUrl: null })),
      });
      if (stopped || !reply.ok) return;
      rekey(part.map((info, i) => [info, reply.value.keys[i] ?? null]));
    }
  }

  /** Takes the keys the background recorded episodes under, and asks for their listens. */
  function rekey(pairs: [EpisodeInfo, string | null][]): void {
    const changed: string[] = [];
    for (const [info, key] of pairs) {
      if (key === null || key === info.key) continue;
      info.key = key;
      changed.push(key);
    }
    if (changed.length > 0) void askHeard(changed);
  }

  async function toggleSave(info: SourceInfo): Promise<void> {
    const key = info.key;
    if (!key) return;
    const was = saved.get(key) === true;
    saved.set(key, !was);
    savedWrites.set(key, (savedWrites.get(key) ?? 0) + 1);
    render();
    const reply = was
      ? await ask('unsavePaper', { key })
      : await ask('savePaper', {
          source: savable(info.source),
          episodeKey: info.episode.key,
          moment: playingMoment() ?? undefined,
        });
    if (!reply.ok) {
      saved.set(key, was);
      render();
      showError(info.episode, reply.error.message);
    }
  }

  async function saveAll(info: EpisodeInfo): Promise<void> {
    await saveSome(info, info.sources);
  }

  /** Saves the sources of `list` not saved yet, one after another. */
  async function saveSome(info: EpisodeInfo, list: readonly SourceInfo[]): Promise<void> {
    for (const s of list) {
      if (stopped) return;
      if (!s.key || saved.get(s.key)) continue;
      saved.set(s.key, true);
      savedWrites.set(s.key, (savedWrites.get(s.key) ?? 0) + 1);
      render();
      const reply = await ask('savePaper', {
        source: savable(s.source),
        episodeKey: info.key,
        moment: playingMoment() ?? undefined,
      });
      if (!reply.ok) {
        saved.set(s.key, false);
        render();
        showError(info, reply.error.message);
        return;
      }
    }
  }

  async function toggleHeard(info: EpisodeInfo): Promise<void> {
    const key = info.key;
    if (!key) return;
    const was = heard.get(key) === true;
    heard.set(key, !was);
    heardWrites.set(key, (heardWrites.get(key) ?? 0) + 1);
    render();
    const reply = await ask('setHeard', { episodeKey: key, heard: !was });
    heard.set(key, reply.ok ? reply.value.state === 'heard' : was);
    if (reply.ok) heardAt.set(key, reply.value.heardAt);
    render();
    if (!reply.ok) showError(info, reply.error.message);
  }

  /** How long "Copied" (or the error) stays in the bar. */
  const STATUS_MS = 2500;
  /** How long a failure of the library (unavailable, full, refused) stays in the bar. */
  const ERROR_MS = 10_000;
  /** Timers that clear a bar's status line; cleared when the extension stops. */
  const statusTimers = new Set<ReturnType<typeof setTimeout>>();

  /**
   * Clears a bar's status line after `ms`. A plain timer: WXT's `ctx.setTimeout` adds an abort
   * listener per call that is never removed (see ./start.ts), which would grow with every click.
   */
  function clearStatusLater(root: ShadowRoot, ms: number): void {
    const timer = setTimeout(() => {
      statusTimers.delete(timer);
      setEpisodeStatus(root, '');
    }, ms);
    statusTimers.add(timer);
  }

  /**
   * Says in the episode's bar (or every bar, for `null`) why the library could not answer, so
   * a failure is never silent: the background's message is made for people to read.
   */
  function showError(info: EpisodeInfo | null, message: string): void {
    for (const e of info ? [info] : episodes) {
      const root = rootOf(e.host);
      if (!root) continue;
      setEpisodeStatus(root, message, true);
      clearStatusLater(root, ERROR_MS);
    }
  }

  /** The episode's reading list (Markdown, from the page and the saved marks). */
  function readingList(info: EpisodeInfo): string {
    const e = info.episode;
    const pages = [location.href, e.visualizationUrl].filter(
      (u): u is string => u !== null && isHttpUrl(u),
    );
    return readingListMarkdown(
      { key: info.key ?? '', title: e.title, published: e.published, pages },
      info.sources.map((s) => s.source),
      info.sources.map((s) =>
        s.key && saved.get(s.key) ? { savedAt: 1, readState: 'unread' as const } : undefined,
      ),
    );
  }

  /** Copies the episode's reading list, then says "Copied", or why it could not. */
  async function copyList(info: EpisodeInfo): Promise<void> {
    const root = rootOf(info.host);
    if (!root) return;
    await copyText(root, readingList(info));
  }

  /** Puts `text` on the clipboard; whether the browser let it. */
  async function writeClipboard(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      console.warn('Citecast: could not copy', error);
      return false;
    }
  }

  /** Puts `text` on the clipboard, then says "Copied" in the bar, or that it could not. */
  async function copyText(root: ShadowRoot, text: string): Promise<void> {
    const ok = await writeClipboard(text);
    if (stopped) return;
    setEpisodeStatus(root, ok ? t('copied') : t('copyFailed'), !ok);
    clearStatusLater(root, STATUS_MS);
  }

  /** The one panel open in an episode bar, with the bar button that opened it. */
  let panel: { info: EpisodeInfo; element: HTMLElement; opener: HTMLElement } | null = null;

  /** Closes the open panel; the focus goes back to its bar button (`refocus`). */
  function closePanels(refocus = true): boolean {
    if (!panel) return false;
    const { element, opener } = panel;
    panel = null;
    element.remove();
    if (opener.getAttribute('aria-expanded') !== null)
      opener.setAttribute('aria-expanded', 'false');
    if (refocus && opener.isConnected) opener.focus();
    return true;
  }

  /** Shows `made` in the episode's bar (closing any other panel) and moves the focus into it. */
  function showPanel(info: EpisodeInfo, opener: HTMLElement, made: Panel): void {
    closePanels(false);
    const box = rootOf(info.host)?.querySelector('.panels');
    if (!box) return;
    box.append(made.element);
    panel = { info, element: made.element, opener };
    if (opener.getAttribute('aria-expanded') !== null) opener.setAttribute('aria-expanded', 'true');
    made.first.focus();
  }

  function openTabs(urls: readonly string[]): void {
    for (const url of urls) if (isHttpUrl(url)) window.open(url, '_blank', 'noopener');
  }

  /** Opens every arXiv PDF of the episode, asking first in the bar when that is many tabs. */
  function openAll(info: EpisodeInfo, opener: HTMLElement): void {
    const urls = arxivPdfUrls(info.sources.map((s) => s.source));
    const root = rootOf(info.host);
    if (urls.length === 0) {
      if (root) setEpisodeStatus(root, t('openAllNone'));
      if (root) clearStatusLater(root, STATUS_MS);
      return;
    }
    if (!opensAfterAsking(urls.length)) return openTabs(urls);
    const wasOpen = panel?.info === info && panel.opener === opener;
    if (wasOpen) return void closePanels();
    showPanel(
      info,
      opener,
      buildConfirmPanel(
        document,
        urls.length,
        () => {
          closePanels();
          openTabs(urls);
        },
        () => closePanels(),
      ),
    );
  }

  /** Opens (or closes) the episode's "choose which to save" panel. */
  function choose(info: EpisodeInfo, opener: HTMLElement): void {
    if (panel?.info === info && panel.opener === opener) return void closePanels();
    const papers = info.sources.filter((s) => s.key !== null);
    const choices = papers.map((s) => ({
      label: s.source.title ?? s.source.url ?? t('untitledSource'),
      saved: saved.get(s.key!) === true,
    }));
    showPanel(
      info,
      opener,
      buildChoosePanel(
        document,
        choices,
        (checked) => {
          closePanels();
          void saveSome(
            info,
            checked.map((i) => papers[i]),
          );
        },
        () => closePanels(),
        (checked) => {
          closePanels();
          void sendZotero(
            info,
            checked.map((i) => papers[i]!),
            opener,
          );
        },
      ),
    );
  }

  /**
   * Sends sources of `info` to the Zotero app (lib/zotero/send.ts): without the permission yet,
   * the background's window asks for it; papers sent before are sent again only when the user says
   * so; when Zotero is not there, the reason is shown with the RIS file offered instead.
   */
  async function sendZotero(
    info: EpisodeInfo,
    list: readonly SourceInfo[],
    opener: HTMLElement,
    resend = false,
  ): Promise<void> {
    const root = rootOf(info.host);
    const sources = list.filter((s) => canSave(s.source)).map((s) => savable(s.source));
    if (!root || sources.length === 0) return;
    const reply = await ask('zoteroSend', { keys: [], sources, resend });
    if (stopped) return;
    if (!reply.ok) {
      return showPanel(
        info,
        opener,
        buildAskPanel(
          document,
          reply.error.message,
          { id: 'zotero-ris', label: t('zoteroRis'), name: t('zoteroRisName') },
          () => {
            closePanels();
            void saveRis(info, sources);
          },
          () => closePanels(),
        ),
      );
    }
    const answer = reply.value;
    if (answer.status === 'permission') {
      void ask('openZoteroGrant', {});
      setEpisodeStatus(root, t('zoteroAllow'));
      return clearStatusLater(root, ERROR_MS);
    }
    if (answer.status === 'confirm') {
      return showPanel(
        info,
        opener,
        buildAskPanel(
          document,
          format(t('zoteroAsk'), { n: answer.already.length }),
          { id: 'zotero-resend', label: t('zoteroResend'), name: t('zoteroResend') },
          () => {
            closePanels();
            void sendZotero(info, list, opener, true);
          },
          () => closePanels(),
        ),
      );
    }
    setEpisodeStatus(
      root,
      format(t('zoteroSent'), { n: answer.count, collection: answer.collection }),
    );
    clearStatusLater(root, STATUS_MS);
  }

  /** Offers `sources` as a RIS file, saved from inside the episode's closed root. */
  async function saveRis(
    info: EpisodeInfo,
    sources: RequestData<'sourcesRis'>['sources'],
  ): Promise<void> {
    const reply = await ask('sourcesRis', { sources });
    const root = rootOf(info.host);
    if (stopped || !root) return;
    if (!reply.ok) return showError(info, reply.error.message);
    const url = URL.createObjectURL(
      new Blob([reply.value.text], { type: 'application/x-research-info-systems' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = reply.value.filename;
    a.hidden = true;
    root.append(a);
    a.click();
    a.remove();
    // Released a moment later: the download starts after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Copies the BibTeX of the episode's saved papers (the background writes it). */
  async function copyBibtex(info: EpisodeInfo): Promise<void> {
    const root = rootOf(info.host);
    if (!root) return;
    const keys = info.sources.flatMap((s) => (s.key && saved.get(s.key) ? [s.key] : []));
    if (keys.length === 0) {
      setEpisodeStatus(root, t('bibtexNone'));
      clearStatusLater(root, STATUS_MS);
      return;
    }
    const reply = await ask('bibtex', { keys: keys.slice(0, LIMITS.keys) });
    if (stopped) return;
    if (!reply.ok) return showError(info, reply.error.message);
    await copyText(root, reply.value.text);
  }

  /**
   * Copies one source as BibTeX (written by the background, which has the BibTeX writer) or as a
   * Markdown link, and says on its button whether it worked.
   */
  async function copySource(
    info: SourceInfo,
    button: HTMLElement,
    as: 'bibtex' | 'markdown',
  ): Promise<void> {
    let text: string | null = sourceMarkdownLink(info.source);
    if (as === 'bibtex') {
      const reply = await ask('sourceBibtex', { source: savable(info.source) });
      if (stopped) return;
      text = reply.ok ? reply.value.text : null;
      if (!reply.ok) showError(info.episode, reply.error.message);
    }
    const ok = text !== null && (await writeClipboard(text));
    if (stopped) return;
    const restore = flashCopied(button, ok);
    const timer = setTimeout(() => {
      statusTimers.delete(timer);
      restore();
    }, STATUS_MS);
    statusTimers.add(timer);
  }

  /**
   * One click listener per host's root: the click is Citecast's alone (never a surrounding page
   * link's), and a button's action runs.
   */
  function onClick(event: Event): void {
    const host = (event.currentTarget as ShadowRoot).host as HTMLElement;
    event.preventDefault();
    event.stopPropagation();
    // Only the user's own clicks: a page script can dispatch a click on the host itself.
    if (stopped || !event.isTrusted) return;
    const target = event.composedPath()[0];
    const button = target instanceof Element ? target.closest('[data-action]') : null;
    if (!button || (button as HTMLButtonElement).disabled) return;
    const action = button.getAttribute('data-action');
    const source = sourceInfo.get(host);
    const episode = episodeInfo.get(host);
    const around = episode ?? source?.episode;
    if (
      action &&
      arxiv.perform(
        action,
        source?.source ?? null,
        around?.episode ?? null,
        rootOf(around?.host) ?? null,
      )
    )
      return;
    if (source && action === 'open-episode') {
      const url = citedEpisodeLink(source.source);
      if (url) window.open(url, '_blank', 'noopener');
    } else if (episode && action === 'open-all') {
      openAll(episode, button as HTMLElement);
    } else if (episode && action === 'choose') {
      choose(episode, button as HTMLElement);
    } else if (source && action === 'open-pdf') {
      openPdf(source);
    } else if (source && action === 'save') {
      void toggleSave(source);
    } else if (source && action === 'zotero') {
      void sendZotero(source.episode, [source], button as HTMLElement);
    } else if (source && (action === 'copy-bibtex' || action === 'copy-markdown')) {
      void copySource(
        source,
        button as HTMLElement,
        action === 'copy-bibtex' ? 'bibtex' : 'markdown',
      );
    } else if (episode && action === 'heard') {
      void toggleHeard(episode);
    } else if (episode?.key && action === 'resume') {
      resumeEpisode(episode.key, positions.get(episode.key)?.position ?? 0);
    } else if (episode && action === 'save-all') {
      void saveAll(episode);
    } else if (episode && action === 'copy-markdown') {
      void copyList(episode);
    } else if (episode && action === 'copy-bibtex') {
      void copyBibtex(episode);
    }
  }

  function openPdf(info: SourceInfo): boolean {
    const url = openablePdf(info.source);
    if (url) window.open(url, '_blank', 'noopener');
    return url !== null;
  }

  function perform(action: HostAction, host: HTMLElement | null): boolean {
    if (stopped) return false;
    const source = host ? sourceInfo.get(host) : undefined;
    if (host && source) fill(host);
    if (action === 'heard') {
      const episode = source?.episode ?? (episodes.length === 1 ? episodes[0] : undefined);
      if (!episode?.key) return false;
      void toggleHeard(episode);
      return true;
    }
    if (!source) return false;
    if (action === 'open-pdf') return openPdf(source);
    if (!source.key) return false;
    void toggleSave(source);
    return true;
  }

  const listening = new WeakSet<HTMLElement>();
  function listen(host: HTMLElement): void {
    if (listening.has(host)) return;
    listening.add(host);
    // On the root: outside a closed root, an event's path no longer shows which button it hit.
    rootOf(host)?.addEventListener('click', onClick);
    // Some pages follow links on mousedown/pointerdown; those never reach them from Citecast.
    host.addEventListener('mousedown', stop);
    host.addEventListener('pointerdown', stop);
  }
  function stop(event: Event): void {
    event.stopPropagation();
  }

  const removeChangeListener = messaging.onMessage('storeChanged', ({ data }) => {
    if (stopped) return;
    onStoreChanged(data);
  });

  function onStoreChanged(change: StoreChange): void {
    if (change.kind === 'papers') {
      const pageKeys = new Set(episodes.flatMap((e) => e.sources.map((s) => s.key ?? '')));
      pageKeys.delete('');
      const keys = change.keys ? change.keys.filter((k) => pageKeys.has(k)) : [...pageKeys];
      if (keys.length > 0) {
        void askSaved(keys);
        void askZotero(keys);
      }
    } else if (change.kind === 'listens') {
      const pageKeys = new Set(episodes.map((e) => e.key ?? ''));
      for (const e of episodes) for (const s of e.sources) if (s.citedKey) pageKeys.add(s.citedKey);
      pageKeys.delete('');
      const keys = change.keys ? change.keys.filter((k) => pageKeys.has(k)) : [...pageKeys];
      if (keys.length > 0) void askHeard(keys);
    }
  }

  ctx.onInvalidated(() => {
    if (renderTimer !== undefined) clearTimeout(renderTimer);
    for (const timer of statusTimers) clearTimeout(timer);
    statusTimers.clear();
    closePanels(false);
    stopped = true;
    observer?.disconnect();
    waitingGroups.clear();
    laterBars.clear();
    removeChangeListener();
    for (const tag of [SOURCE_TAG, EPISODE_TAG]) {
      for (const el of Array.from(document.getElementsByTagName(tag))) el.remove();
    }
  });

  /** The pass being placed: hosts it claimed, and its episodes with their source hosts. */
  let pass: {
    lazy: boolean;
    claimed: Set<Element>;
    placed: Map<FoundEpisode, { info: EpisodeInfo; hosts: HTMLElement[] }>;
    /** The listen states' player check, once per pass (it scans the page's media). */
    playable: ReadonlySet<string>;
  } | null = null;

  /**
   * Starts a placement pass over the page. `lazy`: fill source controls only as they come near
   * the viewport (big pages), instead of all at once.
   */
  function begin(lazy: boolean): void {
    pass = {
      lazy: lazy && observer !== null,
      claimed: new Set(),
      placed: new Map(),
      playable: playableKeys(),
    };
  }

  /**
   * Places one batch of the pass's episodes (a slice of a big list, visible ones first) and
   * shows their states; hosts of other episodes stay until {@link end}. Episodes `onScreen` get
   * their controls at once; others when they come near the viewport.
   */
  function add(batch: readonly FoundEpisode[], onScreen = false): void {
    place(arxiv.apply([...batch]), batch, onScreen);
  }

  /**
   * Places `shown` (the episodes as the arXiv lookups present them: resolved titles carry their
   * arXiv id) and files each under its episode as read, `read[i]`, which `end` orders by.
   */
  function place(
    shown: readonly FoundEpisode[],
    read: readonly FoundEpisode[],
    onScreen = false,
  ): void {
    if (stopped || !pass) return;
    const current = pass;
    const lazy = current.lazy && !onScreen;
    const readOf = new Map(shown.map((e, i) => [e, read[i] ?? e]));
    // Hosts say the arXiv ids the page's text gives, never one an arXiv lookup found.
    const pageIds = new Map<Source, string | null>();
    shown.forEach((e, i) =>
      e.sources.forEach((s, j) => {
        const asRead = read[i]?.sources[j];
        pageIds.set(s, asRead ? asRead.arxivId : s.arxivId);
      }),
    );
    const placement = placeAnnotations(document, shown, {
      removeOrphans: false,
      pageArxivId: (s) => (pageIds.has(s) ? pageIds.get(s)! : s.arxivId),
    });
    for (const host of placedHosts(placement)) current.claimed.add(host);
    const newKeys = new Set<string>();
    const newEpisodeKeys = new Set<string>();
    const fresh: EpisodeInfo[] = [];
    const freshHosts: HTMLElement[] = [];
    for (const placed of placement.episodes as PlacedEpisode[]) {
      const e = placed.episode;
      const previous = episodeInfo.get(placed.host);
      const key =
        previous && previous.episode.title === e.title && previous.key
          ? previous.key
          : episodeKey({
              audioUrl: e.audioUrl,
              visualizationUrl: e.visualizationUrl,
              title: e.title,
            });
      const info: EpisodeInfo = { episode: e, host: placed.host, key, sources: [] };
      episodeInfo.set(placed.host, info);
      if (key !== null && !heard.has(key)) newEpisodeKeys.add(key);
      fresh.push(info);
      const hosts: HTMLElement[] = [];
      for (const p of placed.sources) {
        const paper = canSave(p.source) ? paperKey(p.source) : null;
        const citedKey =
          p.source.kind === 'episode'
            ? episodeKey({
                stem: p.source.episode?.stem,
                audioUrl: p.source.url,
                // Known only by title: the background finds the stem-keyed episode by title.
                title: p.source.title,
              })
            : null;
        if (citedKey !== null && !listens.has(citedKey)) newEpisodeKeys.add(citedKey);
        const s: SourceInfo = {
          source: p.source,
          inText: p.inText,
          key: paper,
          citedKey,
          episode: info,
        };
        info.sources.push(s);
        sourceInfo.set(p.host, s);
        hosts.push(p.host);
        if (paper !== null && !saved.has(paper)) newKeys.add(paper);
      }
      current.placed.set(readOf.get(e) ?? e, { info, hosts });
      const later: HTMLElement[] = [];
      for (const host of hosts) {
        listen(host);
        if (filled.get(host) === sourceInfo.get(host)?.source) continue;
        if (!lazy || filled.has(host)) fill(host);
        else later.push(host);
      }
      // On a big list an off-screen bar is built hidden (see laterBars), when the observer has
      // the episode's own text to watch: a hidden host has no box, so it can never be the
      // target. One still hidden from an earlier pass waits again, or shows now.
      const roots = e.location?.map?.roots.filter((r) => r.isConnected) ?? [];
      const barMayWait = lazy && roots.length > 0;
      if (barMayWait && filled.get(placed.host) !== true) {
        placed.host.setAttribute(LATER_ATTR, '');
        laterBars.add(placed.host);
      }
      const barWaits = laterBars.has(placed.host);
      if (barWaits && !barMayWait) revealBar(placed.host);
      if (later.length > 0 || (barWaits && barMayWait)) {
        fillWhenNear(
          later,
          roots.length > 0 ? roots : [placed.host],
          barWaits && barMayWait ? placed.host : null,
        );
      }
      freshHosts.push(...hosts);
      episodes.push(info);
      sourceHosts.push(...hosts);
    }
    for (const info of fresh) {
      listen(info.host);
      if (filled.get(info.host) !== true) {
        fillEpisode(info.host);
        filled.set(info.host, true);
      }
    }
    for (const host of freshHosts) {
      const info = sourceInfo.get(host);
      if (info) renderSource(host, info);
    }
    for (const info of fresh) renderEpisode(info, current.playable);
    if (newKeys.size > 0) {
      void askSaved([...newKeys]);
      void askZotero([...newKeys]);
    }
    if (newEpisodeKeys.size > 0) void askHeard([...newEpisodeKeys]);
  }

  /**
   * Ends the pass: hosts no episode of it claimed go, and the episodes and source hosts (for the
   * keyboard's j/k) are put in page order, `found`'s order.
   */
  function end(found: readonly FoundEpisode[]): void {
    if (stopped || !pass) return;
    const current = pass;
    pass = null;
    lastRead = found;
    removeOrphanHosts(document, current.claimed);
    dropDetachedGroups();
    // Bars the page (or this pass) removed while they were hidden are let go.
    for (const host of laterBars) if (!host.isConnected) laterBars.delete(host);
    arxiv.prune();
    const ordered = found.flatMap((e) => {
      const placed = current.placed.get(e);
      return placed ? [placed] : [];
    });
    episodes = ordered.map((p) => p.info);
    sourceHosts = ordered.flatMap((p) => p.hosts);
    if (current.lazy) {
      // A big list: the full render and the recording (which serialises every episode) each
      // get a task of their own, so the pass's last slice stays short.
      scheduleRender();
      const list = episodes;
      setTimeout(() => void record(list), 0);
    } else {
      render();
      void record(episodes);
    }
  }

  /** Places every episode of a read at once (a small page, or a re-read). */
  function update(read: FoundEpisode[]): void {
    const total = read.reduce((n, e) => n + e.sources.length, 0);
    begin(total > EAGER_SOURCES);
    episodes = [];
    sourceHosts = [];
    place(arxiv.apply(read), read);
    end(read);
  }

  return {
    update,
    begin(lazy: boolean) {
      begin(lazy);
      episodes = [];
      sourceHosts = [];
    },
    add,
    end,
    sourceHosts: () => sourceHosts,
    perform,
    closePanels: () => closePanels(),
  };
}
