/**
 * Text → sources. A pure function over a description's text, with no DOM, so it runs the same
 * in the content script, in the background and in `npm run parse`.
 *
 * It reads every form of list the show has written (tests/unit/sources.cases.test.ts). The hard part is where
 * one item ends: titles contain ` N. `, so splitting on every number is wrong. Item numbers
 * run 1, 2, 3 … in order, and the real next number stands at a line start or right after the
 * previous item's URL; that order is the signal used here. Everything is done in a few linear
 * passes (URLs once, numbers once), so a megabyte of `1. 1. 1.` costs no more than its length.
 */
import { classifyFoundUrl, scholarQuery, type LinkInfo } from '@/lib/links/classify';
import { findUrls, isSpace, type UrlMatch } from '@/lib/links/urls';
import { readCitation, type Citation } from '@/lib/sources/citation';
import { isLegacyBlock, readLegacyBlock } from '@/lib/sources/legacy';
import type { SourceKind } from '@/lib/core/paper';
import type { ParsedSources, Source } from '@/lib/sources/types';
import { findVisualizationUrl, nextVisualizationMarker } from '@/lib/sources/visualization';

// The list's label, most specific first: the show writes `Sources:`; legacy blocks `Source:`;
// descriptions with nothing else `Source: {url}` or `Paper: {url}` lines.
const LABEL_CLASSES = [/\bSources\s*:/g, /\b(?:Source|References?)\s*:/g, /\bPapers?\s*:/g];

// An item number: `1.` or `1)` after a line start, whitespace or the label's colon.
const ITEM_NUMBER = /(?:^|(?<=[\s:]))(\d{1,4})([.)])(?=\s|$)/g;

// The show's own name, which prefixes cited episodes: `AI Post Transformers: Title` or
// `AI Post Transformers — "Title"`.
const SHOW_PREFIX = /^\s*["“]?AI\s+Post\s+Transformers["”]?\s*(?::|—|–|--)\s*/i;

/**
 * Reads the ordered source list and the visualization link out of one description's text.
 * Never throws; a text without a source list gives no sources.
 */
export function parseSources(text: string): ParsedSources {
  if (typeof text !== 'string' || text.length === 0) {
    return { sources: [], visualizationUrl: null, listStart: null };
  }
  for (const label of LABEL_CLASSES) {
    label.lastIndex = 0;
    let failedUntil = -1;
    for (let m = label.exec(text); m !== null; m = label.exec(text)) {
      const regionStart = m.index + m[0].length;
      // A region without sources has no URL and no numbered list, so a later label inside it
      // can only start a list of its own if `1.` follows it; anything else is skipped
      // (retrying each would be quadratic on `Sources: Sources: …`).
      if (m.index < failedUntil && !opensNumberedList(text, regionStart, failedUntil)) continue;
      // The list runs to the next visualization label (the trailer), or to the end.
      const trailer = nextVisualizationMarker(text, regionStart);
      const regionEnd = trailer ? trailer[0] : text.length;
      const sources = parseRegion(text, regionStart, regionEnd);
      if (sources.length > 0) {
        if (!trailer) markCutOff(text, sources);
        return {
          sources,
          visualizationUrl: findVisualizationUrl(text, trailer),
          listStart: m.index,
        };
      }
      failedUntil = regionEnd;
    }
  }
  return { sources: [], visualizationUrl: findVisualizationUrl(text), listStart: null };
}

/**
 * Marks the last source `partial` when the text ends inside it, as where a host clips a
 * description with no "more" after it: nothing follows it, and it has no URL while every source
 * before it has one, or its Scholar search (which the show builds from the title) is a strict
 * prefix of its title, or its arXiv link stops before the identifier is whole. A list that a
 * trailer follows is whole.
 */
function markCutOff(text: string, sources: Source[]): void {
  const last = sources[sources.length - 1];
  for (let i = last.end; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return;
  const url = last.url;
  const cut =
    url === null
      ? sources.length > 1 && sources.every((s) => s === last || s.url !== null)
      : (last.arxivId === null &&
          /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf|html)\//i.test(url)) ||
        isCutSearch(url, last.title);
  if (cut) last.partial = true;
}

/** Whether `url` is a Scholar search for a strict prefix of `title` (letters and digits compared). */
function isCutSearch(url: string, title: string | null): boolean {
  if (title === null || !/^https?:\/\/scholar\.google\./i.test(url)) return false;
  const query = scholarQuery(url);
  // The show's searches are the title itself: equal, they are whole (and cost no folding).
  if (query === null || query === title) return false;
  const fold = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const q = fold(query);
  const whole = fold(title);
  return q.length > 0 && q.length < whole.length && whole.startsWith(q);
}

/** Whether the first non-space text in `[start, end)` is `1.` or `1)`, as a numbered list opens. */
function opensNumberedList(text: string, start: number, end: number): boolean {
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  return text.charCodeAt(first) === 0x31 && /^1[.)](?:\s|$)/.test(text.slice(first, first + 3));
}

/** Parses the list between its label and the trailer: numbered if it opens with `1.`/`1)`. */
function parseRegion(text: string, start: number, end: number): Source[] {
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  const urls = findUrls(text, first, end);
  if (opensNumberedList(text, first, end)) {
    return parseNumbered(text, first, end, urls);
  }
  return parseUnnumbered(text, first, end, urls);
}

/** Where one numbered item stands: its number, where the number is, where its text begins. */
interface ItemStart {
  number: number;
  start: number;
  bodyStart: number;
}

/**
 * Numbered lists: `1. Title — Authors, 2025 URL 2. …`, on separate lines or collapsed onto one.
 * Item k+1 begins at the first `k+1.` that stands at a line start or right after a URL inside
 * item k; failing that, at the first `k+1.` at all.
 */
function parseNumbered(text: string, start: number, end: number, urls: UrlMatch[]): Source[] {
  const items = itemsAfterUrls(text, start, end, urls) ?? itemsBySequence(text, start, end, urls);
  const sources: Source[] = [];
  let u = 0;
  for (let i = 0; i < items.length; i++) {
    const itemEnd = i + 1 < items.length ? items[i + 1].start : end;
    while (u < urls.length && urls[u].start < items[i].bodyStart) u++;
    const first = u;
    while (u < urls.length && urls[u].start < itemEnd) u++;
    const source = buildSource(
      text,
      items[i].start,
      items[i].bodyStart,
      itemEnd,
      urls,
      first,
      u,
      items[i].number,
    );
    // A bare number (`Sources: 1.`) is no source.
    if (source.title !== null || source.url !== null) sources.push(source);
  }
  return sources;
}

/**
 * The fast path for the regular case, where every item ends with a URL: the next number is
 * looked for only right after each URL. Returns `null` (use {@link itemsBySequence}) when
 * anything is irregular: an item without a URL, or a number that could start an item inside
 * an item's text.
 */
function itemsAfterUrls(
  text: string,
  start: number,
  end: number,
  urls: UrlMatch[],
): ItemStart[] | null {
  const items: ItemStart[] = [{ number: 1, start, bodyStart: start + 2 }];
  for (const url of urls) {
    let p = url.end;
    while (p < end && isSpace(text.charCodeAt(p))) p++;
    if (p === url.end && p < end) continue; // a URL not followed by whitespace: glued text
    const expected = items.length + 1;
    const after = numberEndAt(text, p, expected);
    if (after === -1) continue;
    const mark = text.charCodeAt(after);
    if (
      (mark !== 0x2e && mark !== 0x29) ||
      !(after + 1 >= end || isSpace(text.charCodeAt(after + 1)))
    )
      continue;
    items.push({ number: expected, start: p, bodyStart: after + 1 });
  }
  // No item's text may hold what could be the next item's number, and only the last item
  // may lack a URL (then nothing that looks like a number may follow it).
  for (let i = 0; i < items.length; i++) {
    const last = i + 1 === items.length;
    const itemEnd = last ? end : items[i + 1].start;
    if (hasNumberAt(text, items[i].number + 1, items[i].bodyStart, itemEnd)) return null;
    if (last && !urls.some((u) => u.start >= items[i].bodyStart)) {
      if (/(?:^|\s)\d{1,4}[.)](?:\s|$)/.test(text.slice(items[i].bodyStart, end))) return null;
    }
  }
  return items;
}

/**
 * Where the digits of `number` end when they are written at `at` (and no further digit
 * follows), else -1. Compares digits, not strings: no label string per item.
 */
function numberEndAt(text: string, at: number, number: number): number {
  let digits = 1;
  for (let n = number; n >= 10; n = Math.floor(n / 10)) digits++;
  let rest = number;
  for (let k = at + digits - 1; k >= at; k--) {
    if (text.charCodeAt(k) !== 0x30 + (rest % 10)) return -1;
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}

/**
 * Whether `number` stands in `text[from, to)` as an item number: `␣3.␣` or `␣3)␣`. Candidates
 * are the places of its last digit's character, found with indexOf.
 */
function hasNumberAt(text: string, number: number, from: number, to: number): boolean {
  let digits = 1;
  for (let n = number; n >= 10; n = Math.floor(n / 10)) digits++;
  const last = String.fromCharCode(0x30 + (number % 10));
  for (
    let k = text.indexOf(last, from + digits - 1);
    k !== -1 && k < to;
    k = text.indexOf(last, k + 1)
  ) {
    const begin = k - digits + 1;
    if (begin === 0 || !isSpace(text.charCodeAt(begin - 1))) continue;
    if (numberEndAt(text, begin, number) === -1) continue;
    const mark = text.charCodeAt(k + 1);
    if (mark !== 0x2e && mark !== 0x29) continue;
    const after = k + 2;
    if (after >= text.length || isSpace(text.charCodeAt(after))) return true;
  }
  return false;
}

/**
 * The general path: candidates for every number, chosen in order 1, 2, 3 … Item k+1 begins at
 * a `k+1.` standing at a line start or right after a URL of item k. A `k+1.` anywhere else
 * (mid-line, as in the title "Llama 2. Open Foundation …") starts an item only when the
 * list goes on after it (a `k+2.` follows, standing clear) or no URL follows it at all (a draft list of bare
 * titles), and item k is not left empty; otherwise it is part of a title, since every item of
 * the show's lists has a URL.
 */
function itemsBySequence(text: string, start: number, end: number, urls: UrlMatch[]): ItemStart[] {
  const region = text.slice(start, end);
  const urlEnds = new Set(urls.map((u) => u.end));
  // Items use the mark of the first (`1.` or `1)`); "(Part 3)" is then no item number.
  const mark = text[start + 1];
  // Candidate numbers by value, in order of position. Only values up to the count of
  // candidates can be part of the sequence, which bounds the work on hostile input.
  const byNumber = new Map<number, number[]>();
  let count = 0;
  ITEM_NUMBER.lastIndex = 0;
  for (let m = ITEM_NUMBER.exec(region); m !== null; m = ITEM_NUMBER.exec(region)) {
    if (m[2] !== mark) continue;
    count++;
    const n = Number(m[1]);
    const at = start + m.index;
    let list = byNumber.get(n);
    if (!list) byNumber.set(n, (list = []));
    list.push(at);
  }
  const lastUrlStart = urls.length > 0 ? urls[urls.length - 1].start : -1;
  const items: ItemStart[] = [];
  let itemStart = start;
  for (let n = 1; n <= count; n++) {
    const candidates = byNumber.get(n);
    if (!candidates) break;
    let next: number | undefined = candidates[0];
    if (n > 1) {
      const chosen = chooseNext(text, candidates, itemStart, urlEnds);
      next = chosen?.at;
      if (chosen && !chosen.clear) {
        // The list goes on when a later number stands clear (at a line start or after a URL).
        const following = byNumber.get(n + 1) ?? [];
        const listGoesOn = following.some(
          (c) => c > chosen.at && standsClear(text, c, chosen.at, urlEnds),
        );
        // An item is never empty: `1. 2. 3. Title` is one item whose title starts `2. 3.`.
        const emptyItem = text.slice(itemStart, chosen.at).trim() === '';
        if (emptyItem || (!listGoesOn && lastUrlStart > chosen.at)) next = undefined;
      }
    }
    if (next === undefined) break;
    const numberLength = String(n).length + 1;
    items.push({ number: n, start: next, bodyStart: next + numberLength });
    itemStart = next + numberLength;
  }
  return items;
}

/**
 * Picks the position of the next item's number among `candidates` (sorted), after `from`:
 * the first one at a line start or right after a URL (`clear`), else the first one at all.
 */
function chooseNext(
  text: string,
  candidates: number[],
  from: number,
  urlEnds: Set<number>,
): { at: number; clear: boolean } | undefined {
  let fallback: number | undefined;
  for (const at of lowerBound(candidates, from)) {
    fallback ??= at;
    if (standsClear(text, at, from, urlEnds)) return { at, clear: true };
  }
  return fallback === undefined ? undefined : { at: fallback, clear: false };
}

/**
 * Whether a number at `at` stands clear: only whitespace back to a line break or to the end
 * of a URL (looking no further back than `from`).
 */
function standsClear(text: string, at: number, from: number, urlEnds: Set<number>): boolean {
  let p = at - 1;
  while (p >= from && isSpace(text.charCodeAt(p))) {
    if (text.charCodeAt(p) === 10) return true;
    p--;
  }
  return urlEnds.has(p + 1);
}

/** Yields the values of a sorted array that are ≥ `min`, found by binary search. */
function* lowerBound(sorted: number[], min: number): Generator<number> {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < min) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < sorted.length; i++) yield sorted[i];
}

/**
 * Unnumbered lists: each item runs from the end of the previous item's URL to the end of its
 * own URL. Covers `Title — Authors URL Title2 — … URL`, bare URLs, URLs glued together, and
 * `Source: URL` / `Paper: URL` lines.
 */
function parseUnnumbered(text: string, start: number, end: number, urls: UrlMatch[]): Source[] {
  const sources: Source[] = [];
  let itemStart = start;
  for (let i = 0; i < urls.length; i++) {
    const url = urls[i];
    let bodyStart = itemStart;
    while (bodyStart < url.start && isSpace(text.charCodeAt(bodyStart))) bodyStart++;
    // A `Paper:` or `Source:` label before a URL on a following line belongs to no title.
    const label = /^(?:Sources?|Papers?|References?)\s*:\s*/.exec(
      text.slice(bodyStart, Math.min(url.start, bodyStart + 40)),
    );
    if (label) bodyStart += label[0].length;
    sources.push(buildSource(text, bodyStart, bodyStart, url.end, urls, i, i + 1, null));
    itemStart = url.end;
  }
  return sources;
}

/** Builds one source from its item text and its URLs, `urls[firstUrl, endUrl)`. */
function buildSource(
  text: string,
  itemStart: number,
  bodyStart: number,
  itemEnd: number,
  urls: UrlMatch[],
  firstUrl: number,
  endUrl: number,
  number: number | null,
): Source {
  const url = firstUrl < endUrl ? urls[firstUrl] : null;
  // The citation is the text before the URL; text after it (rare) is not part of the title.
  // Trimmed by index before slicing: one string per citation, not a slice and its trim.
  let citationStart = bodyStart;
  let citationEnd = url ? url.start : itemEnd;
  while (citationStart < citationEnd && isSpace(text.charCodeAt(citationStart))) citationStart++;
  while (citationEnd > citationStart && isSpace(text.charCodeAt(citationEnd - 1))) citationEnd--;
  const link: LinkInfo | null = url ? classifyFoundUrl(url.url) : null;
  const isEpisode = link?.type === 'episode-audio' || link?.type === 'episode-page';
  const citation = readItemCitation(
    text.slice(citationStart, citationEnd),
    isEpisode,
    url !== null,
  );
  let end = url ? urls[endUrl - 1].end : itemEnd;
  if (!url) {
    while (end > bodyStart && isSpace(text.charCodeAt(end - 1))) end--;
  }
  return {
    title: citation.title,
    authors: citation.authors,
    year: citation.year,
    url: link ? url!.url : null,
    kind: kindOf(link, citation, isEpisode),
    arxivId: link?.arxiv?.id ?? null,
    pdfUrl: link?.pdfUrl ?? null,
    arxivVersion: link?.arxiv?.version ?? null,
    doi: link?.doi ?? null,
    episode: link?.episode ?? null,
    number,
    start: itemStart,
    end,
    urlStart: link ? url!.start : null,
    urlEnd: link ? url!.end : null,
  };
}

/** Reads title, authors and year, handling the legacy block and cited episodes. */
function readItemCitation(rawCitation: string, isEpisode: boolean, hasUrl: boolean): Citation {
  if (isLegacyBlock(rawCitation)) {
    const legacy = readLegacyBlock(rawCitation);
    if (legacy) return legacy;
  }
  // A citation is one line (the feed puts the URL on the next); later lines of an item without
  // a URL, such as a `javascript:` line, are not part of it.
  const citationText = hasUrl ? rawCitation : firstLine(rawCitation);
  if (isEpisode) {
    const prefix = SHOW_PREFIX.exec(citationText);
    if (prefix) return readCitation(citationText.slice(prefix[0].length));
  }
  return readCitation(citationText);
}

/** The first line of `text` that has anything on it (all of `text` when it is one line). */
function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  if (newline === -1) return text;
  const lead = /^\s*/.exec(text)![0].length;
  const end = text.indexOf('\n', lead);
  return end === -1 ? text : text.slice(0, end);
}

/** `episode` for episode links, `paper` for a cited work, `other` for a bare unknown link. */
function kindOf(link: LinkInfo | null, citation: Citation, isEpisode: boolean): SourceKind {
  if (isEpisode) return 'episode';
  if (!link) return citation.title ? 'paper' : 'other';
  if (link.type !== 'web') return 'paper';
  // A link to an unknown site is a cited work when the description cites it as one.
  return citation.title !== null || citation.authors.length > 0 || citation.year !== null
    ? 'paper'
    : 'other';
}
