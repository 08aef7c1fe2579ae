/** `ask`, the sending side: a result comes back as sent; a background out of reach is `unavailable`, never a throw. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/protocol/client';

type Callback = (response: unknown) => void;

/** Makes runtime.sendMessage answer through its callback, as Chromium and Firefox do. */
function answerWith(answer: (message: unknown) => unknown): unknown[] {
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((
    message: unknown,
    callback: Callback,
  ) => {
    sent.push(message);
    callback(answer(message));
  }) as never);
  return sent;
}

/** Sets (or, with `undefined`, clears) the fake's runtime.lastError, which callbacks check. */
function setLastError(error: { message: string } | undefined): void {
  (fakeBrowser.runtime as { lastError?: unknown }).lastError = error;
}

beforeEach(() => {
  fakeBrowser.reset();
  setLastError(undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  setLastError(undefined);
});

describe('ask', () => {
  it('sends the envelope and resolves to the background’s result', async () => {
    const sent = answerWith(() => ({ res: { ok: true, value: { 'arxiv:1': true } } }));
    const result = await ask('savedStates', { keys: ['arxiv:1'] });
    expect(result).toEqual({ ok: true, value: { 'arxiv:1': true } });
    expect(sent[0]).toMatchObject({ type: 'savedStates', data: { keys: ['arxiv:1'] } });
  });

  it('passes typed errors through', async () => {
    answerWith(() => ({ res: { ok: false, error: { code: 'forbidden', message: 'no' } } }));
    expect(await ask('deleteEverything', { confirm: true })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'no' },
    });
  });

  it('is unavailable when the background cannot be reached or answers nonsense', async () => {
    answerWith(() => {
      setLastError({ message: 'Could not establish connection. Receiving end does not exist.' });
      return undefined;
    });
    const unreachable = await ask('storeStatus', undefined);
    expect(!unreachable.ok && unreachable.error.code).toBe('unavailable');
    expect(!unreachable.ok && unreachable.error.message).toMatch(/Receiving end/);
    setLastError(undefined);

    answerWith(() => ({ res: 'hello' }));
    const odd = await ask('storeStatus', undefined);
    expect(!odd.ok && odd.error.code).toBe('unavailable');
  });
});
