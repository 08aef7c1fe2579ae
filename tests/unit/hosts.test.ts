/** Which pages the automatic content script may read: the show's, by address and title. */
import { describe, expect, it } from 'vitest';
import { isShowPage, SHOW_NAME } from '@/lib/hosts';

const SHOW_TITLE = `Titans - ${SHOW_NAME} | Podcast on Spotify`;

describe('isShowPage', () => {
  it('takes every page of the show’s own site', () => {
    expect(isShowPage('https://podcast.do-not-panic.com/about/', 'About')).toBe(true);
  });

  it('takes a host’s page only when its title names the show', () => {
    expect(isShowPage('https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk', SHOW_TITLE)).toBe(
      true,
    );
    expect(
      isShowPage('https://open.spotify.com/episode/1', 'Other Talk | Podcast on Spotify'),
    ).toBe(false);
    expect(isShowPage('https://open.spotify.com/', 'Spotify – Web Player')).toBe(false);
  });

  it('wants the show in the address where the host’s address names its show', () => {
    const podimo = `${SHOW_NAME} | Podcast | Podimo`;
    expect(isShowPage('https://podimo.com/no/shows/ai-post-transformers', podimo)).toBe(true);
    expect(isShowPage('https://www.podimo.com/dk/shows/other-show', podimo)).toBe(false);
    expect(isShowPage('https://podimo.com/no/shows/ai-post-transformers', 'Podimo')).toBe(false);
    // An episode page's address names no show: its title does.
    const episode = 'https://podimo.com/no/episode/81865cb6-0083-4bdb-a2f9-69c5ed8caa1f';
    expect(isShowPage(episode, `Titans | ${podimo}`)).toBe(true);
    expect(isShowPage(episode, 'Another show | Podimo')).toBe(false);
    const apple = `LPU - ${SHOW_NAME} - Apple Podcasts`;
    expect(
      isShowPage('https://podcasts.apple.com/us/podcast/ai-post-transformers/id1?i=2', apple),
    ).toBe(true);
    expect(isShowPage('https://podcasts.apple.com/us/podcast/other/id1?i=2', apple)).toBe(false);
  });

  it('leaves any other page (read at the user’s request) to the user', () => {
    expect(isShowPage('https://example.org/blog', 'A blog')).toBe(true);
    expect(isShowPage('not a url', SHOW_NAME)).toBe(false);
  });
});
