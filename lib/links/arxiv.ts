/**
 * arXiv identifiers in URLs. Papers are keyed by the id without version (so `2501.00663v1`
 * and `2501.00663` are one paper), while the version the episode cited is kept beside it.
 * Identifier schemes: https://info.arxiv.org/help/arxiv_identifier.html
 */
import { isDigitCode } from '@/lib/links/urls';

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

/**
 * {@link parseArxivUrl} for the form the show writes, `arxiv.org/{abs|pdf|html}/YYMM.NNNNN`
 * with an optional version, `.pdf` and `/`, read by hand from `at` (just after `arxiv.org/`);
 * `null` for anything else, which then goes the regex way. (The regexes were most of the time
 * the parser spent on arXiv links, and a long list cites hundreds of them.)
 */
export function parseArxivUrlFast(url: string, at: number): ArxivRef | null {
  let p = at;
  if (url.startsWith('abs/', p) || url.startsWith('pdf/', p)) p += 4;
  else if (url.startsWith('html/', p)) p += 5;
  else return null;
  const idStart = p;
  if (!digitsAt(url, p, 4) || url.charCodeAt(p + 4) !== 0x2e) return null;
  p += 5;
  let digits = 0;
  while (digits < 6 && isDigitCode(url.charCodeAt(p + digits))) digits++;
  if (digits !== 4 && digits !== 5) return null;
  p += digits;
  const id = url.slice(idStart, p);
  let version: number | null = null;
  if (url.charCodeAt(p) === 0x76) {
    let v = 0;
    let q = p + 1;
    while (q < url.length && q - p <= 6 && isDigitCode(url.charCodeAt(q)))
      v = v * 10 + url.charCodeAt(q++) - 48;
    if (q === p + 1 || q - p > 6) return null;
    version = v;
    p = q;
  }
  if (url.startsWith('.pdf', p)) p += 4;
  if (url.charCodeAt(p) === 0x2f) p++;
  return p === url.length ? { id, version } : null;
}

function digitsAt(text: string, at: number, count: number): boolean {
  for (let i = at; i < at + count; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** The PDF address of an arXiv paper, keeping the cited version when there is one. */
export function arxivPdfUrl(ref: ArxivRef): string {
  return `https://arxiv.org/pdf/${ref.id}${ref.version === null ? '' : `v${ref.version}`}`;
}

/** The abstract page of an arXiv paper, keeping the cited version when there is one. */
export function arxivAbsUrl(ref: ArxivRef): string {
  return `https://arxiv.org/abs/${ref.id}${ref.version === null ? '' : `v${ref.version}`}`;
}
