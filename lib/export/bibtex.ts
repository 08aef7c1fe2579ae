/**
 * Papers as BibTeX, written by citation-js. Each entry is `@misc` (Citecast knows no venue)
 * with a stable citation key, `eprint` and `archivePrefix = {arXiv}` for an arXiv paper, its
 * DOI and address, `keywords` (tags), `annote` (the listener's note) and a `note` naming the
 * episodes that cite it.
 */
import { Cite } from '@/lib/export/citation-js';
import type { PaperWithCitations } from '@/lib/export/cited-by';
import { cslEntries } from '@/lib/export/csl';

/** A BibTeX entry as citation-js maps it, before it is written out (values already escaped). */
interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}

/**
 * `text` for a BibTeX field in the way citation-js writes text (its mapping has no field for
 * tags): LaTeX's special characters as commands, so `{`, `}` and `%` cannot end the field.
 */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => LATEX_ESCAPES[c] ?? c);
}

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  $: '\\textdollar{}',
  '#': '\\#',
  _: '\\textunderscore{}',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** An entry as text, in the layout citation-js writes. */
function writeEntry(entry: BibtexEntry): string {
  const fields = Object.entries(entry.properties).map(
    ([field, value]) => `\t${field} = {${value}},\n`,
  );
  return `@${entry.type}{${entry.label},\n${fields.join('')}}\n`;
}

/** The papers as a BibTeX file, entries in citation-key order. */
export function papersToBibtex(entries: readonly PaperWithCitations[]): string {
  const items = cslEntries(entries).map((e) => e.item);
  if (items.length === 0) return '';
  const mapped = new Cite(items).format('bibtex', { format: 'object' }) as BibtexEntry[];
  return mapped
    .map((entry, i) => {
      const properties = { ...entry.properties };
      // citation-js maps `eprint` only for PubMed; the arXiv id is written here.
      const arxivId = arxivNumber(items[i]!.number);
      if (arxivId) {
        delete properties.number;
        properties.eprint = arxivId;
        properties.archivePrefix = 'arXiv';
      }
      // citation-js's BibTeX mapping has no field for tags.
      if (typeof items[i]!.keyword === 'string') {
        properties.keywords = escapeBibtex(items[i]!.keyword.split(',').join(', '));
      }
      // citation-js repeats the address there; `url` has it.
      delete properties.howpublished;
      return writeEntry({ type: 'misc', label: entry.label, properties });
    })
    .join('\n');
}

/** The arXiv id of a CSL `number` written `arXiv:ID`. */
function arxivNumber(number: unknown): string | null {
  return typeof number === 'string' && number.startsWith('arXiv:')
    ? number.slice('arXiv:'.length)
    : null;
}
