/**
 * Reading arXiv's API answers (Atom 1.0, see https://info.arxiv.org/help/api/user-manual.html)
 * without DOMParser: the background is a service worker in Chromium, where DOMParser does not
 * exist. A small XML reader builds a tree of the elements (one pass over the text, linear in its
 * length, bounded in size and depth); the Atom part then picks the few elements Citecast needs.
 *
 * Nothing here throws on bad input: a malformed answer, an answer that is not an Atom feed, or
 * arXiv's own error entry come back as a typed {@link AtomError}.
 */
import type { ArxivEntry } from '@/lib/store/schema';
import { parseArxivId, parseArxivUrl } from '@/lib/core/ids';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const ARXIV_NS = 'http://arxiv.org/schemas/atom';
const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The largest answer read (characters): 100 entries with long abstracts stay far below it. */
export const MAX_ATOM_CHARS = 4_000_000;
/** The deepest nesting read; an Atom feed is four levels deep. */
const MAX_DEPTH = 64;

/** Why an answer could not be read. */
export interface AtomError {
  /**
   * `malformed`: not well-formed XML; `not-atom`: XML but not an Atom feed; `api-error`: arXiv
   * answered with its error entry (a bad query); `too-large`: beyond {@link MAX_ATOM_CHARS}.
   */
  kind: 'malformed' | 'not-atom' | 'api-error' | 'too-large';
  /** What went wrong, for a log or a tooltip (never shown as markup). */
  message: string;
}

/** A read answer: its entries in arXiv's order (relevance), and the total arXiv reports. */
export interface AtomFeed {
  entries: ArxivEntry[];
  totalResults: number | null;
}

/** The outcome of {@link parseAtom}. */
export type AtomResult = { ok: true; feed: AtomFeed } | { ok: false; error: AtomError };

/** An element of the tree the reader builds. */
interface XmlElement {
  /** Namespace URI ('' for none). */
  ns: string;
  local: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** Text directly inside the element (entities decoded), its pieces joined. */
  text: string;
}

/** Thrown inside the reader only, caught by {@link parseXml}. */
class XmlError extends Error {}

const NAMED_ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** `raw` with XML's five named entities and numeric references decoded. */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]{0,12});?/g, (all, name: string) => {
    if (!all.endsWith(';')) throw new XmlError(`an unterminated entity "${all.slice(0, 14)}"`);
    if (name in NAMED_ENTITIES) return NAMED_ENTITIES[name]!;
    const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
        return String.fromCodePoint(code);
      }
    }
    throw new XmlError(`an unknown entity "&${name};"`);
  });
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** A start tag's name and attributes, from the text between `<` and `>` (without a final `/`). */
function readTag(body: string): { name: string; attrs: Map<string, string> } {
  const nameEnd = body.search(/[\s]|$/);
  const name = body.slice(0, nameEnd);
  if (!NAME.test(name)) throw new XmlError(`a bad element name "${name.slice(0, 40)}"`);
  const attrs = new Map<string, string>();
  ATTRIBUTE.lastIndex = nameEnd;
  let at = nameEnd;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(body);
    if (!m) break;
    if (attrs.has(m[1]!)) throw new XmlError(`a repeated attribute "${m[1]}"`);
    attrs.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
    at = ATTRIBUTE.lastIndex;
  }
  if (body.slice(at).trim() !== '') throw new XmlError(`a bad attribute in <${name}>`);
  return { name, attrs };
}

/** An element's namespace and local name, resolved against the namespaces in scope. */
function resolveName(
  qname: string,
  scopes: readonly Map<string, string>[],
  isAttribute: boolean,
): { ns: string; local: string } {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const local = colon === -1 ? qname : qname.slice(colon + 1);
  if (prefix === 'xml') return { ns: XML_NS, local };
  // Unprefixed attributes have no namespace; unprefixed elements take the default one.
  if (prefix === '' && isAttribute) return { ns: '', local };
  for (let i = scopes.length - 1; i >= 0; i--) {
    const ns = scopes[i]!.get(prefix);
    if (ns !== undefined) return { ns, local };
  }
  if (prefix === '') return { ns: '', local };
  throw new XmlError(`an undeclared namespace prefix "${prefix}"`);
}

/**
 * Reads well-formed XML into a tree: one root element, tags closed in order, entities decoded,
 * CDATA kept as text, comments and processing instructions skipped. A DOCTYPE is refused (arXiv
 * never sends one, and refusing it rules out entity expansion). Linear in `text`: every index
 * search starts where the previous one ended.
 */
function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  const scopes: Map<string, string>[] = [];
  let root: XmlElement | null = null;
  let at = 0;
  const addText = (raw: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (raw.trim() !== '') throw new XmlError('text outside the root element');
      return;
    }
    parent.text += raw;
  };
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt === -1) {
      addText(decodeEntities(text.slice(at)));
      break;
    }
    if (lt > at) addText(decodeEntities(text.slice(at, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlError('an unterminated comment');
      at = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlError('an unterminated CDATA section');
      addText(text.slice(lt + 9, end));
      at = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlError('an unterminated processing instruction');
      at = end + 2;
    } else if (text.startsWith('<!', lt)) {
      throw new XmlError('a DOCTYPE or other declaration, which an Atom answer never has');
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) throw new XmlError('an unterminated end tag');
      const name = text.slice(lt + 2, end).trim();
      const open = stack.pop();
      const scope = scopes.pop();
      if (!open || !scope) throw new XmlError(`an end tag </${name.slice(0, 40)}> with no start`);
      const resolved = resolveName(name, [...scopes, scope], false);
      if (resolved.ns !== open.ns || resolved.local !== open.local) {
        throw new XmlError(`</${name.slice(0, 40)}> closes <${open.local}>`);
      }
      at = end + 1;
    } else {
      const end = text.indexOf('>', lt + 1);
      if (end === -1) throw new XmlError('an unterminated start tag');
      let body = text.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const { name, attrs } = readTag(body);
      if (root && stack.length === 0) throw new XmlError('a second root element');
      if (stack.length >= MAX_DEPTH) throw new XmlError('elements nested too deep');
      const scope = new Map<string, string>();
      for (const [attr, value] of attrs) {
        if (attr === 'xmlns') scope.set('', value);
        else if (attr.startsWith('xmlns:')) scope.set(attr.slice(6), value);
      }
      scopes.push(scope);
      const { ns, local } = resolveName(name, scopes, false);
      const element: XmlElement = { ns, local, attrs, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
      if (selfClosing) scopes.pop();
      else stack.push(element);
      at = end + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1]!.local}> is never closed`);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** Whitespace runs (arXiv hard-wraps titles and abstracts) collapsed to one space, trimmed. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function child(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.ns === ns && c.local === local);
}

function childText(el: XmlElement, ns: string, local: string): string | null {
  const found = child(el, ns, local);
  if (!found) return null;
  const value = collapse(found.text);
  return value === '' ? null : value;
}

/** `url` upgraded to https when it is arXiv's own http address; `null` unless http(s). */
function httpsArxiv(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.hostname === 'arxiv.org' || parsed.hostname.endsWith('.arxiv.org')) {
      parsed.protocol = 'https:';
    }
    return parsed.href;
  } catch {
    return null;
  }
}

/** One `<entry>` as an {@link ArxivEntry}; `null` when it has no arXiv id. */
function readEntry(el: XmlElement): ArxivEntry | null {
  const id = childText(el, ATOM_NS, 'id');
  // The id is the abstract page's address with the version: http://arxiv.org/abs/2511.20172v1.
  const ref = id ? (parseArxivUrl(id) ?? parseArxivId(id)) : null;
  if (!ref) return null;
  const versioned = `${ref.id}${ref.version === null ? '' : `v${ref.version}`}`;
  let pdfUrl: string | null = null;
  let absUrl: string | null = null;
  let doiLink: string | null = null;
  for (const link of el.children) {
    if (link.ns !== ATOM_NS || link.local !== 'link') continue;
    const rel = link.attrs.get('rel') ?? 'alternate';
    const title = link.attrs.get('title');
    const href = httpsArxiv(link.attrs.get('href'));
    if (rel === 'related' && title === 'pdf') pdfUrl ??= href;
    else if (rel === 'related' && title === 'doi') doiLink ??= href;
    else if (rel === 'alternate') absUrl ??= href;
  }
  const authors: string[] = [];
  for (const author of el.children) {
    if (author.ns !== ATOM_NS || author.local !== 'author') continue;
    const name = childText(author, ATOM_NS, 'name');
    if (name) authors.push(name);
  }
  const doi =
    childText(el, ARXIV_NS, 'doi') ??
    (doiLink ? (/doi\.org\/(10\.\S+)$/i.exec(doiLink)?.[1] ?? null) : null);
  const primary = child(el, ARXIV_NS, 'primary_category')?.attrs.get('term') ?? null;
  return {
    arxivId: ref.id,
    version: ref.version,
    title: childText(el, ATOM_NS, 'title') ?? '',
    summary: childText(el, ATOM_NS, 'summary') ?? '',
    authors,
    published: childText(el, ATOM_NS, 'published'),
    updated: childText(el, ATOM_NS, 'updated'),
    pdfUrl: pdfUrl ?? `https://arxiv.org/pdf/${versioned}`,
    absUrl: absUrl ?? `https://arxiv.org/abs/${versioned}`,
    doi,
    journalRef: childText(el, ARXIV_NS, 'journal_ref'),
    primaryCategory: primary,
  };
}

/**
 * Reads an answer of arXiv's query API. Entries without an arXiv id are left out. arXiv reports
 * a bad query as a feed with one entry whose id is under `/api/errors`: that is an `api-error`
 * carrying arXiv's own explanation.
 */
export function parseAtom(text: string): AtomResult {
  if (text.length > MAX_ATOM_CHARS) {
    return { ok: false, error: { kind: 'too-large', message: 'the answer is too large' } };
  }
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    const message = error instanceof XmlError ? error.message : 'unreadable XML';
    return { ok: false, error: { kind: 'malformed', message: `malformed XML: ${message}` } };
  }
  if (root.ns !== ATOM_NS || root.local !== 'feed') {
    return {
      ok: false,
      error: { kind: 'not-atom', message: `expected an Atom <feed>, got <${root.local}>` },
    };
  }
  const entries: ArxivEntry[] = [];
  for (const el of root.children) {
    if (el.ns !== ATOM_NS || el.local !== 'entry') continue;
    const id = childText(el, ATOM_NS, 'id') ?? '';
    if (/\/api\/errors/.test(id)) {
      const summary = childText(el, ATOM_NS, 'summary') ?? 'arXiv refused the query';
      return { ok: false, error: { kind: 'api-error', message: summary.slice(0, 300) } };
    }
    const entry = readEntry(el);
    if (entry) entries.push(entry);
  }
  const total = childText(root, OPENSEARCH_NS, 'totalResults');
  const totalResults = total !== null && /^\d+$/.test(total) ? Number(total) : null;
  return { ok: true, feed: { entries, totalResults } };
}
