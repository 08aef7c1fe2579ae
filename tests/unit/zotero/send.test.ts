/**
 * "Send to Zotero" against the fake Zotero server (tests/zotero/fake-zotero.ts), which checks the
 * headers and the JSON as Zotero's own endpoints take them: what an item carries field by field,
 * the permission asked first, sending again asking first, the PDF uploaded only when arxiv.org
 * is allowed, Zotero's absence and refusals as errors in the user's language, and the
 * "In Zotero" marks from the local API.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorText } from '@/lib/i18n/errors';
import { writeSettings } from '@/lib/settings';
import { ZOTERO_ORIGIN, ZOTERO_PERMISSION } from '@/lib/zotero/client';
import {
  ARXIV_PDF_PERMISSION,
  forgetZoteroItems,
  sendToZotero,
  zoteroMarks,
  type ZoteroEnvironment,
} from '@/lib/zotero/send';
import { startFakeZotero, type FakeZotero } from '@/tests/zotero/fake-zotero';
import { freshIndexedDb } from '@/tests/unit/store/helpers';
import {
  paperSource,
  popupSender,
  tabSender,
  testService,
  type TestService,
  valueOf,
} from '@/tests/unit/messages/helpers';

const STEM = '2026-05-20-titans-learning-to-memorize-at-test-time-054662';
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]); // "%PDF-1"

let t: TestService;
let zotero: FakeZotero;
let granted: Set<string>;
let sent: Record<string, number>;
let pdfFetches: string[];

/** The browser as the background sees it, with the network pointed at the fake. */
function env(): ZoteroEnvironment {
  return {
    fetch: async (input, init) => {
      const url = String(input);
      if (url.startsWith('https://arxiv.org/pdf/')) {
        pdfFetches.push(url);
        return new Response(PDF_BYTES, { headers: { 'Content-Type': 'application/pdf' } });
      }
      // Node's fetch says no browser: the fake then checks the headers as Zotero checks a browser's.
      const headers = new Headers(init?.headers);
      headers.set('User-Agent', 'Mozilla/5.0 (test)');
      return fetch(url.replace(ZOTERO_ORIGIN, zotero.origin), { ...init, headers });
    },
    hasPermission: async (origin) => granted.has(origin),
    readSent: async () => ({ ...sent }),
    writeSent: async (next) => {
      sent = { ...next };
    },
  };
}

/** An episode citing two papers, one of them saved at a moment with tags. */
async function library(): Promise<void> {
  const tab = tabSender(1);
  valueOf(
    await t.service.handle(
      'recordEpisode',
      {
        episode: {
          title: 'Titans <b>& memory</b>',
          published: '2026-05-20',
          duration: 1000,
          audioUrl: `https://podcast.do-not-panic.com/episodes/${STEM}.mp3`,
          visualizationUrl: null,
          sources: [
            {
              ...paperSource('2501.00663', 'Titans: Learning to Memorize at Test Time'),
              kind: 'paper',
              arxivVersion: null,
              episode: null,
            },
          ],
        },
        pageUrl: 'https://podcast.do-not-panic.com/2026/05/titans.html',
      },
      tab,
    ),
  );
  valueOf(
    await t.service.handle(
      'savePaper',
      {
        source: {
          ...paperSource('2501.00663', 'Titans: Learning to Memorize at Test Time'),
          authors: ['Ali Behrouz', 'Peilin Zhong', 'Vahab Mirrokni'],
          year: 2024,
        },
        episodeKey: STEM,
        moment: { episodeKey: STEM, position: 754 },
      },
      tab,
    ),
  );
  valueOf(
    await t.service.handle(
      'setTags',
      { key: 'arxiv:2501.00663', tags: ['memory', 'to read'] },
      popupSender(),
    ),
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  freshIndexedDb();
  forgetZoteroItems();
  t = testService();
  zotero = await startFakeZotero();
  granted = new Set([ZOTERO_PERMISSION]);
  sent = {};
  pdfFetches = [];
  await library();
});

afterEach(async () => {
  await zotero.close();
  await t.service.close();
});

const store = () => t.opened[0]!;

describe('send to Zotero', () => {
  it('sends nothing before the permission is granted', async () => {
    granted.clear();
    const reply = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(reply).toEqual({ status: 'permission' });
    expect(zotero.requests).toEqual([]);
  });

  it('saves a paper as a preprint with all Citecast knows, into the selected collection', async () => {
    const reply = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(reply).toEqual({ status: 'sent', count: 1, collection: 'Podcast papers', pdfs: 0 });
    expect(zotero.problems).toEqual([]);
    expect(zotero.items).toHaveLength(1);
    const item = zotero.items[0]!.item;
    expect(item).toMatchObject({
      itemType: 'preprint',
      title: 'Titans: Learning to Memorize at Test Time',
      creators: [
        { creatorType: 'author', firstName: 'Ali', lastName: 'Behrouz' },
        { creatorType: 'author', firstName: 'Peilin', lastName: 'Zhong' },
        { creatorType: 'author', firstName: 'Vahab', lastName: 'Mirrokni' },
      ],
      date: '2024',
      url: 'https://arxiv.org/abs/2501.00663',
      archiveID: 'arXiv:2501.00663',
      repository: 'arXiv',
      tags: [{ tag: 'memory' }, { tag: 'to read' }],
      attachments: [],
    });
    const note = (item.notes as { note: string }[])[0]!.note;
    // The episode's title is page text: it arrives escaped, never as markup.
    expect(note).toContain(
      'Cited in <i>AI Post Transformers</i>: <i>Titans &#60;b&#62;&#38; memory&#60;/b&#62;</i> (2026-05-20)',
    );
    expect(note).toContain('Saved at 12:34 in <i>Titans &#60;b&#62;');
    expect(note).toContain('PDF: <a href="https://arxiv.org/pdf/2501.00663">');
    expect(zotero.requests).toEqual([
      'POST /connector/getSelectedCollection',
      'POST /connector/saveItems',
    ]);
  });

  it('asks before sending a paper again, and sends when confirmed', async () => {
    t.clock.set(Date.UTC(2026, 4, 21));
    valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    const again = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(again).toEqual({
      status: 'confirm',
      already: [
        {
          key: 'arxiv:2501.00663',
          title: 'Titans: Learning to Memorize at Test Time',
          sentAt: Date.UTC(2026, 4, 21),
          inZotero: false,
        },
      ],
    });
    expect(zotero.items).toHaveLength(1);
    valueOf(
      await sendToZotero(store(), { keys: ['arxiv:2501.00663'], sources: [], resend: true }, env()),
    );
    expect(zotero.items).toHaveLength(2);
    // Each send is its own session, as Zotero requires.
    expect(zotero.items[0]!.sessionID).not.toBe(zotero.items[1]!.sessionID);
  });

  it("sends a page's unsaved sources with the closest item type", async () => {
    const reply = valueOf(
      await sendToZotero(
        store(),
        {
          keys: [],
          sources: [
            {
              title: 'A Paper by DOI',
              authors: ['Grace Hopper'],
              year: 1952,
              url: 'https://doi.org/10.1145/1234',
              arxivId: null,
              doi: '10.1145/1234',
              pdfUrl: null,
            },
            {
              title: 'Reviewed Work',
              authors: ['Plato'],
              year: 2025,
              url: 'https://openreview.net/forum?id=abc',
              arxivId: null,
              doi: null,
              pdfUrl: null,
            },
            {
              title: 'Only a Title',
              authors: [],
              year: null,
              url: 'https://scholar.google.com/scholar?q=Only+a+Title',
              arxivId: null,
              doi: null,
              pdfUrl: null,
            },
          ],
          resend: false,
        },
        env(),
      ),
    );
    expect(reply).toMatchObject({ status: 'sent', count: 3 });
    const items = zotero.items.map((r) => r.item);
    expect(items.map((i) => i.itemType)).toEqual(['journalArticle', 'conferencePaper', 'document']);
    expect(items[0]).toMatchObject({ DOI: '10.1145/1234', date: '1952' });
    expect(items[1]!.creators).toEqual([{ creatorType: 'author', name: 'Plato' }]);
    expect(items[2]).toMatchObject({
      url: 'https://scholar.google.com/scholar?q=Only+a+Title',
      tags: [],
      notes: [],
    });
  });

  it('fetches no PDF when arxiv.org is held for paper pages but Zotero’s PDFs are off', async () => {
    granted.add(ARXIV_PDF_PERMISSION);
    const reply = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(reply).toMatchObject({ status: 'sent', pdfs: 0 });
    expect(pdfFetches).toEqual([]);
    expect(zotero.attachments).toEqual([]);
  });

  it('uploads the arXiv PDF as a file when the user turned PDFs on and allowed arxiv.org', async () => {
    granted.add(ARXIV_PDF_PERMISSION);
    await writeSettings({ zoteroPdfs: true });
    const reply = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(reply).toMatchObject({ status: 'sent', pdfs: 1 });
    expect(pdfFetches).toEqual(['https://arxiv.org/pdf/2501.00663']);
    expect(zotero.attachments).toEqual([
      {
        sessionID: zotero.items[0]!.sessionID,
        metadata: expect.objectContaining({
          parentItemID: zotero.items[0]!.item.id,
          url: 'https://arxiv.org/pdf/2501.00663',
          contentType: 'application/pdf',
        }),
        contentType: 'application/pdf',
        bytes: PDF_BYTES.length,
      },
    ]);
    // The file is attached, so the note does not link it as well.
    expect((zotero.items[0]!.item.notes as { note: string }[])[0]!.note).not.toContain('PDF:');
  });

  it('says Zotero is not running, in the user’s language, and sends nothing', async () => {
    await zotero.close();
    const result = await sendToZotero(
      store(),
      { keys: ['arxiv:2501.00663'], sources: [], resend: false },
      env(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(errorText(result.error, 'en')).toMatch(
      /^Zotero is not running, so nothing was sent\..*RIS file/,
    );
    expect(errorText(result.error, 'nb')).toMatch(/^Zotero kjører ikke, så ingenting ble sendt\./);
    expect(sent).toEqual({});
  });

  it("passes on Zotero's own reason when it refuses or is busy", async () => {
    const refusing = (status: number, body: string): ZoteroEnvironment => ({
      ...env(),
      fetch: async (input, init) =>
        String(input).endsWith('/connector/saveItems')
          ? new Response(body, { status, headers: { 'Content-Type': 'application/json' } })
          : env().fetch(input, init),
    });
    const refused = await sendToZotero(
      store(),
      { keys: ['arxiv:2501.00663'], sources: [], resend: false },
      refusing(500, '{"libraryEditable":false}'),
    );
    expect(refused.ok || errorText(refused.error, 'en')).toMatch(
      /^Zotero refused the papers: the selected library is read-only\./,
    );
    const busy = await sendToZotero(
      store(),
      { keys: ['arxiv:2501.00663'], sources: [], resend: false },
      refusing(409, '{"error":"SESSION_EXISTS"}'),
    );
    expect(busy.ok || errorText(busy.error, 'en')).toMatch(/^Zotero is busy \(SESSION_EXISTS\)/);
    expect(sent).toEqual({});
  });
});

describe('"In Zotero" marks', () => {
  it('are off until the user opts in, and say when the local API is off', async () => {
    expect(valueOf(await zoteroMarks(store(), ['arxiv:2501.00663'], env()))).toEqual({
      status: 'off',
    });
    await writeSettings({ zoteroMarks: true });
    expect(valueOf(await zoteroMarks(store(), ['arxiv:2501.00663'], env()))).toEqual({
      status: 'local-api-off',
    });
  });

  it('match by arXiv id, DOI and title from one reading of the local API', async () => {
    await writeSettings({ zoteroMarks: true });
    zotero.options.localApi = true;
    zotero.options.library = [
      { itemType: 'preprint', title: 'Something else', archiveID: 'arXiv:2501.00663' },
      { itemType: 'journalArticle', title: 'X', DOI: '10.1145/ABC' },
      { itemType: 'book', title: 'Attention Is All You Need' },
    ];
    const keys = [
      'arxiv:2501.00663',
      'doi:10.1145/abc',
      'title:attention is all you need',
      'arxiv:1706.03762',
    ];
    expect(valueOf(await zoteroMarks(store(), keys, env()))).toEqual({
      status: 'on',
      inZotero: keys.slice(0, 3),
    });
    await zoteroMarks(store(), keys, env());
    expect(zotero.requests.filter((r) => r.includes('/api/'))).toHaveLength(1);
  });

  it('make a send of a paper Zotero holds ask first', async () => {
    await writeSettings({ zoteroMarks: true });
    zotero.options.localApi = true;
    zotero.options.library = [
      { itemType: 'preprint', title: 'Titans', url: 'https://arxiv.org/abs/2501.00663v2' },
    ];
    const reply = valueOf(
      await sendToZotero(
        store(),
        { keys: ['arxiv:2501.00663'], sources: [], resend: false },
        env(),
      ),
    );
    expect(reply).toMatchObject({
      status: 'confirm',
      already: [{ key: 'arxiv:2501.00663', sentAt: null, inZotero: true }],
    });
    expect(zotero.items).toEqual([]);
  });
});
