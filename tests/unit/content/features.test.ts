/**
 * The page features through their module interface, on a linkedom page: an annotator with the
 * real features and a made-up environment (a fake `ask` that records every request, a trust
 * check the test sets, no IntersectionObserver, `<style>` elements for stylesheets). Clicks are
 * dispatched inside the hosts' closed roots, as the browser does; only trusted ones may act.
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnotator } from '@/lib/content/annotator';
import type { Annotator } from '@/lib/content/feature';
import { adoptStyleElement, type ContentEnv } from '@/lib/content/env';
import { pageFeatures } from '@/lib/content/features/index';
import { createPageKeys } from '@/lib/content/features/keys';
import { EPISODE_TAG, SOURCE_TAG } from '@/lib/content/place';
import { rootOf } from '@/lib/content/roots';
import { readPage } from '@/lib/hosts/read/page';

const PAGE = `<html><head><title>Episode One</title></head><body><h1>Episode One</h1><div id="d"><p>Sources: 1. Paper A — Ann Author, 2024 https://arxiv.org/abs/2501.00663v1 2. Paper B — Bo Author, 2023 <a href="https://arxiv.org/abs/2408.07326">https://arxiv.org/abs/2408.07326</a> and more text</p></div></body></html>`;
const URL_ = 'https://example.org/page';

/** A request the fake background received. */
type Sent = [type: string, data: Record<string, unknown>];

/** What the fake background answers each request with. */
function answer(type: string, data: Record<string, unknown>): unknown {
  switch (type) {
    case 'savedStates':
      return Object.fromEntries((data.keys as string[]).map((k) => [k, false]));
    case 'listenStates':
      return {};
    case 'setHeard':
      return { state: data.heard ? 'heard' : 'unheard', heardAt: data.heard ? 1 : null };
    case 'recordEpisode':
      return { key: null };
    case 'zoteroMarks':
      return { status: 'off', inZotero: [] };
    case 'savePaper':
    case 'unsavePaper':
      return {};
    default:
      return {};
  }
}

interface Harness {
  document: Document;
  annotator: Annotator;
  env: ContentEnv;
  sent: Sent[];
  copied: string[];
  opened: string[];
  /** Whether the events dispatched next count as the user's own. */
  trust(on: boolean): void;
}

let harness: Harness;

/** The linkedom page with Citecast running on it. */
function start(): Harness {
  const { document, window } = parseHTML(PAGE);
  // The DOM classes the content code checks events' targets against.
  Object.assign(globalThis, {
    Element: window.Element,
    HTMLElement: window.HTMLElement,
    HTMLInputElement: window.HTMLInputElement,
    HTMLButtonElement: window.HTMLButtonElement,
    Node: window.Node,
  });
  const doc = document as unknown as Document;
  const sent: Sent[] = [];
  const copied: string[] = [];
  const opened: string[] = [];
  let trusted = true;
  const env: ContentEnv = {
    document: doc,
    pageUrl: () => URL_,
    isTrusted: () => trusted,
    watchNear: () => null,
    adoptStyles: adoptStyleElement,
    isShown: (element) => element.isConnected,
    scrollIntoView: () => undefined,
    ask: (async (type: string, data: Record<string, unknown>) => {
      sent.push([type, data]);
      return { ok: true, value: answer(type, data) };
    }) as ContentEnv['ask'],
    onStoreChanged: () => () => undefined,
    sendBadge: () => undefined,
    open: (url) => void opened.push(url),
    writeClipboard: async (text) => {
      copied.push(text);
      return true;
    },
    player: { playable: () => new Set(), resume: () => undefined, moment: () => null },
  };
  const annotator = createAnnotator(env, pageFeatures);
  annotator.update(readPage(doc, URL_));
  return { document: doc, annotator, env, sent, copied, opened, trust: (on) => (trusted = on) };
}

/** Lets the fake background's answers arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Clicks the `action` button inside `host`'s closed root. */
function click(host: Element, action: string): void {
  const button = rootOf(host)!.querySelector(`[data-action="${action}"]`)!;
  button.dispatchEvent(
    new harness.document.defaultView!.Event('click', { bubbles: true, composed: true }),
  );
}

const sources = () => Array.from(harness.document.getElementsByTagName(SOURCE_TAG));
const bar = () => harness.document.getElementsByTagName(EPISODE_TAG)[0]!;
const requests = (type: string) => harness.sent.filter(([t]) => t === type).map(([, d]) => d);
const pressed = (host: Element, action: string) =>
  rootOf(host)!.querySelector(`[data-action="${action}"]`)!.getAttribute('aria-pressed');

beforeEach(async () => {
  harness = start();
  await settle();
});
afterEach(() => harness.annotator.stop());

describe('the page features', () => {
  it('save toggles a paper and asks the background to save, then to unsave it', async () => {
    const [first] = sources();
    click(first!, 'save');
    expect(pressed(first!, 'save')).toBe('true');
    await settle();
    const [save] = requests('savePaper');
    expect(save).toMatchObject({
      source: { title: 'Paper A', arxivId: '2501.00663', authors: ['Ann Author'] },
    });
    click(first!, 'save');
    await settle();
    expect(requests('unsavePaper')).toHaveLength(1);
    expect(pressed(first!, 'save')).toBe('false');
  });

  it('a click a page script makes up does nothing', async () => {
    harness.trust(false);
    const before = harness.sent.length;
    click(sources()[0]!, 'save');
    click(bar(), 'heard');
    await settle();
    expect(harness.sent.length).toBe(before);
    expect(pressed(sources()[0]!, 'save')).toBe('false');
  });

  it('heard marks the episode heard, and unheard on a second click', async () => {
    click(bar(), 'heard');
    expect(pressed(bar(), 'heard')).toBe('true');
    await settle();
    click(bar(), 'heard');
    await settle();
    expect(requests('setHeard').map((d) => d.heard)).toEqual([true, false]);
    expect(pressed(bar(), 'heard')).toBe('false');
  });

  it('the choose panel saves only the boxes the user changed, not a script’s', async () => {
    click(bar(), 'choose');
    const panel = rootOf(bar())!.querySelector('.choose')!;
    const boxes = Array.from(panel.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
    expect(boxes).toHaveLength(2);
    const Event = harness.document.defaultView!.Event;
    harness.trust(false);
    boxes[0]!.checked = true;
    boxes[0]!.dispatchEvent(new Event('change', { bubbles: true }));
    harness.trust(true);
    boxes[1]!.checked = true;
    boxes[1]!.dispatchEvent(new Event('change', { bubbles: true }));
    panel
      .querySelector('[data-action="save-checked"]')!
      .dispatchEvent(new Event('click', { bubbles: true, composed: true }));
    await settle();
    expect(requests('savePaper').map((d) => (d.source as { title: string }).title)).toEqual([
      'Paper B',
    ]);
  });

  it('copy puts the source’s citation on the clipboard, without the saved note', async () => {
    const [first] = sources();
    click(first!, 'save');
    await settle();
    click(first!, 'copy-markdown');
    await settle();
    expect(harness.copied).toEqual([
      '[Paper A](https://arxiv.org/abs/2501.00663) — Ann Author, 2024',
    ]);
  });

  it('open PDF opens the source’s PDF', () => {
    click(sources()[1]!, 'open-pdf');
    expect(harness.opened).toEqual(['https://arxiv.org/pdf/2408.07326']);
  });

  it('the keys j and k move between the sources, s saves the focused one', async () => {
    const keys = createPageKeys(harness.env, harness.annotator);
    const press = (key: string) => {
      const event = new harness.document.defaultView!.Event('keydown', { cancelable: true });
      Object.assign(event, { key });
      keys.onKey(event as unknown as KeyboardEvent);
    };
    const focused = () => sources().map((h) => h.hasAttribute('data-citecast-focus'));
    press('j');
    expect(focused()).toEqual([true, false]);
    press('j');
    expect(focused()).toEqual([false, true]);
    press('k');
    expect(focused()).toEqual([true, false]);
    press('s');
    await settle();
    expect(requests('savePaper')).toHaveLength(1);
    harness.trust(false);
    press('j');
    expect(focused()).toEqual([true, false]);
    keys.stop();
  });
});
