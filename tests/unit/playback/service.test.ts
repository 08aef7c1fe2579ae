/**
 * The listening log in the background: the user's heard share applied to playback, a manual mark winning,
 * the saved moment (and its backup round trip), the catalog recorded in batches, "heard N of M",
 * listen states for cited episodes known by title or by an mp3 of an episode logged by title, and
 * the feed import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importFeed } from '@/lib/catalog/import-feed';
import { episodeForMessage } from '@/lib/protocol/client';
import type { Result } from '@/lib/core/result';
import { SETTINGS_KEY } from '@/lib/settings';
import { readSavedPage } from '@/scripts/read-saved-page';
import { exportBackupJson, importBackup } from '@/lib/store/backup/backup';
import { openStore } from '@/lib/store/db';
import { readBackup } from '@/lib/store/backup/check';
import type { PaperRecord } from '@/lib/store/schema';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import {
  DB_NAME,
  paperSource,
  popupSender,
  tabSender,
  testService,
  type TestService,
} from '@/tests/unit/messages/helpers';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const SITE = 'https://podcast.do-not-panic.com/';

let t: TestService;

beforeEach(() => {
  fakeBrowser.reset();
  freshIndexedDb();
  t = testService();
});

afterEach(async () => {
  await t.service.close();
});

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const progress = (playedSince: number, position = playedSince) => ({
  episodeKey: STEM,
  position,
  duration: 100,
  playedSince,
});

describe('recordProgress', () => {
  it('is in progress while playing and heard at 90 % really played by default', async () => {
    const tab = tabSender(1);
    const first = valueOf(await t.service.handle('recordProgress', progress(50), tab));
    expect(first.state).toBe('in_progress');
    const second = valueOf(await t.service.handle('recordProgress', progress(39, 89), tab));
    expect(second.state).toBe('in_progress');
    const third = valueOf(await t.service.handle('recordProgress', progress(1, 90), tab));
    expect(third.state).toBe('heard');
  });

  it("applies the user's heard share from Settings", async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { heardShare: 0.5 } });
    const reply = valueOf(await t.service.handle('recordProgress', progress(50), tabSender(1)));
    expect(reply.state).toBe('heard');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { heardShare: 1 } });
    const other = { ...progress(99), episodeKey: '2026-05-21-other-episode-abcdef' };
    expect(valueOf(await t.service.handle('recordProgress', other, tabSender(1))).state).toBe(
      'in_progress',
    );
  });

  it('a seek to the end alone (position, nothing played) stays in progress', async () => {
    const reply = valueOf(
      await t.service.handle('recordProgress', { ...progress(0), position: 100 }, tabSender(1)),
    );
    expect(reply.state).toBe('in_progress');
    expect(reply.position).toBe(100);
  });

  it('a manual unheard wins over playing to the end, and a manual heard over playing', async () => {
    const tab = tabSender(1);
    await t.service.handle('setHeard', { episodeKey: STEM, heard: false }, tab);
    const played = valueOf(await t.service.handle('recordProgress', progress(100), tab));
    expect(played.state).toBe('unheard');
    expect(played.position).toBe(100);
    await t.service.handle('setHeard', { episodeKey: STEM, heard: true }, tab);
    const again = valueOf(await t.service.handle('recordProgress', progress(5, 3), tab));
    expect(again.state).toBe('heard');
  });
});

describe('saved moments', () => {
  it('savePaper keeps the moment; a backup carries and restores it exactly', async () => {
    const moment = { episodeKey: STEM, position: 754 };
    const saved = valueOf(
      await t.service.handle(
        'savePaper',
        { source: paperSource('2501.00663'), episodeKey: STEM, moment },
        tabSender(1),
      ),
    ) as PaperRecord;
    expect(saved.savedMoment).toEqual(moment);
    expect(saved.modified.savedMoment).toBe(saved.savedAt);
    const plain = valueOf(
      await t.service.handle('savePaper', { source: paperSource('1706.03762') }, tabSender(1)),
    ) as PaperRecord;
    expect('savedMoment' in plain).toBe(false);
    expect('savedMoment' in plain.modified).toBe(false);

    const text = valueOf(await t.service.handle('exportBackup', {}, popupSender())).text;
    expect(readBackup(text).ok).toBe(true);
    await t.service.close();
    freshIndexedDb();
    const store = await openStore({ name: DB_NAME, now: () => 1 });
    await importBackup(store, text);
    expect(await store.db.get('papers', 'arxiv:2501.00663')).toEqual(saved);
    expect(await store.db.get('papers', 'arxiv:1706.03762')).toEqual(plain);
    expect(JSON.parse(await exportBackupJson(store)).papers).toEqual(JSON.parse(text).papers);
    store.db.close();
  });

  it('a backup without moments (older Citecast) still loads; a bad moment is refused', async () => {
    valueOf(
      await t.service.handle('savePaper', { source: paperSource('2501.00663') }, tabSender(1)),
    );
    const text = valueOf(await t.service.handle('exportBackup', {}, popupSender())).text;
    const backup = JSON.parse(text);
    expect(readBackup(text).ok).toBe(true);
    backup.papers[0].savedMoment = { episodeKey: STEM, position: -3 };
    const bad = readBackup(JSON.stringify(backup));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.reason).toContain('papers[0].savedMoment.position');
  });

  it('savePaper refuses a moment that is not one', async () => {
    const reply = await t.service.handle(
      'savePaper',
      { source: paperSource('2501.00663'), moment: { episodeKey: STEM, position: 'x' } },
      tabSender(1),
    );
    expect(reply.ok).toBe(false);
  });
});

/** The show's home page fixture as the content script reads it. */
function homeEpisodes() {
  const html = readFileSync(join(ROOT, 'tests/fixtures/site/home.html'), 'utf8');
  return readSavedPage('home.html', html, { url: SITE, now: new Date('2026-06-01') });
}

/** The home page's catalog entries that have no card (what the content script batches). */
function homeCatalog() {
  return homeEpisodes().filter((e) => !e.location);
}

describe('recordCatalog and catalogStats', () => {
  it('records a home page catalog in one request, each episode on its own page', async () => {
    const entries = homeEpisodes();
    expect(entries.length).toBeGreaterThan(3);
    expect(homeCatalog().length).toBeGreaterThan(0);
    const episodes = entries.map((e) => ({ ...episodeForMessage(e), pageUrl: e.pageUrl ?? null }));
    const reply = valueOf(
      await t.service.handle('recordCatalog', { pageUrl: SITE, episodes }, tabSender(1, SITE)),
    );
    expect(reply.keys).toHaveLength(entries.length);
    expect(reply.keys.every((k) => k !== null)).toBe(true);
    const store = t.opened[0]!;
    const titans = await store.db.get('episodes', STEM);
    // Titans has no card on the home page: its catalog entry names its own page.
    expect(titans?.pages).toEqual([
      'https://podcast.do-not-panic.com/episodes/titans-learning-to-memorize-at-test-time/',
    ]);
    expect(titans!.sources.length).toBe(3);
    expect(await store.db.count('citations')).toBeGreaterThan(3);

    await t.service.handle('setHeard', { episodeKey: STEM, heard: true }, tabSender(1));
    const stats = valueOf(
      await t.service.handle('catalogStats', { offset: 0, limit: 2 }, popupSender()),
    );
    expect(stats.total).toBe(entries.length);
    expect(stats.heard).toBe(1);
    expect(stats.unheardTotal).toBe(entries.length - 1);
    expect(stats.unheard).toHaveLength(2);
    expect(stats.unheard.map((e) => e.key)).not.toContain(STEM);
    const dates = stats.unheard.map((e) => e.published ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('refuses a catalog from another site, and catalogStats to content scripts', async () => {
    const episodes = homeCatalog().map((e) => ({
      ...episodeForMessage(e),
      pageUrl: e.pageUrl ?? null,
    }));
    const foreign = await t.service.handle(
      'recordCatalog',
      { pageUrl: SITE, episodes },
      tabSender(1, 'https://podimo.com/no/shows/x'),
    );
    expect(foreign.ok ? null : foreign.error.code).toBe('forbidden');
    const stats = await t.service.handle(
      'catalogStats',
      { offset: 0, limit: 5 },
      tabSender(1, SITE),
    );
    expect(stats.ok ? null : stats.error.code).toBe('forbidden');
    const tooMany = await t.service.handle(
      'recordCatalog',
      { pageUrl: SITE, episodes: Array.from({ length: 251 }, () => episodes[0]) },
      tabSender(1, SITE),
    );
    expect(tooMany.ok ? null : tooMany.error.code).toBe('invalid');
  });
});

describe('listenStates for cited episodes', () => {
  it('finds a title-only cited episode under its stem, and a stem under a title-logged episode', async () => {
    const tab = tabSender(1, SITE);
    const titans = homeCatalog().find((e) => e.title?.startsWith('Titans'))!;
    await t.service.handle(
      'recordEpisode',
      { episode: episodeForMessage(titans), pageUrl: SITE },
      tab,
    );
    await t.service.handle('recordProgress', progress(10), tab);
    // An episode Podimo showed by title only, heard there.
    await t.service.handle(
      'recordEpisode',
      {
        episode: {
          ...episodeForMessage(titans),
          title: 'Prior Episode Title',
          visualizationUrl: null,
          audioUrl: null,
          published: '2026-05-01',
          sources: [],
        },
        pageUrl: 'https://podimo.com/no/shows/x',
      },
      tabSender(2, 'https://podimo.com/no/shows/x'),
    );
    await t.service.handle(
      'setHeard',
      { episodeKey: 'show:prior episode title', heard: true },
      tab,
    );
    const states = valueOf(
      await t.service.handle(
        'listenStates',
        {
          episodeKeys: [
            'show:titans learning to memorize at test time',
            '2026-05-01-prior-episode-title-abc123',
            '2026-05-02-prior-episode-title-abc123',
            'show:never heard of it',
          ],
        },
        tab,
      ),
    );
    expect(states['show:titans learning to memorize at test time']!.state).toBe('in_progress');
    expect(states['2026-05-01-prior-episode-title-abc123']!.state).toBe('heard');
    // Another date: another episode.
    expect(states['2026-05-02-prior-episode-title-abc123']!.state).toBe('unheard');
    expect(states['show:never heard of it']!.state).toBe('unheard');
  });
});

describe('importFeed', () => {
  const feed = readFileSync(join(ROOT, 'tests/fixtures/feed/feed.xml'), 'utf8');

  it('refuses without the host permission and fetches nothing', async () => {
    const store = await openStore({ name: DB_NAME, now: () => 1 });
    let fetched = 0;
    const reply = await importFeed(store, {
      hasPermission: async () => false,
      fetch: async () => {
        fetched++;
        return new Response(feed);
      },
    });
    expect(reply.ok ? null : reply.error.code).toBe('forbidden');
    expect(fetched).toBe(0);
    store.db.close();
  });

  it('records every item of the feed in one go', async () => {
    const store = await openStore({ name: DB_NAME, now: () => 1 });
    const reply = await importFeed(store, {
      hasPermission: async () => true,
      fetch: async () => new Response(feed, { status: 200 }),
    });
    const report = valueOf(reply);
    expect(report.episodes).toBe(4);
    expect(report.recorded).toBe(4);
    expect(await store.db.count('episodes')).toBe(4);
    const beluga = await store.db.get(
      'episodes',
      '2026-05-27-beluga-cxl-memory-pooling-for-llm-kv-cac-b6142f',
    );
    expect(beluga?.sources.length).toBe(4);
    store.db.close();
  });

  it('says why when the feed is missing or not a feed', async () => {
    const store = await openStore({ name: DB_NAME, now: () => 1 });
    const missing = await importFeed(store, {
      hasPermission: async () => true,
      fetch: async () => new Response('nope', { status: 404 }),
    });
    expect(missing.ok ? '' : missing.error.message).toContain('404');
    const html = await importFeed(store, {
      hasPermission: async () => true,
      fetch: async () => new Response('<html><body>hi</body></html>'),
    });
    expect(html.ok ? '' : html.error.message).toContain('not an RSS feed');
    const offline = await importFeed(store, {
      hasPermission: async () => true,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(offline.ok ? null : offline.error.code).toBe('unavailable');
    store.db.close();
  });

  it('only extension pages may ask for it', async () => {
    const reply = await t.service.handle('importFeed', {}, tabSender(1, SITE));
    expect(reply.ok ? null : reply.error.code).toBe('forbidden');
  });
});
