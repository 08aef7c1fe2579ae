/**
 * "Revised since this episode": whether a newer version of an arXiv paper exists than the one
 * that was current on the episode's date: a listener reading a paper after the episode wants
 * to know whether what they read is what the hosts discussed.
 *
 * Why the rule is what it is: arXiv's API answers a lookup by id with the LATEST version only:
 * its number N (in the entry's id, `…v3`), when version 1 was submitted (`published`) and when
 * version N was submitted (`updated`). The dates of the versions in between are not in the
 * answer. So:
 *
 * - The episode cites version K in its link and N > K: revised, for certain (vK → vN).
 * - N = 1: never revised.
 * - No version cited: vN did not exist before `updated`. If the episode is dated before the day
 *   vN was submitted, a newer version exists than the one current then: revised, for certain.
 *   If the episode is dated after that day, vN was already current: not revised.
 *   On the very day, the order is unknown (the episode's date has no time): unknown.
 *   Which earlier version was current then is known only when N = 2 (it was v1); otherwise
 *   it was one of v1…v(N−1), and this says so instead of guessing.
 * - The episode is dated before version 1 was submitted: it cannot have cited this paper as it
 *   is on arXiv (probably another version of the work, or a wrong match): unknown.
 */

/** What can be concluded; see the module comment. */
export interface RevisionVerdict {
  state: 'revised' | 'current' | 'unknown';
  /** The latest version arXiv reports. */
  latestVersion: number | null;
  /** The version the episode's link cites, when it names one. */
  citedVersion: number | null;
  /**
   * The version that was current on the episode's date, when it can be told for certain
   * (the cited one, v1 of a two-version paper, or the latest one); else `null`.
   */
  versionThen: number | null;
  /** Why, in words for a tooltip or a log (English; the UI shows its own strings). */
  reason: string;
}

/** What the verdict needs of an arXiv entry. */
export interface VersionFacts {
  version: number | null;
  published: string | null;
  updated: string | null;
}

/** The UTC calendar day (`YYYY-MM-DD`) of an ISO 8601 time, or `null`. */
function utcDay(time: string | null): string | null {
  if (!time) return null;
  const ms = Date.parse(time);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether `entry` (arXiv's latest version of a paper) is newer than what the episode dated
 * `episodeDate` (`YYYY-MM-DD`, or `null` when unknown) cited, its link naming `citedVersion`
 * (or `null`). See the module comment for what can and cannot be concluded.
 */
export function revisionSince(
  entry: VersionFacts,
  episodeDate: string | null,
  citedVersion: number | null,
): RevisionVerdict {
  const latest = entry.version;
  const base = { latestVersion: latest, citedVersion };
  if (latest === null) {
    return { ...base, state: 'unknown', versionThen: null, reason: 'arXiv gave no version' };
  }
  if (citedVersion !== null) {
    if (latest > citedVersion) {
      return {
        ...base,
        state: 'revised',
        versionThen: citedVersion,
        reason: `the episode cites v${citedVersion}; v${latest} is the latest`,
      };
    }
    return {
      ...base,
      state: 'current',
      versionThen: citedVersion,
      reason: `the episode cites v${citedVersion}, the latest`,
    };
  }
  if (latest === 1) {
    return { ...base, state: 'current', versionThen: 1, reason: 'the paper has one version' };
  }
  const day = episodeDate && /^\d{4}-\d{2}-\d{2}$/.test(episodeDate) ? episodeDate : null;
  const firstDay = utcDay(entry.published);
  const latestDay = utcDay(entry.updated);
  if (day === null || latestDay === null) {
    return {
      ...base,
      state: 'unknown',
      versionThen: null,
      reason:
        day === null ? 'the episode has no date' : 'arXiv gave no date for the latest version',
    };
  }
  if (firstDay !== null && day < firstDay) {
    return {
      ...base,
      state: 'unknown',
      versionThen: null,
      reason: 'the episode is dated before the paper first appeared on arXiv',
    };
  }
  if (day < latestDay) {
    return {
      ...base,
      state: 'revised',
      versionThen: latest === 2 ? 1 : null,
      reason:
        latest === 2
          ? `v1 was current on ${day}; v2 followed on ${latestDay}`
          : `one of v1–v${latest - 1} was current on ${day}; v${latest} followed on ${latestDay}`,
    };
  }
  if (day > latestDay) {
    return {
      ...base,
      state: 'current',
      versionThen: latest,
      reason: `v${latest} (${latestDay}) was already current on ${day}`,
    };
  }
  return {
    ...base,
    state: 'unknown',
    versionThen: null,
    reason: `v${latest} was submitted on the episode's day, ${day}`,
  };
}
