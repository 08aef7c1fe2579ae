/**
 * States the background keeps per key (a paper saved, an episode heard), asked for in parts. The
 * user's own change wins: an answer to a question asked before the user's later change of that
 * key is dropped, because the background may answer the question after the change's own reply,
 * and the page would then show the old state (seen as a flaky Firefox test: heard clicked twice
 * stayed pressed).
 */
import type { Page } from '@/lib/content/feature';
import { LIMITS } from '@/lib/core/limits';
import { type Result } from '@/lib/core/result';

/** In chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Asks states with `fetch` and hands each answer to `take`; see the module comment. */
export function createStates<V>(
  page: Page,
  fetch: (keys: string[]) => Promise<Result<Record<string, V>>>,
  take: (key: string, value: V) => void,
): { ask(keys: readonly string[]): Promise<void>; changed(key: string): void } {
  /** How many times the user changed each key here. */
  const writes = new Map<string, number>();
  return {
    async ask(keys) {
      for (const part of chunks(keys, LIMITS.keys)) {
        const asked = new Map(part.map((key) => [key, writes.get(key) ?? 0]));
        const reply = await fetch(part);
        if (page.stopped()) return;
        if (!reply.ok) return page.say(null, reply.error.message, true);
        for (const [key, value] of Object.entries(reply.value)) {
          if (asked.get(key) === (writes.get(key) ?? 0)) take(key, value);
        }
      }
      page.renderSoon();
    },
    changed(key) {
      writes.set(key, (writes.get(key) ?? 0) + 1);
    },
  };
}

/** The keys of a store change among `onPage` (every one of them when the change names none). */
export function changedKeys(changed: readonly string[] | null, onPage: Set<string>): string[] {
  onPage.delete('');
  return changed ? changed.filter((k) => onPage.has(k)) : [...onPage];
}
