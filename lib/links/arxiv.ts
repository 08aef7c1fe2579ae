/**
 * arXiv identifiers in URLs. Papers are keyed by the id without version (so `2501.00663v1`
 * and `2501.00663` are one paper), while the version the episode cited is kept beside it.
 * Identifier schemes: https://info.arxiv.org/help/arxiv_identifier.html
 */

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

/** The PDF address of an arXiv paper, keeping the cited version when there is one. */
export function arxivPdfUrl(ref: ArxivRef): string {
  return `https://arxiv.org/pdf/${ref.id}${ref.version === null ? '' : `v${ref.version}`}`;
}

/** The abstract page of an arXiv paper, keeping the cited version when there is one. */
export function arxivAbsUrl(ref: ArxivRef): string {
  return `https://arxiv.org/abs/${ref.id}${ref.version === null ? '' : `v${ref.version}`}`;
}
