/** URL classification and normalisation: arXiv ids, PDFs, DOIs, Scholar titles, episode files. */
export {
  arxivAbsUrl,
  arxivPdfUrl,
  parseArxivId,
  parseArxivUrl,
  type ArxivRef,
} from '@/lib/links/arxiv';
export {
  classifyUrl,
  doiFromUrl,
  openreviewPdfUrl,
  scholarQuery,
  type LinkInfo,
  type LinkType,
} from '@/lib/links/classify';
export {
  parseEpisodeAudioUrl,
  parseEpisodeStem,
  parseVisualizationUrl,
  slugMatchesTitle,
  titleSlug,
  type EpisodeStem,
} from '@/lib/links/episodes';
export { findUrls, hostOf, isSpace, pathOf, type UrlMatch } from '@/lib/links/urls';
