/**
 * The user's settings, kept in `browser.storage.local` (not the IndexedDB store): every part of the
 * extension reads them directly (content scripts too, without asking the background), and
 * `storage.onChanged` makes a change live everywhere at once.
 *
 * What is stored is untrusted on read (an older version, or a hand-edited profile, may have
 * written anything): {@link readSettings} keeps each valid field and falls back to the default
 * for the rest, so a bad value never breaks a page. Plain checks, no schema library: the content
 * script reads the settings on every page of the show and carries all this module imports.
 */
import { browser } from 'wxt/browser';
import { SITE_IDS, type SiteId } from '@/lib/sites';

/** The UI language: the browser's, or a fixed one. */
export type LanguageSetting = 'auto' | 'en' | 'nb';

/** The colour scheme: the system's, or a fixed one. */
export type ThemeSetting = 'auto' | 'light' | 'dark';

/** Everything the user can set. */
export interface Settings {
  /** Which supported sites (lib/hosts) get Citecast's controls without asking. */
  sites: Record<SiteId, boolean>;
  /** Share of an episode actually played (0.5–1) at which it counts as heard. */
  heardShare: number;
  language: LanguageSetting;
  theme: ThemeSetting;
  /** Whether title-only sources are looked up on arXiv (needs the optional host permission). */
  arxivLookup: boolean;
  /** Whether sources already in the user's Zotero library are marked (needs Zotero's local API). */
  zoteroMarks: boolean;
  /**
   * Whether sending to Zotero fetches arXiv's PDFs and uploads them as files (needs arxiv.org).
   * A setting of its own: paper pages hold arxiv.org too, and allowing them must not start PDF
   * downloads the user never asked for.
   */
  zoteroPdfs: boolean;
  /** Whether paper pages show which episodes discuss the paper (needs their optional hosts). */
  paperPages: boolean;
  /** Whether the popup already offered paper pages once (it offers once only). */
  paperPagesOffered: boolean;
  /**
   * Days a remembered delete is kept (longer than any backup one would restore, so restoring it
   * does not bring back what was deleted since).
   */
  tombstoneDays: number;
}

/**
 * The settings of a fresh install. Nothing leaves the machine: `arxivLookup` is off, and no
 * script runs on paper pages (`paperPages`).
 */
export const DEFAULT_SETTINGS: Settings = {
  sites: Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>,
  heardShare: 0.9,
  language: 'auto',
  theme: 'auto',
  arxivLookup: false,
  zoteroMarks: false,
  zoteroPdfs: false,
  paperPages: false,
  paperPagesOffered: false,
  tombstoneDays: 400,
};

/** The fewest and most days the settings keep a remembered delete. */
export const TOMBSTONE_DAYS_RANGE = { min: 30, max: 3650 } as const;

/** The lowest and highest heard share the settings accept. */
export const HEARD_SHARE_RANGE = { min: 0.5, max: 1 } as const;

/** The key the settings are stored under in `browser.storage.local`. */
export const SETTINGS_KEY = 'citecast.settings';

/** A number in `range` (whole when `whole`), else `undefined`. */
const inRange =
  (range: { min: number; max: number }, whole = false) =>
  (value: unknown): number | undefined =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!whole || Number.isInteger(value)) &&
    value >= range.min &&
    value <= range.max
      ? value
      : undefined;

/** One of `choices`, else `undefined`. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (value: unknown): T | undefined =>
    choices.includes(value as T) ? (value as T) : undefined;

/** A boolean, else `undefined`. */
const flag = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;

/** Each field's check: its value when valid, else `undefined`. */
const FIELD_CHECKS: {
  [K in Exclude<keyof Settings, 'sites'>]: (v: unknown) => Settings[K] | undefined;
} = {
  heardShare: inRange(HEARD_SHARE_RANGE),
  language: oneOf(['auto', 'en', 'nb'] as const),
  theme: oneOf(['auto', 'light', 'dark'] as const),
  arxivLookup: flag,
  zoteroMarks: flag,
  zoteroPdfs: flag,
  paperPages: flag,
  paperPagesOffered: flag,
  tombstoneDays: inRange(TOMBSTONE_DAYS_RANGE, true),
};

/**
 * The settings in `stored` (anything read from storage), each invalid or missing field replaced by
 * the one in `fallback` (the defaults unless given). Never throws.
 */
export function settingsFrom(stored: unknown, fallback: Settings = DEFAULT_SETTINGS): Settings {
  const input = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const pick = <K extends keyof typeof FIELD_CHECKS>(key: K): Settings[K] =>
    (FIELD_CHECKS[key](input[key]) ?? fallback[key]) as Settings[K];
  const sitesIn = (
    typeof input.sites === 'object' && input.sites !== null ? input.sites : {}
  ) as Record<string, unknown>;
  const sites = { ...fallback.sites };
  for (const id of SITE_IDS) {
    if (typeof sitesIn[id] === 'boolean') sites[id] = sitesIn[id];
  }
  return {
    sites,
    heardShare: pick('heardShare'),
    language: pick('language'),
    theme: pick('theme'),
    arxivLookup: pick('arxivLookup'),
    zoteroMarks: pick('zoteroMarks'),
    zoteroPdfs: pick('zoteroPdfs'),
    paperPages: pick('paperPages'),
    paperPagesOffered: pick('paperPagesOffered'),
    tombstoneDays: pick('tombstoneDays'),
  };
}

/** Reads the settings; the defaults when storage cannot be read. Never rejects. */
export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return settingsFrom(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites } };
  }
}

/**
 * Changes some settings (the rest stay) and resolves to the settings now stored. Invalid values
 * are refused by falling back to the current ones; rejects only when storage refuses the write.
 */
export async function writeSettings(
  change: Partial<Omit<Settings, 'sites'>> & { sites?: Partial<Record<SiteId, boolean>> },
): Promise<Settings> {
  const current = await readSettings();
  const next = settingsFrom(
    { ...current, ...change, sites: { ...current.sites, ...change.sites } },
    current,
  );
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/**
 * Calls `listener` with the new settings whenever they change (in any tab or page). Returns a
 * function that stops listening.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(settingsFrom(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
