/** Reading arXiv's Atom answers without DOMParser: the fields Citecast needs, and typed refusals. */
import { describe, expect, it } from 'vitest';
import { MAX_ATOM_CHARS, parseAtom } from '@/lib/arxiv/atom';
import { fixture } from '@/tests/unit/arxiv/fixtures';

function feed(text: string) {
  const result = parseAtom(text);
  if (!result.ok) throw new Error(`refused: ${result.error.kind} ${result.error.message}`);
  return result.feed;
}

describe('parseAtom', () => {
  it('reads an answer with no entries', () => {
    expect(feed(fixture('no-match.xml'))).toEqual({ entries: [], totalResults: 0 });
  });

  it('reads every entry of a batched answer, in arXiv’s order, with its fields', () => {
    const { entries, totalResults } = feed(fixture('several.xml'));
    expect(totalResults).toBe(3);
    expect(entries.map((e) => e.arxivId)).toEqual(['2412.09764', '2501.00663', '2502.01234']);
    const memory = entries[0]!;
    expect(memory).toMatchObject({
      version: 2,
      // Hard-wrapped title and abstract collapsed; entities decoded.
      title: 'Memory Layers at Scale',
      authors: ['Vincent-Pierre Berges', 'Barlas Oğuz'],
      published: '2024-12-12T18:56:01Z',
      updated: '2024-12-20T17:12:03Z',
      pdfUrl: 'https://arxiv.org/pdf/2412.09764v2',
      absUrl: 'https://arxiv.org/abs/2412.09764v2',
      primaryCategory: 'cs.CL',
      doi: null,
    });
    expect(memory.summary).toBe(
      'Memory layers use a trainable key-value lookup mechanism to add extra parameters to a model without increasing FLOPs. & they scale <well>.',
    );
  });

  it('reads versions, CDATA, numeric entities, DOI and journal reference', () => {
    const [entry] = feed(fixture('versions.xml')).entries;
    expect(entry).toMatchObject({
      arxivId: '2406.11111',
      version: 3,
      title: 'Cache Steering: Revisions & All',
      summary: 'Version three of a paper written for this test; α-scaling β.',
      authors: ['Kari Nordmann', 'Ola Nordmann'],
      published: '2024-06-17T12:00:00Z',
      updated: '2025-03-02T09:15:00Z',
      doi: '10.1234/example.5678',
      journalRef: 'Proc. Tests 2025',
    });
  });

  it('refuses malformed XML with a typed error, never a throw', () => {
    const result = parseAtom(fixture('malformed.xml'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('malformed');
      expect(result.error.message).toMatch(/closes <title>/);
    }
    for (const bad of [
      '',
      'Rate exceeded.',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
      '<feed xmlns="http://www.w3.org/2005/Atom"></entry></feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>&bogus;</title></feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><title a="1" a="2"/></feed>',
      '<x:feed/>',
      '<!DOCTYPE feed [<!ENTITY a "aaaa">]><feed xmlns="http://www.w3.org/2005/Atom">&a;</feed>',
      '<feed xmlns="http://www.w3.org/2005/Atom"/><feed/>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><!-- never closed </feed>',
    ]) {
      const r = parseAtom(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.kind, bad).toBe('malformed');
    }
  });

  it('refuses XML that is not an Atom feed', () => {
    const r = parseAtom('<?xml version="1.0"?><rss version="2.0"><channel/></rss>');
    expect(r).toEqual({
      ok: false,
      error: { kind: 'not-atom', message: 'expected an Atom <feed>, got <rss>' },
    });
  });

  it('gives arXiv’s own error entry as an api-error with its explanation', () => {
    expect(parseAtom(fixture('error-entry.xml'))).toEqual({
      ok: false,
      error: { kind: 'api-error', message: 'incorrect id format for 1234.12345' },
    });
  });

  it('refuses an answer beyond the size limit before reading it', () => {
    const r = parseAtom(' '.repeat(MAX_ATOM_CHARS + 1));
    expect(r.ok === false && r.error.kind).toBe('too-large');
  });

  it('refuses nesting beyond its depth limit instead of recursing', () => {
    const deep = `<feed xmlns="http://www.w3.org/2005/Atom">${'<a>'.repeat(100)}${'</a>'.repeat(100)}</feed>`;
    const r = parseAtom(deep);
    expect(r.ok === false && r.error.message).toMatch(/too deep/);
  });

  it('leaves out entries with no arXiv id and keeps only http(s) links', () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><id>urn:uuid:1</id><title>No id</title></entry>
      <entry><id>http://arxiv.org/abs/hep-th/9901001v1</id><title>Old style</title>
        <link rel="related" title="pdf" href="javascript:alert(1)"/></entry>
    </feed>`;
    const { entries } = feed(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      arxivId: 'hep-th/9901001',
      version: 1,
      pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001v1',
    });
  });

  it('stays linear on a large answer (no quadratic rescans)', () => {
    const entry = fixture('versions.xml').split('<entry>')[1]!.split('</entry>')[0]!;
    const many = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${`<entry>${entry}</entry>`.repeat(2_000)}</feed>`;
    expect(feed(many).entries).toHaveLength(2_000);
  });
});
