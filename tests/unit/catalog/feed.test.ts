import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFeedText } from '@/lib/catalog/feed';
import { episodesToJson } from '@/lib/hosts/episode';
import { rss } from '@/lib/hosts/rss';
import { xmlDocument } from '@/scripts/read-saved-page';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const NOW = new Date('2026-06-01T12:00:00Z');

/** The same feed through the DOM reader (what `parse` and a feed tab use). */
function domRead(xml: string) {
  return episodesToJson(rss.read(xmlDocument(xml), null, { now: NOW }));
}

describe('readFeedText', () => {
  for (const file of ['tests/fixtures/feed/feed.xml', 'tests/fixtures/independent/feed.xml']) {
    it(`reads ${file} exactly as the DOM reader does`, () => {
      const xml = readFileSync(join(ROOT, file), 'utf8');
      const fromText = episodesToJson(readFeedText(xml, NOW));
      expect(fromText.episodes.length).toBeGreaterThan(0);
      expect(fromText).toEqual(domRead(xml));
    });
  }

  it('reads CDATA HTML descriptions, entities and self-closing enclosures', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>Tom &amp; Jerry&#39;s &#x201C;Episode&#x201D;</title>
<description><![CDATA[<p>Summary.</p><p>Sources:<br>1. A Paper — Ann Author, 2024<br>https://arxiv.org/abs/2401.00001</p>]]></description>
<pubDate>Mon, 04 May 2026 00:00:00 +0000</pubDate>
<enclosure length="1" type="audio/mpeg" url="https://podcast.do-not-panic.com/episodes/2026-05-04-tom-jerry-s-episode-abcdef.mp3"/>
<itunes:duration>1:02:03</itunes:duration></item></channel></rss>`;
    const [episode] = readFeedText(xml, NOW);
    expect(episode!.title).toBe("Tom & Jerry's \u201CEpisode\u201D");
    expect(episode!.published).toBe('2026-05-04');
    expect(episode!.duration).toBe(3723);
    expect(episode!.audioUrl).toBe(
      'https://podcast.do-not-panic.com/episodes/2026-05-04-tom-jerry-s-episode-abcdef.mp3',
    );
    expect(episode!.sources.map((s) => s.arxivId)).toEqual(['2401.00001']);
    expect(episodesToJson([episode!])).toEqual(domRead(xml));
  });

  it('refuses what is not a feed', () => {
    expect(() => readFeedText('<!doctype html><html><body>Not found</body></html>')).toThrow(
      /not an RSS feed/,
    );
  });
});
