/**
 * Reads and annotates a page in slices when it is a long episode list (a Podimo show page with
 * hundreds of episodes), so the page never freezes: the reader's plan (lib/hosts) gives the
 * list's blocks. The blocks on screen are read and placed at once; the rest are read (only read:
 * the badge, the counts and the recording want every episode) a few at a time, yielding to the
 * page between slices, and the annotator places each when it comes near the viewport. Why:
 * placing every host of 662 episodes split 14,000 text nodes and re-laid out the whole list,
 * blocking Chromium's main thread for seconds after load (`npm run bench`,
 * `annotate.blocked_3s_ms`).
 */
import { isOnScreen, visibleFirst } from '@/lib/content/order';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { readPlanAll, type ReadPlan, type Steps } from '@/lib/hosts/host';
import { planPageSteps } from '@/lib/hosts/read/page';
import type { Annotator } from '@/lib/content/feature';

/** Lists with more blocks than this are read in slices; smaller pages at once. */
export const SLICED_BLOCKS = 40;
/**
 * Main-thread time one slice may use before it yields to the page: well under a frame, so the
 * page's own timers and frames run between slices.
 */
const SLICE_BUDGET_MS = 5;

/**
 * Runs `fn` in a later task, after the page's own timers that fell due meanwhile. Why a 1 ms
 * timer: in Chromium a task posted with no delay (a message to itself, `setTimeout(fn, 0)`) ran
 * before the page's timers that fell due during the current task, so a chain of such slices held
 * the page's timers back through several slices and the frames between them (`npm run bench`,
 * `annotate.longest_block_ms`, the page's 10 ms heartbeat; the limit is 100 ms): 84-136 ms in
 * ten runs before, 55-93 ms in twelve with this. Nested timers are clamped to 4 ms, which the
 * frames between slices cover: `annotate.all_ms` (limit 3 s) swings between 2.0 and 3.4 s on the
 * bench machine with either way of yielding.
 */
function later(fn: () => void): void {
  setTimeout(fn, 1);
}

/** What a pass needs around it. */
export interface PassHooks {
  /** Whether this pass is still wanted (a newer read, or a stopped extension, ends it). */
  live(): boolean;
  /** Called after each slice's own DOM writes, to drop their mutation records. */
  afterWrites(): void;
  /** Called once with every episode found, in page order, when the pass is complete. */
  done(found: FoundEpisode[]): void;
}

/** A plan with nothing to read. */
const EMPTY_PLAN: ReadPlan = { first: [], blocks: [], readBlock: () => null };

/**
 * Runs the page's plan ({@link planPageSteps}) for at most {@link SLICE_BUDGET_MS}, then in later
 * tasks, and gives it to `then` in the task that finishes it (a small page's at once). An empty
 * plan (and the error on the console) when the reader fails; nothing when the pass is no longer
 * `live`. Why in steps: finding a 662-episode list's blocks walks the whole page twice, 40-90 ms
 * of the page's main thread in one task (`npm run bench`, `annotate.longest_block_ms`).
 */
function planInSlices(live: () => boolean, then: (plan: ReadPlan) => void): void {
  let steps: Steps<ReadPlan>;
  try {
    steps = planPageSteps(document, location.href);
  } catch (error) {
    console.error('Citecast: could not read this page', error);
    return then(EMPTY_PLAN);
  }
  const step = () => {
    if (!live()) return;
    const started = performance.now();
    for (;;) {
      let next: IteratorResult<void, ReadPlan>;
      try {
        next = steps.next();
      } catch (error) {
        console.error('Citecast: could not read this page', error);
        return then(EMPTY_PLAN);
      }
      if (next.done) return then(next.value);
      if (performance.now() - started >= SLICE_BUDGET_MS) return later(step);
    }
  };
  step();
}

/** One block's episode, or `null` (with the error on the console) when its reading fails. */
function safeRead(plan: ReadPlan, block: Element): FoundEpisode | null {
  try {
    return plan.readBlock(block);
  } catch (error) {
    console.error('Citecast: could not read an episode of this page', error);
    return null;
  }
}

/** Places `batch` with the annotator, logging (not throwing) a failure. */
function safeAdd(annotator: Annotator, batch: readonly FoundEpisode[], onScreen: boolean): void {
  try {
    annotator.add(batch, onScreen);
  } catch (error) {
    console.error('Citecast: could not annotate this page', error);
  }
}

/**
 * Reads the page and annotates it: at once for a small page, else in slices, visible blocks
 * first. `hooks.done` gets every episode found once the pass is complete.
 */
export function readInSlices(annotator: Annotator, hooks: PassHooks): void {
  planInSlices(hooks.live, (plan) => readPlan(annotator, hooks, plan));
}

/** Reads and annotates what `plan` found: see {@link readInSlices}. */
function readPlan(annotator: Annotator, hooks: PassHooks, plan: ReadPlan): void {
  if (plan.blocks.length <= SLICED_BLOCKS) {
    let found: FoundEpisode[] = plan.first;
    try {
      found = readPlanAll(plan);
    } catch (error) {
      console.error('Citecast: could not read this page', error);
    }
    try {
      annotator.update(found);
    } catch (error) {
      console.error('Citecast: could not annotate this page', error);
    }
    hooks.done(found);
    return;
  }
  const results: (FoundEpisode | null)[] = new Array(plan.blocks.length).fill(null);
  // The reading order: found in the next task, before Citecast changes anything.
  let order: number[] = [];
  let next = 0;
  // Finding the blocks took tasks of their own: the blocks on screen are read and placed in the
  // next one, before Citecast changes anything (the page's
  // layout is still clean, so the rectangles cost no layout), and the rest read after it.
  const start = () => {
    if (!hooks.live()) return;
    const height = window.innerHeight || document.documentElement.clientHeight;
    const rects = plan.blocks.map((b) => b.getBoundingClientRect());
    order = visibleFirst(rects, height);
    const onScreen = rects.filter((r) => isOnScreen(r, height)).length;
    annotator.begin(true);
    const shown = [...plan.first];
    for (; next < onScreen; next++) {
      const index = order[next]!;
      results[index] = safeRead(plan, plan.blocks[index]!);
      if (results[index]) shown.push(results[index]);
    }
    safeAdd(annotator, shown, true);
    hooks.afterWrites();
    later(slice);
  };
  const slice = () => {
    if (!hooks.live()) return;
    const started = performance.now();
    while (next < order.length && performance.now() - started < SLICE_BUDGET_MS) {
      const index = order[next++]!;
      results[index] = safeRead(plan, plan.blocks[index]!);
    }
    if (next < order.length) {
      // The next slice in a later task; `live()` stops a stale pass.
      later(slice);
      return;
    }
    const found = [...plan.first, ...results.filter((e): e is FoundEpisode => e !== null)];
    try {
      annotator.end(found);
    } catch (error) {
      console.error('Citecast: could not annotate this page', error);
    }
    hooks.afterWrites();
    hooks.done(found);
  };
  later(start);
}
