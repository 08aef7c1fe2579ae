/** The popup's question to the tab: the answer is built from a read and checked on arrival. */
import { describe, expect, it } from 'vitest';
import type { FoundEpisode } from '@/lib/hosts/episode';
import {
  isPageEpisodesMessage,
  PAGE_EPISODES_MESSAGE,
  pageEpisodesReply,
} from '@/lib/page-episodes';
import { checkPageEpisodesReply } from '@/lib/schemas/page-episodes';
import { parseSources } from '@/lib/sources/parse';

const description = [
  'Sources:',
  '1. Titans: Learning to Memorize at Test Time — Ali Behrouz, 2024 https://arxiv.org/abs/2501.00663v1',
  '2. A site https://example.org/about',
].join('\n');

function found(): FoundEpisode {
  return {
    title: 'Titans',
    published: '2026-05-01',
    duration: 1500,
    audioUrl: 'https://podcast.do-not-panic.com/episodes/2026-05-01-titans-abc123.mp3',
    visualizationUrl: null,
    sources: parseSources(description).sources,
    cutShort: false,
    description,
  };
}

describe('page episodes', () => {
  it('answers episodes with their keys in the wire form', () => {
    const reply = pageEpisodesReply('https://podcast.do-not-panic.com/', [found()]);
    expect(reply.episodes[0]!.key).toBe('2026-05-01-titans-abc123');
    expect(reply.episodes[0]!.sourceKeys[0]).toBe('arxiv:2501.00663');
    expect(reply.episodes[0]!.sourceKeys).toHaveLength(reply.episodes[0]!.episode.sources.length);
    expect(reply.episodes[0]!.episode).not.toHaveProperty('description');
    expect(checkPageEpisodesReply(JSON.parse(JSON.stringify(reply)))).toEqual(reply);
  });
  it('refuses answers that do not fit', () => {
    const reply = pageEpisodesReply('https://podcast.do-not-panic.com/', [found()]);
    expect(checkPageEpisodesReply(undefined)).toBeNull();
    expect(checkPageEpisodesReply({ url: 'x', episodes: 'no' })).toBeNull();
    const mismatched = structuredClone(reply);
    mismatched.episodes[0]!.sourceKeys.pop();
    expect(checkPageEpisodesReply(mismatched)).toBeNull();
    const bad = structuredClone(reply) as unknown as {
      episodes: { episode: { sources: { url: string }[] } }[];
    };
    bad.episodes[0]!.episode.sources[0]!.url = 'javascript:alert(1)';
    expect(checkPageEpisodesReply(bad)).toBeNull();
  });
  it('recognises the question', () => {
    expect(isPageEpisodesMessage({ type: PAGE_EPISODES_MESSAGE })).toBe(true);
    expect(isPageEpisodesMessage({ type: 'ping' })).toBe(false);
    expect(isPageEpisodesMessage(null)).toBe(false);
  });
});
