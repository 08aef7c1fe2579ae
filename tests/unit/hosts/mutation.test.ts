/**
 * Markup mutations: the hosts' markup is not ours and changes with every deploy, so each host
 * fixture is read again after random changes that keep what the page shows (containers wrapped
 * and unwrapped, list markup swapped, episode links rewritten or removed, date lines moved,
 * description text split into several nodes and inline elements, classes renamed or dropped) and
 * must give the same episodes and sources. Embedded JSON data is left alone, except by one
 * mutation that removes it; those mutants are compared with the page without its data.
 * Property-based with fast-check and a fixed seed, so a failure is reproducible.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FoundEpisode } from '@/lib/hosts/episode';
import { readPage } from '@/lib/hosts/read/page';
import { extractText } from '@/lib/hosts/read/text';
import { htmlDocument } from '@/scripts/read-saved-page';
import { DATA, FIXTURES, HOSTS, mutate, NOW, op, shape } from '@/tests/unit/hosts/markup-mutations';

const RUNS = 200;

const fold = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Checks `mutant` against `expected`; a source title may become `null` only when its text is no
 * longer in the mutant's visible text.
 */
function expectSame(doc: Document, mutant: FoundEpisode[], expected: FoundEpisode[]): void {
  const got = shape(mutant);
  const want = shape(expected);
  const visible = fold(extractText(doc.body).text);
  got.forEach((episode, i) =>
    episode.sources.forEach((s, j) => {
      const title = want[i]?.sources[j]?.title;
      if (s.title === null && title && !visible.includes(fold(title))) s.title = title;
    }),
  );
  expect(got).toEqual(want);
}

describe('reading survives markup mutations', { timeout: 120_000 }, () => {
  for (const host of HOSTS) {
    const html = readFileSync(join(FIXTURES, host.file), 'utf8');
    const read = (doc: Document) => readPage(doc, host.url, { now: NOW });
    const withoutData = (doc: Document) => {
      for (const s of Array.from(doc.querySelectorAll(DATA))) s.remove();
      return doc;
    };

    it(`${host.file}: ${RUNS} mutants read the same`, () => {
      const original = read(htmlDocument(html));
      const bare = read(withoutData(htmlDocument(html)));
      expect(original.length).toBeGreaterThan(0);
      // Without the embedded data the same episodes stand; only what the data gave may change.
      expect(bare.map((e) => e.title)).toEqual(original.map((e) => e.title));
      bare.forEach((e, i) => {
        const urls = e.sources.map((s) => s.url).filter((u) => u !== null);
        expect(original[i].sources.slice(0, urls.length).map((s) => s.url)).toEqual(urls);
      });
      fc.assert(
        fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), fc.boolean(), (ops, dropData) => {
          const doc = htmlDocument(html);
          if (dropData) withoutData(doc);
          for (const m of ops) mutate(doc, m, host);
          expectSame(doc, read(doc), dropData ? bare : original);
        }),
        { seed: 15_2026, numRuns: RUNS },
      );
    });
  }
});
