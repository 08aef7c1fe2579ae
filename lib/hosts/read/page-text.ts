/**
 * Reading a page's text (one paragraph a line), such as the text of a Podimo episode page in
 * shared/fixtures/podimo-episode-page.txt: the main episode (title, `1 h 0 min · 22. mai 2026`,
 * a cover whose alt text is `episode {title} cover`, the heading `Beskrivelse`, the
 * description) and then a list whose items hold cover, title, description and a date line
 * such as `27. mai 20261 h 0 min`. Text that has none of this is one bare description.
 */
import { readDateLine } from '@/lib/dates/index';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { COVER_ALT, DESCRIPTION_HEADING, showMoreAt } from '@/lib/hosts/podimo-words';
import { makeEpisode } from '@/lib/hosts/read/common';

/** Options for reading a page's text. */
export interface PageTextOptions {
  /** "Today", for `I går` / `I dag` and dates without a year. */
  now?: Date;
}

interface Line {
  text: string;
  index: number;
  /** Where the line's text starts and ends in the page text. */
  start: number;
  end: number;
}

/** The page's non-empty lines, trimmed, with their line numbers and ranges. */
function pageLines(text: string): Line[] {
  const lines: Line[] = [];
  let index = 0;
  for (let from = 0; from <= text.length; index++) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    const raw = text.slice(from, to);
    const trimmed = raw.trim();
    if (trimmed !== '') {
      const start = trimmed.length === raw.length ? from : from + raw.indexOf(trimmed);
      lines.push({ text: trimmed, index, start, end: start + trimmed.length });
    }
    from = to + 1;
  }
  return lines;
}

/**
 * The lines `lines[from, to)` joined by newlines. Lines that follow each other in the page
 * untrimmed are one range of it, taken as a slice: a join would copy every description of a
 * long list (megabytes of garbage for the collector on a 662-episode page, which must read fast).
 */
function joinLines(text: string, lines: Line[], from: number, to: number): string {
  if (from >= to) return '';
  for (let i = from + 1; i < to; i++) {
    if (lines[i].start !== lines[i - 1].end + 1) {
      return lines
        .slice(from, to)
        .map((l) => l.text)
        .join('\n');
    }
  }
  return text.slice(lines[from].start, lines[to - 1].end);
}

// The line that opens Podimo's episode list: `662 Episoder`, `Alle episoder`, in its languages.
const LIST_HEADING =
  /^(?:\d[\d .,]*\s+)?(?:Alle\s+)?(?:Episoder|Episodes|Episoden|Afleveringen|Episodios|Alle\s+episoder|All\s+episodes)$/i;

/**
 * Finds every episode in a page's text, in page order. A text holding only a description is
 * one episode with `title: null`.
 */
export function parsePageText(text: string, options: PageTextOptions = {}): FoundEpisode[] {
  const now = options.now ?? new Date();
  // Only texts with carriage returns are rewritten (a regex pass over a whole page otherwise).
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const lines = pageLines(normalised);
  if (lines.length === 0) return [];

  const heading = lines.findIndex((l) => DESCRIPTION_HEADING.test(l.text));
  const firstCover = lines.findIndex((l) => COVER_ALT.test(l.text));
  if (heading === -1 && firstCover === -1) return [bareDescription(normalised)];

  const episodes: FoundEpisode[] = [];
  let listFrom = 0;
  if (heading !== -1) {
    const main = readMainEpisode(lines, heading, now);
    if (main) episodes.push(main);
    listFrom = heading + 2;
  }
  // The list begins after its heading (`662 Episoder`), or at the first cover after the main
  // episode; the page's text between (comments, offers) is not an episode.
  let listStart = -1;
  for (let i = listFrom; i < lines.length; i++) {
    if (LIST_HEADING.test(lines[i].text)) listStart = i + 1;
    else if (listStart === -1 && COVER_ALT.test(lines[i].text)) {
      listStart = i;
      break;
    }
  }
  if (listStart !== -1) episodes.push(...readList(normalised, lines, listStart, now));
  return episodes.filter((e) => e.title !== null || e.sources.length > 0);
}

/**
 * The episode list: each item is a cover line (alt text, not always in the text), a title
 * line, description lines, and a date line that ends it.
 */
function readList(text: string, lines: Line[], start: number, now: Date): FoundEpisode[] {
  const episodes: FoundEpisode[] = [];
  // The current item's lines are lines[groupStart, i): every line that is neither a cover
  // nor a date line belongs to it.
  let groupStart = start;
  let altTitle: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].text;
    const cover = COVER_ALT.exec(line);
    if (cover) {
      if (i > groupStart) episodes.push(listItem(text, lines, groupStart, i, altTitle, null));
      altTitle = cover[1];
      groupStart = i + 1;
      continue;
    }
    const meta = i > groupStart ? readDateLine(line, now) : null;
    if (meta) {
      episodes.push(listItem(text, lines, groupStart, i, altTitle, meta));
      altTitle = null;
      groupStart = i + 1;
    }
  }
  if (lines.length > groupStart) {
    episodes.push(listItem(text, lines, groupStart, lines.length, altTitle, null));
  }
  return episodes;
}

/** One list item from its lines `lines[from, to)`. */
function listItem(
  text: string,
  lines: Line[],
  from: number,
  to: number,
  altTitle: string | null,
  meta: { published: string | null; duration: number | null } | null,
): FoundEpisode {
  // The title line repeats the cover's alt text; without a cover it is the first line.
  const first = lines[from].text;
  const title = altTitle ?? first;
  const bodyFrom = altTitle === null || first === altTitle ? from + 1 : from;
  const description = joinLines(text, lines, bodyFrom, to);
  return episodeFrom(title, meta?.published ?? null, meta?.duration ?? null, description);
}

/** One bare description: no title, no date. */
function bareDescription(text: string): FoundEpisode {
  return episodeFrom(null, null, null, text.trim());
}

/**
 * The main episode: heading `Beskrivelse`, the description on the next line; the title and
 * `{duration} · {date}` line stand above it, with the cover.
 */
function readMainEpisode(lines: Line[], heading: number, now: Date): FoundEpisode | null {
  const description = lines[heading + 1]?.text;
  if (description === undefined) return null;
  let title: string | null = null;
  let published: string | null = null;
  let duration: number | null = null;
  // Look up to five lines above the heading for the cover, the date line and the title.
  for (let i = heading - 1; i >= Math.max(0, heading - 5); i--) {
    const line = lines[i].text;
    const cover = COVER_ALT.exec(line);
    if (cover) {
      title ??= cover[1];
      continue;
    }
    const meta = readDateLine(line, now);
    if (meta) {
      published = meta.published;
      duration = meta.duration;
      // The line above the date line is the title.
      const above = lines[i - 1]?.text;
      if (above !== undefined && title === null) title = above;
      break;
    }
  }
  return episodeFrom(title, published, duration, description);
}

function episodeFrom(
  title: string | null,
  published: string | null,
  duration: number | null,
  rawDescription: string,
): FoundEpisode {
  const cut = showMoreAt(rawDescription);
  return makeEpisode({
    title,
    published,
    duration,
    description: cut !== -1 ? rawDescription.slice(0, cut) : rawDescription,
    cutShort: cut !== -1,
  });
}
