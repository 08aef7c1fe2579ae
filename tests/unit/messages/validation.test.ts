/** Every payload is checked against its schema and every sender against the request's access. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkRequest } from '@/lib/schemas/requests';
import { episodeForMessage } from '@/lib/protocol/client';
import { LIMITS } from '@/lib/core/limits';
import type { Result } from '@/lib/core/result';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { freshIndexedDb, source } from '@/tests/unit/store/helpers';
import {
  paperSource,
  popupSender,
  tabSender,
  testService,
  type TestService,
} from '@/tests/unit/messages/helpers';

let t: TestService;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  t = testService();
});

/** The error code of a result, or `ok`. */
function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('payload checks', () => {
  it('refuses payloads of the wrong shape, naming the field', async () => {
    const cases: [string, unknown][] = [
      ['savePaper', undefined],
      ['savePaper', 'arxiv:2501.00663'],
      ['savePaper', { source: { ...paperSource('2501.00663'), year: 'twenty' } }],
      ['savePaper', { source: paperSource('2501.00663'), extra: 1 }],
      ['unsavePaper', { key: '' }],
      ['unsavePaper', { key: 42 }],
      ['setReadState', { key: 'arxiv:1', readState: 'skimmed' }],
      ['setTags', { key: 'arxiv:1', tags: 'one,two' }],
      ['savedStates', { keys: [1, 2] }],
      ['setHeard', { episodeKey: 'x', heard: 'yes' }],
      ['recordProgress', { episodeKey: 'x', position: -1, duration: null, playedSince: 0 }],
      ['recordProgress', { episodeKey: 'x', position: Infinity, duration: null, playedSince: 0 }],
      ['recentPapers', { limit: 0 }],
      ['recentPapers', { limit: 1.5 }],
      ['deleteEverything', { confirm: false }],
      ['deleteEverything', {}],
      ['importBackup', { text: 3 }],
    ];
    for (const [type, data] of cases) {
      const result = await t.service.handle(type, data, popupSender());
      expect(codeOf(result), `${type} ${JSON.stringify(data)}`).toBe('invalid');
    }
    const named = await t.service.handle(
      'savePaper',
      { source: { ...paperSource('2501.00663'), year: 'twenty' } },
      popupSender(),
    );
    expect(!named.ok && named.error.message).toMatch(/source\.year/);
    // Nothing was refused after opening the store: a refusal never touches it.
    expect(t.open).not.toHaveBeenCalled();
  });

  it('refuses an unknown request type', async () => {
    const result = await t.service.handle('dropTables', {}, popupSender());
    expect(codeOf(result)).toBe('invalid');
    expect(codeOf(await t.service.handle('__proto__', {}, popupSender()))).toBe('invalid');
  });

  it('takes only http(s) addresses', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'chrome://settings',
      'arxiv.org/abs/2501.00663',
    ]) {
      const save = await t.service.handle(
        'savePaper',
        { source: { ...paperSource('2501.00663'), url } },
        popupSender(),
      );
      expect(codeOf(save), url).toBe('invalid');
      const pdf = await t.service.handle(
        'savePaper',
        { source: { ...paperSource('2501.00663'), pdfUrl: url } },
        popupSender(),
      );
      expect(codeOf(pdf), url).toBe('invalid');
      const record = await t.service.handle(
        'recordEpisode',
        { episode: episode({ audioUrl: url }), pageUrl: 'https://podcast.do-not-panic.com/' },
        popupSender(),
      );
      expect(codeOf(record), url).toBe('invalid');
      const page = await t.service.handle(
        'recordEpisode',
        { episode: episode({}), pageUrl: url },
        popupSender(),
      );
      expect(codeOf(page), url).toBe('invalid');
    }
    expect(t.open).not.toHaveBeenCalled();
  });

  it('refuses oversized strings and lists', async () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const cases: [string, unknown][] = [
      ['savePaper', { source: { ...paperSource('1'), title: long(LIMITS.title) } }],
      ['savePaper', { source: { ...paperSource('1'), url: `https://a.b/${long(LIMITS.url)}` } }],
      [
        'savePaper',
        { source: { ...paperSource('1'), authors: Array(LIMITS.authors + 1).fill('A') } },
      ],
      ['unsavePaper', { key: long(LIMITS.key) }],
      ['setNote', { key: 'arxiv:1', note: long(LIMITS.note) }],
      ['setTags', { key: 'arxiv:1', tags: [long(LIMITS.tag)] }],
      ['setTags', { key: 'arxiv:1', tags: Array(LIMITS.tags + 1).fill('t') }],
      ['savedStates', { keys: Array(LIMITS.keys + 1).fill('arxiv:1') }],
      ['listenStates', { episodeKeys: Array(LIMITS.keys + 1).fill('x') }],
      [
        'recordEpisode',
        {
          episode: episode({ sources: Array(LIMITS.sources + 1).fill(snapshot()) }),
          pageUrl: 'https://podcast.do-not-panic.com/',
        },
      ],
    ];
    for (const [type, data] of cases) {
      expect(codeOf(await t.service.handle(type, data, popupSender())), type).toBe('invalid');
    }
    const big = checkRequest('importBackup', { text: long(LIMITS.backupChars) });
    expect(big.ok).toBe(false);
  });

  it('keeps the fields it knows of a full parsed source and drops the rest', () => {
    const checked = checkRequest('savePaper', {
      source: source({ title: 'Titans', arxivId: '2501.00663', start: 5, end: 9 }),
      episodeKey: null,
    });
    expect(checked.ok && checked.data.source).toEqual({
      title: 'Titans',
      authors: [],
      year: null,
      url: null,
      arxivId: '2501.00663',
      doi: null,
      pdfUrl: null,
    });
  });

  it('episodeForMessage drops what cannot or must not cross a message', () => {
    const found: FoundEpisode = {
      title: 'Titans',
      published: '2026-05-20',
      duration: 1200,
      audioUrl: 'javascript:alert(1)',
      visualizationUrl: 'https://podcast.do-not-panic.com/viz/x.html',
      sources: [source({ title: 'A', url: 'javascript:void(0)', arxivId: '2501.00663' })],
      cutShort: false,
      description: 'long text',
      location: null,
    };
    const wire = episodeForMessage(found);
    expect(wire.audioUrl).toBeNull();
    expect(wire.sources[0]!.url).toBeNull();
    expect('description' in wire).toBe(false);
    expect(checkRequest('recordEpisode', { episode: wire, pageUrl: 'https://a.b/' }).ok).toBe(true);
  });
});

describe('sender checks', () => {
  it('refuses messages from another extension or without a sender', async () => {
    const data = { keys: ['arxiv:1'] };
    const foreign = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
    expect(codeOf(await t.service.handle('savedStates', data, foreign))).toBe('forbidden');
    expect(codeOf(await t.service.handle('savedStates', data, undefined))).toBe('forbidden');
    // Our id but neither an extension page nor a tab.
    expect(
      codeOf(await t.service.handle('savedStates', data, { id: fakeBrowser.runtime.id })),
    ).toBe('forbidden');
  });

  it('refuses the library-wide requests from content scripts', async () => {
    const tab = tabSender(1);
    const requests: [string, unknown][] = [
      ['importBackup', { text: '{}' }],
      ['deleteEverything', { confirm: true }],
      ['exportBackup', undefined],
      ['recentPapers', { limit: 10 }],
    ];
    for (const [type, data] of requests) {
      const result = await t.service.handle(type, data, tab);
      expect(codeOf(result), type).toBe('forbidden');
    }
    // A page pretending to be an extension page by its path is still a page.
    const lookalike = tabSender(1, `https://evil.example/${fakeBrowser.runtime.getURL('/')}`);
    expect(codeOf(await t.service.handle('deleteEverything', { confirm: true }, lookalike))).toBe(
      'forbidden',
    );
    expect(t.open).not.toHaveBeenCalled();
  });

  it('lets the popup do them, and content scripts the page requests', async () => {
    expect(
      codeOf(await t.service.handle('deleteEverything', { confirm: true }, popupSender())),
    ).toBe('ok');
    // An extension page opened in a tab is still an extension page.
    const libraryTab = { ...popupSender(), tab: { id: 7 } };
    expect(codeOf(await t.service.handle('exportBackup', undefined, libraryTab))).toBe('ok');
    const tab = tabSender(1);
    expect(
      codeOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, tab)),
    ).toBe('ok');
    expect(codeOf(await t.service.handle('savedStates', { keys: ['arxiv:2501.00663'] }, tab))).toBe(
      'ok',
    );
  });

  it('lets a content script record episodes of its own site only', async () => {
    const tab = tabSender(1, 'https://podimo.com/no/shows/x');
    const elsewhere = await t.service.handle(
      'recordEpisode',
      { episode: episode({}), pageUrl: 'https://open.spotify.com/episode/1' },
      tab,
    );
    expect(codeOf(elsewhere)).toBe('forbidden');
    const own = await t.service.handle(
      'recordEpisode',
      { episode: episode({}), pageUrl: 'https://podimo.com/no/shows/x?tab=1' },
      tab,
    );
    expect(codeOf(own)).toBe('ok');
  });
});

/** A source of an episode's list as `episodeForMessage` sends it. */
function snapshot() {
  return {
    title: 'Titans',
    authors: [],
    year: 2025,
    url: 'https://arxiv.org/abs/2501.00663',
    kind: 'paper' as const,
    arxivId: '2501.00663',
    arxivVersion: null,
    doi: null,
    pdfUrl: null,
    episode: null,
  };
}

/** An episode as `episodeForMessage` sends it. */
function episode(fields: Record<string, unknown>) {
  return {
    title: 'Titans: learning to memorize at test time',
    published: '2026-05-20',
    duration: 1200,
    audioUrl:
      'https://podcast.do-not-panic.com/episodes/2026-05-20-titans-learning-to-memorize-at-test-time-054662.mp3',
    visualizationUrl: null,
    sources: [snapshot()],
    cutShort: false,
    ...fields,
  };
}
