/**
 * The arXiv queue, on fake timers: one request at a time, three seconds apart; timeouts;
 * 429/503 with Retry-After (seconds or an HTTP date) honoured for later requests too; offline.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter, retryAfterTime } from '@/lib/arxiv/limiter';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixture } from '@/tests/unit/arxiv/fixtures';

const T0 = Date.UTC(2026, 4, 28, 12, 0, 0);

beforeEach(() => {
  // The back-off is kept in storage across restarts: each test starts with none.
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** A fake fetch answering from `answers` in turn, logging when each request started. */
function fakeFetch(answers: Array<() => Promise<Response>>) {
  const starts: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch = vi.fn(async (_url: string, init: { signal: AbortSignal }) => {
    starts.push(Date.now() - T0);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      return await Promise.race([
        answer(),
        new Promise<Response>((_, reject) =>
          init.signal.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
      ]);
    } finally {
      inFlight--;
    }
  });
  return { fetch, starts, maxInFlight: () => maxInFlight };
}

const ok =
  (text = fixture('no-match.xml')) =>
  () =>
    Promise.resolve(new Response(text, { status: 200 }));
const after = (ms: number, make: () => Promise<Response>) => () =>
  new Promise<Response>((resolve) => setTimeout(() => resolve(make()), ms));

describe('createLimiter', () => {
  it('runs requests one at a time, each at least 3 s after the previous one started', async () => {
    const f = fakeFetch([ok(), after(5_000, ok()), ok(), ok()]);
    const limiter = createLimiter({ fetch: f.fetch });
    const all = Promise.all(
      ['a', 'b', 'c', 'd'].map((u) => limiter.fetchText(`https://export.arxiv.org/${u}`)),
    );
    await vi.runAllTimersAsync();
    const results = await all;
    expect(results.every((r) => r.ok)).toBe(true);
    // b took 5 s: c starts when b ended (8 s), not at 6 s; d 3 s after c.
    expect(f.starts).toEqual([0, 3_000, 8_000, 11_000]);
    expect(f.maxInFlight()).toBe(1);
  });

  it('gives up a request after its timeout, and the next one still waits its turn', async () => {
    const f = fakeFetch([after(60_000, ok()), ok()]);
    const limiter = createLimiter({ fetch: f.fetch, timeoutMs: 15_000 });
    const first = limiter.fetchText('https://export.arxiv.org/slow');
    const second = limiter.fetchText('https://export.arxiv.org/next');
    await vi.runAllTimersAsync();
    expect(await first).toEqual({ ok: false, reason: 'timeout' });
    expect((await second).ok).toBe(true);
    expect(f.starts).toEqual([0, 15_000]);
  });

  it('waits out a short Retry-After (seconds) on a 503, retries once, and delays later requests too', async () => {
    const busy = () =>
      Promise.resolve(new Response('', { status: 503, headers: { 'Retry-After': '20' } }));
    const f = fakeFetch([busy, ok(), ok()]);
    const limiter = createLimiter({ fetch: f.fetch });
    const first = limiter.fetchText('https://export.arxiv.org/a');
    const second = limiter.fetchText('https://export.arxiv.org/b');
    await vi.runAllTimersAsync();
    expect((await first).ok).toBe(true);
    expect((await second).ok).toBe(true);
    expect(f.starts).toEqual([0, 20_000, 23_000]);
  });

  it('answers rate-limited when arXiv asks for a long wait (HTTP date), and sends nothing before it', async () => {
    const until = new Date(T0 + 10 * 60_000).toUTCString();
    const limited = () =>
      Promise.resolve(
        new Response(fixture('rate-exceeded.txt'), {
          status: 429,
          headers: { 'Retry-After': until },
        }),
      );
    const f = fakeFetch([limited, ok()]);
    const limiter = createLimiter({ fetch: f.fetch });
    const first = limiter.fetchText('https://export.arxiv.org/a');
    await vi.runAllTimersAsync();
    expect(await first).toEqual({ ok: false, reason: 'rate-limited', retryAt: T0 + 10 * 60_000 });
    // A request now would wait beyond the queue's patience: refused at once, nothing sent.
    vi.setSystemTime(T0 + 60_000);
    const early = limiter.fetchText('https://export.arxiv.org/b');
    await vi.runAllTimersAsync();
    expect(await early).toEqual({ ok: false, reason: 'rate-limited', retryAt: T0 + 10 * 60_000 });
    expect(f.fetch).toHaveBeenCalledTimes(1);
  });

  it('says offline without sending when the browser is offline, and for a failed connection', async () => {
    const f = fakeFetch([() => Promise.reject(new TypeError('Failed to fetch'))]);
    let online = false;
    const limiter = createLimiter({ fetch: f.fetch, online: () => online });
    const first = limiter.fetchText('https://export.arxiv.org/a');
    await vi.runAllTimersAsync();
    expect(await first).toEqual({ ok: false, reason: 'offline' });
    expect(f.fetch).not.toHaveBeenCalled();
    online = true;
    const second = limiter.fetchText('https://export.arxiv.org/b');
    await vi.runAllTimersAsync();
    expect(await second).toEqual({ ok: false, reason: 'offline' });
  });

  it('calls any other HTTP status a bad answer', async () => {
    const f = fakeFetch([() => Promise.resolve(new Response('no', { status: 400 }))]);
    const limiter = createLimiter({ fetch: f.fetch });
    const r = limiter.fetchText('https://export.arxiv.org/a');
    await vi.runAllTimersAsync();
    expect(await r).toEqual({ ok: false, reason: 'bad-answer', status: 400 });
  });
});

describe('retryAfterTime', () => {
  it('reads seconds and HTTP dates, caps far ones, and ignores junk', () => {
    expect(retryAfterTime('120', T0)).toBe(T0 + 120_000);
    expect(retryAfterTime(new Date(T0 + 5_000).toUTCString(), T0)).toBe(T0 + 5_000);
    expect(retryAfterTime('Wed, 21 Oct 2099 07:28:00 GMT', T0)).toBe(T0 + 15 * 60_000);
    expect(retryAfterTime(new Date(T0 - 5_000).toUTCString(), T0)).toBe(T0);
    expect(retryAfterTime('soon', T0)).toBeNull();
    expect(retryAfterTime('-3', T0)).toBeNull();
    expect(retryAfterTime(null, T0)).toBeNull();
  });
});
