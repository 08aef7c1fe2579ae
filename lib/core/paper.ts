/**
 * The one declaration of what names a cited work: the fields a parsed source, a paper to save and
 * a request carrying a source all share. The parser's `Source` adds where it stands in the text;
 * the store's `PaperRecord` adds the listener's own fields.
 */

/** A cited work's own fields, as the parser reads them and a request carries them. */
export interface SavableSource {
  /** The work's own title as written. */
  title: string | null;
  /** Person names in order. */
  authors: string[];
  year: number | null;
  /** The link exactly as the description gives it. */
  url: string | null;
  /** arXiv id without version. */
  arxivId: string | null;
  doi: string | null;
  /** The arXiv PDF (cited version kept) or a direct PDF link. */
  pdfUrl: string | null;
}
