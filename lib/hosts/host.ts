/**
 * What one host declares: its site (who it is, where its pages are, which of them are the show's;
 * lib/sites.ts) and how its pages are read. Each host is one file in lib/hosts; the registry
 * (lib/hosts/index.ts) lists them.
 */
import type { FoundEpisode } from '@/lib/hosts/episode';
import type { Site } from '@/lib/sites';

/** Options every reader takes. */
export interface ReadOptions {
  /** "Today", for relative dates (`I går`, `yesterday`) and dates without a year. */
  now?: Date;
}

/** A page read in steps: what is read at once, then a list of blocks each read on its own. */
export interface ReadPlan {
  /** Episodes read at once, before the blocks (an episode view's main episode). */
  first: FoundEpisode[];
  /** The list's episode blocks, in page order. */
  blocks: Element[];
  /** Reads one of `blocks`: its episode, or `null` when it holds none. */
  readBlock(block: Element): FoundEpisode | null;
}

/**
 * Work done in steps: a generator that yields wherever it may pause and returns its result. The
 * content script runs one a few milliseconds at a time, so finding a long list's blocks never
 * holds the page's main thread for long; `npm run parse` and the tests run it at once
 * ({@link runSteps}).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to its end at once and answers its result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many elements or text nodes a walk visits between two of its pauses. */
export const NODES_PER_STEP = 500;

/** Every episode of `plan`, in page order: what reading the page at once gives. */
export function readPlanAll(plan: ReadPlan): FoundEpisode[] {
  const episodes = [...plan.first];
  for (const block of plan.blocks) {
    const episode = plan.readBlock(block);
    if (episode) episodes.push(episode);
  }
  return episodes;
}

/** One host: its site declaration (lib/sites.ts), and its reader. */
export interface Host<Id extends string = string> extends Site<Id> {
  /** Whether a page looks like this host's, for pages read without their address. */
  detect(document: Document): boolean;
  /** Every episode block on the page, in page order. */
  read(document: Document, url: string | null, options?: ReadOptions): FoundEpisode[];
  /**
   * The page as a plan read in steps (readers of long episode lists): the content script finds
   * the blocks in {@link Steps} and reads them a few at a time, those on screen first, so the
   * page never freezes. `read` must give exactly the episodes of {@link readPlanAll} on the same
   * plan.
   */
  plan?(document: Document, url: string | null, options?: ReadOptions): Steps<ReadPlan>;
}

/** `url` (resolved against `base` when given) as a URL, or `null` when it is none. */
export function parseUrl(url: string, base?: string | URL): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}
