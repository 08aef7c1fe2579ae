/** Saving text as a file from an extension page (no `downloads` permission needed). */
import { formatNumber } from '@/lib/i18n/translate';

/**
 * Offers `text` as a download named `filename`: a temporary object URL on an `<a download>`,
 * clicked and released.
 */
export function downloadText(
  doc: Document,
  text: string,
  filename: string,
  mimeType: string,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Released a moment later: some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A byte count for people (`12.3 kB`, `4.1 MB`). */
export function formatBytes(bytes: number, intl: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${formatNumber(value, intl, digits)} ${units[unit]}`;
}
