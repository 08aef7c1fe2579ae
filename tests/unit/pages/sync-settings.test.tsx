// @vitest-environment happy-dom
/**
 * Sync in Settings against a fake background: off by default, the usage line with what stays
 * here, each problem in words with what to do (English and Norwegian), and a remove that asks
 * first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { act } from 'preact/test-utils';
import type { AskFn } from '@/components/common/services';
import { SyncSettings } from '@/components/library/SyncSettings';
import { success } from '@/lib/core/result';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import type { SyncStatus } from '@/lib/sync/service';
import { mountInto, settle } from '@/tests/unit/pages/mount';

const OFF: SyncStatus = {
  enabled: false,
  bytes: null,
  quota: 102_400,
  lastSync: null,
  leftOut: { listens: 0, papers: 0, tags: 0, notes: 0 },
  waiting: 0,
  problem: null,
};

let root: HTMLElement;
let asked: { type: string; data: unknown }[];

/** A background whose sync answers `status`, and records what it was asked. */
function background(status: SyncStatus, after: SyncStatus = status): AskFn {
  return (async (type: string, data: unknown) => {
    asked.push({ type, data });
    return success(type === 'syncStatus' ? status : after);
  }) as AskFn;
}

const text = () => root.textContent ?? '';
const testId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => root.remove());

describe('Sync in Settings', () => {
  it('is off by default and says where the data would go', async () => {
    await mountInto(root, <SyncSettings />, background(OFF));
    expect((testId('sync-switch') as HTMLInputElement).checked).toBe(false);
    expect(text()).toContain('browser’s own account sync');
    expect(text()).toContain('encrypts it end to end');
    expect(testId('sync-usage')).toBeNull();
    expect(asked.map((a) => a.type)).toEqual(['syncStatus']);
  });

  it('shows the KB used of the quota and what stays here', async () => {
    const on: SyncStatus = {
      ...OFF,
      enabled: true,
      bytes: 38 * 1024,
      lastSync: Date.UTC(2026, 11, 6, 1),
      leftOut: { listens: 0, papers: 0, tags: 3, notes: 120 },
    };
    await mountInto(root, <SyncSettings />, background(on));
    const usage = testId('sync-usage')!.textContent ?? '';
    expect(usage).toContain('Syncing 38 KB of 100 KB.');
    expect(usage).toContain('Notes of 120 papers stay here.');
    expect(usage).toContain('Tags of 3 papers stay here.');
  });

  it('says what went wrong and what to do, in Norwegian too', async () => {
    await mountInto(
      root,
      <SyncSettings />,
      background({ ...OFF, enabled: true, problem: 'newer' }),
    );
    expect(testId('sync-problem')!.textContent).toContain('update Citecast here');
    root.remove();
    root = document.createElement('div');
    document.body.append(root);
    await mountInto(root, <SyncSettings />, background({ ...OFF, problem: 'reset' }), {
      ...DEFAULT_SETTINGS,
      language: 'nb',
    });
    expect(testId('sync-problem')!.textContent).toContain('tilbakestilt');
  });

  it('removes Citecast’s data only after the second click', async () => {
    await mountInto(root, <SyncSettings />, background({ ...OFF, enabled: true }, OFF));
    await act(() => testId('sync-remove')!.click());
    expect(asked.map((a) => a.type)).toEqual(['syncStatus']);
    await act(() => testId('sync-remove-confirm')!.click());
    await settle();
    expect(asked.at(-1)).toEqual({ type: 'clearSync', data: { confirm: true } });
    expect(text()).toContain('Citecast’s data was removed from the browser’s sync.');
  });
});
