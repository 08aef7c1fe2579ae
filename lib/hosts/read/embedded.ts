/**
 * Descriptions carried in a page's embedded data (JSON-LD, `__NEXT_DATA__`, Apple's
 * `serialized-server-data`), and choosing between them and the text the DOM shows.
 */
import type { DescriptionLocation, FoundEpisode } from '@/lib/hosts/episode';
import { parseSources } from '@/lib/sources/parse';
import {
  anyDate,
  isoDuration,
  makeEpisode,
  objectsIn,
  stringField,
  type DomDescription,
} from '@/lib/hosts/read/common';

/** An episode as embedded data describes it. */
export interface EmbeddedEpisode {
  title: string | null;
  description: string;
  published: string | null;
  duration: number | null;
  audioUrl: string | null;
}

const TITLE_KEYS = ['title', 'name', 'episodeTitle', 'headline'];
const DESCRIPTION_KEYS = [
  'description',
  'descriptionText',
  'fullDescription',
  'summary',
  'body',
  'content',
  'text',
  'standard',
];
const DATE_KEYS = [
  'datePublished',
  'publishDatetime',
  'publishedAt',
  'publishDate',
  'releaseDate',
  'datetime',
  'date',
  'pubDate',
];
const DURATION_KEYS = ['duration', 'durationInSeconds', 'durationSeconds', 'length'];

/** The description string of an object: a string field, or `{standard: …}` as Apple nests it. */
function descriptionOf(o: Record<string, unknown>): string | null {
  for (const k of DESCRIPTION_KEYS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const nested = stringField(v as Record<string, unknown>, [
        'standard',
        'full',
        'text',
        'value',
      ]);
      if (nested) return nested;
    }
  }
  return null;
}

/** An mp3/stream URL in an object (`audio.url`, `streamUrl`, `contentUrl`, `enclosure`). */
function audioOf(o: Record<string, unknown>): string | null {
  for (const k of ['streamUrl', 'audioUrl', 'contentUrl', 'url', 'enclosureUrl', 'assetUrl']) {
    const v = o[k];
    if (typeof v === 'string' && /^https?:\/\/\S+\.mp3(?:[?#]\S*)?$/i.test(v)) return v;
  }
  for (const k of ['audio', 'associatedMedia', 'enclosure', 'media']) {
    const v = o[k];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const found = audioOf(v as Record<string, unknown>);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Every episode-like object in `data`: a title and a description of some length. `now` reads
 * human dates. Durations in milliseconds (over a day's worth of seconds) are turned to seconds.
 */
export function embeddedEpisodes(data: unknown, now: Date): EmbeddedEpisode[] {
  const out: EmbeddedEpisode[] = [];
  for (const o of objectsIn(data)) {
    const title = stringField(o, TITLE_KEYS);
    const description = descriptionOf(o);
    if (!title || !description || description.length < 40) continue;
    let duration: number | null = null;
    for (const k of DURATION_KEYS) {
      const d = isoDuration(o[k]);
      if (d !== null) {
        duration = d > 86_400 * 2 ? Math.round(d / 1000) : d;
        break;
      }
    }
    let published: string | null = null;
    for (const k of DATE_KEYS) {
      published = anyDate(o[k], now);
      if (published) break;
    }
    out.push({ title: title.trim(), description, published, duration, audioUrl: audioOf(o) });
  }
  return out;
}

/** A title folded for matching: case, punctuation and whitespace. */
export function foldTitle(title: string | null | undefined): string {
  return (title ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Text folded for prefix comparison (whitespace and ellipses dropped). */
function foldText(text: string): string {
  return text.replace(/(?:…|\.\.\.)\s*$/, '').replace(/\s+/g, '');
}

/**
 * Whether `shown` (the DOM's text) is a cut-short form of `full`: shorter, and `full` starts
 * with it once whitespace is folded.
 */
export function isPrefixOf(shown: string, full: string): boolean {
  const a = foldText(shown);
  const b = foldText(full);
  return a.length < b.length && a.length > 0 && b.startsWith(a.slice(0, Math.max(1, a.length - 3)));
}

/**
 * Builds the episode from the DOM's text and/or an embedded description: the DOM's text (mapped)
 * when it is complete; the embedded one when the DOM's is cut short or has fewer sources; the
 * DOM's marked `cutShort` when nothing better is there.
 */
export function chooseDescription(
  fields: {
    title: string | null;
    published: string | null;
    duration: number | null;
    audioUrl: string | null;
    visualizationUrl: string | null;
  },
  dom: DomDescription | null,
  domCutShort: boolean,
  embedded: string | null,
  element: Element | null,
): FoundEpisode {
  const fromDom = dom
    ? makeEpisode({ ...fields, description: dom.text, location: dom.location })
    : null;
  if (embedded) {
    const embeddedCount = parseSources(embedded).sources.length;
    const domCount = fromDom?.sources.length ?? -1;
    const domIsShort =
      domCutShort || fromDom?.cutShort === true || (dom !== null && isPrefixOf(dom.text, embedded));
    if (!fromDom || embeddedCount > domCount || (domIsShort && embeddedCount >= domCount)) {
      const location: DescriptionLocation | null =
        dom?.location.element || element
          ? { element: (dom?.location.element ?? element)!, map: null, offset: 0 }
          : null;
      return makeEpisode({ ...fields, description: embedded, location });
    }
  }
  if (fromDom) return { ...fromDom, cutShort: domCutShort || fromDom.cutShort };
  return makeEpisode({
    ...fields,
    description: '',
    location: element ? { element, map: null, offset: 0 } : null,
  });
}
