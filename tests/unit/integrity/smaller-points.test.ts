/**
 * The smaller points: arXiv's back-off survives a restart of the background; an answer's size
 * limit holds while it streams in, so a huge answer is never read whole; bidirectional controls
 * are taken out of titles and addresses before they are stored; settings are in the backup.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLimiter, MAX_ANSWER_BYTES } from '@/lib/arxiv/limiter';
import { readTextCapped } from '@/lib/fetch-text';
import { readSettings, writeSettings } from '@/lib/settings';
import { paperKey } from '@/lib/core/keys';
import { eachTestService, popupSender, tabSender } from '@/tests/unit/messages/helpers';
import { paperRecord } from '@/tests/unit/store/helpers';

const T0 = Date.UTC(2026, 4, 28, 12, 0, 0);

/** Fake timers for the tests of the calling suite (the store's tests run on real ones). */
function fakeTime(): void {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

describe("arXiv's back-off", () => {
  fakeTime();
  it('is still honoured by a background started again', async () => {
    const starts: number[] = [];
    const answers = [
      new Response('', { status: 429, headers: { 'Retry-After': '100' } }),
      new Response('<feed/>'),
    ];
    const fetch = vi.fn(async () => {
      starts.push(Date.now() - T0);
      return answers.shift()!;
    });
    const first = createLimiter({ fetch });
    const limited = await first.fetchText('https://export.arxiv.org/a');
    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited' });
    // The service worker stops and starts again: a new queue, with nothing in memory.
    const again = createLimiter({ fetch });
    const answer = again.fetchText('https://export.arxiv.org/b');
    await vi.runAllTimersAsync();
    expect((await answer).ok).toBe(true);
    expect(starts).toEqual([0, 100_000]);
  });
});

/** A body of `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe('the size limit of an answer', () => {
  fakeTime();
  it('stops reading as soon as the answer passes it, without a Content-Length', async () => {
    const big = streamed(1000, 64 * 1024);
    expect(await readTextCapped(big.response, 1024 * 1024)).toBeNull();
    expect(big.pulled()).toBeLessThan(20);
  });

  it('reads an answer within it whole', async () => {
    const small = streamed(4, 1024);
    expect(await readTextCapped(small.response, 1024 * 1024)).toBe('a'.repeat(4096));
  });

  it('an arXiv answer past the limit is a bad answer, not read whole', async () => {
    const big = streamed(200, 64 * 1024);
    expect(200 * 64 * 1024).toBeGreaterThan(MAX_ANSWER_BYTES);
    const limiter = createLimiter({ fetch: async () => big.response });
    const outcome = limiter.fetchText('https://export.arxiv.org/x');
    await vi.runAllTimersAsync();
    expect(await outcome).toMatchObject({ ok: false, reason: 'bad-answer' });
    expect(big.pulled()).toBeLessThan(120);
  });
});

describe('bidirectional controls', () => {
  const RLO = '\u202E';
  const isolate = '\u2067';
  const service = eachTestService();

  it('are taken out of titles and addresses before they are stored', async () => {
    const saved = await service().service.handle(
      'savePaper',
      {
        source: {
          title: `Attention ${RLO}gpj.exe${isolate}`,
          authors: [],
          year: 2017,
          url: `https://example.com/${RLO}paper`,
          arxivId: null,
          doi: null,
          pdfUrl: null,
        },
      },
      tabSender(1),
    );
    expect(saved.ok && saved.value.title).toBe('Attention gpj.exe');
    expect(saved.ok && saved.value.urls).toEqual(['https://example.com/paper']);
    expect(saved.ok && saved.value.key).toBe(paperKey({ title: 'Attention gpj.exe' }));
  });

  it('are taken out of a restored backup', async () => {
    const text = JSON.stringify({
      format: 'citecast-backup',
      version: 3,
      exportedAt: new Date(T0).toISOString(),
      papers: [paperRecord('title:x', T0, { title: `x${RLO}y`, urls: [`https://a/${isolate}`] })],
      episodes: [],
      citations: [],
      listens: [],
    });
    expect((await service().service.handle('importBackup', { text }, popupSender())).ok).toBe(true);
    const detail = await service().service.handle('paperDetail', { key: 'title:x' }, popupSender());
    expect(detail.ok && detail.value.paper.title).toBe('xy');
    expect(detail.ok && detail.value.paper.urls).toEqual(['https://a/']);
  });
});

describe('settings in the backup', () => {
  const service = eachTestService();

  it('are written into it, and a replace restores them (arXiv lookups stay this browser’s)', async () => {
    await writeSettings({ heardShare: 0.75, language: 'nb', tombstoneDays: 500 });
    const exported = await service().service.handle('exportBackup', {}, popupSender());
    const text = exported.ok ? exported.value.text : '';
    expect(JSON.parse(text).settings).toMatchObject({ heardShare: 0.75, language: 'nb' });
    await writeSettings({ heardShare: 0.9, language: 'en', arxivLookup: true });
    const restored = await service().service.handle(
      'importBackup',
      { text, mode: 'replace' },
      popupSender(),
    );
    expect(restored.ok).toBe(true);
    expect(await readSettings()).toMatchObject({
      heardShare: 0.75,
      language: 'nb',
      tombstoneDays: 500,
      arxivLookup: true,
    });
  });
});
