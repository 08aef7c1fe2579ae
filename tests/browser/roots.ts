/**
 * Reaching into Citecast's closed shadow roots from a test, as outside checks do: page scripts
 * and Playwright's locators cannot see them, the browsers' automation protocols can. Chromium
 * through the DevTools protocol (`DOM.describeNode` with `pierce`, then `DOM.resolveNode`);
 * Firefox through WebDriver BiDi (`browsingContext.locateNodes` with `includeShadowTree: "all"`,
 * sent raw, as puppeteer has no helper for it). Buttons are pressed with real mouse input at
 * their box, so the events are trusted, as a person's are.
 *
 * The test's function runs in the page's main world and gets `rootOf(host)`, the root of one of
 * the hosts found; nothing is left in the page for its scripts to find.
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { assert } from '@/tests/browser/harness.ts';

/** Gives the root of a Citecast host found by the helper, or `null` for any other element. */
export type RootOf = (host: Element) => ShadowRoot | null;

/** A test function run in the page with the hosts' roots at hand. */
export type RootsFunction<A, R> = (arg: A, rootOf: RootOf) => R | Promise<R>;

/** Every host Citecast puts in a page. */
export const ALL_HOSTS = 'citecast-episode, citecast-source, citecast-help';

/** What a test does with the closed roots of one page. */
export interface Roots {
  /**
   * Runs `fn` in the page with the roots of the hosts matching `hosts` (default: every host).
   * Its value must be JSON.
   */
  evaluate<A, R>(fn: RootsFunction<A, R>, arg: A, hosts?: string): Promise<R>;
  /**
   * Clicks, with the real mouse, the `nth` element matching `inner` in the roots of the hosts
   * matching `hosts` (only the `hostIndex`th of them, when given), in page order; scrolls it
   * into view first.
   */
  click(hosts: string, inner: string, nth?: number, hostIndex?: number): Promise<void>;
  /** Moves the real mouse over that element (see {@link Roots.click}). */
  hover(hosts: string, inner: string, nth?: number, hostIndex?: number): Promise<void>;
}

/**
 * The wrapper that builds `rootOf` from the host/root pairs handed in, then runs `fn`. `__name`:
 * tsx keeps function names with a helper of that name, which the page does not have.
 */
function wrapper(fn: string): string {
  return `async function (argJson, ...pairs) {
    const __name = (f) => f;
    const roots = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) roots.set(pairs[i], pairs[i + 1]);
    const rootOf = (host) => roots.get(host) ?? null;
    const value = await (${fn})(JSON.parse(argJson), rootOf);
    return JSON.stringify(value === undefined ? null : value);
  }`;
}

/** Finds the `nth` match of `inner` in the roots, scrolls it into view, answers its centre. */
async function boxOf(
  roots: Roots,
  hosts: string,
  inner: string,
  nth: number,
  hostIndex: number | null,
): Promise<{ x: number; y: number }> {
  const box = await roots.evaluate(
    ([hosts, inner, nth, hostIndex], rootOf) => {
      const all = Array.from(document.querySelectorAll(hosts));
      const found = (hostIndex === null ? all : all.slice(hostIndex, hostIndex + 1)).flatMap(
        (host) => Array.from(rootOf(host)?.querySelectorAll(inner) ?? []),
      );
      const el = found[nth];
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width };
    },
    [hosts, inner, nth, hostIndex] as const,
    hosts,
  );
  assert(box !== null && box.w > 0, `no visible ${inner} #${nth} in ${hosts} #${hostIndex}`);
  return box!;
}

/** One root access per page, so its DevTools session and handles are kept. */
const chromiumAccess = new WeakMap<PlaywrightPage, Roots>();

/** Root access in Chromium through a DevTools session on `page` (one per page). */
export function chromiumRoots(page: PlaywrightPage): Roots {
  let access = chromiumAccess.get(page);
  if (!access) chromiumAccess.set(page, (access = newChromiumRoots(page)));
  return access;
}

/** A new root access on `page`; see {@link chromiumRoots}. */
function newChromiumRoots(page: PlaywrightPage): Roots {
  let session: Promise<CDPSession> | null = null;
  /** The document's node id, while the DevTools session keeps it (until the page navigates). */
  let documentId: number | null = null;
  /** Each host's handle and its root's, by node id: a big list has thousands of hosts. */
  const pairs = new Map<number, Promise<{ objectId?: string }[]>>();
  const cdp = () =>
    (session ??= page
      .context()
      .newCDPSession(page)
      .then((s) => {
        s.on('DOM.documentUpdated', () => {
          documentId = null;
          pairs.clear();
        });
        return s;
      }));
  const pairOf = (s: CDPSession, nodeId: number) => {
    let pair = pairs.get(nodeId);
    if (!pair) {
      pair = (async () => {
        const { node } = await s.send('DOM.describeNode', { nodeId, depth: 0, pierce: true });
        const shadow = node.shadowRoots?.[0];
        if (!shadow) return [];
        const [host, inside] = await Promise.all([
          s.send('DOM.resolveNode', { backendNodeId: node.backendNodeId }),
          s.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId }),
        ]);
        return [{ objectId: host.object.objectId }, { objectId: inside.object.objectId }];
      })();
      pairs.set(nodeId, pair);
    }
    return pair;
  };
  const roots: Roots = {
    async evaluate(fn, arg, hosts = ALL_HOSTS) {
      const s = await cdp();
      documentId ??= (await s.send('DOM.getDocument', { depth: 0 })).root.nodeId;
      const { nodeIds } = await s.send('DOM.querySelectorAll', {
        nodeId: documentId,
        selector: hosts,
      });
      const found = await Promise.all(nodeIds.map((nodeId) => pairOf(s, nodeId)));
      const { result: doc } = await s.send('Runtime.evaluate', { expression: 'document' });
      const reply = await s.send('Runtime.callFunctionOn', {
        objectId: doc.objectId,
        functionDeclaration: wrapper(fn.toString()),
        arguments: [{ value: JSON.stringify(arg ?? null) }, ...found.flat()],
        returnByValue: true,
        awaitPromise: true,
      });
      if (reply.exceptionDetails) {
        const { exception, text } = reply.exceptionDetails;
        throw new Error(`in the page: ${exception?.description ?? text}`);
      }
      return JSON.parse(reply.result.value as string);
    },
    async click(hosts, inner, nth = 0, hostIndex) {
      const { x, y } = await boxOf(roots, hosts, inner, nth, hostIndex ?? null);
      await page.mouse.click(x, y);
    },
    async hover(hosts, inner, nth = 0, hostIndex) {
      const { x, y } = await boxOf(roots, hosts, inner, nth, hostIndex ?? null);
      await page.mouse.move(x, y);
    },
  };
  return roots;
}

/** A BiDi remote value as the tests meet them. */
interface RemoteNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

/** Root access in Firefox through raw WebDriver BiDi commands on `page`'s connection. */
export function firefoxRoots(page: PuppeteerPage): Roots {
  const connection = (
    page.browser() as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: unknown }> };
    }
  ).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const roots: Roots = {
    async evaluate(fn, arg, hosts = ALL_HOSTS) {
      const { result } = (await connection.send('browsingContext.locateNodes', {
        context,
        locator: { type: 'css', value: hosts },
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      })) as { result: { nodes: RemoteNode[] } };
      const pairs = result.nodes.flatMap((node) =>
        node.sharedId && node.value?.shadowRoot?.sharedId
          ? [{ sharedId: node.sharedId }, { sharedId: node.value.shadowRoot.sharedId }]
          : [],
      );
      const { result: reply } = (await connection.send('script.callFunction', {
        functionDeclaration: wrapper(fn.toString()),
        target: { context },
        awaitPromise: true,
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }, ...pairs],
        resultOwnership: 'none',
      })) as {
        result: { type: string; result?: { value?: unknown }; exceptionDetails?: unknown };
      };
      if (reply.type !== 'success') throw new Error(`in the page: ${JSON.stringify(reply)}`);
      return JSON.parse(reply.result!.value as string);
    },
    async click(hosts, inner, nth = 0, hostIndex) {
      const { x, y } = await boxOf(roots, hosts, inner, nth, hostIndex ?? null);
      await page.mouse.click(x, y);
    },
    async hover(hosts, inner, nth = 0, hostIndex) {
      const { x, y } = await boxOf(roots, hosts, inner, nth, hostIndex ?? null);
      await page.mouse.move(x, y);
    },
  };
  return roots;
}

/**
 * Polls `fn` in the page (with the roots) every 100 ms until it answers truthy, up to `ms`;
 * fails with `what` and the last answer. Answers the value that passed.
 */
export async function waitInRoots<A, R>(
  roots: Roots,
  fn: RootsFunction<A, R>,
  arg: A,
  what: string,
  ms = 10_000,
  hosts?: string,
): Promise<R> {
  let value = await roots.evaluate(fn, arg, hosts);
  for (const deadline = Date.now() + ms; !value && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await roots.evaluate(fn, arg, hosts);
  }
  assert(!!value, `${what}: ${JSON.stringify(value)}`);
  return value;
}

/** What a test reads of one element inside the roots. */
export interface Seen {
  text: string;
  attrs: Record<string, string>;
  /** Whether it has a box (laid out and shown). */
  shown: boolean;
}

/**
 * Every element matching `inner` in the roots of the hosts matching `hosts`, in page order, as
 * {@link Seen}.
 */
export function seenAll(roots: Roots, hosts: string, inner: string): Promise<Seen[]> {
  return roots.evaluate(
    ([hosts, inner], rootOf) =>
      Array.from(document.querySelectorAll(hosts)).flatMap((host) =>
        Array.from(rootOf(host)?.querySelectorAll(inner) ?? []).map((el) => ({
          text: el.textContent ?? '',
          attrs: Object.fromEntries(Array.from(el.attributes).map((a) => [a.name, a.value])),
          shown: el.getClientRects().length > 0,
        })),
      ),
    [hosts, inner] as const,
    hosts,
  );
}

/** The `nth` element matching `inner` in the roots of `hosts` (see {@link seenAll}), or null. */
export async function seen(
  roots: Roots,
  hosts: string,
  inner: string,
  nth = 0,
): Promise<Seen | null> {
  return (await seenAll(roots, hosts, inner))[nth] ?? null;
}

/**
 * Polls {@link seen} every 100 ms until `ok` (up to `ms`); fails with `what` and the last value.
 */
export async function waitSeen(
  roots: Roots,
  hosts: string,
  inner: string,
  ok: (seen: Seen | null) => boolean,
  what: string,
  nth = 0,
  ms = 10_000,
): Promise<Seen | null> {
  let value = await seen(roots, hosts, inner, nth);
  for (const deadline = Date.now() + ms; !ok(value) && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await seen(roots, hosts, inner, nth);
  }
  assert(ok(value), `${what}: ${JSON.stringify(value)}`);
  return value;
}

/** Whether `seen` is a toggle showing `aria-pressed` = `value`. */
export const pressedIs =
  (value: 'true' | 'false') =>
  (seen: Seen | null): boolean =>
    seen?.attrs['aria-pressed'] === value;

/** The box (page coordinates in the viewport) of the `nth` match of `inner` in `hosts`' roots. */
export async function rectIn(
  roots: Roots,
  hosts: string,
  inner: string,
  nth = 0,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const rect = await roots.evaluate(
    ([hosts, inner, nth], rootOf) => {
      const el = Array.from(document.querySelectorAll(hosts)).flatMap((host) =>
        Array.from(rootOf(host)?.querySelectorAll(inner) ?? []),
      )[nth];
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    },
    [hosts, inner, nth] as const,
    hosts,
  );
  assert(rect !== null && rect.width > 0, `no ${inner} #${nth} in ${hosts}`);
  return rect!;
}

/** The focused element inside the roots (or the page): its `data-action`, else its tag. */
export function focusedIn(roots: Roots): Promise<string | null> {
  return roots.evaluate((_arg: null, rootOf) => {
    let el: Element | null = document.activeElement;
    for (let root = rootOf(el!) ?? el?.shadowRoot; root?.activeElement;) {
      el = root.activeElement;
      root = rootOf(el) ?? el.shadowRoot;
    }
    return el ? (el.getAttribute('data-action') ?? el.localName) : null;
  }, null);
}
