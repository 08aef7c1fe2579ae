/** Legacy `Source:` blocks whose lines a host ran together with single spaces. */
import { describe, expect, it } from 'vitest';
import { parseSources } from '@/lib/sources/index';

const URL = 'https://arxiv.org/pdf/2503.01234';

describe('legacy blocks run together with spaces', () => {
  it.each([
    [
      'Stanford University Ada Author, Bob Builder',
      'Mixture of Experts Routing: A Survey of Load Balancing',
      ['Ada Author', 'Bob Builder'],
      'Source: March 2025 Mixture of Experts Routing: A Survey of Load Balancing Stanford University Ada Author, Bob Builder',
    ],
    [
      'University of Washington Ada Author',
      'Some Title',
      ['Ada Author'],
      'Source: March 2025 Some Title University of Washington Ada Author',
    ],
    [
      'no institution: the first author is the two words before the comma',
      'A Plain Title',
      ['Ada Author', 'Bob Builder'],
      'Source: March 2025 A Plain Title Ada Author, Bob Builder',
    ],
    ['a title alone', 'Only A Title', [], 'Source: March 2025 Only A Title'],
  ])('%s', (_name, title, authors, block) => {
    const [source, ...rest] = parseSources(`${block} ${URL}`).sources;
    expect(rest).toEqual([]);
    expect([source.title, source.authors, source.year, source.url, source.arxivId]).toEqual([
      title,
      authors,
      2025,
      URL,
      '2503.01234',
    ]);
  });
});
