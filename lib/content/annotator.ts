/**
 * The annotator: places Citecast's hosts after each read (lib/content/place.ts), fills their
 * shadow roots (lazily, as they come near, for sources of a big list: lib/content/near.ts),
 * keeps what each host shows and hands clicks and keys to the page features that registered
 * them (lib/content/features). The features hold their own state; the core holds the page's
 * episodes and hosts. Everything stops, and every host is removed, on {@link Annotator.stop}.
 */
import { fillEpisode, fillSource } from '@/lib/content/controls';
import type { ContentEnv } from '@/lib/content/env';
import { createEpisodeBars } from '@/lib/content/episode-bar';
import {
  episodeEntryFor,
  episodeInfoFor,
  registry,
  sourceInfoFor,
  type Annotator,
  type AnnotatorHooks,
  type EpisodeEntry,
  type EpisodeInfo,
  type Feature,
  type FeatureSet,
  type Page,
  type SourceInfo,
} from '@/lib/content/feature';
import {
  EPISODE_TAG,
  placeAnnotations,
  placedHosts,
  removeOrphanHosts,
  SOURCE_TAG,
} from '@/lib/content/place';
import { nearQueue } from '@/lib/content/near';
import { rootOf } from '@/lib/content/roots';
import type { FoundEpisode } from '@/lib/hosts/episode';
import type { Source } from '@/lib/sources/types';

/** Pages with at most this many sources fill every host at once; bigger ones as they come near. */
const EAGER_SOURCES = 400;
/** The attribute that keeps a big list's off-screen bar out of the layout (styles.ts). */
const LATER_ATTR = 'data-citecast-later';
/**
 * How far off screen a big list's episodes get their hosts: a little over a screen, so a scroll
 * finds them placed, yet few enough that placing them stays a short task.
 */
const PLACE_MARGIN_PX = 400;
const PLACE_MARGIN = `${PLACE_MARGIN_PX}px 0px`;

/** What a pass placed for one episode: its info and its source hosts. */
interface Placed {
  info: EpisodeInfo;
  hosts: HTMLElement[];
}

/** Starts annotating the page with the features `makeFeatures` builds; see the module comment. */
export function createAnnotator(
  env: ContentEnv,
  makeFeatures: FeatureSet,
  hooks: AnnotatorHooks = {},
): Annotator {
  const document = env.document;
  const sourceInfo = new WeakMap<HTMLElement, SourceInfo>();
  const episodeInfo = new WeakMap<HTMLElement, EpisodeInfo>();
  /** Hosts whose shadow root is filled, with what they were filled for. */
  const filled = new WeakMap<HTMLElement, Source | true>();
  let episodes: EpisodeInfo[] = [];
  let sourceHosts: HTMLElement[] = [];
  let lastRead: readonly FoundEpisode[] = [];
  let stopped = false;
  let renderTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pass being placed: hosts it claimed, and its episodes with their source hosts. */
  let pass: {
    lazy: boolean;
    claimed: Set<Element>;
    placed: Map<FoundEpisode, Placed>;
    /** The player check, once per pass (it scans the page's media). */
    playable: ReadonlySet<string>;
  } | null = null;
  /**
   * What the last ended pass placed, by the read's episode; an episode placed later, as it comes
   * near or as `j`/`k` reach it, joins it.
   */
  let settled = new Map<FoundEpisode, Placed>();
  /** The last read's episodes that wait, unplaced, for their block to come near. */
  const waiting = new Map<FoundEpisode, EpisodeEntry>();
  let allEpisodes: EpisodeEntry[] = [];

  const bars = createEpisodeBars(() => episodes, rootOf);
  const page: Page = {
    env,
    stopped: () => stopped,
    episodes: () => episodes,
    allEpisodes: () => allEpisodes,
    rootOf,
    render,
    renderSoon,
    ...bars,
  };
  const features = makeFeatures(page, {
    // A fresh read of the page (in slices on a big list) when the owner can start one; else the
    // last read placed again, never in the middle of a pass (that would drop its hosts).
    reread: () => (hooks.reread ? hooks.reread() : !pass && update([...lastRead])),
    placing: () => pass !== null && pass.lazy,
  });
  const sourceActions = registry(features.map((f) => f.source));
  const episodeActions = registry(features.map((f) => f.episode));
  const keyActions = registry(features.map((f) => f.keys));
  const each = <K extends keyof Feature>(name: K, run: (fn: NonNullable<Feature[K]>) => void) => {
    for (const feature of features) if (feature[name]) run(feature[name]!);
  };

  // Source hosts (and a big list's hidden bar) wait for their episode's block to come near.
  const near = nearQueue(env);
  // A big list's episodes far from the viewport wait unplaced: placing every host up front split
  // 14,000 text nodes and re-laid out the whole list for seconds (`npm run bench`).
  const placeNear = nearQueue(env, PLACE_MARGIN);

  /**
   * Episode bars of a big list built (with every control) but kept out of the layout until their
   * episode comes near the viewport, like the source controls. A bar shown off screen adds height
   * above every later episode, and Chromium then re-lays out the rest of the page in that frame:
   * 40-90 ms frames while a big list was placed, over the 100 ms longest-block limit with others.
   */
  const laterBars = new Set<HTMLElement>();

  function revealBar(host: HTMLElement): void {
    if (!laterBars.delete(host)) return;
    host.removeAttribute(LATER_ATTR);
    const info = episodeInfo.get(host);
    if (info) renderEpisode(info, env.player.playable());
  }

  /** Builds a source host's controls (again, if its source changed) and shows its state. */
  function fill(host: HTMLElement): void {
    const info = sourceInfo.get(host);
    if (!info || stopped) return;
    if (filled.get(host) !== info.source) {
      fillSource(host, info.source, !info.inText, env.adoptStyles);
      filled.set(host, info.source);
    }
    renderSource(info);
  }

  function renderSource(info: SourceInfo): void {
    const root = rootOf(info.host);
    if (root && filled.has(info.host)) each('decorateSource', (d) => d(info, root));
  }

  function renderEpisode(info: EpisodeInfo, playable: ReadonlySet<string>): void {
    const root = rootOf(info.host);
    // A hidden bar shows its state when it is shown: rendering 600 of them on every answer was
    // a 50 ms task on a big list.
    if (!root || filled.get(info.host) !== true || laterBars.has(info.host)) return;
    each('decorateEpisode', (d) => d(info, root, playable));
  }

  /** Shows every state on every filled host. */
  function render(): void {
    if (stopped) return;
    for (const host of sourceHosts) {
      const info = sourceInfo.get(host);
      if (info) renderSource(info);
    }
    const playable = env.player.playable();
    for (const info of episodes) renderEpisode(info, playable);
    each('rendered', (r) => r());
  }

  /** Renders soon, once for all answers meanwhile: a render per answer was quadratic. */
  function renderSoon(): void {
    if (renderTimer !== undefined || stopped) return;
    renderTimer = setTimeout(() => {
      renderTimer = undefined;
      render();
    }, 30);
  }

  /** A click in a host's root: Citecast's alone (never a page link's); a registered action runs. */
  function onClick(event: Event, host: HTMLElement): void {
    event.preventDefault();
    event.stopPropagation();
    // Only the user's own clicks: a page script can dispatch a click on the host itself.
    if (stopped || !env.isTrusted(event)) return;
    const target = event.composedPath()[0];
    const button = target instanceof Element ? target.closest<HTMLElement>('[data-action]') : null;
    if (!button || (button as HTMLButtonElement).disabled) return;
    const action = button.getAttribute('data-action') ?? '';
    const source = sourceInfo.get(host);
    const episode = episodeInfo.get(host);
    if (source) sourceActions.get(action)?.(source, button);
    else if (episode) episodeActions.get(action)?.(episode, button);
  }

  const listening = new WeakSet<HTMLElement>();
  function listen(host: HTMLElement): void {
    if (listening.has(host)) return;
    listening.add(host);
    // On the root: outside a closed root, an event's path no longer shows which button it hit.
    rootOf(host)?.addEventListener('click', (event) => onClick(event, host));
    // Some pages follow links on mousedown/pointerdown; those never reach them from Citecast.
    host.addEventListener('mousedown', stopEvent);
    host.addEventListener('pointerdown', stopEvent);
  }

  const stopChanges = env.onStoreChanged((change) => {
    if (!stopped) each('storeChanged', (s) => s(change));
  });

  function begin(lazy: boolean): void {
    pass = {
      lazy: lazy && near.lazy,
      claimed: new Set(),
      placed: new Map(),
      playable: env.player.playable(),
    };
  }

  /**
   * Places `read` (as the features present it: arXiv's resolved titles carry their id) and files
   * each under its episode as read, which `end` orders by. Episodes `onScreen` get their controls
   * at once; others, on a lazy pass, when they come near the viewport.
   */
  function place(read: readonly FoundEpisode[], onScreen = false): void {
    if (stopped) return;
    // After a pass: an episode that waited is placed into what that pass placed.
    const late = pass === null;
    const current = pass ?? {
      lazy: false,
      claimed: new Set<Element>(),
      placed: settled,
      playable: env.player.playable(),
    };
    const lazy = current.lazy && !onScreen;
    let shown = [...read];
    each('present', (p) => (shown = p(shown)));
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
    const fresh: EpisodeInfo[] = [];
    for (const placed of placement.episodes) {
      const e = placed.episode;
      const asRead = readOf.get(e) ?? e;
      const info = episodeInfoFor(
        e,
        placed.host,
        episodeInfo.get(placed.host) ?? waiting.get(asRead),
      );
      episodeInfo.set(placed.host, info);
      fresh.push(info);
      for (const p of placed.sources) {
        const source = sourceInfoFor(p.source, p.host, p.inText, info);
        info.sources.push(source);
        sourceInfo.set(p.host, source);
      }
      const hosts = placed.sources.map((p) => p.host);
      current.placed.set(asRead, { info, hosts });
      waiting.delete(asRead);
      const later: HTMLElement[] = [];
      for (const host of hosts) {
        listen(host);
        if (filled.get(host) === sourceInfo.get(host)?.source) continue;
        if (!lazy || filled.has(host)) fill(host);
        else later.push(host);
      }
      // On a big list an off-screen bar is built hidden (see laterBars) when the watcher has the
      // episode's own text to watch: a hidden host has no box, so it can never be the target.
      // One still hidden from an earlier pass waits again, or shows now.
      const roots = e.location?.map?.roots.filter((r) => r.isConnected) ?? [];
      const barMayWait = lazy && roots.length > 0;
      if (barMayWait && filled.get(placed.host) !== true) {
        placed.host.setAttribute(LATER_ATTR, '');
        laterBars.add(placed.host);
      }
      const barWaits = laterBars.has(placed.host) && barMayWait;
      if (laterBars.has(placed.host) && !barMayWait) revealBar(placed.host);
      if (later.length > 0 || barWaits) {
        near.whenNear(roots.length > 0 ? roots : [placed.host], () => {
          later.forEach(fill);
          if (barWaits) revealBar(placed.host);
        });
      }
      if (!late) {
        episodes.push(info);
        sourceHosts.push(...hosts);
      }
    }
    if (late) putInOrder(current.placed);
    for (const info of fresh) {
      listen(info.host);
      if (filled.get(info.host) !== true) {
        fillEpisode(info.host, env.adoptStyles);
        filled.set(info.host, true);
      }
    }
    for (const info of fresh) info.sources.forEach(renderSource);
    for (const info of fresh) renderEpisode(info, current.playable);
    each('placed', (p) => p(fresh));
    if (late) {
      hooks.afterWrites?.();
      each('rendered', (r) => r());
    }
  }

  /** Puts the placed episodes and their source hosts (for `j`/`k`) in the last read's order. */
  function putInOrder(placed: ReadonlyMap<FoundEpisode, Placed>): void {
    const ordered = lastRead.flatMap((e) => placed.get(e) ?? []);
    episodes = ordered.map((p) => p.info);
    sourceHosts = ordered.flatMap((p) => p.hosts);
    allEpisodes = lastRead.flatMap((e) => placed.get(e)?.info ?? waiting.get(e) ?? []);
  }

  /**
   * Lets the episodes of `found` this pass did not place wait for their blocks to come near the
   * viewport (a big list), each then placed with its controls.
   */
  function waitForNear(found: readonly FoundEpisode[], placed: ReadonlyMap<FoundEpisode, Placed>) {
    for (const e of found) {
      const block = e.location?.element;
      if (placed.has(e) || !block?.isConnected) continue;
      waiting.set(e, episodeEntryFor(e));
      placeNear.whenNear([block], () => cameNear(e));
    }
  }

  /** Episodes that came near, to be placed once the page stops scrolling. */
  const due: FoundEpisode[] = [];

  /**
   * Places the episodes that came near once the page holds still for a frame, those still near
   * then; the others wait again. A jump (End, a link far down) scrolls through the list in an
   * animation: placing what it passed would cost the page, and grow it above the place the
   * animation is heading to, which then leaves the reader short of it.
   */
  function placeDue(): void {
    const view = document.defaultView;
    if (!view) return;
    let y = view.scrollY;
    const check = () => {
      if (stopped) return;
      if (view.scrollY !== y) {
        y = view.scrollY;
        view.requestAnimationFrame(check);
        return;
      }
      const list = due.splice(0).filter((e) => waiting.has(e));
      if (list.length === 0 || pass) return;
      const height = view.innerHeight;
      const near: FoundEpisode[] = [];
      for (const e of list) {
        const block = e.location!.element;
        const box = block.getBoundingClientRect();
        if (box.bottom > -PLACE_MARGIN_PX && box.top < height + PLACE_MARGIN_PX) near.push(e);
        else placeNear.whenNear([block], () => cameNear(e));
      }
      if (near.length === 0) return;
      // At the end of the page (End): the episodes placed above grow the page, and the reader
      // stays at its end rather than being left short of it.
      const root = document.scrollingElement;
      const atEnd = !!root && y > 0 && y + height >= root.scrollHeight - 2;
      place(near, true);
      if (atEnd) view.scrollTo(0, root.scrollHeight);
    };
    view.requestAnimationFrame(check);
  }

  /** An episode that waits came near: placed with the others once the page holds still. */
  function cameNear(e: FoundEpisode): void {
    if (due.push(e) === 1) queueMicrotask(placeDue);
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
    // What waits for blocks (and bars) the page or this pass removed is let go.
    near.forgetRemoved();
    for (const host of laterBars) if (!host.isConnected) laterBars.delete(host);
    settled = current.placed;
    if (current.lazy) waitForNear(found, current.placed);
    putInOrder(current.placed);
    // A big list renders in a task of its own, so the pass's last slice stays short.
    if (current.lazy) renderSoon();
    else render();
    each('ended', (e) => e(allEpisodes, current.lazy));
  }

  /** See {@link Annotator.reach}. */
  function reach(from: HTMLElement | null, step: 1 | -1, to?: HTMLElement | null): boolean {
    if (stopped || pass || waiting.size === 0) return false;
    const info = from ? sourceInfo.get(from)?.episode : undefined;
    // A move within the episode needs nothing placed.
    if (info && to && to !== from && sourceInfo.get(to)?.episode === info) return false;
    let at = info ? lastRead.findIndex((e) => settled.get(e)?.info === info) : -1;
    if (info && at < 0) return false;
    if (!info) at = step > 0 ? -1 : lastRead.length;
    // The next episode that has sources: one with none gets nothing to move to.
    for (let i = at + step; i >= 0 && i < lastRead.length; i += step) {
      const e = lastRead[i]!;
      if (e.sources.length === 0) continue;
      if (!waiting.has(e)) return false;
      place([e], true);
      return true;
    }
    return false;
  }

  /** Places every episode of a read at once (a small page, or a re-read). */
  function update(read: FoundEpisode[]): void {
    start(read.reduce((n, e) => n + e.sources.length, 0) > EAGER_SOURCES);
    place(read);
    end(read);
  }

  function start(lazy: boolean): void {
    begin(lazy);
    episodes = [];
    sourceHosts = [];
    // A new read decides anew what waits.
    placeNear.forgetAll();
    waiting.clear();
  }

  return {
    update,
    begin: start,
    add: (batch, onScreen = false) => place(batch, onScreen),
    end,
    sourceHosts: () => sourceHosts,
    reach,
    perform(action, host) {
      if (stopped) return false;
      const source = host ? sourceInfo.get(host) : undefined;
      if (host && source) fill(host);
      const episode = source?.episode ?? (episodes.length === 1 ? episodes[0]! : null);
      return keyActions.get(action)?.(source ?? null, episode) ?? false;
    },
    closePanels: () => bars.closePanels(),
    stop() {
      if (renderTimer !== undefined) clearTimeout(renderTimer);
      bars.stop();
      stopped = true;
      each('stop', (s) => s());
      near.stop();
      placeNear.stop();
      waiting.clear();
      laterBars.clear();
      stopChanges();
      for (const tag of [SOURCE_TAG, EPISODE_TAG]) {
        for (const el of Array.from(document.getElementsByTagName(tag))) el.remove();
      }
    },
  };
}

function stopEvent(event: Event): void {
  event.stopPropagation();
}
