/**
 * The paper pages' "discussed in" card on a linkedom page with a fake background: where it goes
 * (after the heading the document's title holds), what it shows, that the page-visible host and
 * the shape of the closed root do not change with heard or saved, the save control (trusted
 * clicks only), and a single-page app's move to another paper.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CARD_TAG, createPaperCard, findPaperTitle } from '@/lib/content/paper-card';
import { rootOf } from '@/lib/content/roots';
import type { ask } from '@/lib/protocol/client';
import type { Discussed } from '@/lib/store/discussed';

const ARXIV = `<html><head><title>[2501.00663] Titans: Learning to Memorize at Test Time</title></head>
<body><div><a href="/">arXiv</a><h1><span>Title:</span>Titans: Learning to Memorize at Test Time</h1>
<div>Authors: Ali Behrouz</div><blockquote>Abstract: …</blockquote></div></body></html>`;

const episode = (key: string, published: string, state: 'heard' | 'unheard' = 'unheard') => ({
  key,
  title: `Episode ${key}`,
  published,
  url: `https://podcast.do-not-panic.com/episodes/${key}/`,
  state,
  position: 0,
  heardAt: state === 'heard' ? Date.UTC(2026, 4, 3, 12) : null,
  otherPapers: 2,
});

const answer = (saved: boolean, state: 'heard' | 'unheard'): Discussed => ({
  paperKey: 'arxiv:2501.00663',
  source: {
    title: 'Titans: Learning to Memorize at Test Time',
    authors: ['Ali Behrouz'],
    year: 2025,
    url: 'https://arxiv.org/abs/2501.00663',
    arxivId: '2501.00663',
    doi: null,
    pdfUrl: null,
  },
  saved,
  episodes: [episode('a', '2025-01-20', state), episode('b', '2025-03-02')],
});

/** A page at `url` and a card with a fake background answering `reply` (and recording). */
function setup(url: string, reply: () => Discussed, html = ARXIV) {
  const { document } = parseHTML(html);
  let trusted = true;
  let failSaves = false;
  let address = url;
  const sent: [string, unknown][] = [];
  const fakeAsk = (async (type: string, data: unknown) => {
    sent.push([type, data]);
    if (type === 'discussedIn') return { ok: true, value: reply() };
    if (type === 'savePaper' && failSaves) {
      return { ok: false, error: { code: 'quota', message: 'The storage is full.' } };
    }
    return { ok: true, value: {} };
  }) as typeof ask;
  const card = createPaperCard({
    document: document as unknown as Document,
    pageUrl: () => address,
    isTrusted: () => trusted,
    ask: fakeAsk,
    locale: 'en',
  });
  return {
    document: document as unknown as Document,
    card,
    sent,
    go: (next: string) => (address = next),
    trust: (on: boolean) => (trusted = on),
    failSaves: () => (failSaves = true),
    host: () => document.querySelector(CARD_TAG) as HTMLElement | null,
  };
}

/** The closed root's elements as tag and class, without text or state attributes. */
function shape(root: ShadowRoot): string[] {
  return Array.from(root.querySelectorAll('*')).map((e) => `${e.localName}.${e.className}`);
}

describe('findPaperTitle', () => {
  it('takes the heading the document title holds, without its "Title:" label', () => {
    const { document } = parseHTML(ARXIV);
    expect(findPaperTitle(document as unknown as Document)?.title).toBe(
      'Titans: Learning to Memorize at Test Time',
    );
  });
  it('skips headings the title does not hold (a site name, a section)', () => {
    const { document } = parseHTML(
      `<html><head><title>Paper page - Scaling Laws for KV Caches</title></head><body><h1>Hugging Face</h1><h1>Scaling Laws for KV Caches</h1></body></html>`,
    );
    expect(findPaperTitle(document as unknown as Document)?.title).toBe(
      'Scaling Laws for KV Caches',
    );
  });
});

describe('the discussed-in card', () => {
  it('goes right after the title, with one link per citing episode and the save control', async () => {
    const page = setup('https://arxiv.org/abs/2501.00663v2', () => answer(false, 'heard'));
    await page.card.refresh();
    const host = page.host()!;
    expect(host.previousElementSibling?.localName).toBe('h1');
    expect(host.getAttribute('data-arxiv-id')).toBe('2501.00663');
    expect(page.sent[0]).toEqual([
      'discussedIn',
      {
        url: 'https://arxiv.org/abs/2501.00663v2',
        title: 'Titans: Learning to Memorize at Test Time',
      },
    ]);
    const root = rootOf(host)!;
    const links = Array.from(root.querySelectorAll('a[data-episode]'));
    expect(links.map((a) => a.getAttribute('data-episode'))).toEqual(['a', 'b']);
    expect(links[0]!.getAttribute('href')).toBe('https://podcast.do-not-panic.com/episodes/a/');
    const states = Array.from(root.querySelectorAll('.state')).map((s) => s.textContent);
    expect(states[0]).toMatch(/^heard on .*2026/);
    expect(states[1]).toBe('not heard');
    expect(root.querySelector('[data-action="episode-sources"]')?.textContent).toBe(
      '2 other papers from that episode',
    );
    const save = root.querySelector('button[data-action="save"]')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows nothing when no episode cites the paper', async () => {
    const page = setup('https://arxiv.org/abs/2501.00663', () => ({
      paperKey: null,
      source: null,
      saved: false,
      episodes: [],
    }));
    await page.card.refresh();
    expect(page.host()).toBeNull();
  });

  it('looks the same to the page, and has the same shape, heard or not, saved or not', async () => {
    const a = setup('https://arxiv.org/abs/2501.00663', () => answer(false, 'unheard'));
    const b = setup('https://arxiv.org/abs/2501.00663', () => answer(true, 'heard'));
    await a.card.refresh();
    await b.card.refresh();
    expect(a.host()!.outerHTML).toBe(b.host()!.outerHTML);
    expect(shape(rootOf(a.host())!)).toEqual(shape(rootOf(b.host())!));
  });

  it('saves from the card on a trusted click only, with the source the episode cites', async () => {
    const page = setup('https://arxiv.org/abs/2501.00663', () => answer(false, 'heard'));
    await page.card.refresh();
    const save = rootOf(page.host())!.querySelector('button[data-action="save"]') as HTMLElement;
    page.trust(false);
    save.dispatchEvent(new page.document.defaultView!.Event('click', { bubbles: true }));
    expect(page.sent.filter(([t]) => t === 'savePaper')).toEqual([]);
    page.trust(true);
    save.dispatchEvent(new page.document.defaultView!.Event('click', { bubbles: true }));
    await Promise.resolve();
    const saves = page.sent.filter(([t]) => t === 'savePaper');
    expect(saves).toHaveLength(1);
    expect(saves[0]![1]).toMatchObject({ episodeKey: 'a', source: { arxivId: '2501.00663' } });
    expect(save.getAttribute('aria-pressed')).toBe('true');
  });

  it('puts the control back and says why when the save fails', async () => {
    const page = setup('https://arxiv.org/abs/2501.00663', () => answer(false, 'heard'));
    await page.card.refresh();
    page.failSaves();
    const root = rootOf(page.host())!;
    const save = root.querySelector('button[data-action="save"]') as HTMLElement;
    save.dispatchEvent(new page.document.defaultView!.Event('click', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(save.getAttribute('aria-pressed')).toBe('false');
    expect(root.querySelector('.status')?.textContent).toBe('The storage is full.');
  });

  it('follows a single-page app to another paper, and away from paper pages', async () => {
    let cited = true;
    const page = setup('https://huggingface.co/papers/2501.00663', () =>
      cited ? answer(false, 'heard') : { paperKey: null, source: null, saved: false, episodes: [] },
    );
    await page.card.refresh();
    expect(page.host()).not.toBeNull();
    page.go('https://huggingface.co/papers/2502.99999');
    cited = false;
    await page.card.refresh();
    expect(page.host()).toBeNull();
    page.go('https://huggingface.co/papers/2501.00663');
    cited = true;
    await page.card.refresh();
    expect(page.document.querySelectorAll(CARD_TAG)).toHaveLength(1);
    page.go('https://huggingface.co/models');
    await page.card.refresh();
    expect(page.host()).toBeNull();
  });
});
