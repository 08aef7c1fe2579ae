/**
 * The markup mutations of mutation.test.ts: random changes to a host page that keep what the page
 * shows. Kept apart from the test so a counterexample can be replayed outside vitest.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDateLine } from '@/lib/dates/index';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { isBlockElement } from '@/lib/hosts/read/text';

export const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures');
export const NOW = new Date('2026-05-28T12:00:00Z');

export interface HostFixture {
  file: string;
  url: string;
  /** Whether classes may change: not on the show's own site, whose generator sets them. */
  classes: boolean;
}

export const HOSTS: HostFixture[] = [
  {
    file: 'podimo/episode-nb.html',
    url: 'https://podimo.com/no/episode/81865cb6-0083-4bdb-a2f9-69c5ed8caa1f',
    classes: true,
  },
  {
    file: 'podimo/show-nb.html',
    url: 'https://podimo.com/no/shows/ai-post-transformers',
    classes: true,
  },
  {
    file: 'podimo/episode-da-cut.html',
    url: 'https://podimo.com/dk/episode/0000000a-aaaa',
    classes: true,
  },
  {
    file: 'spotify/episode.html',
    url: 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    classes: true,
  },
  {
    file: 'apple/episode.html',
    url: 'https://podcasts.apple.com/gb/podcast/ai-post-transformers/id1234567890?i=1000700000000',
    classes: true,
  },
  {
    file: 'site/month-2026-05.html',
    url: 'https://podcast.do-not-panic.com/2026/05/index.html',
    classes: false,
  },
  {
    file: 'site/episode.html',
    url: 'https://podcast.do-not-panic.com/episodes/x/',
    classes: false,
  },
];

export type Op =
  | { kind: 'wrap'; at: number; tag: 'div' | 'span' | 'section' | 'article' }
  | { kind: 'unwrap'; at: number }
  | { kind: 'list'; at: number }
  | { kind: 'link'; at: number; form: number }
  | { kind: 'date'; at: number; to: number }
  | { kind: 'split'; at: number; cut: number; inline: 'span' | 'em' | 'b' | null }
  | { kind: 'class'; at: number; drop: boolean };

export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('wrap' as const),
    at: fc.nat(),
    tag: fc.constantFrom('div' as const, 'span' as const, 'section' as const, 'article' as const),
  }),
  fc.record({ kind: fc.constant('unwrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('list' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('link' as const), at: fc.nat(), form: fc.nat(3) }),
  fc.record({ kind: fc.constant('date' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant('split' as const),
    at: fc.nat(),
    cut: fc.nat(),
    inline: fc.constantFrom('span' as const, 'em' as const, 'b' as const, null),
  }),
  fc.record({ kind: fc.constant('class' as const), at: fc.nat(), drop: fc.boolean() }),
);

const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'HEAD', 'HTML', 'BODY', 'META', 'TITLE', 'LINK']);
export const DATA =
  'script[type="application/json"], script[type="application/ld+json"], script#__NEXT_DATA__, script#serialized-server-data';

/** The page's content elements (no scripts, styles or head). */
function contentElements(doc: Document): Element[] {
  return Array.from(doc.body.querySelectorAll('*')).filter((el) => !NOT_CONTENT.has(el.tagName));
}

/** `el` with a new tag name: attributes and children moved over. */
function retag(doc: Document, el: Element, tag: string): Element {
  const next = doc.createElement(tag);
  for (const a of Array.from(el.attributes)) next.setAttribute(a.name, a.value);
  while (el.firstChild) next.appendChild(el.firstChild);
  el.replaceWith(next);
  return next;
}

/** Replaces `el` with its children. */
function unwrap(el: Element): void {
  const parent = el.parentNode!;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  el.remove();
}

/** An element's text, whitespace folded. */
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

const pick = <T>(list: T[], at: number): T | undefined =>
  list.length === 0 ? undefined : list[at % list.length];

/** Applies one mutation to `doc`. */
export function mutate(doc: Document, m: Op, host: HostFixture): void {
  switch (m.kind) {
    case 'wrap': {
      const el = pick(contentElements(doc), m.at);
      if (!el || el.tagName === 'LI') return;
      // A block wrapper around inline text would break its line, which no page shows.
      const wrapper = doc.createElement(isBlockElement(el) ? m.tag : 'span');
      el.replaceWith(wrapper);
      wrapper.appendChild(el);
      return;
    }
    case 'unwrap': {
      // A container that only wraps one element (no text of its own).
      const el = pick(
        contentElements(doc).filter(
          (e) =>
            /^(?:DIV|SPAN|SECTION|ARTICLE)$/.test(e.tagName) &&
            (host.classes || !e.hasAttribute('class')) &&
            e.children.length === 1 &&
            Array.from(e.childNodes).every((n) => n.nodeType !== 3 || !(n as Text).data.trim()),
        ),
        m.at,
      );
      if (el) unwrap(el);
      return;
    }
    case 'list': {
      // `ul/li` → `div`s, or a `div` of `div`s → `ul/li`.
      const lists = Array.from(doc.body.querySelectorAll('ul, ol'));
      const groups = contentElements(doc).filter(
        (e) =>
          e.tagName === 'DIV' &&
          e.children.length >= 2 &&
          Array.from(e.children).every((c) => c.tagName === 'DIV'),
      );
      const el = pick([...lists, ...groups], m.at);
      if (!el) return;
      if (el.tagName === 'DIV') {
        for (const child of Array.from(el.children)) retag(doc, child, 'li');
        retag(doc, el, 'ul');
      } else {
        for (const child of Array.from(el.children))
          if (child.tagName === 'LI') retag(doc, child, 'div');
        retag(doc, el, 'div');
      }
      return;
    }
    case 'link': {
      // Links within the host's own pages (episode and show links), never a cited source's.
      const links = Array.from(doc.body.querySelectorAll('a[href]')).filter(
        (a) => !/^https?:/i.test(a.getAttribute('href') ?? ''),
      );
      const a = pick(links, m.at);
      if (!a) return;
      const id = `${m.at % 997}`;
      const forms = [
        `/no/episode/${id.padStart(8, '0')}-0000-4000-8000-000000000000`,
        `/no/shows/ai-post-transformers/episode-${id}`,
        `/e/${id}`,
      ];
      if (m.form < 3) a.setAttribute('href', forms[m.form]);
      else unwrap(a);
      return;
    }
    case 'date': {
      // A date line (its own box, text only a date and duration) moved among its siblings.
      const lines = contentElements(doc).filter(
        (e) =>
          e.parentElement !== null &&
          !/^(?:LI|H\d|TIME|A)$/.test(e.tagName) &&
          readDateLine(text(e), NOW) !== null &&
          !(e.parentElement.children.length === 1) &&
          readDateLine(text(e.parentElement), NOW) === null,
      );
      const el = pick(lines, m.at);
      if (!el) return;
      const siblings = Array.from(el.parentElement!.children).filter((c) => c !== el);
      const before = siblings[m.to % (siblings.length + 1)] ?? null;
      el.parentElement!.insertBefore(el, before);
      return;
    }
    case 'split': {
      const texts: Text[] = [];
      for (const el of contentElements(doc)) {
        for (const n of Array.from(el.childNodes)) {
          if (n.nodeType === 3 && (n as Text).data.length >= 60) texts.push(n as Text);
        }
      }
      const text = pick(texts, m.at);
      if (!text) return;
      // Three pieces; the middle one in an inline element when `inline` is set.
      const data = text.data;
      const a = 1 + (m.cut % (data.length - 2));
      const b = a + 1 + (m.cut % (data.length - a - 1));
      const middle = doc.createTextNode(data.slice(a, b));
      const pieces: Node[] = [
        doc.createTextNode(data.slice(0, a)),
        middle,
        doc.createTextNode(data.slice(b)),
      ];
      if (m.inline) {
        const inline = doc.createElement(m.inline);
        inline.appendChild(middle);
        pieces[1] = inline;
      }
      for (const piece of pieces) text.parentNode!.insertBefore(piece, text);
      text.remove();
      return;
    }
    case 'class': {
      if (!host.classes) return;
      const el = pick(
        contentElements(doc).filter((e) => e.hasAttribute('class')),
        m.at,
      );
      if (!el) return;
      if (m.drop) el.removeAttribute('class');
      else el.setAttribute('class', `x${(m.at % 9973).toString(36)}`);
      return;
    }
  }
}

/** What must not change: each episode's title and date, each source's URL, arXiv id, title. */
export function shape(episodes: FoundEpisode[]) {
  return episodes.map((e) => ({
    title: e.title,
    published: e.published,
    sources: e.sources.map((s) => ({ url: s.url, arxivId: s.arxivId, title: s.title })),
  }));
}
