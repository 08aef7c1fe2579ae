// @vitest-environment happy-dom
/**
 * Descriptions a host clips mid-item with no "more" marker: the last source is `partial` (its
 * episode `cutShort`) when it has no URL while those before it have one, when its Scholar search
 * is a strict prefix of its title, or when its arXiv identifier is incomplete; complete
 * descriptions are never marked; embedded full text wins; the page disables its controls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canSave, fillSource } from '@/lib/content/controls';
import { episodeForMessage } from '@/lib/protocol/client';
import { readPage } from '@/lib/hosts/read/page';
import { adoptStyleElement } from '@/lib/content/env';
import { parseSources } from '@/lib/sources/parse';
import { htmlDocument } from '@/scripts/read-saved-page';

// The happy-dom environment has its own URL, so the fixtures are found from the project root.
const FIXTURES = join(process.cwd(), 'tests', 'fixtures');
const FIRST =
  'Sources: 1. Titans: Learning to Memorize at Test Time — Ali Behrouz, Peilin Zhong, 2025 https://arxiv.org/abs/2501.00663 ';
const partials = (text: string) => parseSources(text).sources.map((s) => s.partial === true);

describe('a last source cut off mid-item', () => {
  it('is partial without a URL while the sources before it have one', () => {
    expect(partials(`${FIRST}2. Learning to (Learn at Test Time): RNNs with Expr`)).toEqual([
      false,
      true,
    ]);
  });

  it('is partial when its Scholar search stops inside its title', () => {
    const text = `${FIRST}2. Memory Pooling With CXL — Donghyun Gouk, 2023 https://scholar.google.com/scholar?q=Memory+Pooling+W`;
    expect(partials(text)).toEqual([false, true]);
  });

  it('is partial when its arXiv identifier is incomplete', () => {
    expect(
      partials(`${FIRST}2. LPU Chip — Seongmin Hong, 2024 https://arxiv.org/pdf/2408.07`),
    ).toEqual([false, true]);
  });

  it('is never marked in a complete description', () => {
    // Whole Scholar search, whole arXiv id, a trailer after the list, a bare URL, a legacy block.
    expect(
      partials(
        `${FIRST}2. Memory Pooling With CXL — Donghyun Gouk, 2023 https://scholar.google.com/scholar?q=Memory+Pooling+With+CXL`,
      ),
    ).toEqual([false, false]);
    expect(
      partials(
        `${FIRST}2. A Book Without a Link — Ada Shannon, 2020 Interactive Visualization: X https://podcast.do-not-panic.com/viz/2026-05-20-x-7cc949.html`,
      ),
    ).toEqual([false, false]);
    expect(partials('Source: https://arxiv.org/abs/2501.00663')).toEqual([false]);
    expect(partials(`${FIRST}2. Unlinked — A B, 2020 3. Also unlinked — C D, 2021`)).toEqual([
      false,
      false,
      false,
    ]);
    const legacy = readFileSync(join(FIXTURES, 'text', 'podimo-episode-page.txt'), 'utf8');
    expect(parseSources(legacy).sources.some((s) => s.partial)).toBe(false);
  });
});

describe('on a page', () => {
  /** The Spotify fixture with its description clipped inside the second source, no "more". */
  function clippedSpotify(keepData: boolean): Document {
    const doc = htmlDocument(readFileSync(join(FIXTURES, 'spotify', 'episode.html'), 'utf8'));
    const desc = doc.querySelector('[data-testid="episode-description"] span')!;
    const text = desc.textContent!;
    desc.textContent = text.slice(0, text.indexOf('2. ') + 30);
    if (!keepData) for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
    return doc;
  }
  const url = 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk';

  it('marks the episode cut short and keeps the source out of what is recorded', () => {
    const [episode] = readPage(clippedSpotify(false), url, {});
    expect(episode.cutShort).toBe(true);
    const last = episode.sources[episode.sources.length - 1];
    expect(last.partial).toBe(true);
    expect(episodeForMessage(episode).sources).toHaveLength(episode.sources.length - 1);
  });

  it('reads the full text when the page embeds it', () => {
    const [episode] = readPage(clippedSpotify(true), url, {});
    expect(episode.cutShort).toBe(false);
    expect(episode.sources.some((s) => s.partial)).toBe(false);
    expect(episode.sources.length).toBeGreaterThan(2);
  });

  it('shows a partial source’s controls disabled, saying why', () => {
    const [episode] = readPage(clippedSpotify(false), url, {});
    const source = episode.sources[episode.sources.length - 1];
    expect(canSave(source)).toBe(false);
    const host = document.createElement('citecast-source');
    document.body.append(host);
    const root = fillSource(host, source, false, adoptStyleElement);
    const buttons = Array.from(root.querySelectorAll('button'));
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.every((b) => b.disabled && /cut off/.test(b.title))).toBe(true);
    // A whole source of the same episode keeps working controls.
    const whole = fillSource(
      document.createElement('citecast-source'),
      episode.sources[0],
      false,
      adoptStyleElement,
    );
    expect(Array.from(whole.querySelectorAll('button')).some((b) => b.disabled)).toBe(false);
  });
});
