/**
 * The played-seconds accountant of one media element: fed the element's events with a
 * snapshot of its state and the wall-clock time, it counts the media seconds that really advanced
 * while the element was playing, at any playback rate, and never a seek's jump. It decides when a
 * report is due (throttled while playing; at once on pause, end and page hide), so the content
 * script sends few messages. Pure: no DOM, no timers, no clock of its own, so tests drive it with
 * synthetic event sequences.
 *
 * Why wall time at all: a jump of `currentTime` that no `seeking` event announced (a player that
 * swaps its `src`, a buggy custom player) must not count as listening either, so a step forward is
 * counted only up to what the elapsed wall time at the current rate allows.
 */

/** The media events the tracker understands (the rest can be ignored by the caller). */
export const TRACKED_EVENTS = [
  'play',
  'playing',
  'pause',
  'timeupdate',
  'seeking',
  'seeked',
  'ratechange',
  'ended',
  'emptied',
  'durationchange',
] as const;

/** One of {@link TRACKED_EVENTS}, or the page being hidden (`pagehide`, `visibilitychange`). */
export type TrackedEvent = (typeof TRACKED_EVENTS)[number] | 'pagehide';

/** What the tracker reads of the element at each event. */
export interface MediaSnapshot {
  /** `currentTime`, seconds. */
  currentTime: number;
  /** `duration`, seconds (`NaN` or `Infinity` while unknown or for a stream). */
  duration: number;
  paused: boolean;
  /** `playbackRate` (1 when missing). */
  playbackRate?: number;
  /** Whether the element is seeking right now. */
  seeking?: boolean;
  /**
   * The element's own `played` ranges, `[start, end]` in seconds; when given, only media time
   * inside them counts (what the browser itself saw play, whatever events arrived).
   */
  played?: readonly (readonly [number, number])[];
}

/** Seconds of `[from, to]` inside `ranges`. */
function overlap(from: number, to: number, ranges: readonly (readonly [number, number])[]): number {
  let inside = 0;
  for (const [start, end] of ranges)
    inside += Math.max(0, Math.min(to, end) - Math.max(from, start));
  return inside;
}

/** A report to send: what `recordProgress` takes. */
export interface ProgressReport {
  /** Playback position, seconds. */
  position: number;
  /** Length, seconds, when the element knows it. */
  duration: number | null;
  /** Media seconds really played since the previous report. */
  playedSince: number;
}

/** How the tracker throttles. */
export interface TrackerOptions {
  /** Wall-clock ms between reports while playing (default 5 s). */
  saveEveryMs?: number;
  /** Wall-clock ms a position change without playing (a seek while paused) waits (default 1 s). */
  seekSaveMs?: number;
}

/** Default wall-clock time between reports while playing. */
export const SAVE_EVERY_MS = 5_000;

/** Slack on the wall-clock bound of one step: timers and event delivery are late by that much. */
const STEP_SLACK_S = 1;
/** Factor on the wall-clock bound (rate changes inside a step, clock granularity). */
const STEP_FACTOR = 1.5;

/** A finite length of a second or more (what `recordProgress` takes), else `null`. */
function knownDuration(duration: number): number | null {
  return Number.isFinite(duration) && duration >= 1 ? duration : null;
}

/** A finite, non-negative time, else 0. */
function finiteTime(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The played-seconds accountant of one media element; see the module comment. */
export class PlaybackTracker {
  private readonly saveEveryMs: number;
  private readonly seekSaveMs: number;
  /** Media time at the last observation while playing; `null` when not counting. */
  private lastMedia: number | null = null;
  /** Wall time of that observation. */
  private lastWall = 0;
  private rate = 1;
  /** Seconds counted and not reported yet. */
  private pending = 0;
  /** Wall time of the last report (`-Infinity` before the first). */
  private lastReportWall = -Infinity;
  /** Position of the last report, to tell whether a new one says anything. */
  private lastReportPosition: number | null = null;
  private seeking = false;
  /** Every media second counted since the tracker started (for tests and the bench). */
  private total = 0;

  constructor(options: TrackerOptions = {}) {
    this.saveEveryMs = options.saveEveryMs ?? SAVE_EVERY_MS;
    this.seekSaveMs = options.seekSaveMs ?? 1_000;
  }

  /** Every media second counted as played so far (reported or not). */
  get playedSeconds(): number {
    return this.total;
  }

  /** Whether something was counted or moved that no report carried yet. */
  hasUnsent(media: MediaSnapshot): boolean {
    return this.pending > 0 || this.positionChanged(media);
  }

  /**
   * Feeds one event with the element's state at that moment and the wall time (ms). Returns a
   * report when one is due, else `null`.
   */
  handle(event: TrackedEvent, media: MediaSnapshot, wallMs: number): ProgressReport | null {
    switch (event) {
      case 'play':
      case 'playing':
        if (!media.paused && !this.seeking) this.startCounting(media, wallMs);
        return null;
      case 'timeupdate':
        if (this.seeking || media.seeking) return null;
        if (media.paused) {
          // The last step before a stop (at the end, Chromium's last timeupdate already reads
          // paused): the media advanced up to here while playing.
          if (this.lastMedia !== null) this.advance(media, wallMs);
          this.lastMedia = null;
          return null;
        }
        if (this.lastMedia === null) {
          this.startCounting(media, wallMs);
          return null;
        }
        this.advance(media, wallMs);
        return wallMs - this.lastReportWall >= this.saveEveryMs ? this.report(media, wallMs) : null;
      case 'ratechange':
        // The step so far ran at the old rate; the next one at the new.
        if (this.lastMedia !== null) this.advance(media, wallMs);
        this.rate = media.playbackRate ?? 1;
        return null;
      case 'seeking':
        // `currentTime` is already the target: count up to nothing, start again after the seek.
        this.seeking = true;
        this.lastMedia = null;
        return null;
      case 'seeked':
        this.seeking = false;
        if (!media.paused) {
          this.startCounting(media, wallMs);
          return wallMs - this.lastReportWall >= this.saveEveryMs
            ? this.report(media, wallMs)
            : null;
        }
        this.lastMedia = null;
        // A seek while paused moves the position: saved, but not for every step of a drag.
        return wallMs - this.lastReportWall >= this.seekSaveMs ? this.report(media, wallMs) : null;
      case 'pause':
      case 'ended':
        if (this.lastMedia !== null && !this.seeking) this.advance(media, wallMs);
        this.lastMedia = null;
        return this.hasUnsent(media) ? this.report(media, wallMs) : null;
      case 'pagehide':
        if (this.lastMedia !== null && !this.seeking) this.advance(media, wallMs);
        return this.hasUnsent(media) ? this.report(media, wallMs) : null;
      case 'emptied':
        // A new source: nothing of the old one's position carries over.
        this.lastMedia = null;
        this.seeking = false;
        return null;
      case 'durationchange':
        return null;
    }
  }

  /** A report of whatever is unsent (a trailing save after a seek), or `null` when nothing is. */
  flush(media: MediaSnapshot, wallMs: number): ProgressReport | null {
    return this.hasUnsent(media) ? this.report(media, wallMs) : null;
  }

  private startCounting(media: MediaSnapshot, wallMs: number): void {
    this.lastMedia = finiteTime(media.currentTime);
    this.lastWall = wallMs;
    this.rate = media.playbackRate ?? 1;
  }

  /** Counts the media time from the last observation to now, if it is plausible playing. */
  private advance(media: MediaSnapshot, wallMs: number): void {
    const now = finiteTime(media.currentTime);
    const last = this.lastMedia;
    const wall = Math.max(0, wallMs - this.lastWall) / 1000;
    this.lastMedia = now;
    this.lastWall = wallMs;
    if (last === null) return;
    const step = now - last;
    if (step <= 0) return;
    // Playing at rate r advances about r media seconds per wall second; more is a jump.
    const bound = wall * Math.max(this.rate, media.playbackRate ?? 1, 0) * STEP_FACTOR;
    if (step > bound + STEP_SLACK_S) return;
    const counted = media.played ? Math.min(step, overlap(last, now, media.played)) : step;
    this.pending += counted;
    this.total += counted;
  }

  private positionChanged(media: MediaSnapshot): boolean {
    const position = finiteTime(media.currentTime);
    return this.lastReportPosition === null
      ? position > 0
      : Math.abs(position - this.lastReportPosition) >= 0.5;
  }

  private report(media: MediaSnapshot, wallMs: number): ProgressReport {
    const position = finiteTime(media.currentTime);
    const report: ProgressReport = {
      position,
      duration: knownDuration(media.duration),
      playedSince: this.pending,
    };
    this.pending = 0;
    this.lastReportWall = wallMs;
    this.lastReportPosition = position;
    return report;
  }
}
