/**
 * Reads and annotates a page in slices when it is a long episode list (a Podimo show page with
 * hundreds of episodes), so the page never freezes: the reader's plan (lib/sites) gives the list's
 * blocks, which are read and placed a few at a time, those on screen first
 * (lib/content/order.ts), yielding to the page between slices. Why: reading and placing 662
 * episodes at once blocked Chromium's main thread for over a second (`npm run bench`,
 * `annotate.longest_block_ms`), and a page that blocks over 100 ms feels frozen to the user.
 */
import { isOnScreen, visibleFirst } from '@/lib/content/order';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { readPlanAll, type ReadPlan } from '@/lib/hosts/host';
import { planPage } from '@/lib/hosts/read/page';
import type { Annotator } from '@/lib/content/feature';

/** Lists with more blocks than this are read in slices; smaller pages at once. */
export const SLICED_BLOCKS = 40;
/** Main-thread time one slice may use before it yields to the page. */
const SLICE_BUDGET_MS = 12;
/** Episodes placed together within a slice. */
const PLACE_BATCH = 6;

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

/** The page's plan; an empty one (and the error on the console) when the reader fails. */
function safePlan(): ReadPlan {
  try {
    return planPage(document, location.href);
  } catch (error) {
    console.error('Citecast: could not read this page', error);
    return { first: [], blocks: [], readBlock: () => null };
  }
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
  const plan = safePlan();
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
  // The first `onScreen` blocks of the order are on screen.
  let onScreen = 0;
  let next = 0;
  // Finding the blocks took a task of its own (tens of ms on a 662-episode page): their order
  // and the first episodes come in the next one, and the first slice in the one after (see
  // `later`). The order is found before Citecast changes anything (the page's layout is still
  // clean, so the rectangles cost no layout). On-screen blocks get their controls at once, the
  // others' when they come near (an off-screen bar would push the rest of the page down in
  // every frame; see lib/content/annotator.ts).
  const start = () => {
    if (!hooks.live()) return;
    const height = window.innerHeight || document.documentElement.clientHeight;
    const rects = plan.blocks.map((b) => b.getBoundingClientRect());
    order = visibleFirst(rects, height);
    onScreen = rects.filter((r) => isOnScreen(r, height)).length;
    annotator.begin(true);
    safeAdd(annotator, plan.first, true);
    later(slice);
  };
  const slice = () => {
    if (!hooks.live()) return;
    const started = performance.now();
    const batch: FoundEpisode[] = [];
    while (next < order.length && performance.now() - started < SLICE_BUDGET_MS) {
      // The on-screen episodes end their slice, so their frame comes at once (and a batch
      // holds on-screen episodes or others, never both).
      if (next === onScreen && next > 0 && batch.length > 0) {
        safeAdd(annotator, batch.splice(0), true);
        break;
      }
      const index = order[next++]!;
      const episode = safeRead(plan, plan.blocks[index]!);
      results[index] = episode;
      if (episode) batch.push(episode);
      if (batch.length >= PLACE_BATCH) safeAdd(annotator, batch.splice(0), next <= onScreen);
    }
    if (batch.length > 0) safeAdd(annotator, batch, next <= onScreen);
    hooks.afterWrites();
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
