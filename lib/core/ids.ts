/**
 * The identifiers paper and episode keys are made of, read from text and links: arXiv ids
 * (papers are keyed by the id without version, so `2501.00663v1` and `2501.00663` are one paper,
 * while the version the episode cited is kept beside it; schemes:
 * https://info.arxiv.org/help/arxiv_identifier.html), the DOI a link carries, and the show's
 * episode stems `{YYYY-MM-DD}-{title-slug}-{6 hex}`, which name an episode's mp3 and its
 * visualization page (`/viz/{stem}.html`).
 */
/** Whether a UTF-16 code unit is an ASCII digit, `0`–`9`. */
export function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** An arXiv identifier split into the versionless id and the cited version. */
export interface ArxivRef {
  /** `2501.00663` or `hep-th/9901001`: no version. */
  id: string;
  /** The version written in the link (`v2` → 2), or `null` when the link has none. */
  version: number | null;
}

// New style since 2007: YYMM.NNNN (4 digits until 2014, 5 since); old style: archive[.SC]/YYMMNNN.
const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v(\d+))?$/;
const ARXIV_URL =
  /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html|format|ps)\/([^?#\s]+?)(?:\.pdf)?\/?(?:[?#]\S*)?$/i;

/**
 * Parses a bare identifier such as `2501.00663v1`, `hep-th/9901001` or `math.GT/0309136v2`.
 * Returns `null` for anything else.
 */
export function parseArxivId(value: string): ArxivRef | null {
  const m = NEW_STYLE.exec(value) ?? OLD_STYLE.exec(value);
  if (!m) return null;
  return { id: m[1], version: m[2] === undefined ? null : Number(m[2]) };
}

/**
 * Reads the arXiv identifier from an arXiv link in any of its forms: `abs`, `pdf`, `html`,
 * with or without a version, `http` or `https`, `www.` or `export.`, with a `.pdf` suffix.
 */
export function parseArxivUrl(url: string): ArxivRef | null {
  const m = ARXIV_URL.exec(url);
  return m ? parseArxivId(m[1]) : null;
}

/** What an episode's file stem says about it. */
export interface EpisodeStem {
  /** The whole stem, e.g. `2026-05-20-titans-learning-to-memorize-at-test-time-054662`. */
  stem: string;
  /** Publication date as written in the stem, `YYYY-MM-DD`. */
  date: string;
  /** The title slug, e.g. `titans-learning-to-memorize-at-test-time`. */
  slug: string;
  /** The six hex digits that end the stem. */
  hash: string;
}

/**
 * Splits a stem such as `2026-05-20-some-title-054662` into date, slug and hash; `null` when
 * the name is not in that form. Checked character by character: every cited episode's mp3
 * comes through here, and three regexes and two case folds per link were a fifth of the
 * parser's link work on a long list.
 */
export function parseEpisodeStem(stem: string): EpisodeStem | null {
  const n = stem.length;
  if (n < 19 || stem.charCodeAt(n - 7) !== 0x2d) return null;
  // `YYYY-MM-DD-`
  for (let i = 0; i < 11; i++) {
    const code = stem.charCodeAt(i);
    if (i === 4 || i === 7 || i === 10 ? code !== 0x2d : !isDigitCode(code)) return null;
  }
  // The slug: letters and digits in runs joined by single hyphens.
  let upper = false;
  for (let i = 11; i < n - 7; i++) {
    const code = stem.charCodeAt(i);
    if (code === 0x2d) {
      if (i === 11 || i === n - 8 || stem.charCodeAt(i - 1) === 0x2d) return null;
    } else if (code >= 0x41 && code <= 0x5a) {
      upper = true;
    } else if (!isDigitCode(code) && !(code >= 0x61 && code <= 0x7a)) {
      return null;
    }
  }
  // Six hex digits.
  for (let i = n - 6; i < n; i++) {
    const code = stem.charCodeAt(i);
    if (code >= 0x41 && code <= 0x46) upper = true;
    else if (!isDigitCode(code) && !(code >= 0x61 && code <= 0x66)) return null;
  }
  const slug = stem.slice(11, n - 7);
  const hash = stem.slice(n - 6);
  return {
    stem,
    date: stem.slice(0, 10),
    slug: upper ? slug.toLowerCase() : slug,
    hash: upper ? hash.toLowerCase() : hash,
  };
}

/** Reads the stem from an episode mp3 link (`…/2026-05-20-slug-054662.mp3`). */
export function parseEpisodeAudioUrl(url: string): EpisodeStem | null {
  if (!/^https?:\/\/[^/?#\s]/i.test(url)) return null;
  const query = url.search(/[?#]/);
  const path = query === -1 ? url : url.slice(0, query);
  if (/\s/.test(url) || path.slice(-4).toLowerCase() !== '.mp3') return null;
  const name = path.slice(path.lastIndexOf('/') + 1, -4);
  return path.indexOf('/', 8) === -1 ? null : parseEpisodeStem(name);
}

/** Reads the stem from a visualization link (`…/viz/2026-05-20-slug-054662.html`). */
export function parseVisualizationUrl(url: string): EpisodeStem | null {
  const m = /^https?:\/\/[^?#\s]*\/viz\/([^/?#\s]+)\.html?(?:[?#]\S*)?$/i.exec(url);
  return m ? parseEpisodeStem(m[1]) : null;
}

/**
 * The DOI a link carries: the path of a `doi.org` link, or a `/doi/10.…` path as on ACM, Wiley
 * and others. Returns `null` when there is none.
 */
export function doiFromUrl(url: string): string | null {
  const host = hostOf(url);
  if (!host) return null;
  const path = pathOf(url);
  let candidate: string | null = null;
  if (host === 'doi.org' || host === 'dx.doi.org') candidate = path.slice(1);
  else {
    const m = /\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?(10\.\d{4,9}\/\S+)$/i.exec(path);
    if (m) candidate = m[1];
  }
  if (!candidate) return null;
  try {
    candidate = decodeURIComponent(candidate);
  } catch {
    // Keep the DOI as written.
  }
  return /^10\.\d{4,9}\/\S+$/.test(candidate) ? candidate : null;
}

/** The lower-cased host of an http(s) URL without a leading `www.`, or `null`. */
function hostOf(url: string): string | null {
  const m = /^https?:\/\/(?:[^@/?#\s]*@)?([^/?#:\s]+)/i.exec(url);
  return m ? m[1].toLowerCase().replace(/^www\./, '') : null;
}

/** The path of an http(s) URL (without query or fragment), or `''`. */
function pathOf(url: string): string {
  const m = /^https?:\/\/[^/?#\s]*([^?#\s]*)/i.exec(url);
  return m ? m[1] : '';
}

// A paper's own page on a site that names it by its arXiv id: Hugging Face's and alphaXiv's.
const ARXIV_MIRROR =
  /^https?:\/\/(?:www\.)?(?:huggingface\.co\/papers|alphaxiv\.org\/(?:abs|overview))\/([^?#\s/]+)/i;
const OPENREVIEW =
  /^https?:\/\/(?:www\.)?openreview\.net\/(?:forum|pdf|attachment)\?(?:[^#\s]*&)?id=([A-Za-z0-9_-]+)/i;

/**
 * The identifiers a link names a paper by, as the citation index keeps them: `arxiv:ID` (no
 * version; arXiv's own links and the Hugging Face and alphaXiv pages of an arXiv paper),
 * `doi:…` (lower case) and `openreview:ID` (a forum, PDF or attachment link). A paper's page
 * and a citation of it give the same identifiers, so the page finds the episodes citing it.
 * `[]` for any other link.
 */
export function paperIdsOfUrl(url: string): string[] {
  const arxiv = parseArxivUrl(url) ?? parseMirror(url);
  if (arxiv) return [`arxiv:${arxiv.id}`];
  const openreview = OPENREVIEW.exec(url);
  if (openreview) return [`openreview:${openreview[1]}`];
  const doi = doiFromUrl(url);
  return doi ? [`doi:${doi.toLowerCase()}`] : [];
}

/** The arXiv id of a Hugging Face or alphaXiv paper page (any version), else `null`. */
function parseMirror(url: string): ArxivRef | null {
  const m = ARXIV_MIRROR.exec(url);
  return m ? parseArxivId(m[1]) : null;
}
