/**
 * DOM → text with the page's line structure, and a map from that text back to the DOM.
 *
 * `textContent` glues blocks together (`…v1` + `2. Title` becomes `…v12. Title`), so readers
 * never use it on descriptions. {@link extractText} walks the tree the way a browser lays text
 * out: `<br>` and block boundaries become `\n`, runs of whitespace collapse to one space (except
 * in `<pre>`), scripts, styles and hidden elements are skipped. Each character of the result
 * that came from a text node is recorded in a segment map, so a range the source parser reports
 * (`start`/`end`/`urlStart`/`urlEnd`) can be turned back into a DOM position with
 * {@link TextMap.locate}. The walk is iterative, so deeply nested pages cannot overflow the stack.
 */

/** A run of output characters that came from one text node: `text[start, end)` ↔ `node.data[nodeStart, …)`. */
export interface TextSegment {
  start: number;
  end: number;
  node: Text;
  nodeStart: number;
  /** The run is one collapsed whitespace character standing for `nodeLength` characters. */
  collapsed: boolean;
}

/** A DOM position: a text node and an offset into its data. */
export interface DomPosition {
  node: Text;
  offset: number;
}

/** Text extracted from DOM roots, and where each character came from. */
export interface TextMap {
  /** The extracted text, lines separated by `\n`, trimmed. */
  text: string;
  /** The roots the text was extracted from, in document order. */
  roots: Element[];
  /** Segments in text order. */
  segments: TextSegment[];
  /**
   * The DOM position of text offset `offset`. `bias: 'after'` (the default) is for a range's
   * start: an offset between two text nodes maps to the start of the next; `'before'` is for a
   * range's end: it maps to the end of the previous one. `null` when no text node is there.
   */
  locate(offset: number, bias?: 'before' | 'after'): DomPosition | null;
}

// Elements whose text is never shown.
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'svg',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'AUDIO',
  'VIDEO',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
]);

// Elements that stand on their own lines.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Whether an element is a block that starts and ends a line. */
export function isBlockElement(element: Element): boolean {
  return BLOCKS.has(element.tagName.toUpperCase());
}

/** Whether the walk skips an element: scripts, styles, controls, `hidden`, `aria-hidden`. */
function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.tagName) || SKIPPED.has(element.tagName.toUpperCase())) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none/i.test(style);
}

/** Options for {@link extractText}. */
export interface ExtractOptions {
  /** Keep whitespace as written (feeds, `<pre>`-like text); lines still break at `<br>`/blocks. */
  preserveWhitespace?: boolean;
  /** Elements not to read (with their subtree), such as a "show more" control. */
  exclude?: (element: Element) => boolean;
  /** Stop once this many characters were read (a guard for huge pages). */
  maxLength?: number;
}

/**
 * Extracts the text of `roots` (in the given order) with line structure and a map back to the
 * DOM. A root may be a block or an inline element; roots are separated by line breaks.
 */
export function extractText(roots: Element | Element[], options: ExtractOptions = {}): TextMap {
  const list = Array.isArray(roots) ? roots : [roots];
  const out: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  // Line breaks waiting to be written before the next text (collapsed to one).
  let pendingBreak = false;
  // A collapsed space waiting to be written before the next text on the same line.
  let pendingSpace: { node: Text; nodeStart: number } | null = null;
  let atLineStart = true;
  const max = options.maxLength ?? Infinity;

  const writeBreak = () => {
    if (length === 0) return; // no leading newlines
    out.push('\n');
    length++;
    atLineStart = true;
    pendingSpace = null;
  };

  const pushText = (text: string, node: Text, nodeStart: number, collapsed: boolean) => {
    if (text.length === 0) return;
    if (pendingBreak) {
      pendingBreak = false;
      if (!atLineStart) writeBreak();
    }
    if (pendingSpace && !atLineStart) {
      out.push(' ');
      segments.push({
        start: length,
        end: length + 1,
        node: pendingSpace.node,
        nodeStart: pendingSpace.nodeStart,
        collapsed: true,
      });
      length++;
    }
    pendingSpace = null;
    out.push(text);
    segments.push({ start: length, end: length + text.length, node, nodeStart, collapsed });
    length += text.length;
    atLineStart = false;
  };

  const readTextNode = (node: Text, pre: boolean) => {
    const data = node.data;
    if (pre || options.preserveWhitespace) {
      // Keep whitespace; newlines are line breaks.
      let from = 0;
      for (let i = 0; i <= data.length; i++) {
        if (i === data.length || data.charCodeAt(i) === 10) {
          if (i > from) pushText(data.slice(from, i), node, from, false);
          if (i < data.length) {
            pendingBreak = false;
            writeBreak();
          }
          from = i + 1;
        }
      }
      return;
    }
    // Collapse whitespace runs (space, tab, CR, LF, FF) to one space, as `white-space: normal`.
    // A lone space between two words is kept inside the run it stands in: it maps one to one,
    // so the run stays one segment. Why: a segment per word made a 662-episode page's text maps
    // millions of objects (the page's heap and its garbage collections, `npm run bench`).
    const ws = /[ \t\r\n\f]+/g;
    let from = 0;
    for (let m = ws.exec(data); m !== null; m = ws.exec(data)) {
      const end = m.index + m[0].length;
      if (m[0] === ' ' && m.index > from && end < data.length) continue;
      if (m.index > from) pushText(data.slice(from, m.index), node, from, false);
      pendingSpace ??= { node, nodeStart: m.index };
      from = end;
    }
    if (from < data.length) pushText(data.slice(from), node, from, false);
  };

  list.forEach((root, index) => {
    if (index > 0) pendingBreak = true;
    // Iterative depth-first walk: [node, leaving?]
    const stack: Array<[Node, boolean, boolean]> = [[root, false, false]];
    while (stack.length > 0 && length < max) {
      const [node, leaving, pre] = stack.pop()!;
      if (node.nodeType === TEXT_NODE) {
        readTextNode(node as Text, pre);
        continue;
      }
      if (node.nodeType !== ELEMENT_NODE) continue;
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      const block = BLOCKS.has(tag);
      if (leaving) {
        if (block) pendingBreak = true;
        continue;
      }
      if (node !== root && (isSkipped(element) || options.exclude?.(element))) continue;
      if (tag === 'BR') {
        pendingBreak = false;
        writeBreak();
        continue;
      }
      if (tag === 'IMG' || tag === 'HR') {
        if (block) pendingBreak = true;
        continue;
      }
      if (block) pendingBreak = true;
      if (tag === 'A') {
        // A link whose text is its address without the scheme (`arxiv.org/pdf/2602.11865`)
        // reads as its address: the scheme is written before the text, mapped to its start.
        const missing = missingScheme(element);
        if (missing) pushText(missing.scheme, missing.at, 0, true);
      }
      stack.push([node, true, pre]);
      const childPre = pre || tag === 'PRE';
      // Push children in reverse so the first is read first.
      const children: Node[] = [];
      for (let c = element.firstChild; c !== null; c = c.nextSibling) children.push(c);
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], false, childPre]);
    }
  });

  // Trim a trailing newline (a trailing space is never written).
  let text = out.join('');
  if (text.endsWith('\n')) text = text.replace(/\n+$/, '');
  return makeMap(text, list, segments);
}

/**
 * The scheme (`https://`) of a link whose text is its http(s) address without the scheme, and
 * the text node where that text begins; else `null`.
 */
function missingScheme(link: Element): { scheme: string; at: Text } | null {
  const href = link.getAttribute('href') ?? '';
  const m = /^https?:\/\//i.exec(href);
  if (!m || href.length === m[0].length || link.textContent !== href.slice(m[0].length))
    return null;
  let at: Node | null = link.firstChild;
  while (at && at.nodeType !== TEXT_NODE) at = at.firstChild;
  return at ? { scheme: m[0], at: at as Text } : null;
}

/** Builds the {@link TextMap} for a text and its segments. */
function makeMap(text: string, roots: Element[], segments: TextSegment[]): TextMap {
  return {
    text,
    roots,
    segments,
    locate(offset: number, bias: 'before' | 'after' = 'after'): DomPosition | null {
      if (segments.length === 0) return null;
      // First segment whose end is > offset (or ≥ offset for 'before').
      let lo = 0;
      let hi = segments.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const s = segments[mid];
        if (bias === 'before' ? s.end < offset : s.end <= offset) lo = mid + 1;
        else hi = mid;
      }
      if (bias === 'before') {
        // The segment that contains offset-1, or the last one ending at or before offset.
        const s =
          lo < segments.length && segments[lo].start < offset ? segments[lo] : segments[lo - 1];
        if (!s) return { node: segments[0].node, offset: segments[0].nodeStart };
        const within = Math.min(offset, s.end) - s.start;
        return {
          node: s.node,
          offset: s.collapsed ? s.nodeStart + (within > 0 ? 1 : 0) : s.nodeStart + within,
        };
      }
      const s = segments[lo];
      if (!s) {
        const last = segments[segments.length - 1];
        return { node: last.node, offset: last.nodeStart + (last.end - last.start) };
      }
      const within = Math.max(0, offset - s.start);
      return { node: s.node, offset: s.nodeStart + (s.collapsed ? 0 : within) };
    },
  };
}

/** The trimmed, whitespace-collapsed text of an element, for short labels (titles, dates). */
export function shortText(element: Element | null | undefined): string {
  if (!element) return '';
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
