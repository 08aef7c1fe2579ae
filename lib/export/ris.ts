/**
 * Papers as RIS, mapped by citation-js and written one tag per line. citation-js's own writer
 * breaks values every 70 characters, which a reader joins back with a space (so long addresses
 * would break); here every value stays on one line. Each record carries every address of the
 * paper (`UR`, the arXiv link first for an arXiv paper), its PDF (`L1`), DOI, tags (`KW`), the
 * note naming the citing episodes and the listener's note (`N1`, one per paragraph).
 */
import { Cite } from '@/lib/export/citation-js';
import type { PaperWithCitations } from '@/lib/export/cited-by';
import { cslEntries } from '@/lib/export/csl';
import { splitName } from '@/lib/export/names';

/** A record as citation-js maps it: tag → value(s). */
type RisRecord = Record<string, string | string[]>;

/** An author as RIS writes names: `particle Family, Given, Suffix`. */
function risName(author: string): string {
  const name = splitName(author);
  if (name.literal) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  return [family, name.given, name.suffix].filter(Boolean).join(', ');
}

/** `value` on one line: every run of line breaks and spaces becomes one space. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** `values` as a list, without empty ones or repeats. */
function distinct(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.map((v) => (v ? oneLine(v) : '')).filter((v) => v !== ''))];
}

/** The papers as an RIS file, records in citation-key order. */
export function papersToRis(entries: readonly PaperWithCitations[]): string {
  const sorted = cslEntries(entries);
  if (sorted.length === 0) return '';
  const records = new Cite(sorted.map((e) => e.item)).format('ris', {
    format: 'object',
  }) as RisRecord[];
  return records
    .map((record, i) => {
      const { item, paper } = sorted[i]!;
      const tags: [string, string[]][] = [];
      for (const [tag, value] of Object.entries(record)) {
        if (tag === 'TY' || tag === 'UR' || tag === 'N1') continue;
        // citation-js drops name particles (`van`); the authors are written from the paper.
        if (tag === 'AU') {
          tags.push(['AU', paper.authors.map((a) => oneLine(risName(a)))]);
          continue;
        }
        tags.push([tag, distinct(Array.isArray(value) ? value : [value])]);
      }
      tags.push(['UR', distinct([item.URL as string | undefined, ...paper.urls])]);
      if (paper.pdfUrl) tags.push(['L1', [oneLine(paper.pdfUrl)]]);
      const notes = [item.note as string | undefined, ...paper.note.split(/\n\s*\n/)];
      tags.push(['N1', distinct(notes)]);
      const lines = [`TY  - ${String(record.TY)}`];
      for (const [tag, values] of tags)
        for (const value of values) lines.push(`${tag}  - ${value}`);
      lines.push('ER  - ');
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}
