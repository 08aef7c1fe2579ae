// @vitest-environment happy-dom
/**
 * "Discussed in" on the extension's pages, against a fake background: the popup's top section on
 * a paper tab (by the tab's address alone), and a paper's detail listing the citing episodes the
 * listener has not heard.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageSetup } from '@/components/common/i18n';
import { ServicesProvider, type AskFn } from '@/components/common/services';
import { PaperDetail } from '@/components/library/PaperDetail';
import { PaperTab } from '@/components/popup/PaperTab';
import { failure, success } from '@/lib/core/result';
import { DEFAULT_SETTINGS, readSettings } from '@/lib/settings';
import type { Discussed } from '@/lib/store/discussed';
import type { PaperDetail as Detail } from '@/lib/store/library/types';
import { mountInto, quietServices, settle } from '@/tests/unit/pages/mount';
import { listenView } from '@/lib/store/library/views';
import { paperRecord } from '@/tests/unit/store/helpers';

const ANSWER: Discussed = {
  paperKey: 'arxiv:2501.00663',
  source: null,
  saved: false,
  episodes: [
    {
      key: 'a',
      title: 'Older Episode',
      published: '2026-01-05',
      url: 'https://podcast.do-not-panic.com/episodes/a/',
      state: 'heard',
      position: 0,
      heardAt: Date.UTC(2026, 4, 3, 12),
      otherPapers: 4,
    },
    {
      key: 'b',
      title: 'Newer Episode',
      published: '2026-03-02',
      url: 'javascript:alert(1)',
      state: 'in_progress',
      position: 1390,
      heardAt: null,
      otherPapers: 0,
    },
  ],
};

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Mounts the popup's section with the active tab at `url`; answers the requests it sends. */
async function mountPaperTab(url: string): Promise<unknown[]> {
  const calls: unknown[] = [];
  const ask = (async (type: string, data: unknown) => {
    calls.push({ type, data });
    return type === 'discussedIn' ? success(ANSWER) : failure('invalid', type);
  }) as AskFn;
  await act(() => {
    render(
      <PageSetup initial={DEFAULT_SETTINGS}>
        <ServicesProvider services={{ ...quietServices(ask), activeTabUrl: async () => url }}>
          <PaperTab />
        </ServicesProvider>
      </PageSetup>,
      root,
    );
  });
  await settle();
  return calls;
}

describe('the popup on a paper tab', () => {
  it('lists the citing episodes with their state, linking only http(s) pages', async () => {
    const calls = await mountPaperTab('https://arxiv.org/abs/2501.00663v2');
    expect(calls).toEqual([
      { type: 'discussedIn', data: { url: 'https://arxiv.org/abs/2501.00663v2', title: null } },
    ]);
    const rows = [...root.querySelectorAll('[data-testid="discussed-row"]')];
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['heard', 'in_progress']);
    expect(rows[0]!.textContent).toContain('heard on');
    expect(rows[0]!.textContent).toContain('4 other papers from that episode');
    expect(rows[0]!.querySelector('a[data-episode="a"]')?.getAttribute('href')).toBe(
      'https://podcast.do-not-panic.com/episodes/a/',
    );
    expect(rows[1]!.textContent).toContain('in progress at 23:10');
    expect(rows[1]!.querySelector('a')).toBeNull();
  });

  it('offers paper pages once: "No thanks" is remembered', async () => {
    await mountPaperTab('https://arxiv.org/abs/2501.00663v2');
    const no = root.querySelector<HTMLButtonElement>('[data-testid="paper-offer-no"]');
    expect(root.querySelector('[data-testid="paper-offer"]')?.textContent).toContain(
      'Show on paper pages',
    );
    await act(() => no!.click());
    await settle();
    expect((await readSettings()).paperPagesOffered).toBe(true);
  });

  it('stays away from any other tab', async () => {
    const calls = await mountPaperTab('https://example.com/abs/2501.00663');
    expect(calls).toEqual([]);
    expect(root.querySelector('[data-testid="paper-tab"]')).toBeNull();
  });
});

describe('a paper’s detail', () => {
  it('lists the citing episodes not heard yet', async () => {
    const detail: Detail = {
      paper: paperRecord('arxiv:2501.00663', 1),
      episodes: ['heard', 'unheard', 'in_progress'].map((state, i) => ({
        episode: {
          key: `e${i}`,
          title: `Episode ${i}`,
          published: null,
          duration: null,
          pageUrl: null,
          sourceCount: 1,
        },
        listen: { ...listenView(undefined), state: state as 'heard' },
        position: 0,
      })),
    };
    const ask = (async (type: string) =>
      type === 'paperDetail' ? success(detail) : failure('invalid', type)) as AskFn;
    await mountInto(root, <PaperDetail paperKey="arxiv:2501.00663" onClose={() => {}} />, ask);
    const list = root.querySelector('[data-testid="not-heard-in"]');
    expect([...list!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Episode 1',
      'Episode 2',
    ]);
  });
});
