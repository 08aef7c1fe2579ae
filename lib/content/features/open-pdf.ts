/** Open PDF: a source's `open-pdf` (and the `o` key) opens its http(s) PDF in a new tab. */
import { openablePdf } from '@/lib/content/controls';
import type { Feature, Page, SourceInfo } from '@/lib/content/feature';

/** Starts the open-PDF feature for `page`. */
export function createOpenPdfFeature(page: Page): Feature {
  /** Whether the source had a PDF to open. */
  function open(info: SourceInfo | null): boolean {
    const url = info ? openablePdf(info.source) : null;
    if (url) page.env.open(url);
    return url !== null;
  }
  return { source: { 'open-pdf': open }, keys: { 'open-pdf': open } };
}
