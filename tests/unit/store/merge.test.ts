import { describe, it, expect } from 'vitest';
import { applyChanges, sameValue } from '@/lib/store/fields';
import { joinLists, joinNotes, mergeRecord } from '@/lib/store/merge';
import { PAPER_MERGE_RULES } from '@/lib/store/papers';
import type { PaperRecord } from '@/lib/store/schema';

/** A saved paper whose every field was last changed at `time`. */
function paper(time: number, fields: Partial<PaperRecord> = {}): PaperRecord {
  const base: Omit<PaperRecord, 'modified'> = {
    key: 'arxiv:2501.00663',
    title: 'Titans',
    authors: [],
    year: 2024,
    arxivId: '2501.00663',
    doi: null,
    urls: ['https://arxiv.org/abs/2501.00663'],
    pdfUrl: null,
    savedAt: 1,
    savedFrom: null,
    readState: 'unread',
    tags: [],
    note: '',
  };
  const modified = Object.fromEntries(
    Object.keys(base)
      .filter((k) => k !== 'key')
      .map((k) => [k, time]),
  );
  return { ...base, modified, ...fields };
}

describe('applyChanges', () => {
  it('stamps the fields that change and returns the same record when none do', () => {
    const p = paper(1);
    expect(applyChanges(p, { title: 'Titans', year: 2024 }, 5)).toBe(p);
    const changed = applyChanges(p, { title: 'Titans 2', year: 2024 }, 5);
    expect(changed.modified.title).toBe(5);
    expect(changed.modified.year).toBe(1);
    expect(p.title).toBe('Titans');
  });
});

describe('mergeRecord', () => {
  it('takes the newer value per field and keeps the local one on a tie', () => {
    const local = paper(10, { readState: 'read', title: 'Local' });
    const incoming = paper(10, { readState: 'reading', title: 'Incoming' });
    incoming.modified.readState = 20;
    const merged = mergeRecord(local, incoming, PAPER_MERGE_RULES);
    expect(merged.readState).toBe('reading');
    expect(merged.modified.readState).toBe(20);
    expect(merged.title).toBe('Local');
  });

  it('merges tags tag by tag, takes the newer note, and joins links', () => {
    const local = paper(10, { tags: ['memory'], note: 'mine', urls: ['a'] });
    const incoming = paper(5, { tags: ['rl', 'memory'], note: 'theirs', urls: ['b', 'a'] });
    const merged = mergeRecord(local, incoming, PAPER_MERGE_RULES);
    expect(merged.tags).toEqual(['memory', 'rl']);
    expect(merged.note).toBe('mine');
    expect(merged.urls).toEqual(['a', 'b']);
    expect(merged.modified.tags).toBe(10);
  });

  it('is idempotent: merging the same side again changes nothing', () => {
    const local = paper(10, { tags: ['memory'], note: 'mine' });
    const incoming = paper(20, { tags: ['rl'], note: 'theirs', title: 'New' });
    const once = mergeRecord(local, incoming, PAPER_MERGE_RULES);
    const twice = mergeRecord(once, incoming, PAPER_MERGE_RULES);
    expect(sameValue(once, twice)).toBe(true);
    expect(sameValue(mergeRecord(local, local, PAPER_MERGE_RULES), local)).toBe(true);
  });
});

describe('joins', () => {
  it('joinNotes (two different records becoming one) keeps a note that holds the other as it is', () => {
    expect(joinNotes('', 'b')).toBe('b');
    expect(joinNotes('a\n\nb', 'b')).toBe('a\n\nb');
    expect(joinNotes('b', 'a\n\nb')).toBe('a\n\nb');
    expect(joinNotes('a', 'b')).toBe('a\n\nb');
  });

  it('joinLists keeps the local order, then the new items', () => {
    expect(joinLists(['b', 'a'], ['a', 'c', 'c'])).toEqual(['b', 'a', 'c']);
  });
});
