/** Text → sources: the parser at the heart of Citecast. */
export { parseSources } from '@/lib/sources/parse';
export {
  readAuthors,
  readCitation,
  firstYear,
  cleanTitle,
  type Citation,
} from '@/lib/sources/citation';
export { findVisualizationUrl } from '@/lib/sources/visualization';
export type { ParsedSources, Source } from '@/lib/sources/types';
export type { SourceKind } from '@/lib/core/paper';
