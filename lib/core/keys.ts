/**
 * Record keys of the store. A paper is `arxiv:ID` (no version) when it has an arXiv id, else
 * `doi:…` (lower case), else `title:` plus its normalised title. An episode is its mp3 stem (which
 * the visualization link `/viz/{stem}.html` also gives), else `show:` plus its normalised title.
 */
import { withoutBidi } from '@/lib/core/bidi';
import {
  parseArxivId,
  parseArxivUrl,
  doiFromUrl,
  parseEpisodeAudioUrl,
  parseEpisodeStem,
  parseVisualizationUrl,
} from '@/lib/core/ids';

/** What a paper key can be made from: a parsed source, a stored paper or a backup entry. */
export interface PaperIdentity {
  arxivId?: string | null;
  doi?: string | null;
  title?: string | null;
  url?: string | null;
}

/** What an episode key can be made from. */
export interface EpisodeIdentity {
  stem?: string | null;
  audioUrl?: string | null;
  visualizationUrl?: string | null;
  title?: string | null;
}

// arXiv's DOIs (DataCite, since 2022) name the same paper as its arXiv id.
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/**
 * Folds a title for comparison: Unicode compatibility forms and accents folded, lower case,
 * every run of punctuation and whitespace turned into one space, trimmed. `""` when nothing is left.
 */
export function normaliseTitle(title: string): string {
  // Bidirectional controls go first, as they do from stored titles: the key of a title is the
  // same with or without them.
  return withoutBidi(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A DOI in the form the store keys it by: without `doi:` or resolver prefixes, lower case
 * (DOIs are case-insensitive). `null` when `value` is not a DOI.
 */
export function normaliseDoi(value: string): string | null {
  const bare = value
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  return /^10\.\d{4,9}\/\S+$/.test(bare) ? bare.toLowerCase() : null;
}

/** The versionless arXiv id of a paper, from its id, its arXiv DOI or its arXiv link. */
function arxivIdOf(paper: PaperIdentity): string | null {
  const fromId = paper.arxivId ? parseArxivId(paper.arxivId.trim()) : null;
  if (fromId) return fromId.id;
  const doi = paper.doi ? normaliseDoi(paper.doi) : null;
  const fromDoi = doi ? ARXIV_DOI.exec(doi) : null;
  if (fromDoi) {
    const ref = parseArxivId(fromDoi[1]);
    if (ref) return ref.id;
  }
  const fromUrl = paper.url ? parseArxivUrl(paper.url) : null;
  return fromUrl ? fromUrl.id : null;
}

/**
 * The key of a paper: `arxiv:2501.00663` (any version, arXiv DOI or link of it), else
 * `doi:10.…` (from the DOI or a DOI link), else `title:` plus the normalised title. `null` when
 * the paper has none of these.
 */
export function paperKey(paper: PaperIdentity): string | null {
  const arxivId = arxivIdOf(paper);
  if (arxivId) return `arxiv:${arxivId}`;
  const doi =
    (paper.doi ? normaliseDoi(paper.doi) : null) ?? (paper.url ? doiFromUrl(paper.url) : null);
  const normalDoi = doi ? normaliseDoi(doi) : null;
  if (normalDoi) return `doi:${normalDoi}`;
  const title = paper.title ? normaliseTitle(paper.title) : '';
  return title ? `title:${title}` : null;
}

/** The mp3 stem of an episode, lower case, from its stem, mp3 link or visualization link. */
export function episodeStemOf(episode: EpisodeIdentity): string | null {
  const parsed =
    (episode.stem ? parseEpisodeStem(episode.stem) : null) ??
    (episode.audioUrl ? parseEpisodeAudioUrl(episode.audioUrl) : null) ??
    (episode.visualizationUrl ? parseVisualizationUrl(episode.visualizationUrl) : null);
  return parsed ? parsed.stem.toLowerCase() : null;
}

/** The fallback key of an episode known only by its title: `show:` plus the normalised title. */
export function episodeTitleKey(title: string | null | undefined): string | null {
  const normal = title ? normaliseTitle(title) : '';
  return normal ? `show:${normal}` : null;
}

/**
 * The key of an episode: its mp3 stem (from the stem, the mp3 link or the visualization link),
 * else `show:` plus its normalised title. `null` when it has neither.
 */
export function episodeKey(episode: EpisodeIdentity): string | null {
  return episodeStemOf(episode) ?? episodeTitleKey(episode.title);
}

/** Whether `key` is a title-only episode key (`show:…`), which a stem-keyed record may absorb. */
export function isEpisodeTitleKey(key: string): boolean {
  return key.startsWith('show:');
}

/** The cache key of a title (`title:` plus the normalised title), or `null` when it has no words. */
export function titleCacheKey(title: string): string | null {
  const normal = normaliseTitle(title);
  return normal ? `title:${normal}` : null;
}

/** The cache key of a paper's metadata. */
export function paperCacheKey(arxivId: string): string {
  return `paper:${arxivId}`;
}
