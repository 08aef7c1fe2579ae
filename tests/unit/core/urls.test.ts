import { describe, expect, it } from 'vitest';
import { httpUrlOrNull, isHttpUrl } from '@/lib/core/urls';

describe('the one gate for what may be opened or linked', () => {
  it.each([
    'https://arxiv.org/abs/2501.00663',
    'http://arxiv.org/abs/2511.20172',
    'https://scholar.google.com/scholar?q=Is+It+Real?',
    'https://example.org:8080/a#b',
  ])('lets %s through, unchanged', (url) => {
    expect(httpUrlOrNull(url)).toBe(url);
    expect(isHttpUrl(url)).toBe(true);
  });

  it.each([
    // Written forms the browser would still read as http(s): the stricter gate refuses them.
    'http:arxiv.org/abs/1',
    ' https://arxiv.org/abs/1',
    'https://arxiv.org/a b',
    'https://user@arxiv.org/',
    // Written like an address, but the browser cannot open it.
    'https://arxiv.org:99999/abs/1',
    // Never a link.
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://example.com/a.pdf',
    '/abs/2501.00663',
    '',
  ])('refuses %j', (value) => {
    expect(httpUrlOrNull(value)).toBeNull();
    expect(isHttpUrl(value)).toBe(false);
  });
});
