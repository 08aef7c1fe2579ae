/**
 * Paper pages: a paper's own page on arXiv (abstract or HTML), Hugging Face, alphaXiv or
 * OpenReview, where Citecast says which episodes of the show discuss it. These hosts are
 * optional permissions: Citecast runs there only after the listener allows them.
 */
import { paperIdsOfUrl } from '@/lib/core/ids';

/** The optional host permissions of paper pages. */
export const PAPER_PAGE_ORIGINS = [
  'https://arxiv.org/*',
  'https://huggingface.co/*',
  'https://www.alphaxiv.org/*',
  'https://alphaxiv.org/*',
  'https://openreview.net/*',
] as const;

/** The address patterns of paper pages (content script matches). */
export const PAPER_PAGE_MATCHES = [
  'https://arxiv.org/abs/*',
  'https://arxiv.org/html/*',
  'https://huggingface.co/papers/*',
  'https://www.alphaxiv.org/abs/*',
  'https://alphaxiv.org/abs/*',
  'https://openreview.net/forum*',
] as const;

const PAPER_PAGE =
  /^https:\/\/(?:arxiv\.org\/(?:abs|html)\/|huggingface\.co\/papers\/|(?:www\.)?alphaxiv\.org\/abs\/|openreview\.net\/forum\?)/i;

/** Whether `url` is a paper's page Citecast knows, naming the paper by an id it can look up. */
export function isPaperPage(url: string): boolean {
  return PAPER_PAGE.test(url) && paperIdsOfUrl(url).length > 0;
}
