/**
 * A database populated by schema v1 (the fixture holds its records exactly as v1 wrote them)
 * is upgraded to the latest schema: every record must come through intact. When a new schema
 * version is added, this test upgrades the same v1 data through every step up to it.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { openStore, type Store } from '@/lib/store/db';
import { recordEpisode } from '@/lib/store/episodes';
import { normaliseTitle } from '@/lib/core/keys';
import { getListen } from '@/lib/store/listens';
import { LATEST_VERSION } from '@/lib/store/migrations';
import { isSaved, recentPapers } from '@/lib/store/papers';
import { STORE_NAMES, type StoreName } from '@/lib/store/schema';
import { freshIndexedDb, testClock } from '@/tests/unit/store/helpers';

type Fixture = { schemaVersion: number } & Record<StoreName, Record<string, unknown>[]>;

const FIXTURE = JSON.parse(
  readFileSync(new URL('./fixtures/v1-populated.json', import.meta.url), 'utf8'),
) as Fixture;
const NAME = 'citecast-upgrade';
const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const TITLE_ONLY = 'show:memoire a long terme memory layers at scale';

/** Writes the fixture's records into a new database at schema v1, then closes it. */
async function writeV1Database(): Promise<void> {
  const v1 = await openStore({ name: NAME, version: FIXTURE.schemaVersion });
  expect(v1.db.version).toBe(1);
  const tx = v1.db.transaction(STORE_NAMES, 'readwrite');
  await Promise.all(
    STORE_NAMES.flatMap((name) =>
      // Raw v1 records: the put bypasses the latest record types on purpose.
      FIXTURE[name].map((record) => tx.objectStore(name).put(record as never)),
    ),
  );
  await tx.done;
  v1.db.close();
}

/** What the latest schema derives from a v1 record (fields v1 never had). */
function withoutDerived(name: StoreName, record: Record<string, unknown>): Record<string, unknown> {
  if (name === 'citations') {
    const { ids: _ids, ...rest } = record;
    return rest;
  }
  if (name !== 'episodes') return record;
  const { titleKey: _derived, ...rest } = record;
  return rest;
}

let store: Store;

beforeEach(async () => {
  freshIndexedDb();
  await writeV1Database();
  store = await openStore({ name: NAME, now: testClock(Date.UTC(2026, 6, 1)).now });
});

describe('upgrading a v1 database to the latest schema', () => {
  it('really upgrades: the fixture is older than the latest schema', () => {
    expect(FIXTURE.schemaVersion).toBe(1);
    expect(LATEST_VERSION).toBeGreaterThan(FIXTURE.schemaVersion);
    expect(store.db.version).toBe(LATEST_VERSION);
  });

  it('keeps every record of every store intact', async () => {
    for (const name of STORE_NAMES) {
      const stored = (await store.db.getAll(name)) as unknown as Record<string, unknown>[];
      expect(stored.length, name).toBe(FIXTURE[name].length);
      expect(
        stored.map((r) => withoutDerived(name, r)),
        name,
      ).toEqual(expect.arrayContaining(FIXTURE[name]));
    }
  });

  it('fills in v2 title keys and indexes them', async () => {
    const episodes = await store.db.getAll('episodes');
    for (const episode of episodes) expect(episode.titleKey).toBe(normaliseTitle(episode.title!));
    const found = await store.db.getAllKeysFromIndex(
      'episodes',
      'byTitleKey',
      'titans learning to memorize at test time',
    );
    expect(found).toEqual([STEM]);
  });

  it('fills in v5 citation ids and indexes them', async () => {
    const found = await store.db.getAllFromIndex('citations', 'byUrl', 'arxiv:2501.00663');
    expect(found.map((c) => c.episodeKey)).toContain(STEM);
    for (const c of await store.db.getAll('citations')) {
      if (c.paperKey.startsWith('arxiv:')) expect(c.ids).toContain(c.paperKey);
    }
  });

  it('answers the UI from the upgraded data', async () => {
    const saved = await isSaved(store, [
      'arxiv:2501.00663',
      'arxiv:hep-th/9901001',
      'title:memory layers at scale',
    ]);
    expect([...saved.values()]).toEqual([true, false, true]);
    expect((await recentPapers(store)).map((p) => p.key).sort()).toEqual([
      'arxiv:2501.00663',
      'doi:10.1145/3600006.3613165',
      'title:memory layers at scale',
    ]);
    // A page now ties the title-only episode to its stem: the v1 records move under it.
    const stem = '2025-11-02-memory-layers-at-scale-a1b2c3';
    await recordEpisode(store, {
      title: 'Mémoire à long terme — “Memory Layers” at Scale',
      published: '2025-11-02',
      duration: 2210,
      audioUrl: `https://podcast.do-not-panic.com/episodes/${stem}.mp3`,
      visualizationUrl: null,
      sources: [],
      cutShort: true,
      pageUrl: 'https://podcast.do-not-panic.com/2025/11/memory-layers/',
    });
    expect(await store.db.get('episodes', TITLE_ONLY)).toBeUndefined();
    expect((await store.db.get('episodes', stem))!.note).toBe('ask about product keys');
    expect((await getListen(store, stem))!.position).toBe(734.25);
  });
});
