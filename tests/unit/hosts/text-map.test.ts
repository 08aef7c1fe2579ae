/**
 * The text map of a description: one segment per run of text, not per word, and every character
 * still maps back to the same character of the page.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '@/lib/hosts/read/text';
import { htmlDocument } from '@/scripts/read-saved-page';

const PAGE = `<html><body><div id="d">Sources:<br>
1. Attention Is   All You Need — Ashish Vaswani, 2017 https://arxiv.org/abs/1706.03762 <b>bold  words</b>
  2.\tTitans: Learning to Memorize — Ali Behrouz, 2024 <a href="https://arxiv.org/abs/2501.00663">link text</a> end
<p> a paragraph  with\ncollapsed   runs </p></div></body></html>`;

describe('extractText', () => {
  const root = htmlDocument(PAGE).getElementById('d')!;
  const map = extractText(root);

  it('keeps a run of words with single spaces as one segment', () => {
    const words = map.text.split(/\s+/).length;
    expect(map.segments.length).toBeLessThan(words);
    const one = extractText(
      htmlDocument('<p id="p">one two three four five</p>').getElementById('p')!,
    );
    expect(one.segments).toHaveLength(1);
  });

  it('maps every character back to the same character of the page', () => {
    for (let i = 0; i < map.text.length; i++) {
      const ch = map.text[i]!;
      if (ch === '\n') continue;
      const at = map.locate(i)!;
      const source = at.node.data[at.offset]!;
      if (ch === ' ') expect(source, `offset ${i}`).toMatch(/\s/);
      else expect(source, `offset ${i}`).toBe(ch);
      // A range ending after this character ends right after it in the page.
      const end = map.locate(i + 1, 'before')!;
      if (ch !== ' ') expect(end.node.data[end.offset - 1], `end ${i}`).toBe(ch);
    }
  });
});
