/**
 * arXiv links: the fast reading of the form the show writes, and the addresses of a paper. The
 * ids themselves are read in lib/core/ids.ts, as paper keys are made of them.
 */
import { isDigitCode, type ArxivRef } from '@/lib/core/ids';

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
