/** Text → sources: the parser at the heart of Citecast. */
export { parseSources } from './parse';
export { readAuthors, readCitation, firstYear, cleanTitle, type Citation } from './citation';
export { findVisualizationUrl } from './visualization';
export type { ParsedSources, Source, SourceKind } from './types';
