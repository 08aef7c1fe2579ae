/** The hand-written arXiv answers of tests/fixtures/arxiv (see each file's comment). */
import { readFileSync } from 'node:fs';

/** The text of `tests/fixtures/arxiv/<name>`. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/arxiv/${name}`, import.meta.url), 'utf8');
}
