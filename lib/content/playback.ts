/**
 * Playback tracking on the page: every `<audio>` and `<video>` in the document, also
 * those added later, is followed through capture listeners on the document (media events do not
 * bubble, but they do pass the capture phase), so there is one listener per event type whatever
 * the number of elements, and nothing to add when the page adds a player. Each element gets a
 * pure {@link PlaybackTracker}; its reports go to the background as `recordProgress`.
 *
 * An element is tied to an episode by its audio address (the show's mp3 stem), else by the
 * episode block holding it, else by the page's only episode. The episode bars ask this module
 * whether they can resume ({@link playableKeys}, {@link resumeEpisode}) and what is playing when a
 * paper is saved ({@link playingMoment}). Everything stops when `ctx` is invalidated.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { ask } from '@/lib/protocol/client';
import { LIMITS } from '@/lib/core/limits';
import { momentFromHash } from '@/lib/playback/moment';
import {
  PlaybackTracker,
  TRACKED_EVENTS,
  type MediaSnapshot,
  type ProgressReport,
  type TrackedEvent,
} from '@/lib/playback/tracker';
import type { SavedMoment } from '@/lib/store/schema';
import { episodeKey } from '@/lib/core/keys';

/** How long after a seek while paused the position is saved, if nothing else saved it. */
const TRAILING_SAVE_MS = 1_200;

/** What the watcher keeps per media element. */
interface Tracked {
  tracker: PlaybackTracker;
  /** The source address the key was worked out from. */
  src: string;
  key: string | null;
}

/** An episode of the page, as the mapping needs it. */
interface PageEpisode {
  key: string;
  element: Element | null;
}

/** The one live watcher of this page (the content script starts one). */
let active: {
  elements: () => HTMLMediaElement[];
  keyOf: (media: HTMLMediaElement) => string | null;
} | null = null;

/** The address an element plays: `currentSrc`, `src`, or its first `<source src>`. */
function mediaSrc(media: HTMLMediaElement): string {
  if (media.currentSrc) return media.currentSrc;
  if (media.src) return media.src;
  const source = media.querySelector('source[src]') as HTMLSourceElement | null;
  return source?.src ?? '';
}

/** What the tracker reads of an element, its `played` ranges included. */
function snapshot(media: HTMLMediaElement): MediaSnapshot {
  const played: [number, number][] = [];
  for (let i = 0; i < media.played.length; i++) {
    played.push([media.played.start(i), media.played.end(i)]);
  }
  return {
    currentTime: media.currentTime,
    duration: media.duration,
    paused: media.paused,
    playbackRate: media.playbackRate,
    seeking: media.seeking,
    played,
  };
}

/** Whether `target` is a media element (also one from another frame's realm). */
function isMedia(target: EventTarget | null): target is HTMLMediaElement {
  const el = target as Element | null;
  return !!el && el.nodeType === 1 && (el.localName === 'audio' || el.localName === 'video');
}

/** A report within what `recordProgress` accepts. */
function bounded(report: ProgressReport): ProgressReport {
  const clamp = (n: number) => Math.min(Math.max(n, 0), LIMITS.seconds);
  return {
    position: clamp(report.position),
    duration: report.duration === null ? null : clamp(report.duration),
    playedSince: clamp(report.playedSince),
  };
}

/** The page's media elements that play an episode the page knows, with their episode. */
function connectedMedia(): HTMLMediaElement[] {
  return Array.from(document.querySelectorAll('audio, video')) as HTMLMediaElement[];
}

/**
 * Starts watching the page's media for `ctx`. Returns `update`, which the page read calls with
 * what it found (the episodes an element may belong to).
 */
export function startPlayback(ctx: ContentScriptContext): {
  update(found: readonly FoundEpisode[]): void;
} {
  const tracked = new Map<HTMLMediaElement, Tracked>();
  let episodes: PageEpisode[] = [];
  /** Sends per episode, in order (a position must never be overtaken by an older one). */
  const queues = new Map<string, Promise<void>>();
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let warned = false;
  let hashApplied = false;

  function keyOf(media: HTMLMediaElement): string | null {
    const src = mediaSrc(media);
    const fromSrc = src ? episodeKey({ audioUrl: src }) : null;
    if (fromSrc) return fromSrc;
    const holder = episodes.find((e) => e.element?.contains(media));
    if (holder) return holder.key;
    return episodes.length === 1 ? episodes[0]!.key : null;
  }

  function entry(media: HTMLMediaElement): Tracked {
    const src = mediaSrc(media);
    let t = tracked.get(media);
    if (!t || t.src !== src || t.key === null) {
      // A player that swapped its source starts a new count: the old one's unsent seconds (at
      // most one save interval) are dropped rather than counted for the new episode.
      const tracker = t && t.src === src ? t.tracker : new PlaybackTracker();
      t = { tracker, src, key: keyOf(media) };
      tracked.set(media, t);
    }
    return t;
  }

  function send(key: string, report: ProgressReport): void {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      const reply = await ask('recordProgress', { episodeKey: key, ...bounded(report) });
      if (!reply.ok && !warned) {
        warned = true;
        console.warn(`Citecast: the listening log was not updated: ${reply.error.message}`);
      }
    });
    queues.set(key, next);
    void next.finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  }

  function scheduleTrailing(): void {
    if (trailing !== undefined) clearTimeout(trailing);
    // A plain timer, cleared on invalidation (WXT's ctx.setTimeout leaves a listener per call).
    trailing = setTimeout(() => {
      trailing = undefined;
      flushAll(false);
    }, TRAILING_SAVE_MS);
  }

  function onMediaEvent(event: Event): void {
    // Only the browser's own media events: a page script can dispatch any of them.
    if (!ctx.isValid || !event.isTrusted) return;
    const media = event.target;
    if (!isMedia(media)) return;
    const t = entry(media);
    const report = t.tracker.handle(event.type as TrackedEvent, snapshot(media), performance.now());
    if (t.key === null) return;
    if (report) send(t.key, report);
    else if (event.type === 'seeked' && t.tracker.hasUnsent(snapshot(media))) scheduleTrailing();
  }

  /** Reports what every element played and has not reported (`hide`: the page is going away). */
  function flushAll(hide: boolean): void {
    const now = performance.now();
    for (const [media, t] of tracked) {
      const report = hide
        ? t.tracker.handle('pagehide', snapshot(media), now)
        : t.tracker.flush(snapshot(media), now);
      if (report && t.key !== null) send(t.key, report);
      if (!media.isConnected && media.paused) tracked.delete(media);
    }
  }

  for (const type of TRACKED_EVENTS) {
    ctx.addEventListener(document, type, onMediaEvent, { capture: true });
  }
  ctx.addEventListener(window, 'pagehide', (event) => {
    if (event.isTrusted) flushAll(true);
  });
  ctx.addEventListener(document, 'visibilitychange', (event) => {
    if (event.isTrusted && document.visibilityState === 'hidden') flushAll(true);
  });

  active = {
    elements: () => connectedMedia(),
    keyOf: (media) => entry(media).key,
  };
  ctx.onInvalidated(() => {
    if (trailing !== undefined) clearTimeout(trailing);
    active = null;
    tracked.clear();
  });

  /** `#t=754` on the page address: the page's player starts there (a library link, momentLink). */
  function applyHashMoment(): void {
    if (hashApplied) return;
    const seconds = momentFromHash(location.hash);
    if (seconds === null) return;
    const candidates = connectedMedia().filter((m) => keyOf(m) !== null);
    if (candidates.length === 0) return;
    hashApplied = true;
    if (candidates.length === 1) candidates[0]!.currentTime = seconds;
  }

  return {
    update(found) {
      episodes = found.flatMap((e) => {
        const key = episodeKey({
          audioUrl: e.audioUrl,
          visualizationUrl: e.visualizationUrl,
          title: e.title,
        });
        return key ? [{ key, element: e.location?.element ?? null }] : [];
      });
      // Elements tied to nothing so far may belong to an episode the page shows now.
      for (const [media, t] of tracked) if (t.key === null) t.key = keyOf(media);
      applyHashMoment();
    },
  };
}

/** The media element on this page that plays episode `key` (a playing one first), or `null`. */
function mediaFor(key: string): HTMLMediaElement | null {
  if (!active) return null;
  const all = active.elements().filter((m) => active!.keyOf(m) === key);
  return all.find((m) => !m.paused) ?? all[0] ?? null;
}

/** The episodes this page has a player for (their bars offer to resume). */
export function playableKeys(): Set<string> {
  const keys = new Set<string>();
  if (!active) return keys;
  for (const media of active.elements()) {
    const key = active.keyOf(media);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * Plays episode `key` on this page from `position` seconds. Whether there was a player; the
 * browser may still refuse to play without a click, which the caller's click provides.
 */
export function resumeEpisode(key: string, position: number): boolean {
  const media = key ? mediaFor(key) : null;
  if (!media) return false;
  media.currentTime = position;
  media.play().catch((error: unknown) => {
    console.warn('Citecast: the page’s player would not play', error);
  });
  return true;
}

/** The episode playing on this page and its position (whole seconds), or `null` when none plays. */
export function playingMoment(): SavedMoment | null {
  if (!active) return null;
  for (const media of active.elements()) {
    if (media.paused || media.ended) continue;
    const key = active.keyOf(media);
    if (key) return { episodeKey: key, position: Math.floor(media.currentTime) };
  }
  return null;
}
