// @vitest-environment happy-dom
/**
 * The popup's and the library's components against a fake background (`ask`): rows, search as
 * you type, keyboard, empty and error states, delete with undo, this tab's save button.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageSetup } from '@/components/common/i18n';
import { ServicesProvider, type AskFn, type Services } from '@/components/common/services';
import { PapersSection } from '@/components/library/PapersSection';
import { PaperSearch } from '@/components/popup/PaperSearch';
import { ThisTab } from '@/components/popup/ThisTab';
import { failure, success } from '@/lib/core/result';
import type { RequestData } from '@/lib/protocol/requests';
import type { PageEpisodesReply } from '@/lib/page-episodes';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { PaperRecord } from '@/lib/store/schema';
import type { PaperView } from '@/lib/store/library/types';
import { paperRecord } from '@/tests/unit/store/helpers';

function paper(key: string, title: string, savedAt: number): PaperRecord {
  return paperRecord(key, savedAt, {
    title,
    authors: ['Ada Author'],
    year: 2024,
    arxivId: key.startsWith('arxiv:') ? key.slice(6) : null,
  });
}

/** A fake background holding `papers`; records every request. */
function fakeBackground(
  initial: PaperRecord[],
  options: { down?: boolean; uncounted?: boolean; warming?: Promise<void> } = {},
) {
  let papers = [...initial];
  // Like the background before its copy is built: the first recent saves come uncounted.
  let warm = !options.uncounted;
  const calls: { type: string; data: unknown }[] = [];
  const ask = (async (type: string, data: unknown) => {
    calls.push({ type, data });
    if (options.down) return failure('unavailable', 'This part of Citecast is not built yet.');
    switch (type) {
      case 'queryPapers': {
        const q = data as RequestData<'queryPapers'>;
        const rows: PaperView[] = papers
          .filter((p) => (p.title ?? '').toLowerCase().includes(q.text.toLowerCase()))
          .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
          .map((p) => ({ paper: p, citedIn: 1, citedInHeard: 0 }));
        return success({
          total: rows.length,
          rows: rows.slice(q.offset, q.offset + q.limit),
          tags: [],
          years: [2024],
        });
      }
      case 'recentSaves': {
        const rows: PaperView[] = [...papers]
          .sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))
          .map((p) => ({ paper: p, citedIn: 1, citedInHeard: 0 }));
        const { limit } = data as RequestData<'recentSaves'>;
        return success({ total: warm ? rows.length : null, rows: rows.slice(0, limit) });
      }
      case 'warmLibrary': {
        const built = warm;
        await options.warming;
        warm = true;
        return success({ built });
      }
      case 'unsavePapers': {
        const keys = (data as { keys: string[] }).keys;
        const removed = papers.filter((p) => keys.includes(p.key));
        papers = papers.filter((p) => !keys.includes(p.key));
        return success({ papers: removed });
      }
      case 'restorePapers': {
        const back = (data as { papers: PaperRecord[] }).papers;
        papers.push(...back);
        return success({ count: back.length });
      }
      case 'savedStates':
        return success(
          Object.fromEntries((data as { keys: string[] }).keys.map((k) => [k, false])),
        );
      case 'listenStates':
        return success({});
      case 'savePaper':
        return success(paper('arxiv:2501.00663', 'Titans', 1));
      default:
        return failure('invalid', `unexpected ${type}`);
    }
  }) as AskFn;
  return { ask, calls, papers: () => papers };
}

let root: HTMLElement;
let changeListeners: ((c: { kind: 'papers'; keys: null }) => void)[] = [];
const opened: string[] = [];

function services(ask: AskFn, page: PageEpisodesReply | null = null): Services {
  return {
    ask,
    onStoreChanged(listener) {
      changeListeners.push(listener as never);
      return () => undefined;
    },
    openTab: (url) => opened.push(url),
    openLibrary: (section) => opened.push(`library#${section}`),
    pageEpisodes: async () => page,
    readActiveTab: async () => undefined,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

async function mount(node: preact.ComponentChild): Promise<void> {
  await act(() => {
    render(<PageSetup initial={DEFAULT_SETTINGS}>{node}</PageSetup>, root);
  });
  await settle();
}

const rows = () => [...root.querySelectorAll('[data-testid="paper-row"]')];

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
  changeListeners = [];
  opened.length = 0;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const LIBRARY = [
  paper('arxiv:2205.14135', 'FlashAttention', 3),
  paper('arxiv:2407.08608', 'FlashAttention-3', 2),
  paper('arxiv:2312.00752', 'Mamba', 1),
];

describe('the popup search', () => {
  it('lists the recent saves, narrows as you type, and opens with the keyboard', async () => {
    const bg = fakeBackground(LIBRARY);
    await mount(
      <ServicesProvider services={services(bg.ask)}>
        <PaperSearch />
      </ServicesProvider>,
    );
    expect(rows().map((r) => r.querySelector('.line-title')?.textContent)).toEqual([
      'FlashAttention',
      'FlashAttention-3',
      'Mamba',
    ]);
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(() => {
      field.value = 'mam';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(rows()).toHaveLength(1);
    expect(bg.calls.at(-1)).toMatchObject({
      type: 'queryPapers',
      data: { text: 'mam', sort: 'relevance' },
    });
    await act(() => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(field.getAttribute('aria-activedescendant')).toBe('popup-results-0');
    expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
    await act(() => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(opened).toEqual(['https://arxiv.org/abs/2312.00752']);
  });

  it('shows the recent saves asked for before it rendered, then warms the search', async () => {
    let built = () => undefined as void;
    const warming = new Promise<void>((resolve) => (built = resolve));
    const bg = fakeBackground(LIBRARY, { uncounted: true, warming });
    const early = bg.ask('recentSaves', { limit: 50 });
    bg.calls.length = 0;
    await mount(
      <ServicesProvider services={services(bg.ask)}>
        <PaperSearch firstPage={early} />
      </ServicesProvider>,
    );
    expect(rows()).toHaveLength(3);
    expect(root.querySelector('[data-query]')?.getAttribute('data-query')).toBe('');
    expect(root.querySelector('#search-heading')?.textContent).toBe('Recent saves');
    // Nothing asked again for the first page; the copy for the search is warmed after paint,
    // then the recent saves are asked for again, now counted.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(bg.calls.map((c) => c.type)).toEqual(['warmLibrary']);
    built();
    await settle();
    expect(bg.calls.map((c) => c.type)).toEqual(['warmLibrary', 'recentSaves']);
    expect(root.querySelector('#search-heading')?.textContent).toBe('Recent saves · 3');
    expect(rows()).toHaveLength(3);
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(() => {
      field.value = 'flash';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(root.querySelector('[data-query]')?.getAttribute('data-query')).toBe('flash');
    expect(rows()).toHaveLength(2);
    await act(() => {
      field.value = '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect(rows()).toHaveLength(3);
    expect(bg.calls.map((c) => c.type)).toEqual([
      'warmLibrary',
      'recentSaves',
      'queryPapers',
      'recentSaves',
    ]);
  });

  it('says what to do when nothing is saved, and shows the store’s error', async () => {
    await mount(
      <ServicesProvider services={services(fakeBackground([]).ask)}>
        <PaperSearch />
      </ServicesProvider>,
    );
    expect(root.querySelector('[data-testid="empty-papers"]')?.textContent).toContain('press Save');
    render(null, root);
    await mount(
      <ServicesProvider services={services(fakeBackground(LIBRARY, { down: true }).ask)}>
        <PaperSearch />
      </ServicesProvider>,
    );
    expect(root.querySelector('[data-testid="store-error"]')?.textContent).toContain(
      'not built yet',
    );
  });

  it('renders only the rows in view of a long list', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => paper(`title:p${i}`, `Paper ${i}`, i));
    const bg = fakeBackground(many);
    await mount(
      <ServicesProvider services={services(bg.ask)}>
        <PaperSearch />
      </ServicesProvider>,
    );
    expect(root.querySelector('[data-testid="paper-list"]')?.getAttribute('data-count')).toBe(
      '5000',
    );
    expect(rows().length).toBeLessThan(20);
    const asked = bg.calls.filter((c) => c.type === 'queryPapers');
    expect(asked.every((c) => (c.data as { limit: number }).limit <= 100)).toBe(true);
  });
});

describe('the papers section', () => {
  it('deletes the selected papers and undoes it', async () => {
    const bg = fakeBackground(LIBRARY);
    let selection: ReadonlySet<string> = new Set();
    const Harness = () => {
      const [sel, setSel] = useSelection();
      selection = sel;
      return (
        <PapersSection
          selection={sel}
          onSelection={setSel}
          episode={null}
          onEpisode={() => undefined}
        />
      );
    };
    await mount(
      <ServicesProvider services={services(bg.ask)}>
        <Harness />
      </ServicesProvider>,
    );
    expect(rows()).toHaveLength(3);
    const boxes = root.querySelectorAll<HTMLInputElement>('[data-testid="select-paper"]');
    await act(() => {
      boxes[0]!.click();
    });
    await act(() => {
      root.querySelectorAll<HTMLInputElement>('[data-testid="select-paper"]')[2]!.click();
    });
    expect([...selection].sort()).toEqual(['arxiv:2205.14135', 'arxiv:2312.00752']);
    await act(() => {
      root.querySelector<HTMLButtonElement>('[data-testid="delete-selected"]')!.click();
    });
    await settle();
    expect(bg.papers().map((p) => p.key)).toEqual(['arxiv:2407.08608']);
    expect(root.querySelector('[data-testid="toast"]')?.textContent).toContain('Deleted 2 papers.');
    for (const l of changeListeners) l({ kind: 'papers', keys: null });
    await new Promise((r) => setTimeout(r, 50));
    await settle();
    expect(rows()).toHaveLength(1);
    await act(() => {
      root.querySelector<HTMLButtonElement>('[data-testid="undo"]')!.click();
    });
    await settle();
    const restore = bg.calls.find((c) => c.type === 'restorePapers');
    expect((restore!.data as { papers: PaperRecord[] }).papers.map((p) => p.key).sort()).toEqual([
      'arxiv:2205.14135',
      'arxiv:2312.00752',
    ]);
    expect(bg.papers()).toHaveLength(3);
  });
});

describe('this tab in the popup', () => {
  it('saves a source of the page with its episode', async () => {
    const bg = fakeBackground([]);
    const page: PageEpisodesReply = {
      url: 'https://podcast.do-not-panic.com/episodes/x.html',
      episodes: [
        {
          key: '2026-05-01-titans-abc123',
          episode: {
            title: 'Titans',
            published: null,
            duration: null,
            audioUrl: null,
            visualizationUrl: null,
            sources: [
              {
                title: 'Titans: Learning to Memorize at Test Time',
                authors: [],
                year: 2024,
                url: 'https://arxiv.org/abs/2501.00663v1',
                kind: 'paper',
                arxivId: '2501.00663',
                arxivVersion: 1,
                doi: null,
                pdfUrl: 'https://arxiv.org/pdf/2501.00663v1',
                episode: null,
              },
            ],
          },
          sourceKeys: ['arxiv:2501.00663'],
        },
      ],
    };
    await mount(
      <ServicesProvider services={services(bg.ask, page)}>
        <ThisTab refresh={0} />
      </ServicesProvider>,
    );
    const save = root.querySelector<HTMLButtonElement>('button[data-action="save"]')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    await act(() => save.click());
    await settle();
    expect(bg.calls.find((c) => c.type === 'savePaper')?.data).toMatchObject({
      episodeKey: '2026-05-01-titans-abc123',
      source: { arxivId: '2501.00663' },
    });
    expect(root.querySelector('button[data-action="save"]')!.getAttribute('aria-pressed')).toBe(
      'true',
    );
    await act(() =>
      root.querySelector<HTMLButtonElement>('button[data-action="open-pdf"]')!.click(),
    );
    expect(opened).toEqual(['https://arxiv.org/pdf/2501.00663v1']);
  });
});

/** A selection held in state, as the library holds it. */
function useSelection(): [ReadonlySet<string>, (s: ReadonlySet<string>) => void] {
  return useState<ReadonlySet<string>>(new Set());
}
