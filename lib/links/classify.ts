/**
 * What a cited link is: an arXiv paper, a Google Scholar search for a title, an OpenReview
 * paper, a DOI, a direct PDF, a podcast episode, or some other page. The parser decides a
 * source's `kind` and `pdfUrl` from this, the fields the `parse` command prints.
 */
import { arxivPdfUrl, parseArxivUrlFast } from '@/lib/links/arxiv';
import {
  doiFromUrl,
  parseArxivUrl,
  type ArxivRef,
  parseEpisodeAudioUrl,
  parseEpisodeStem,
  type EpisodeStem,
} from '@/lib/core/ids';
import { onHostnames, SITE_INFO } from '@/lib/sites';

/** The kinds of link the show cites. */
export type LinkType =
  | 'arxiv'
  | 'scholar'
  | 'openreview'
  | 'doi'
  | 'pdf'
  | 'paper-site'
  | 'episode-audio'
  | 'episode-page'
  | 'web';

/** Everything Citecast reads out of one cited link. */
export interface LinkInfo {
  type: LinkType;
  /** The link as given; only http(s) links are ever classified. */
  url: string;
  arxiv: ArxivRef | null;
  /** A PDF to open in one click: the arXiv PDF (cited version kept) or a direct PDF link. */
  pdfUrl: string | null;
  /** A DOI such as `10.1145/3600006.3613165`, when the link carries one. */
  doi: string | null;
  /** For an episode mp3 of the show: date, slug and stem from its file name. */
  episode: EpisodeStem | null;
}

// Hosts whose pages are papers or articles, so a bare link to them is still a cited work.
const PAPER_HOSTS = new Set([
  'aclanthology.org',
  'aclweb.org',
  'biorxiv.org',
  'medrxiv.org',
  'openreview.net',
  'proceedings.neurips.cc',
  'papers.nips.cc',
  'proceedings.mlr.press',
  'jmlr.org',
  'usenix.org',
  'dl.acm.org',
  'ieeexplore.ieee.org',
  'link.springer.com',
  'sciencedirect.com',
  'nature.com',
  'science.org',
  'transformer-circuits.pub',
  'lesswrong.com',
  'alignmentforum.org',
  'distill.pub',
  'semanticscholar.org',
  'paperswithcode.com',
  'huggingface.co',
  'researchgate.net',
  'ssrn.com',
  'cvf.com',
  'thecvf.com',
]);

/** Whether `host` or one of its parent domains is a paper host. */
function isPaperHost(host: string): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    if (PAPER_HOSTS.has(h)) return true;
  }
  return false;
}

/**
 * Classifies one link. Returns `null` for anything that is not an absolute http(s) URL, so a
 * `javascript:` or `data:` address can never become a link.
 */
export function classifyUrl(url: string): LinkInfo | null {
  // Only an absolute http(s) URL with a host and no whitespace is ever a link.
  const parts = HOST_AND_PATH.exec(url);
  if (parts === null) return null;
  const rawHost = parts[1].toLowerCase();
  const host = rawHost.startsWith('www.') ? rawHost.slice(4) : rawHost;
  const path = parts[2];

  if (host === 'arxiv.org' || host === 'export.arxiv.org') {
    const arxiv = parseArxivUrl(url);
    if (arxiv) return link('arxiv', url, arxivPdfUrl(arxiv), arxiv);
  }
  // For Scholar, the searched title is read on demand with scholarQuery().
  if (host.startsWith('scholar.google.')) return link('scholar', url);
  if (host === 'openreview.net') return link('openreview', url, openreviewPdfUrl(url));
  if (hasExtension(path, AUDIO_EXTENSIONS))
    return link('episode-audio', url, null, null, null, parseEpisodeAudioUrl(url));
  if (isEpisodePage(host, path, url)) return link('episode-page', url);

  const isDoiHost = host === 'doi.org' || host === 'dx.doi.org';
  const doi = isDoiHost || path.includes('/doi/') ? doiFromUrl(url) : null;
  if (hasExtension(path, ['.pdf'])) return link('pdf', url, url, null, doi);
  if (isDoiHost) return link('doi', url, null, null, doi);
  return link(isPaperHost(host) ? 'paper-site' : 'web', url, null, null, doi);
}

const AUDIO_EXTENSIONS = ['.mp3', '.m4a', '.ogg', '.opus'];

/** Whether `path` ends in one of `extensions` (lower case), in any case. (An `…$` regex would be tried at every position.) */
function hasExtension(path: string, extensions: string[]): boolean {
  const tail = path.slice(-5).toLowerCase();
  return extensions.some((e) => tail.endsWith(e));
}

/** Builds a {@link LinkInfo} in one allocation. */
function link(
  type: LinkType,
  url: string,
  pdfUrl: string | null = null,
  arxiv: ArxivRef | null = null,
  doi: string | null = null,
  episode: EpisodeStem | null = null,
): LinkInfo {
  return { type, url, arxiv, pdfUrl, doi, episode };
}

/**
 * {@link classifyUrl} for a URL that {@link findUrls} cut out of a text (an http(s) scheme, no
 * whitespace): the two links the show writes most, Google Scholar searches and arXiv, are
 * told by their prefix without the general regex; everything else goes the general way.
 */
export function classifyFoundUrl(url: string): LinkInfo | null {
  const afterScheme = url.charCodeAt(4) === 0x73 ? 8 : 7; // https:// or http://
  if (url.startsWith('scholar.google.com/', afterScheme)) return link('scholar', url);
  if (url.startsWith('podcast.do-not-panic.com/episodes/', afterScheme) && url.endsWith('.mp3')) {
    const name = url.slice(url.lastIndexOf('/') + 1, -4);
    return link('episode-audio', url, null, null, null, parseEpisodeStem(name));
  }
  if (url.startsWith('arxiv.org/', afterScheme)) {
    const arxiv = parseArxivUrlFast(url, afterScheme + 10) ?? parseArxivUrl(url);
    if (arxiv) return link('arxiv', url, arxivPdfUrl(arxiv), arxiv);
  }
  return classifyUrl(url);
}

// Scheme, optional user info, host, optional port, path, then query and fragment: the whole
// URL, which may hold no whitespace.
const HOST_AND_PATH = /^https?:\/\/(?:[^@/?#\s]*@)?([^/?#:\s]+)(?::\d*)?([^?#\s]*)(?:[?#]\S*)?$/i;

/** Whether a link is an episode page on one of the sites, as the site declares. */
function isEpisodePage(host: string, path: string, url: string): boolean {
  const site = SITE_INFO.find((s) => onHostnames(host, s.hostnames));
  return site?.episodePage?.(path, url) ?? false;
}

/**
 * The title a Google Scholar search link searches for. The show builds these by turning only
 * spaces into `+`, so `:`, `?`, `&` and `'` stand raw in the query: everything after `q=` is
 * the title, up to a following Scholar parameter such as `&hl=`.
 */
export function scholarQuery(url: string): string | null {
  let q = url.indexOf('?q=');
  if (q === -1) q = url.indexOf('&q=');
  if (q === -1) return null;
  let raw = url.slice(q + 3);
  if (raw.includes('&'))
    raw = raw.replace(/&(?:hl|as_[a-z]+|btnG|oq|lr|start|num|scisbd|cluster)=.*$/s, '');
  let title = raw.replaceAll('+', ' ');
  if (title.includes('%')) {
    try {
      title = decodeURIComponent(title);
    } catch {
      // A raw `%` that is not an escape: the title is as written.
    }
  }
  title = title.includes('  ') ? title.replace(/\s+/g, ' ').trim() : title.trim();
  return title === '' ? null : title;
}

/**
 * The PDF address of an OpenReview paper from its `/pdf?id=` or `/forum?id=` link, else `null`.
 */
export function openreviewPdfUrl(url: string): string | null {
  const m =
    /^https?:\/\/(?:www\.)?openreview\.net\/(?:pdf|forum|attachment)\?(?:[^#\s]*&)?id=([A-Za-z0-9_-]+)/i.exec(
      url,
    );
  return m ? `https://openreview.net/pdf?id=${m[1]}` : null;
}
