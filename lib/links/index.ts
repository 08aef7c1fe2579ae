/** URL classification and normalisation: arXiv ids, PDFs, DOIs, Scholar titles, episode files. */
export { arxivAbsUrl, arxivPdfUrl, parseArxivId, parseArxivUrl, type ArxivRef } from './arxiv';
export {
  classifyUrl,
  doiFromUrl,
  openreviewPdfUrl,
  scholarQuery,
  type LinkInfo,
  type LinkType,
} from './classify';
export {
  parseEpisodeAudioUrl,
  parseEpisodeStem,
  parseVisualizationUrl,
  slugMatchesTitle,
  titleSlug,
  type EpisodeStem,
} from './episodes';
export { findUrls, hostOf, httpUrlOrNull, isSpace, pathOf, type UrlMatch } from './urls';
