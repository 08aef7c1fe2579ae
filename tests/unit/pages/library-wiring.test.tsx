// @vitest-environment happy-dom
/**
 * The library's catalog and arXiv wiring against a fake background: the catalog's "Heard N of M"
 * and its unheard list, a paper's saved moment, the feed import button and the arXiv switch
 * (their permission requests made first thing in the click, the permission code itself mocked).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AskFn } from '@/components/common/services';
import { ArxivSettings } from '@/components/library/ArxivSettings';
import { CatalogSummary } from '@/components/library/CatalogSummary';
import { FeedImport } from '@/components/library/FeedImport';
import { SavedMoment } from '@/components/library/SavedMoment';
import * as permission from '@/lib/arxiv/permission';
import * as feedClient from '@/lib/catalog/client';
import { failure, success } from '@/lib/core/result';
import type { RequestData } from '@/lib/protocol/requests';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { CatalogEpisode, CatalogStats } from '@/lib/store/catalog';
import type { EpisodeSummary } from '@/lib/store/library/types';
import { mountInto, settle } from '@/tests/unit/pages/mount';

vi.mock('@/lib/catalog/client', () => ({ importShowFeed: vi.fn() }));
vi.mock('@/lib/arxiv/permission', () => ({
  requestArxivAccess: vi.fn(),
  revokeArxivAccess: vi.fn(),
  hasArxivPermission: vi.fn(),
}));

function unheard(i: number, url: string | null): CatalogEpisode {
  return {
    key: `2026-01-${String(i + 1).padStart(2, '0')}-episode-${i}-abcdef`,
    title: `Episode ${i}`,
    published: `2026-01-${String(i + 1).padStart(2, '0')}`,
    state: i === 0 ? 'in_progress' : 'unheard',
    position: i === 0 ? 754 : 0,
    duration: 3600,
    url,
  };
}

/** A fake catalog of `total` episodes, `heard` of them heard; records the requests. */
function fakeCatalog(total: number, heard: number) {
  const rest = Array.from({ length: total - heard }, (_, i) =>
    unheard(
      i,
      i === 1 ? 'javascript:alert(1)' : `https://podcast.do-not-panic.com/episodes/e${i}/`,
    ),
  );
  const calls: { type: string; data: unknown }[] = [];
  const ask = (async (type: string, data: unknown) => {
    calls.push({ type, data });
    if (type === 'catalogStats') {
      const { offset, limit } = data as RequestData<'catalogStats'>;
      const stats: CatalogStats = {
        total,
        heard,
        inProgress: 1,
        unheard: rest.slice(offset, offset + limit),
        unheardTotal: rest.length,
      };
      return success(stats);
    }
    if (type === 'episodeDetail') {
      return success({
        view: { episode: summary('other', 'Fetched Episode', 'https://podimo.com/no/e/1') },
        sources: [],
      });
    }
    return failure('invalid', `unexpected ${type}`);
  }) as AskFn;
  return { ask, calls };
}

function summary(key: string, title: string | null, pageUrl: string | null): EpisodeSummary {
  return { key, title, published: null, duration: null, pageUrl, sourceCount: 0 };
}

let root: HTMLElement;

async function mount(
  node: preact.ComponentChild,
  ask: AskFn,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<void> {
  await mountInto(root, node, ask, settings);
}

const q = (testId: string) => root.querySelector(`[data-testid="${testId}"]`);

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(feedClient.importShowFeed).mockReset();
  vi.mocked(permission.requestArxivAccess).mockReset();
  vi.mocked(permission.revokeArxivAccess).mockReset();
  vi.mocked(permission.hasArxivPermission).mockReset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the catalog in Episodes', () => {
  it('says heard N of M and lists the unheard episodes, only http(s) ones as links', async () => {
    const { ask, calls } = fakeCatalog(60, 3);
    await mount(<CatalogSummary />, ask);
    expect(q('catalog-line')?.textContent).toBe('Heard 3 of 60 episodes · 1 in progress');
    expect(root.querySelector('summary')?.textContent).toBe('Not heard yet (57)');
    const rows = [...root.querySelectorAll('[data-testid="catalog-episode"]')];
    expect(rows).toHaveLength(25);
    // In progress: opens at its position.
    expect(rows[0]!.querySelector('a')?.getAttribute('href')).toBe(
      'https://podcast.do-not-panic.com/episodes/e0/#t=754',
    );
    expect(rows[0]!.textContent).toContain('at 12:34');
    // A javascript: address is text, never a link.
    expect(rows[1]!.querySelector('a')).toBeNull();
    expect(rows[1]!.textContent).toContain('Episode 1');
    expect(rows[2]!.querySelector('a')?.getAttribute('href')).toBe(
      'https://podcast.do-not-panic.com/episodes/e2/',
    );
    await act(() => (q('catalog-more') as HTMLButtonElement).click());
    await settle();
    expect(root.querySelectorAll('[data-testid="catalog-episode"]')).toHaveLength(50);
    expect(calls.at(-1)).toEqual({ type: 'catalogStats', data: { offset: 0, limit: 50 } });
  });

  it('with no episode known, only says how to get them', async () => {
    const { ask } = fakeCatalog(0, 0);
    await mount(<CatalogSummary />, ask);
    expect(q('catalog-line')).toBeNull();
    expect(q('catalog-unheard')).toBeNull();
    expect(q('catalog')?.textContent).toContain('import its feed');
    expect(q('catalog')?.querySelector('a')?.getAttribute('href')).toBe('#import-export');
  });

  it('speaks Bokmål when the setting says so', async () => {
    const { ask } = fakeCatalog(891, 37);
    await mount(<CatalogSummary />, ask, { ...DEFAULT_SETTINGS, language: 'nb' });
    expect(q('catalog-line')?.textContent).toMatch(/^Hørt 37 av 891 episoder/);
  });
});

describe('a paper’s saved moment', () => {
  it('links to the citing episode’s page at the moment', async () => {
    const { ask, calls } = fakeCatalog(1, 0);
    const citing = [
      summary('ep', 'KV Cache Episode', 'https://podcast.do-not-panic.com/episodes/kv/'),
    ];
    await mount(
      <SavedMoment moment={{ episodeKey: 'ep', position: 754.6 }} citing={citing} />,
      ask,
    );
    const line = q('saved-moment')!;
    expect(line.textContent).toContain('saved at 12:34 in KV Cache Episode');
    expect(line.querySelector('a')?.getAttribute('href')).toBe(
      'https://podcast.do-not-panic.com/episodes/kv/#t=754',
    );
    expect(calls).toHaveLength(0);
  });

  it('asks for an episode that does not cite the paper, and never links a non-http page', async () => {
    const { ask, calls } = fakeCatalog(1, 0);
    await mount(<SavedMoment moment={{ episodeKey: 'other', position: 5 }} citing={[]} />, ask);
    expect(calls.map((c) => c.type)).toEqual(['episodeDetail']);
    expect(q('saved-moment')?.textContent).toContain('saved at 0:05 in Fetched Episode');
    expect(q('saved-moment')?.querySelector('a')?.getAttribute('href')).toBe(
      'https://podimo.com/no/e/1#t=5',
    );
    render(null, root);
    const citing = [summary('ep', 'Bad', 'javascript:alert(1)')];
    await mount(<SavedMoment moment={{ episodeKey: 'ep', position: 5 }} citing={citing} />, ask);
    expect(q('saved-moment')?.querySelector('a')).toBeNull();
    expect(q('saved-moment')?.textContent).toContain('saved at 0:05 in Bad');
  });
});

describe('the feed import', () => {
  it('asks first thing in the click, then reports the episodes recorded', async () => {
    const { ask } = fakeCatalog(5, 1);
    let resolve!: (value: Awaited<ReturnType<typeof feedClient.importShowFeed>>) => void;
    vi.mocked(feedClient.importShowFeed).mockReturnValue(new Promise((r) => (resolve = r)));
    await mount(<FeedImport />, ask);
    (q('import-feed') as HTMLButtonElement).click();
    // Called inside the click itself, before anything awaited.
    expect(feedClient.importShowFeed).toHaveBeenCalledTimes(1);
    await settle();
    expect((q('import-feed') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => resolve(success({ episodes: 4, recorded: 4, keys: [] })));
    await settle();
    expect(q('feed-report')?.textContent).toContain('Feed imported: 4 episodes recorded.');
    expect(q('catalog-line')?.textContent).toBe('Heard 1 of 5 episodes · 1 in progress');
  });

  it('says why nothing was imported', async () => {
    const { ask } = fakeCatalog(5, 1);
    vi.mocked(feedClient.importShowFeed).mockResolvedValue(
      failure('forbidden', 'Citecast did not get access.'),
    );
    await mount(<FeedImport />, ask);
    await act(() => (q('import-feed') as HTMLButtonElement).click());
    await settle();
    expect(q('feed-error')?.getAttribute('data-code')).toBe('forbidden');
    expect(q('feed-error')?.textContent).toContain('so nothing was fetched');
    vi.mocked(feedClient.importShowFeed).mockResolvedValue(
      failure('unavailable', 'The show’s feed answered 503; try again later.'),
    );
    await act(() => (q('import-feed') as HTMLButtonElement).click());
    await settle();
    expect(q('feed-error')?.textContent).toBe(
      'The feed was not imported: The show’s feed answered 503; try again later.',
    );
  });
});

describe('the arXiv switch', () => {
  it('requests the permission first thing in the click, and gives it back when turned off', async () => {
    const { ask } = fakeCatalog(1, 0);
    vi.mocked(permission.hasArxivPermission).mockResolvedValue(false);
    vi.mocked(permission.requestArxivAccess).mockResolvedValue('refused');
    await mount(<ArxivSettings />, ask);
    const toggle = q('arxiv-switch') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(q('settings-arxiv')?.textContent).toContain('Sends only the titles');
    expect(q('settings-arxiv')?.querySelector('a')).toBeNull();
    toggle.click();
    expect(permission.requestArxivAccess).toHaveBeenCalledTimes(1);
    await settle();
    expect(q('arxiv-status')?.textContent).toBe(
      'Not allowed: lookups stay off and nothing is sent.',
    );
    expect(toggle.getAttribute('aria-checked')).toBe('false');

    // On (setting and permission): a click turns it off and gives the permission back.
    render(null, root);
    vi.mocked(permission.hasArxivPermission).mockResolvedValue(true);
    vi.mocked(permission.revokeArxivAccess).mockResolvedValue(undefined);
    await mount(<ArxivSettings />, ask, { ...DEFAULT_SETTINGS, arxivLookup: true });
    const on = q('arxiv-switch') as HTMLButtonElement;
    expect(on.getAttribute('aria-checked')).toBe('true');
    await act(() => on.click());
    await settle();
    expect(permission.revokeArxivAccess).toHaveBeenCalledTimes(1);
    expect(permission.requestArxivAccess).toHaveBeenCalledTimes(1);
    expect(q('arxiv-status')?.textContent).toBe(
      'arXiv lookups are off, and the permission was given back.',
    );
  });
});
