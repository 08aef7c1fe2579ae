/**
 * The hosts' registry and what is derived from it: which pages the automatic content script gets
 * and may read (the show's, by address and title), which site an address is, and that the link
 * classifier knows each site's episode pages.
 */
import { describe, expect, it } from 'vitest';
import { isShowPage, isSupportedUrl, SITES, siteOf, SUPPORTED_MATCHES } from '@/lib/hosts/index';
import { SHOW_NAME, SITE_IDS, SITE_INFO } from '@/lib/sites';
import { classifyUrl } from '@/lib/links/classify';

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

describe('the registry', () => {
  it('names the same sites, in the same order, in the light list the popup and settings use', () => {
    expect(SITE_INFO.map((site) => site.id)).toEqual(SITES.map((site) => site.id));
    expect(SITE_INFO.map((site) => site.label)).toEqual(SITES.map((site) => site.label));
  });

  it('gives the content script the sites’ pages: a single-page app’s all, else the show’s', () => {
    expect(SUPPORTED_MATCHES).toEqual([
      'https://podcast.do-not-panic.com/*',
      'https://podimo.com/*',
      'https://*.podimo.com/*',
      'https://open.spotify.com/*',
      'https://podcasts.apple.com/*/podcast/ai-post-transformers/*',
    ]);
  });

  it('names the site of a supported address only', () => {
    expect(siteOf('https://podcast.do-not-panic.com/episodes/x.html')).toBe('show');
    expect(siteOf('https://www.podimo.com/no/shows/x')).toBe('podimo');
    expect(siteOf('https://open.spotify.com/episode/1')).toBe('spotify');
    expect(siteOf('https://podcasts.apple.com/no/podcast/x')).toBe('apple');
    expect(siteOf('http://podimo.com/')).toBeNull();
    expect(siteOf('https://example.com/')).toBeNull();
    expect(siteOf('https://notpodimo.com/')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(isSupportedUrl('https://open.spotify.com/')).toBe(true);
    expect(isSupportedUrl('https://example.com/feed.xml')).toBe(false);
  });

  // The parser tells a cited episode page from any other link by the sites' declarations
  // (lib/sites.ts), not the readers (which use the parser): a new site declares its episode pages.
  const EPISODE_PAGES: Record<string, string> = {
    show: 'https://podcast.do-not-panic.com/episodes/2026-05-20-titans/',
    podimo: 'https://podimo.com/no/episode/81865cb6-0083-4bdb-a2f9-69c5ed8caa1f',
    spotify: 'https://open.spotify.com/episode/4rOoJ6Egrf8K2IrywzwOMk',
    apple: 'https://podcasts.apple.com/us/podcast/ai-post-transformers/id1?i=2',
  };

  it('has the link classifier know every site’s episode pages', () => {
    expect(Object.keys(EPISODE_PAGES)).toEqual([...SITE_IDS]);
    for (const url of Object.values(EPISODE_PAGES)) {
      expect(classifyUrl(url)?.type, url).toBe('episode-page');
    }
  });
});
