import { describe, expect, it } from 'vitest';
import {
  PlaybackTracker,
  type MediaSnapshot,
  type ProgressReport,
  type TrackedEvent,
} from '@/lib/playback/tracker';

/**
 * A synthetic media element: plays at `rate` in wall time, fires events into a tracker the way
 * a browser does (timeupdate every 250 ms of wall time while playing), and collects the reports.
 */
class FakeMedia {
  currentTime = 0;
  paused = true;
  seeking = false;
  playbackRate = 1;
  wall = 0;
  reports: ProgressReport[] = [];

  constructor(
    readonly tracker: PlaybackTracker,
    public duration = 600,
  ) {}

  snapshot(): MediaSnapshot {
    return {
      currentTime: this.currentTime,
      duration: this.duration,
      paused: this.paused,
      playbackRate: this.playbackRate,
      seeking: this.seeking,
    };
  }

  fire(event: TrackedEvent): void {
    const report = this.tracker.handle(event, this.snapshot(), this.wall);
    if (report) this.reports.push(report);
  }

  play(): void {
    this.paused = false;
    this.fire('play');
    this.fire('playing');
  }

  pause(): void {
    this.paused = true;
    this.fire('pause');
  }

  setRate(rate: number): void {
    this.playbackRate = rate;
    this.fire('ratechange');
  }

  /** Plays for `ms` of wall time in 250 ms ticks; stops at the end (firing pause and ended). */
  run(ms: number): void {
    for (let t = 0; t < ms; t += 250) {
      this.wall += 250;
      if (this.paused) continue;
      this.currentTime = Math.min(this.duration, this.currentTime + 0.25 * this.playbackRate);
      this.fire('timeupdate');
      if (this.currentTime >= this.duration) {
        this.paused = true;
        this.fire('pause');
        this.fire('ended');
        return;
      }
    }
  }

  /** As {@link run}, but the last step's timeupdate already reads paused, as in Chromium. */
  runToEndLikeChromium(ms: number): void {
    for (let t = 0; t < ms; t += 250) {
      this.wall += 250;
      if (this.paused) continue;
      this.currentTime = Math.min(this.duration, this.currentTime + 0.25 * this.playbackRate);
      if (this.currentTime >= this.duration) {
        this.paused = true;
        this.fire('timeupdate');
        this.fire('pause');
        this.fire('ended');
        return;
      }
      this.fire('timeupdate');
    }
  }

  seek(to: number): void {
    this.seeking = true;
    this.currentTime = to;
    this.fire('seeking');
    this.wall += 30;
    this.seeking = false;
    this.fire('seeked');
    if (!this.paused) this.fire('timeupdate');
  }

  /** Sum of `playedSince` over every report. */
  reported(): number {
    return this.reports.reduce((n, r) => n + r.playedSince, 0);
  }
}

describe('PlaybackTracker', () => {
  it('counts media seconds played at normal speed and reports at most every 5 s of wall time', () => {
    const media = new FakeMedia(new PlaybackTracker());
    media.play();
    media.run(20_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(20, 5);
    // 20 s of wall time: reports at 5, 10, 15, 20 s (the last one on the tick or the pause).
    expect(media.reports.length).toBeGreaterThanOrEqual(4);
    expect(media.reports.length).toBeLessThanOrEqual(5);
    expect(media.reports.at(-1)!.position).toBeCloseTo(20, 5);
    expect(media.reports.at(-1)!.duration).toBe(600);
  });

  it('a seek to the end alone counts nothing', () => {
    const media = new FakeMedia(new PlaybackTracker(), 300);
    media.seek(300);
    media.play();
    media.fire('timeupdate');
    media.paused = true;
    media.fire('pause');
    media.fire('ended');
    expect(media.tracker.playedSeconds).toBe(0);
    expect(media.reported()).toBe(0);
    // The position is still saved, so the episode shows in progress there.
    expect(media.reports.at(-1)!.position).toBe(300);
  });

  it('a seek while playing never counts the jump', () => {
    const media = new FakeMedia(new PlaybackTracker(), 3600);
    media.play();
    media.run(10_000);
    media.seek(3000);
    media.run(10_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(20, 5);
    expect(media.reports.at(-1)!.position).toBeCloseTo(3010, 5);
  });

  it('a jump with no seeking event counts no more than the wall time allows', () => {
    const media = new FakeMedia(new PlaybackTracker(), 3600);
    media.play();
    media.run(5_000);
    media.wall += 250;
    media.currentTime += 1000;
    media.fire('timeupdate');
    media.run(5_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(10, 5);
  });

  it('at 16× counts the media time, not the wall time', () => {
    const media = new FakeMedia(new PlaybackTracker(), 120);
    media.setRate(16);
    media.play();
    media.run(4_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(64, 5);
  });

  it('counts a rate change in the middle at each rate', () => {
    const media = new FakeMedia(new PlaybackTracker(), 600);
    media.play();
    media.run(4_000);
    media.setRate(4);
    media.run(4_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(4 + 16, 5);
  });

  it('plays through to the end at 16× and reports the whole length on ended', () => {
    const media = new FakeMedia(new PlaybackTracker(), 20);
    media.setRate(16);
    media.play();
    media.run(10_000);
    expect(media.paused).toBe(true);
    expect(media.reported()).toBeCloseTo(20, 5);
    expect(media.reports.at(-1)!.position).toBe(20);
  });

  it('counts the last step when the final timeupdate already reads paused (Chromium at the end)', () => {
    const media = new FakeMedia(new PlaybackTracker(), 30);
    media.setRate(16);
    media.play();
    media.runToEndLikeChromium(10_000);
    expect(media.paused).toBe(true);
    expect(media.reported()).toBeCloseTo(30, 5);
  });

  it('seeking back and replaying counts the replayed part again', () => {
    const media = new FakeMedia(new PlaybackTracker(), 600);
    media.play();
    media.run(10_000);
    media.seek(0);
    media.run(10_000);
    media.pause();
    expect(media.reported()).toBeCloseTo(20, 5);
    expect(media.reports.at(-1)!.position).toBeCloseTo(10, 5);
  });

  it('a pause stops counting: time passing while paused is not played', () => {
    const media = new FakeMedia(new PlaybackTracker(), 600);
    media.play();
    media.run(3_000);
    media.pause();
    media.run(60_000);
    media.play();
    media.run(2_000);
    media.fire('pagehide');
    expect(media.reported()).toBeCloseTo(5, 5);
  });

  it('page hide reports what was played since the last report', () => {
    const media = new FakeMedia(new PlaybackTracker(), 600);
    media.play();
    media.run(2_000);
    expect(media.reports).toHaveLength(1);
    expect(media.reports[0]!.playedSince).toBeCloseTo(0.25, 5);
    media.fire('pagehide');
    expect(media.reports).toHaveLength(2);
    expect(media.reported()).toBeCloseTo(2, 5);
    media.fire('pagehide');
    expect(media.reports).toHaveLength(2);
  });

  it('several elements keep their own accounts', () => {
    const a = new FakeMedia(new PlaybackTracker(), 600);
    const b = new FakeMedia(new PlaybackTracker(), 600);
    a.play();
    b.setRate(2);
    b.play();
    for (let i = 0; i < 10; i++) {
      a.run(1_000);
      b.wall = a.wall - 1_000;
      b.run(1_000);
      if (i === 4) b.seek(500);
    }
    a.pause();
    b.pause();
    expect(a.reported()).toBeCloseTo(10, 5);
    expect(b.reported()).toBeCloseTo(20, 5);
    expect(b.reports.at(-1)!.position).toBeCloseTo(510, 5);
  });

  it('a seek while paused saves the position once, not for every step of a drag', () => {
    const media = new FakeMedia(new PlaybackTracker(), 600);
    for (let i = 1; i <= 10; i++) media.seek(i * 10);
    expect(media.reports).toHaveLength(1);
    expect(media.tracker.hasUnsent(media.snapshot())).toBe(true);
    const last = media.tracker.flush(media.snapshot(), media.wall);
    expect(last).toEqual({ position: 100, duration: 600, playedSince: 0 });
    expect(media.tracker.flush(media.snapshot(), media.wall)).toBeNull();
  });

  it('an unknown or too short length is reported as null', () => {
    const media = new FakeMedia(new PlaybackTracker(), Number.NaN);
    media.play();
    media.run(1_000);
    media.pause();
    expect(media.reports.at(-1)!.duration).toBeNull();
    media.duration = Infinity;
    media.play();
    media.run(500);
    media.pause();
    expect(media.reports.at(-1)!.duration).toBeNull();
  });

  it('counts only media time inside the element’s own played ranges', () => {
    const tracker = new PlaybackTracker();
    const at = (currentTime: number, played: [number, number][]): MediaSnapshot => ({
      currentTime,
      duration: 600,
      paused: false,
      played,
    });
    tracker.handle('playing', at(10, [[10, 10]]), 0);
    // Two wall seconds: the element says it played 10-12, then 12-13 only (14 arrived otherwise).
    tracker.handle('timeupdate', at(12, [[10, 12]]), 2_000);
    tracker.handle('timeupdate', at(14, [[10, 13]]), 4_000);
    expect(tracker.playedSeconds).toBeCloseTo(3, 5);
  });
});
