/**
 * The lazy filling of a big list: work that waits for a block of the page to come near the
 * viewport. The annotator watches one target per episode, not per source: the observer's work
 * each frame grows with its targets, and 10,000 of them cost about 20 ms a frame on a
 * 662-episode page.
 */
import type { ContentEnv } from '@/lib/content/env';

/** How far off screen a source's controls are built ahead of time. */
const NEAR_MARGIN = '1200px 0px';

/**
 * A queue of work waiting for blocks of `env`'s page to come within `margin` (a root margin) of
 * the viewport.
 */
export function nearQueue(env: ContentEnv, margin = NEAR_MARGIN) {
  const waiting = new Map<Element, () => void>();
  const watcher = env.watchNear((target) => {
    const fill = waiting.get(target);
    if (fill) fill();
    else watcher?.unobserve(target);
  }, margin);
  return {
    /** Whether work can wait at all (without a watcher it runs at once). */
    lazy: watcher !== null,
    /** Runs `fill` once one of `targets` comes near the viewport (at once without a watcher). */
    whenNear(targets: Element[], fill: () => void): void {
      if (!watcher || targets.length === 0) return fill();
      const done = () => {
        for (const target of targets) {
          // A re-read replaces what a block waited for: only the latest runs.
          if (waiting.get(target) === done) waiting.delete(target);
          watcher.unobserve(target);
        }
        fill();
      };
      for (const target of targets) {
        waiting.set(target, done);
        watcher.observe(target);
      }
    },
    /** Lets go of what waits for blocks the page removed. */
    forgetRemoved(): void {
      for (const target of waiting.keys()) {
        if (!target.isConnected) {
          waiting.delete(target);
          watcher?.unobserve(target);
        }
      }
    },
    /** Lets go of everything waiting; the queue takes new work. */
    forgetAll(): void {
      for (const target of waiting.keys()) watcher?.unobserve(target);
      waiting.clear();
    },
    /** Stops watching; nothing waiting runs. */
    stop(): void {
      watcher?.disconnect();
      waiting.clear();
    },
  };
}
