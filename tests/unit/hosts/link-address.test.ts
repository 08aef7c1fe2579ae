/**
 * A link whose visible text is its own http(s) address without the scheme (as the show's
 * visualization pages write them) gives the source the link's address; plain text stays as
 * written, and a link whose text is some other address is not taken.
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '@/lib/hosts/read/page';
import { parsePageText } from '@/lib/hosts/read/page-text';
import { htmlDocument } from '@/scripts/read-saved-page';

const PAGE = `<html><head><title>Notes</title></head><body><h1>Reading notes</h1><footer>Sources:<br>
1. Attention Is All You Need — Ashish Vaswani, 2017 · <a href="https://arxiv.org/pdf/1706.03762">arxiv.org/pdf/1706.03762</a><br>
2. Some Blog Post — Ada Shannon, 2025 · <a href="https://example.org/post">example.org/elsewhere</a></footer></body></html>`;

describe('links written as their address without the scheme', () => {
  it('take the link’s address on a web page, mapped back to the link’s text', () => {
    const [episode] = readPage(htmlDocument(PAGE), 'https://example.org/notes', {});
    const [first, second] = episode.sources;
    expect(first.url).toBe('https://arxiv.org/pdf/1706.03762');
    expect(first.arxivId).toBe('1706.03762');
    expect(first.title).toBe('Attention Is All You Need');
    const start = episode.location!.map!.locate(episode.location!.offset + first.urlStart!);
    expect(start?.node.data).toBe('arxiv.org/pdf/1706.03762');
    expect(start?.offset).toBe(0);
    // Another address than the link's own: nothing is taken from the link.
    expect(second.url).toBeNull();
  });

  it('stay as written in plain text', () => {
    const [episode] = parsePageText(
      'Sources: 1. Attention Is All You Need — Ashish Vaswani, 2017 · arxiv.org/pdf/1706.03762\n',
      {},
    );
    expect(episode.sources[0].url).toBeNull();
  });
});
