/**
 * The statistics section's figures, computed from records alone (no store, no clock of its
 * own): episodes heard and hours played per week, papers saved and read per month, the authors
 * most cited by the episodes heard, and totals.
 *
 * Weeks start on Monday and months on the 1st in the listener's local time: the caller gives
 * `now` and, optionally, the time zone as a function from an instant to its offset from UTC
 * (the background's own local time zone by default), so tests are deterministic.
 */
import type { StatsView } from '@/lib/store/library/types';
import { listenUpdatedAt } from '@/lib/store/library/views';
import type { EpisodeRecord, ListenRecord, PaperRecord } from '@/lib/store/schema';

/** Weeks shown in the per-week charts, the current one last. */
export const STATS_WEEKS = 26;
/** Months shown in the per-month chart, the current one last. */
export const STATS_MONTHS = 12;
/** Authors in the most-cited list. */
export const STATS_AUTHORS = 10;

/** What the statistics are computed from. */
export interface StatsInput {
  /** The saved papers. */
  papers: Iterable<PaperRecord>;
  listens: Iterable<ListenRecord>;
  /** Episodes by key (for the heard episodes' sources). */
  episodes: ReadonlyMap<string, EpisodeRecord>;
}

/** When and where the statistics are computed. */
export interface StatsOptions {
  /** Epoch ms: the current week and month are the ones holding it. */
  now: number;
  /** Minutes east of UTC at an instant (`+60` for Oslo in winter); the local zone by default. */
  utcOffset?: (epochMs: number) => number;
}

/** The local time zone's offset from UTC at `t`, in minutes east. */
function localOffset(t: number): number {
  return -new Date(t).getTimezoneOffset();
}

const DAY = 24 * 3600 * 1000;

/** `n` as two digits. */
const two = (n: number) => String(n).padStart(2, '0');

/** A calendar date (held as UTC midnight) as `YYYY-MM-DD`. */
function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

/** Calendar helpers in one time zone. */
function calendar(utcOffset: (t: number) => number) {
  /** The local calendar date of instant `t`, as a UTC-midnight Date. */
  const localDate = (t: number): Date => {
    const shifted = new Date(t + utcOffset(t) * 60_000);
    return new Date(
      Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()),
    );
  };
  /** The Monday of a calendar date's week. */
  const monday = (d: Date): Date => new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return {
    week: (t: number) => dateText(monday(localDate(t))),
    month: (t: number) => dateText(localDate(t)).slice(0, 7),
    /** The Mondays of the last `n` weeks up to the one holding `now`, oldest first. */
    weeks(now: number, n: number): string[] {
      const last = monday(localDate(now)).getTime();
      return Array.from({ length: n }, (_, i) => dateText(new Date(last - (n - 1 - i) * 7 * DAY)));
    },
    /** The last `n` months up to the one holding `now`, oldest first, as `YYYY-MM`. */
    months(now: number, n: number): string[] {
      const d = localDate(now);
      return Array.from({ length: n }, (_, i) => {
        const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (n - 1 - i), 1));
        return dateText(m).slice(0, 7);
      });
    },
  };
}

/**
 * An author name as counted: trimmed, runs of white space made one space; `null` for a
 * placeholder (`…`, `...`) or nothing.
 */
export function normaliseAuthor(name: string): string | null {
  const clean = name.replace(/\s+/gu, ' ').trim();
  if (clean === '' || /^[.…\s]+$/u.test(clean)) return null;
  return clean;
}

/** Rounds hours to two decimals for display. */
function hours(seconds: number): number {
  return Math.round((seconds / 3600) * 100) / 100;
}

/** The statistics (see the module comment and {@link StatsView}). */
export function computeStats(input: StatsInput, options: StatsOptions): StatsView {
  const cal = calendar(options.utcOffset ?? localOffset);
  const weeks = cal.weeks(options.now, STATS_WEEKS);
  const months = cal.months(options.now, STATS_MONTHS);
  const heardPerWeek = new Map(weeks.map((w) => [w, 0]));
  const secondsPerWeek = new Map(weeks.map((w) => [w, 0]));
  const perMonth = new Map(months.map((m) => [m, { saved: 0, read: 0 }]));
  const totals = { saved: 0, read: 0, heard: 0, inProgress: 0, hours: 0 };
  let playedSeconds = 0;

  const authorCounts = new Map<string, { name: string; count: number }>();
  for (const listen of input.listens) {
    playedSeconds += listen.playedSeconds;
    if (listen.state === 'in_progress') totals.inProgress++;
    if (listen.playedSeconds > 0) {
      // Played seconds count in the week they last grew (their own modified time).
      const when = listen.modified.playedSeconds ?? listenUpdatedAt(listen);
      if (when !== null) {
        const week = cal.week(when);
        const sum = secondsPerWeek.get(week);
        if (sum !== undefined) secondsPerWeek.set(week, sum + listen.playedSeconds);
      }
    }
    if (listen.state !== 'heard') continue;
    totals.heard++;
    if (listen.heardAt !== null) {
      const week = cal.week(listen.heardAt);
      const count = heardPerWeek.get(week);
      if (count !== undefined) heardPerWeek.set(week, count + 1);
    }
    const episode = input.episodes.get(listen.episodeKey);
    for (const source of episode?.sources ?? []) {
      if (source.kind !== 'paper') continue;
      const names = new Set<string>();
      for (const author of source.authors) {
        const name = normaliseAuthor(author);
        if (!name) continue;
        const id = name.toLowerCase();
        if (names.has(id)) continue;
        names.add(id);
        const entry = authorCounts.get(id);
        if (entry) entry.count++;
        else authorCounts.set(id, { name, count: 1 });
      }
    }
  }

  for (const paper of input.papers) {
    if (paper.savedAt === null) continue;
    totals.saved++;
    const saved = perMonth.get(cal.month(paper.savedAt));
    if (saved) saved.saved++;
    if (paper.readState !== 'read') continue;
    totals.read++;
    const readAt = paper.modified.readState;
    const read = readAt === undefined ? undefined : perMonth.get(cal.month(readAt));
    if (read) read.read++;
  }
  totals.hours = hours(playedSeconds);

  return {
    heardPerWeek: weeks.map((week) => ({ week, count: heardPerWeek.get(week)! })),
    hoursPerWeek: weeks.map((week) => ({ week, hours: hours(secondsPerWeek.get(week)!) })),
    papersPerMonth: months.map((month) => ({ month, ...perMonth.get(month)! })),
    topAuthors: [...authorCounts.values()]
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, STATS_AUTHORS),
    totals,
  };
}
