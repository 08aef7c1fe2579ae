/**
 * The one way Citecast turns a string table into text: pick the language's string, fill its
 * `{name}` placeholders, choose a count's `.one` / `.other` form and write numbers with the
 * language's digit grouping. The tables themselves are split by where they are shown, so each
 * bundle carries only its own: the page controls' (lib/i18n/index.ts, in the content script),
 * the extension pages' (lib/i18n/pages.ts) and the background's errors (lib/i18n/errors.ts).
 */

/** The languages Citecast speaks. */
export type Locale = 'en' | 'nb';

/** Placeholder values of a string. */
export type Values = Record<string, string | number>;

/** One language's strings, by key. */
export type Table<K extends string> = Readonly<Record<K, string>>;

/** The keys of a table that have `.one` and `.other` forms, without the suffix. */
export type CountBase<K extends string> = K extends `${infer B}.one` ? B : never;

/** The locale for a browser language tag: Bokmål for `nb`, `nn` and `no`, else English. */
export function localeFor(language: string | null | undefined): Locale {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'nb' || primary === 'nn' || primary === 'no' ? 'nb' : 'en';
}

/** `template` with each `{name}` replaced by `values[name]` (unknown names stay as they are). */
export function fill(template: string, values: Values = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  );
}

/** The strings of one language, as the pages and controls use them. */
export interface Translator<K extends string> {
  locale: Locale;
  /** The BCP 47 tag `Intl` formats with (`en-GB`, `nb-NO`). */
  intl: string;
  /** The string for `key`, placeholders filled from `values`. */
  t(key: K, values?: Values): string;
  /** The `.one` / `.other` form of `base` for `n`, with `{n}` (and `values`) filled in. */
  count(base: CountBase<K>, n: number, values?: Values): string;
}

/**
 * One translator per table set and language, kept: `Intl.PluralRules` costs far more to build
 * than to use, and a big page labels hundreds of episode bars (building one per label was the
 * top cost of annotating 662 episodes).
 */
const translators = new WeakMap<object, Map<Locale, Translator<string>>>();

/** The translator of `tables` (every language's table of one context) for `locale`. */
export function translator<K extends string>(
  tables: Readonly<Record<Locale, Table<K>>>,
  locale: Locale,
): Translator<K> {
  let byLocale = translators.get(tables);
  if (!byLocale) translators.set(tables, (byLocale = new Map()));
  let made = byLocale.get(locale) as Translator<K> | undefined;
  if (made) return made;
  const table = tables[locale];
  const intl = locale === 'nb' ? 'nb-NO' : 'en-GB';
  let rules: Intl.PluralRules | undefined;
  made = {
    locale,
    intl,
    t: (key, values) => fill(table[key], values),
    count: (base, n, values) => {
      rules ??= new Intl.PluralRules(intl);
      const form = rules.select(n) === 'one' ? 'one' : 'other';
      return fill(table[`${base}.${form}` as K], { n: formatNumber(n, intl), ...values });
    },
  };
  byLocale.set(locale, made as Translator<string>);
  return made;
}

/** One `Intl.NumberFormat` per language and digit count: building one costs milliseconds. */
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `n` with the language's digit grouping (`10,000`, `10 000`). A whole number under 1,000 is
 * written the same in English and Norwegian, so it skips `Intl`: the popup's first counts then
 * do not wait for the browser to load its number data (about 5 ms in a popup's first render).
 */
export function formatNumber(n: number, intl: string, digits = 0): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000 && !Object.is(n, -0)) return String(n);
  const key = `${intl}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intl, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(n);
}
