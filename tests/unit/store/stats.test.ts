/**
 * The statistics, computed from hand-made records with a fixed `now` and time zone: Monday
 * weeks and months in local time, hours from played seconds, saved and read per month, the
 * most-cited authors of the heard episodes.
 */
import { describe, expect, it } from 'vitest';
import {
  computeStats,
  normaliseAuthor,
  STATS_MONTHS,
  STATS_WEEKS,
} from '@/lib/store/library/stats';
import type { EpisodeRecord, ListenRecord, PaperRecord, SourceSnapshot } from '@/lib/store/schema';
import { paperRecord } from '@/tests/unit/store/helpers';

/** Oslo: UTC+1 in winter, UTC+2 from the last Sunday of March (2026-03-29 01:00 UTC). */
const oslo = (t: number) =>
  t >= Date.UTC(2026, 2, 29, 1) && t < Date.UTC(2026, 9, 25, 1) ? 120 : 60;
const utc = () => 0;

/** Wednesday 2026-05-20 12:00 UTC. */
const NOW = Date.UTC(2026, 4, 20, 12);

function paper(key: string, fields: Partial<PaperRecord> = {}): PaperRecord {
  return paperRecord(key, NOW, fields);
}

function listen(episodeKey: string, fields: Partial<ListenRecord> = {}): ListenRecord {
  return {
    episodeKey,
    state: 'heard',
    manual: true,
    position: 0,
    duration: 1800,
    heardAt: NOW,
    playedSeconds: 0,
    modified: {},
    ...fields,
  };
}

function source(authors: string[], kind: SourceSnapshot['kind'] = 'paper'): SourceSnapshot {
  return {
    title: 'x',
    authors,
    year: 2025,
    url: null,
    kind,
    arxivId: null,
    arxivVersion: null,
    doi: null,
    pdfUrl: null,
    episodeStem: null,
    paperKey: kind === 'paper' ? 'title:x' : null,
  };
}

function episode(key: string, sources: SourceSnapshot[]): EpisodeRecord {
  return {
    key,
    stem: key,
    title: key,
    published: null,
    duration: null,
    pages: [],
    sources,
    note: '',
    firstSeenAt: 0,
    modified: {},
  };
}

const empty = { papers: [], listens: [], episodes: new Map<string, EpisodeRecord>() };

describe('computeStats', () => {
  it('lists the last 26 Monday weeks and 12 months, oldest first, all zero when empty', () => {
    const stats = computeStats(empty, { now: NOW, utcOffset: utc });
    expect(stats.heardPerWeek).toHaveLength(STATS_WEEKS);
    expect(stats.heardPerWeek.at(-1)).toEqual({ week: '2026-05-18', count: 0 });
    expect(stats.heardPerWeek[0]!.week).toBe('2025-11-24');
    for (const { week } of stats.heardPerWeek) {
      expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
    }
    expect(stats.hoursPerWeek.map((w) => w.week)).toEqual(stats.heardPerWeek.map((w) => w.week));
    expect(stats.papersPerMonth).toHaveLength(STATS_MONTHS);
    expect(stats.papersPerMonth[0]).toEqual({ month: '2025-06', saved: 0, read: 0 });
    expect(stats.papersPerMonth.at(-1)).toEqual({ month: '2026-05', saved: 0, read: 0 });
    expect(stats.topAuthors).toEqual([]);
    expect(stats.totals).toEqual({ saved: 0, read: 0, heard: 0, inProgress: 0, hours: 0 });
  });

  it('puts a Sunday-night listen in the week of the listener’s own time zone', () => {
    // Sunday 2026-05-17 23:30 UTC is Monday 01:30 in Oslo (summer time).
    const late = Date.UTC(2026, 4, 17, 23, 30);
    const input = { ...empty, listens: [listen('a', { heardAt: late })] };
    const inUtc = computeStats(input, { now: NOW, utcOffset: utc }).heardPerWeek;
    const inOslo = computeStats(input, { now: NOW, utcOffset: oslo }).heardPerWeek;
    expect(inUtc.find((w) => w.count > 0)?.week).toBe('2026-05-11');
    expect(inOslo.find((w) => w.count > 0)?.week).toBe('2026-05-18');
  });

  it('uses the offset of each instant across a summer-time change', () => {
    // Monday 2026-03-30 00:30 in Oslo (UTC+2 since the day before) is 2026-03-29 22:30 UTC.
    const t = Date.UTC(2026, 2, 29, 22, 30);
    const stats = computeStats(
      { ...empty, listens: [listen('a', { heardAt: t })] },
      { now: NOW, utcOffset: oslo },
    );
    expect(stats.heardPerWeek.find((w) => w.count > 0)?.week).toBe('2026-03-30');
  });

  it('falls back to the machine’s local time zone', () => {
    const stats = computeStats(empty, { now: NOW });
    const monday = stats.heardPerWeek.at(-1)!.week;
    const local = new Date(NOW);
    const expected = new Date(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() - ((local.getDay() + 6) % 7),
    );
    const two = (n: number) => String(n).padStart(2, '0');
    expect(monday).toBe(
      `${expected.getFullYear()}-${two(expected.getMonth() + 1)}-${two(expected.getDate())}`,
    );
  });

  it('counts heard episodes per week, in progress and heard totals, hours from played seconds', () => {
    const thisWeek = Date.UTC(2026, 4, 19, 9);
    const lastWeek = Date.UTC(2026, 4, 12, 9);
    const longAgo = Date.UTC(2024, 0, 1);
    const listens = [
      listen('a', {
        heardAt: thisWeek,
        playedSeconds: 3600,
        modified: { playedSeconds: thisWeek },
      }),
      listen('b', {
        heardAt: thisWeek,
        playedSeconds: 1800,
        modified: { playedSeconds: lastWeek },
      }),
      listen('c', { heardAt: lastWeek }),
      listen('d', { heardAt: longAgo, playedSeconds: 900, modified: { playedSeconds: longAgo } }),
      listen('e', {
        state: 'in_progress',
        heardAt: null,
        playedSeconds: 450,
        // No time of its own for played seconds: the listen's last change counts.
        modified: { position: thisWeek, state: lastWeek },
      }),
      listen('f', { state: 'unheard', heardAt: null }),
    ];
    const stats = computeStats({ ...empty, listens }, { now: NOW, utcOffset: utc });
    const heard = Object.fromEntries(stats.heardPerWeek.map((w) => [w.week, w.count]));
    expect(heard['2026-05-18']).toBe(2);
    expect(heard['2026-05-11']).toBe(1);
    const hours = Object.fromEntries(stats.hoursPerWeek.map((w) => [w.week, w.hours]));
    expect(hours['2026-05-18']).toBe(1.13); // 3600 + 450 s
    expect(hours['2026-05-11']).toBe(0.5);
    expect(stats.totals).toEqual({ saved: 0, read: 0, heard: 4, inProgress: 1, hours: 1.88 });
  });

  it('counts papers saved per month and read per month by when they were marked read', () => {
    const may = Date.UTC(2026, 4, 3);
    const april = Date.UTC(2026, 3, 30, 23, 30); // 1 May 01:30 in Oslo
    const papers = [
      paper('a', { savedAt: may }),
      paper('b', { savedAt: april, readState: 'read', modified: { readState: may } }),
      paper('c', { savedAt: april, readState: 'reading', modified: { readState: may } }),
      paper('d', {
        savedAt: Date.UTC(2020, 0, 1),
        readState: 'read',
        modified: { readState: april },
      }),
      // Read with no time of its own (an old import): counted in the total only.
      paper('e', { savedAt: may, readState: 'read', modified: {} }),
      paper('f', { savedAt: null, readState: 'read', modified: { readState: may } }),
    ];
    const inUtc = computeStats({ ...empty, papers }, { now: NOW, utcOffset: utc });
    const byMonth = Object.fromEntries(inUtc.papersPerMonth.map((m) => [m.month, m]));
    expect(byMonth['2026-05']).toEqual({ month: '2026-05', saved: 2, read: 1 });
    expect(byMonth['2026-04']).toEqual({ month: '2026-04', saved: 2, read: 1 });
    expect(inUtc.totals).toMatchObject({ saved: 5, read: 3 });
    const inOslo = computeStats({ ...empty, papers }, { now: NOW, utcOffset: oslo });
    const osloMonth = Object.fromEntries(inOslo.papersPerMonth.map((m) => [m.month, m]));
    expect(osloMonth['2026-05']).toEqual({ month: '2026-05', saved: 4, read: 2 });
    expect(osloMonth['2026-04']).toEqual({ month: '2026-04', saved: 0, read: 0 });
  });

  it('ranks the authors cited by heard episodes, names normalised, placeholders skipped', () => {
    const episodes = new Map([
      [
        'heard-1',
        episode('heard-1', [
          source(['  Ada   Lovelace ', 'Alan Turing', '…', 'Alan Turing']),
          source(['Ada Lovelace', '...']),
          source(['Someone Else'], 'episode'),
        ]),
      ],
      ['heard-2', episode('heard-2', [source(['ada lovelace', 'Grace Hopper'])])],
      ['unheard', episode('unheard', [source(['Grace Hopper', 'Grace Hopper'])])],
    ]);
    const listens = [
      listen('heard-1'),
      listen('heard-2'),
      listen('unheard', { state: 'in_progress', heardAt: null }),
      listen('no-record'),
    ];
    const stats = computeStats({ ...empty, listens, episodes }, { now: NOW, utcOffset: utc });
    expect(stats.topAuthors).toEqual([
      { name: 'Ada Lovelace', count: 3 },
      { name: 'Alan Turing', count: 1 },
      { name: 'Grace Hopper', count: 1 },
    ]);
  });

  it('keeps at most ten authors', () => {
    const names = Array.from({ length: 14 }, (_, i) => `Author ${String(i).padStart(2, '0')}`);
    const episodes = new Map([['e', episode('e', [source(names)])]]);
    const stats = computeStats(
      { ...empty, listens: [listen('e')], episodes },
      { now: NOW, utcOffset: utc },
    );
    expect(stats.topAuthors.map((a) => a.name)).toEqual(names.slice(0, 10));
  });

  it('normalises author names', () => {
    expect(normaliseAuthor(' Kari \t Ødegård ')).toBe('Kari Ødegård');
    expect(normaliseAuthor('…')).toBeNull();
    expect(normaliseAuthor(' ... ')).toBeNull();
    expect(normaliseAuthor('')).toBeNull();
  });
});
