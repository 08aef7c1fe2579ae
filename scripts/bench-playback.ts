/**
 * `npm run bench`: the cost of playback tracking. The content script's work per media
 * event is: find the element's entry, read a snapshot of the element, feed the tracker, and on a
 * due report build the `recordProgress` payload. This drives exactly that work (the pure tracker
 * from lib/playback/tracker.ts, the same snapshot and payload shapes) with a realistic stream for
 * one minute of playback: play, 4 timeupdates per second (Chromium fires about that many), a
 * seek, a rate change, pause; the reports throttled to one per 5 s of wall time. Side by side with
 * a baseline: the same stream into a handler that only reads the snapshot. The browser's own event
 * dispatch and the message round trip are not in either figure (the page pays the dispatch for
 * its own player's listeners anyway; a report goes out every 5 s).
 */
import { PlaybackTracker, type MediaSnapshot, type TrackedEvent } from '@/lib/playback/tracker';

/** One event of the stream: its type, the element's state and the wall time (ms). */
interface StreamEvent {
  type: TrackedEvent;
  media: MediaSnapshot;
  wallMs: number;
}

/** A minute of playback as events: 4 timeupdates per wall second at 1×, a seek and a rate change. */
function minuteOfPlayback(): StreamEvent[] {
  const events: StreamEvent[] = [];
  let time = 0;
  let wall = 0;
  let rate = 1;
  const push = (type: TrackedEvent, paused = false, seeking = false) =>
    events.push({
      type,
      media: { currentTime: time, duration: 3600, paused, playbackRate: rate, seeking },
      wallMs: wall,
    });
  push('play');
  push('playing');
  while (time < 60) {
    wall += 250;
    time += 0.25 * rate;
    push('timeupdate');
    if (events.length === 120) {
      push('seeking', false, true);
      push('seeked');
    }
    if (events.length === 160) {
      rate = 1.5;
      push('ratechange');
    }
  }
  push('pause', true);
  return events;
}

/** What `bench.ts` lends: its side-by-side timer and its printer. */
export interface PlaybackBenchTools {
  sideBySide: (fns: Array<() => void>, rounds?: number, warmup?: number) => number[];
  print: (name: string, value: number, unit: string, digits?: number) => void;
}

/** Measures and prints `playback.main_thread_ms_per_min` beside its no-op baseline. */
export function benchPlayback({ sideBySide, print }: PlaybackBenchTools): void {
  const stream = minuteOfPlayback();
  // Many minutes per measurement, so the timer's resolution does not matter.
  const minutes = 200;
  const key = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
  let sink = 0;
  let reports = 0;

  const tracked = () => {
    const entries = new Map<object, { tracker: PlaybackTracker; key: string }>();
    const element = {};
    for (let m = 0; m < minutes; m++) {
      entries.delete(element);
      for (const event of stream) {
        let entry = entries.get(element);
        if (!entry) {
          entry = { tracker: new PlaybackTracker(), key };
          entries.set(element, entry);
        }
        const media = { ...event.media };
        const report = entry.tracker.handle(event.type, media, event.wallMs);
        if (report) {
          const payload = { episodeKey: entry.key, ...report };
          sink += payload.playedSince;
          reports++;
        }
      }
    }
  };
  const noop = () => {
    for (let m = 0; m < minutes; m++) {
      for (const event of stream) {
        const media = { ...event.media };
        sink += media.currentTime;
      }
    }
  };

  const [trackedMs, noopMs] = sideBySide([tracked, noop], 9, 2);
  // 11 runs of `minutes` minutes each (2 warm-up + 9 measured): reports per minute of playback.
  const perMinute = reports / (11 * minutes);
  if (perMinute < 10 || perMinute > 16) {
    throw new Error(`${perMinute} reports per minute; expected one per 5 s (plus pause, seek)`);
  }
  if (sink === 0) throw new Error('the stream did nothing');
  print('playback.events_per_min', stream.length, 'events', 0);
  print('playback.reports_per_min', perMinute, 'reports', 1);
  print('playback.main_thread_ms_per_min', trackedMs! / minutes, 'ms', 4);
  print('baseline.playback_noop_ms_per_min', noopMs! / minutes, 'ms', 4);
  print('playback.vs_noop', trackedMs! / noopMs!, 'x');
}
