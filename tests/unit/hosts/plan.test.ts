import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { episodesToJson } from '@/lib/hosts/episode';
import { readPlanAll } from '@/lib/hosts/host';
import { planPage, readPage } from '@/lib/hosts/read/page';
import { htmlDocument } from '@/scripts/read-saved-page';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'fixtures');
const NOW = new Date('2026-05-28T12:00:00Z');
const page = (file: string) => htmlDocument(readFileSync(join(FIXTURES, file), 'utf8'));

describe('reading a page in steps (the content script slices long lists)', () => {
  const cases: [string, string][] = [
    ['podimo/show-nb.html', 'https://podimo.com/no/shows/ai-post-transformers'],
    ['podimo/show-lazy-da.html', 'https://podimo.com/dk/shows/ai-post-transformers'],
    ['podimo/episode-nb.html', 'https://podimo.com/no/episode/x'],
    ['site/episode.html', 'https://podcast.do-not-panic.com/episodes/x/'],
  ];
  for (const [file, url] of cases) {
    it(`gives exactly what reading ${file} at once gives`, () => {
      const plan = planPage(page(file), url, { now: NOW });
      const stepped = episodesToJson(readPlanAll(plan));
      const atOnce = episodesToJson(readPage(page(file), url, { now: NOW }));
      expect(stepped).toEqual(atOnce);
      expect(atOnce.episodes.length).toBeGreaterThan(0);
    });
  }

  it('hands a Podimo list over as one block per list item, read one at a time', () => {
    const plan = planPage(page('podimo/show-nb.html'), 'https://podimo.com/no/shows/x', {
      now: NOW,
    });
    expect(plan.blocks.length).toBeGreaterThan(1);
    expect(plan.blocks.every((b) => b.localName === 'li' || b.querySelector('img'))).toBe(true);
    const second = plan.readBlock(plan.blocks[1]!);
    expect(second?.title).toBeTruthy();
  });
});
