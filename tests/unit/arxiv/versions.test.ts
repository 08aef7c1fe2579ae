/** "Revised since this episode" from what arXiv's answer can tell (the latest version only). */
import { describe, expect, it } from 'vitest';
import { parseAtom } from '@/lib/arxiv/atom';
import { revisionSince } from '@/lib/arxiv/versions';
import { fixture } from '@/tests/unit/arxiv/fixtures';

const v3 = (() => {
  const r = parseAtom(fixture('versions.xml'));
  if (!r.ok) throw new Error(r.error.message);
  return r.feed.entries[0]!;
})();

describe('revisionSince (v3 of 2025-03-02, v1 of 2024-06-17)', () => {
  it('is revised when the episode cites an older version', () => {
    expect(revisionSince(v3, '2026-01-01', 2)).toMatchObject({
      state: 'revised',
      citedVersion: 2,
      latestVersion: 3,
      versionThen: 2,
    });
    expect(revisionSince(v3, '2024-07-01', 3).state).toBe('current');
  });

  it('is revised when the episode is dated before the latest version, without naming the version then', () => {
    const verdict = revisionSince(v3, '2024-12-01', null);
    expect(verdict).toMatchObject({ state: 'revised', versionThen: null });
    expect(verdict.reason).toBe(
      'one of v1–v2 was current on 2024-12-01; v3 followed on 2025-03-02',
    );
  });

  it('names v1 as the version then for a two-version paper', () => {
    expect(revisionSince({ ...v3, version: 2 }, '2024-12-01', null)).toMatchObject({
      state: 'revised',
      versionThen: 1,
    });
  });

  it('is current when the latest version is older than the episode', () => {
    expect(revisionSince(v3, '2025-04-01', null)).toMatchObject({
      state: 'current',
      versionThen: 3,
    });
  });

  it('cannot tell on the same day, before v1, or without a date', () => {
    expect(revisionSince(v3, '2025-03-02', null).state).toBe('unknown');
    expect(revisionSince(v3, '2024-01-01', null).state).toBe('unknown');
    expect(revisionSince(v3, null, null).state).toBe('unknown');
    expect(revisionSince({ ...v3, updated: null }, '2025-01-01', null).state).toBe('unknown');
  });

  it('is never revised for a paper with one version', () => {
    expect(revisionSince({ ...v3, version: 1 }, '2020-01-01', null)).toMatchObject({
      state: 'current',
      versionThen: 1,
    });
  });
});
