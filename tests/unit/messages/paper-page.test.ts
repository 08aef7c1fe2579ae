/**
 * What a paper page's script may ask: `discussedIn` about the paper its own page shows, nothing
 * about another paper, and nothing from a podcast page's script; the extension's pages (the
 * popup, through `activeTab`) may ask about any paper address.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import {
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
  await t.service.close();
});

const ask = (url: string, sender: ReturnType<typeof popupSender>) =>
  t.service.handle('discussedIn', { url, title: null }, sender);

describe('discussedIn senders', () => {
  it('answers a paper page about its own paper, whatever the version in the address', async () => {
    const page = tabSender(4, 'https://arxiv.org/abs/2501.00663v2');
    expect((await ask('https://arxiv.org/abs/2501.00663v2', page)).ok).toBe(true);
  });
  it('refuses a paper page asking about another paper, and a podcast page asking at all', async () => {
    const page = tabSender(4, 'https://arxiv.org/abs/2501.00663');
    const other = await ask('https://arxiv.org/abs/2408.07326', page);
    expect(other.ok ? null : other.error.code).toBe('forbidden');
    const podcast = await ask('https://arxiv.org/abs/2501.00663', tabSender(5));
    expect(podcast.ok ? null : podcast.error.code).toBe('forbidden');
  });
  it('answers the popup about any paper address', async () => {
    expect((await ask('https://huggingface.co/papers/2408.07326', popupSender())).ok).toBe(true);
  });
});
