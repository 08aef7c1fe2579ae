/** The `bibtex` request: the saved papers among the keys asked, as BibTeX, from a content script. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Result } from '@/lib/core/result';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
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

afterEach(async () => {
  vi.restoreAllMocks();
  await t.service.close();
});

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('bibtex', () => {
  it('writes the saved papers asked for, leaving out unsaved and unknown keys', async () => {
    const tab = tabSender(1);
    valueOf(await t.service.handle('savePaper', { source: paperSource('2501.00663') }, tab));
    valueOf(await t.service.handle('savePaper', { source: paperSource('2402.00001') }, tab));
    valueOf(await t.service.handle('unsavePaper', { key: 'arxiv:2402.00001' }, tab));
    const reply = valueOf(
      await t.service.handle(
        'bibtex',
        { keys: ['arxiv:2501.00663', 'arxiv:2402.00001', 'arxiv:2999.99999'] },
        tab,
      ),
    );
    expect(reply.count).toBe(1);
    expect(reply.text).toMatch(/^@misc\{/);
    expect(reply.text).toContain('eprint = {2501.00663}');
    expect(reply.text).not.toContain('2402.00001');
    expect(t.changes).toHaveLength(3);
  });

  it('gives a web page the citation without the listener’s note and tags', async () => {
    const key = 'arxiv:2501.00663';
    valueOf(
      await t.service.handle('savePaper', { source: paperSource('2501.00663') }, tabSender(1)),
    );
    valueOf(await t.service.handle('setNote', { key, note: 'my private thought' }, popupSender()));
    valueOf(await t.service.handle('setTags', { key, tags: ['secret-tag'] }, popupSender()));
    const page = valueOf(await t.service.handle('bibtex', { keys: [key] }, tabSender(1)));
    expect(page.text).toContain('eprint = {2501.00663}');
    expect(page.text).not.toContain('private thought');
    expect(page.text).not.toContain('secret');
    // The library's own pages still export them.
    const library = valueOf(await t.service.handle('bibtex', { keys: [key] }, popupSender()));
    expect(library.text).toContain('my private thought');
    expect(library.text).toContain('secret');
  });

  it('refuses a payload that is not a list of keys', async () => {
    const reply = await t.service.handle('bibtex', { keys: 'arxiv:1' }, tabSender(1));
    expect(reply.ok).toBe(false);
  });
});
