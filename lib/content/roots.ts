/**
 * Citecast's hosts and their shadow roots. The roots are closed, so the host page cannot read
 * the controls (saved, heard, counts); the content script keeps them here instead of reading
 * `host.shadowRoot`. Only hosts made here count as Citecast's: an element the page made with the
 * same tag is never filled or reused.
 */

const roots = new WeakMap<Element, ShadowRoot>();

/** Gives `host` its closed shadow root, once; answers it. */
export function attachRoot(host: HTMLElement): ShadowRoot {
  let root = roots.get(host);
  if (!root) {
    root = host.attachShadow({ mode: 'closed' });
    roots.set(host, root);
  }
  return root;
}

/** A new host element `tag` in `document`, with its closed shadow root already attached. */
export function createHost(document: Document, tag: string): HTMLElement {
  const host = document.createElement(tag);
  attachRoot(host);
  return host;
}

/** The shadow root of a host made here, else `null` (any other element, or none). */
export function rootOf(host: Element | null | undefined): ShadowRoot | null {
  return host ? (roots.get(host) ?? null) : null;
}
