// @vitest-environment happy-dom
/**
 * The library's restore offers two ways: "merge into my library" (the default) and "replace my
 * library with this backup", which asks first and sends nothing until the user says yes; how
 * long deletes are remembered is a setting.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AskFn } from '@/components/common/services';
import { ImportExportSection } from '@/components/library/ImportExportSection';
import { SettingsSection } from '@/components/library/SettingsSection';
import { success } from '@/lib/core/result';
import { readSettings } from '@/lib/settings';
import { BACKUP_SECTIONS } from '@/lib/store/backup/format';
import { mountInto, settle } from '@/tests/unit/pages/mount';

let root: HTMLElement;
let calls: { type: string; data: unknown }[];

const report = Object.fromEntries(
  BACKUP_SECTIONS.map((s) => [s, { added: 1, updated: 0, skipped: 0 }]),
);
const ask = (async (type: string, data: unknown) => {
  calls.push({ type, data });
  return success(report);
}) as AskFn;

async function choose(text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="restore-file"]')!;
  const file = new File([text], 'citecast-backup.json', { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

// Zotero's PDF box follows permission changes; the fake browser has no such events. Stood in
// for once, not per test: Preact may run an effect's cleanup after the test's mocks are restored.
for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) {
  Object.assign(event, { addListener: () => undefined, removeListener: () => undefined });
}

const restores = () => calls.filter((c) => c.type === 'importBackup').map((c) => c.data);

beforeEach(async () => {
  fakeBrowser.reset();
  calls = [];
  root = document.createElement('div');
  document.body.append(root);
  await mountInto(root, <ImportExportSection selection={new Set()} />, ask);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('restoring a backup', () => {
  it('merges by default', async () => {
    const merge = root.querySelector<HTMLInputElement>('input[value="merge"]')!;
    expect(merge.checked).toBe(true);
    await choose('{}');
    expect(restores()).toEqual([{ text: '{}', mode: 'merge' }]);
  });

  it('replaces only after the user confirms', async () => {
    const replace = root.querySelector<HTMLInputElement>('input[value="replace"]')!;
    await act(() => {
      replace.click();
    });
    await choose('{}');
    expect(restores()).toEqual([]);
    const confirm = root.querySelector('[data-testid="replace-confirm"]')!;
    expect(confirm.textContent).toContain('Replace your whole library with citecast-backup.json?');
    await act(() =>
      (root.querySelector('[data-testid="replace-yes"]') as HTMLButtonElement).click(),
    );
    await settle();
    expect(restores()).toEqual([{ text: '{}', mode: 'replace' }]);
    expect(root.querySelector('[data-testid="import-report"]')).not.toBeNull();
  });
});

describe('how long deletes are remembered', () => {
  it('is a setting, 400 days unless changed', async () => {
    render(null, root);
    // The shortcuts list asks the browser; the fake one has none.
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
    await mountInto(root, <SettingsSection />, ask);
    const field = root.querySelector<HTMLInputElement>('[data-testid="tombstone-days"]')!;
    expect(field.value).toBe('400');
    await act(() => {
      field.value = '500';
      field.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect((await readSettings()).tombstoneDays).toBe(500);
  });
});
