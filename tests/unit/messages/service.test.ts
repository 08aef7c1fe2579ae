/**
 * The background service: round trips through the protocol, change broadcasts, the lazy store
 * (opened once, reopened after a versionchange), typed errors when the store is unavailable or
 * full, and the wiring through @webext-core/messaging.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORE_CHANGED } from '@/lib/protocol/client';
import type { Result, StoreChange } from '@/lib/core/result';
import type { Store } from '@/lib/store/db';
import { broadcastChange, startStoreService, storeError } from '@/entrypoints/background/router';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import {
  DB_NAME,
  paperSource,
  popupSender,
  tabSender,
  testService,
  type TestService,
} from '@/tests/unit/messages/helpers';

const EPISODE_STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';

let t: TestService;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  t = testService();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await t.service.close();
});

/** The value of a successful result; fails the test otherwise. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('requests', () => {
  it('save → savedStates → unsave round trip', async () => {
    const tab = tabSender(1);
    const saved = valueOf(
      await t.service.handle(
        'savePaper',
        { source: paperSource('2501.00663'), episodeKey: EPISODE_STEM },
        tab,
      ),
    ) as { key: string; savedFrom: string };
    expect(saved.key).toBe('arxiv:2501.00663');
    expect(saved.savedFrom).toBe(EPISODE_STEM);
    const states = valueOf(
      await t.service.handle(
        'savedStates',
        { keys: ['arxiv:2501.00663', 'arxiv:1706.03762'] },
        tabSender(2, 'https://podimo.com/no/x'),
      ),
    );
    expect(states).toEqual({ 'arxiv:2501.00663': true, 'arxiv:1706.03762': false });
    // The answer crosses a JSON-serialising message channel unchanged.
    expect(JSON.parse(JSON.stringify(states))).toEqual(states);

    valueOf(await t.service.handle('unsavePaper', { key: 'arxiv:2501.00663' }, popupSender()));
    expect(
      valueOf(await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, tab)),
    ).toEqual({ 'arxiv:2501.00663': false });
  });

  it('answers not-found for a paper never saved, invalid for a source without a key', async () => {
    const missing = await t.service.handle(
      'setNote',
      { key: 'arxiv:9999.99999', note: 'x' },
      popupSender(),
    );
    expect(!missing.ok && missing.error.code).toBe('not-found');
    const keyless = await t.service.handle(
      'savePaper',
      { source: { ...paperSource('x'), arxivId: null, title: null, url: null, pdfUrl: null } },
      popupSender(),
    );
    expect(!keyless.ok && keyless.error.code).toBe('invalid');
  });

  it('read state, tags and note; recent papers newest first', async () => {
    const popup = popupSender();
    for (const [i, id] of ['2501.00663', '1706.03762'].entries()) {
      t.clock.set(Date.UTC(2026, 0, 1 + i));
      valueOf(await t.service.handle('savePaper', { source: paperSource(id) }, popup));
    }
    valueOf(
      await t.service.handle('setReadState', { key: 'arxiv:2501.00663', readState: 'read' }, popup),
    );
    // Tags are kept as they come; what would have to be rewritten is refused with a reason.
    for (const [tags, reason] of [
      [['memory', 'rnn', 'memory'], 'a tag comes twice'],
      [['memory', ''], 'a tag is empty'],
    ] as const) {
      const refused = await t.service.handle(
        'setTags',
        { key: 'arxiv:2501.00663', tags: [...tags] },
        popup,
      );
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.message).toContain(reason);
    }
    valueOf(
      await t.service.handle(
        'setTags',
        { key: 'arxiv:2501.00663', tags: [' memory ', 'rnn'] },
        popup,
      ),
    );
    const noted = valueOf(
      await t.service.handle(
        'setNote',
        { key: 'arxiv:2501.00663', note: 'Test-time memory.' },
        popup,
      ),
    ) as { readState: string; tags: string[]; note: string };
    expect(noted).toMatchObject({
      readState: 'read',
      tags: [' memory ', 'rnn'],
      note: 'Test-time memory.',
    });
    const recent = valueOf(await t.service.handle('recentPapers', { limit: 10 }, popup)) as {
      key: string;
    }[];
    expect(recent.map((p) => p.key)).toEqual(['arxiv:1706.03762', 'arxiv:2501.00663']);
  });

  it('episodes and listens: record, mark heard, progress, states', async () => {
    const tab = tabSender(1);
    const recorded = valueOf(
      await t.service.handle(
        'recordEpisode',
        {
          episode: {
            title: 'Titans',
            published: '2026-05-20',
            duration: 1000,
            audioUrl: `https://podcast.do-not-panic.com/episodes/${EPISODE_STEM}.mp3`,
            visualizationUrl: null,
            sources: [],
          },
          pageUrl: 'https://podcast.do-not-panic.com/2026/05/titans.html',
        },
        tab,
      ),
    );
    expect(recorded).toEqual({ key: EPISODE_STEM });
    valueOf(
      await t.service.handle(
        'recordProgress',
        { episodeKey: EPISODE_STEM, position: 120, duration: 1000, playedSince: 120 },
        tab,
      ),
    );
    const other = 'show:another episode';
    valueOf(await t.service.handle('setHeard', { episodeKey: other, heard: true }, popupSender()));
    const states = valueOf(
      await t.service.handle('listenStates', { episodeKeys: [EPISODE_STEM, other, 'never'] }, tab),
    );
    expect(states).toEqual({
      [EPISODE_STEM]: { state: 'in_progress', position: 120, duration: 1000, heardAt: null },
      [other]: { state: 'heard', position: 0, duration: null, heardAt: t.clock.now() },
      never: { state: 'unheard', position: 0, duration: null, heardAt: null },
    });
  });

  it('backup: export, delete everything, import gives the same data back', async () => {
    const popup = popupSender();
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
    valueOf(await t.service.handle('setHeard', { episodeKey: EPISODE_STEM, heard: true }, popup));
    const { text } = valueOf(await t.service.handle('exportBackup', undefined, popup));
    valueOf(await t.service.handle('deleteEverything', { confirm: true }, popup));
    expect(
      valueOf(await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, popup)),
    ).toEqual({ 'arxiv:2501.00663': false });
    const report = valueOf(await t.service.handle('importBackup', { text }, popup));
    expect(report.papers.added).toBe(1);
    expect(report.listens.added).toBe(1);
    const again = valueOf(await t.service.handle('exportBackup', undefined, popup));
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: null });
    expect(strip(again.text)).toEqual(strip(text));
  });

  it('a broken backup is refused as invalid and changes nothing', async () => {
    const popup = popupSender();
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
    const before = valueOf(await t.service.handle('exportBackup', undefined, popup)).text;
    t.changes.length = 0;
    const refused = await t.service.handle('importBackup', { text: '{"format": "zotero"' }, popup);
    expect(!refused.ok && refused.error.code).toBe('invalid');
    expect(!refused.ok && refused.error.message).toMatch(/Nothing changed/);
    expect(valueOf(await t.service.handle('exportBackup', undefined, popup)).text).toBe(before);
    expect(t.changes).toEqual([]);
  });
});

describe('change broadcasts', () => {
  it('every write announces what changed; reads and refusals announce nothing', async () => {
    const tab = tabSender(1);
    await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, tab);
    await t.service.handle(
      'savePaper',
      { source: { ...paperSource('1'), url: 'javascript:x' } },
      tab,
    );
    await t.service.handle('unsavePaper', { key: 'arxiv:never' }, tab);
    await t.service.idle();
    expect(t.changes).toEqual([]);

    await t.service.handle('savePaper', { source: paperSource('2501.00663') }, tab);
    await t.service.handle('setTags', { key: 'arxiv:2501.00663', tags: ['a'] }, popupSender());
    await t.service.handle('setHeard', { episodeKey: EPISODE_STEM, heard: true }, tab);
    await t.service.handle(
      'recordProgress',
      { episodeKey: EPISODE_STEM, position: 1, duration: null, playedSince: 1 },
      tab,
    );
    await t.service.handle('deleteEverything', { confirm: true }, popupSender());
    await t.service.idle();
    expect(t.changes).toEqual<StoreChange[]>([
      { kind: 'papers', keys: ['arxiv:2501.00663'] },
      { kind: 'papers', keys: ['arxiv:2501.00663'] },
      { kind: 'listens', keys: [EPISODE_STEM] },
      { kind: 'listens', keys: [EPISODE_STEM] },
      { kind: 'papers', keys: null },
      { kind: 'episodes', keys: null },
      { kind: 'listens', keys: null },
    ]);
  });

  it('recording an episode that ties a title to its stem announces both keys', async () => {
    await t.service.handle(
      'recordEpisode',
      {
        episode: {
          title: 'Titans',
          published: null,
          duration: null,
          audioUrl: `https://podcast.do-not-panic.com/episodes/${EPISODE_STEM}.mp3`,
          visualizationUrl: null,
          sources: [],
        },
        pageUrl: 'https://podcast.do-not-panic.com/',
      },
      popupSender(),
    );
    await t.service.idle();
    expect(t.changes).toEqual([
      { kind: 'episodes', keys: [EPISODE_STEM, 'show:titans'] },
      { kind: 'listens', keys: [EPISODE_STEM, 'show:titans'] },
    ]);
  });

  it('broadcastChange sends to every tab and the extension pages, ignoring tabs without a receiver', async () => {
    const first = await fakeBrowser.tabs.create({ url: 'https://podimo.com/' });
    const second = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const toTabs: [number, unknown][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      async (tabId: number, message: unknown) => {
        toTabs.push([tabId, message]);
        // A tab without Citecast's content script has no receiver.
        if (tabId === second.id)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return undefined;
      },
    );
    const toPages: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      toPages.push(message);
      return undefined;
    });
    const change: StoreChange = { kind: 'papers', keys: ['arxiv:2501.00663'] };
    await expect(broadcastChange(change)).resolves.toBeUndefined();
    const tabIds = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(toTabs.map(([id]) => id).sort()).toEqual(tabIds.sort());
    expect(tabIds).toContain(first.id);
    for (const [, message] of toTabs) {
      expect(message).toMatchObject({ type: STORE_CHANGED, data: change });
      expect(typeof (message as { timestamp: unknown }).timestamp).toBe('number');
    }
    expect(toPages).toEqual([expect.objectContaining({ type: STORE_CHANGED, data: change })]);
  });

  it('broadcastChange never rejects, even when nothing listens anywhere', async () => {
    // The fake browser's tabs.sendMessage throws "not implemented"; runtime.sendMessage has no listener.
    await expect(broadcastChange({ kind: 'listens', keys: null })).resolves.toBeUndefined();
  });
});

describe('the store behind the service', () => {
  it('opens once, lazily, however many requests arrive together', async () => {
    expect(t.open).not.toHaveBeenCalled();
    const tab = tabSender(1);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.service.handle('savePaper', { source: paperSource(`2501.0066${i}`) }, tab),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(t.open).toHaveBeenCalledTimes(1);
  });

  it('reopens after a versionchange closed it', async () => {
    const popup = popupSender();
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
    // Deleting the database sends versionchange to the open connection, which closes itself.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const states = valueOf(
      await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, popup),
    );
    expect(states).toEqual({ 'arxiv:2501.00663': false });
    expect(t.open).toHaveBeenCalledTimes(2);
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
  });

  it('reopens when the connection was closed under it', async () => {
    const popup = popupSender();
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
    t.opened[0]!.db.close();
    const states = valueOf(
      await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, popup),
    );
    expect(states).toEqual({ 'arxiv:2501.00663': true });
    expect(t.open).toHaveBeenCalledTimes(2);
  });

  it('answers unavailable, with a readable message, when IndexedDB cannot open (Firefox private mode)', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    const popup = popupSender();
    for (const [type, data] of [
      ['savePaper', { source: paperSource('2501.00663') }],
      ['storeStatus', undefined],
    ] as const) {
      const result = await t.service.handle(type, data, popup);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toMatch(/cannot open its storage/);
      expect(result.error.message).toMatch(/never to remember history/);
      expect(result.error.message).not.toMatch(/\n\s+at /);
    }
    // Once IndexedDB works again, the next request opens the store.
    open.mockRestore();
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, popup));
    const status = valueOf(await t.service.handle('storeStatus', undefined, popup));
    expect(status.version).toBeGreaterThanOrEqual(1);
  });

  it('answers quota when the disk is full, opening or writing', async () => {
    const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const opening = testService(() => Promise.reject(full()));
    const refused = await opening.service.handle(
      'setHeard',
      { episodeKey: 'x', heard: true },
      popupSender(),
    );
    expect(!refused.ok && refused.error.code).toBe('quota');

    const fullStore = {
      db: {
        transaction() {
          throw full();
        },
        addEventListener() {},
        close() {},
      },
      now: Date.now,
    } as unknown as Store;
    const writing = testService(async () => fullStore);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await writing.service.handle(
      'savePaper',
      { source: paperSource('1') },
      popupSender(),
    );
    expect(result).toEqual({ ok: false, error: storeError(full(), false) });
    expect(!result.ok && result.error.code).toBe('quota');
  });

  it('a database newer than this build says to update, not to blame private browsing', () => {
    const version = Object.assign(new Error('version'), { name: 'VersionError' });
    const error = storeError(version, true);
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/newer version of Citecast/);
    expect(error.message).not.toMatch(/private/);
    expect(storeError(new DOMException('x', 'InvalidStateError'), true).message).toMatch(
      /private browsing/,
    );
  });

  it('any other failure of a request is unavailable, without a stack', () => {
    const error = storeError(new TypeError('boom'), false);
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/TypeError/);
    expect(error.message).not.toMatch(/boom|\bat\b.*:\d+/);
  });
});

/** Fires the fake runtime.onMessage as the browser does: message, sender, sendResponse. */
const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => Promise<unknown[]>;

describe('wired through @webext-core/messaging', () => {
  it('answers a protocol message with its result, and ignores other messages', async () => {
    const { service, stop } = startStoreService({
      open: () => import('@/lib/store/db').then((m) => m.openStore({ name: DB_NAME })),
      persist: false,
      broadcast: async () => {},
    });
    try {
      const listen = (message: unknown, sender: unknown) =>
        new Promise<unknown>((resolve) => {
          void trigger(message, sender, resolve);
        });
      const envelope = (type: string, data: unknown) => ({
        id: 1,
        type,
        data,
        timestamp: Date.now(),
      });
      const saved = await listen(
        envelope('savePaper', { source: paperSource('2501.00663') }),
        tabSender(1),
      );
      expect(saved).toMatchObject({ res: { ok: true, value: { key: 'arxiv:2501.00663' } } });
      const states = await listen(
        envelope('savedStates', { keys: ['arxiv:2501.00663'] }),
        tabSender(2),
      );
      expect(states).toEqual({ res: { ok: true, value: { 'arxiv:2501.00663': true } } });
      const forbidden = await listen(envelope('deleteEverything', { confirm: true }), tabSender(1));
      expect(forbidden).toMatchObject({ res: { ok: false, error: { code: 'forbidden' } } });
      // The sender comes from the browser: a payload cannot claim to be the popup.
      const forged = await listen(
        { ...envelope('deleteEverything', { confirm: true }), sender: popupSender() },
        tabSender(1),
      );
      expect(forged).toMatchObject({ res: { ok: false, error: { code: 'forbidden' } } });
      // Not the library's envelope (the plain ping) and its own broadcast: no answer here.
      const answers = await trigger({ type: 'ping' }, tabSender(1), () => {});
      expect(answers).toEqual([false]);
      const own = await trigger(
        envelope(STORE_CHANGED, { kind: 'papers', keys: null }),
        popupSender(),
        () => {},
      );
      expect(own).toEqual([false]);
    } finally {
      stop();
      await service.close();
    }
  });
});

describe('sourceBibtex', () => {
  let t: TestService;
  beforeEach(() => {
    t = testService();
  });
  afterEach(() => t.service.close());

  it('writes one entry for an unsaved source from a page, and saves nothing', async () => {
    const source = paperSource('2501.00663', 'Titans: Learning to Memorize at Test Time');
    const { text } = valueOf(await t.service.handle('sourceBibtex', { source }, tabSender(1)));
    expect(text).toMatch(/^@\w+\{[^,]+,/);
    expect(text).toContain('title = {Titans: Learning to {Memorize} at {Test} {Time}}');
    expect(text).toContain('eprint = {2501.00663}');
    expect((text.match(/^@/gm) ?? []).length).toBe(1);
    const saved = valueOf(
      await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, tabSender(1)),
    );
    expect(saved).toEqual({ 'arxiv:2501.00663': false });
    expect(t.changes).toEqual([]);
  });

  it('refuses a source with nothing to cite it by', async () => {
    const source = { ...paperSource('x'), title: null, arxivId: null, url: null, pdfUrl: null };
    const reply = await t.service.handle('sourceBibtex', { source }, tabSender(1));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('importLibrary (a Zotero export, from the library page)', () => {
  let t: TestService;
  beforeEach(() => {
    t = testService();
  });
  afterEach(() => t.service.close());

  const BIBTEX = String.raw`
@misc{vaswani_attention_2023,
	title = {Attention {Is} {All} {You} {Need}},
	url = {http://arxiv.org/abs/1706.03762},
	author = {Vaswani, Ashish and Shazeer, Noam},
	year = {2017},
	keywords = {transformers},
}
`;

  it('merges the entries as saved papers and says what it did', async () => {
    const report = valueOf(
      await t.service.handle('importLibrary', { text: BIBTEX, format: null }, popupSender()),
    );
    expect(report).toMatchObject({ format: 'bibtex', entries: 1, added: 1 });
    const saved = valueOf(
      await t.service.handle('savedStates', { keys: ['arxiv:1706.03762'] }, tabSender(1)),
    );
    expect(saved).toEqual({ 'arxiv:1706.03762': true });
    expect(t.changes).toContainEqual({ kind: 'papers', keys: null });
  });

  it('refuses a file it cannot read, and a page asking for it', async () => {
    const bad = await t.service.handle(
      'importLibrary',
      { text: 'not a library', format: null },
      popupSender(),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!bad.ok && bad.error.message).toMatch(
      /^The library was refused: .+\. Nothing changed\.$/,
    );
    const fromPage = await t.service.handle(
      'importLibrary',
      { text: BIBTEX, format: 'bibtex' },
      tabSender(1),
    );
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(t.changes).toEqual([]);
  });
});

describe('episodes seen outside the supported sites', () => {
  let t: TestService;
  beforeEach(() => {
    t = testService();
  });
  afterEach(() => t.service.close());

  const stem = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
  const episode = (title: string, sources: string[]) => ({
    title,
    published: '2026-05-20',
    duration: null,
    audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
    visualizationUrl: null,
    sources: sources.map((id) => ({
      ...paperSource(id),
      kind: 'paper' as const,
      arxivVersion: null,
      episode: null,
    })),
  });

  it('only fill gaps: another site cannot rewrite the title or source list the show gave', async () => {
    const show = 'https://podcast.do-not-panic.com/episodes/titans/';
    valueOf(
      await t.service.handle(
        'recordEpisode',
        { episode: episode('Titans', ['2501.00663']), pageUrl: show },
        tabSender(1, show),
      ),
    );
    const blog = 'https://blog.example/post';
    valueOf(
      await t.service.handle(
        'recordEpisode',
        { episode: episode('Buy pills', ['9999.99999']), pageUrl: blog },
        tabSender(2, blog),
      ),
    );
    const detail = valueOf(await t.service.handle('episodeDetail', { key: stem }, popupSender()));
    expect(detail.view.episode.title).toBe('Titans');
    expect(detail.sources.map((s) => s.source.arxivId)).toEqual(['2501.00663']);
    // Its page is still noted, and an episode nobody recorded yet is recorded from it.
    const other = await t.service.handle(
      'recordEpisode',
      {
        episode: { ...episode('A new one', []), audioUrl: 'https://cdn.example/x-abcdef.mp3' },
        pageUrl: blog,
      },
      tabSender(2, blog),
    );
    expect(other.ok).toBe(true);
  });

  it('refuses a content script that does not say which page it is on', async () => {
    const reply = await t.service.handle(
      'recordEpisode',
      { episode: episode('Titans', []), pageUrl: 'https://podcast.do-not-panic.com/x' },
      { id: fakeBrowser.runtime.id, tab: { id: 3 } },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
