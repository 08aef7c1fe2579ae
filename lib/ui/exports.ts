/**
 * Exports of many papers: the background exports at most a few thousand keys per request, so
 * "all" is asked in parts, and the parts are joined here into one file.
 */
import type { PaperExportFormat } from '@/lib/store/library/types';

/** One file from parts exported separately: CSL-JSON arrays concatenated, text joined. */
export function joinExportParts(format: PaperExportFormat, parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  if (format === 'csl-json') {
    const items = parts.flatMap((part) => {
      const parsed: unknown = JSON.parse(part);
      return Array.isArray(parsed) ? parsed : [parsed];
    });
    return JSON.stringify(items, null, 2);
  }
  return parts.map((p) => p.trimEnd()).join('\n\n') + '\n';
}

/** `items` in parts of at most `size`. */
export function inParts<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}

/** The file name of a backup written on the day of `now`. */
export function backupFilename(now: number): string {
  return `citecast-backup-${new Date(now).toISOString().slice(0, 10)}.json`;
}
