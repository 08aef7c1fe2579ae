/**
 * The one declaration of what a cited source is: the fields a parsed source, a paper to save, an
 * episode's recorded list and a request carrying a source all share. The parser's `Source` adds
 * where it stands in the text; the store's `PaperRecord` adds the listener's own fields.
 */
import type { EpisodeStem } from '@/lib/core/ids';

/** `episode` for a podcast episode, `paper` for any cited work, `other` for any other link. */
export type SourceKind = 'paper' | 'episode' | 'other';

/** How far the listener has got with a paper. */
export type ReadState = 'unread' | 'reading' | 'read';

/** Every read state, in order. */
export const READ_STATES: readonly ReadState[] = ['unread', 'reading', 'read'];

/** A cited work's own fields: what saving a source needs. */
export interface SavableSource {
  /** The source's own title as written; for a cited episode, without the show name or quotes. */
  title: string | null;
  /** Person names in order; `et al.` and placeholders dropped. */
  authors: string[];
  /** The first four-digit year of the citation text, never from a URL. */
  year: number | null;
  /** The link exactly as the description gives it. */
  url: string | null;
  /** arXiv id without version, from an arXiv link. */
  arxivId: string | null;
  /** A DOI from the link. */
  doi: string | null;
  /** The arXiv PDF (cited version kept) or a direct PDF link. */
  pdfUrl: string | null;
}

/** One source of an episode's list: what recording the list needs. */
export interface SnapshotSource extends SavableSource {
  kind: SourceKind;
  /** The arXiv version the link cites (`v2` → 2). */
  arxivVersion: number | null;
  /** For a cited episode of the show: date, slug and stem of its mp3. */
  episode: EpisodeStem | null;
}
