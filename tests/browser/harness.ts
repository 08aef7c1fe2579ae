/**
 * A very small test runner for the real-browser tests: tests run one after another, each with a
 * timeout, and the run ends with one line `browser: N passed, N failed`.
 */

export interface Result {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

const results: Result[] = [];

/** Runs `fn` as the test `name`; a throw or a timeout fails it. Never throws itself. */
export async function test(
  name: string,
  fn: () => Promise<void>,
  timeoutMs = 30_000,
): Promise<boolean> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const ms = Math.round(performance.now() - start);
    results.push({ name, ok: true, ms });
    console.log(`  ✓ ${name} (${ms} ms)`);
    return true;
  } catch (error) {
    const ms = Math.round(performance.now() - start);
    const message = error instanceof Error ? error.message : String(error);
    results.push({ name, ok: false, ms, error: message });
    console.log(`  ✗ ${name} (${ms} ms)\n      ${message.split('\n').join('\n      ')}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Records a failure that happened outside any test (e.g. the browser did not start). */
export function fail(name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  results.push({ name, ok: false, ms: 0, error: message });
  console.log(`  ✗ ${name}\n      ${message.split('\n').join('\n      ')}`);
}

/** Throws `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** All results so far. */
export function summary(): { passed: number; failed: number; results: readonly Result[] } {
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
