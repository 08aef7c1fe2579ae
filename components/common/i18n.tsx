/** The page language and theme, from the settings and the browser, live as they change. */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { setErrorLocale } from '@/lib/i18n/errors';
import { pickLocale, translator, type Translator } from '@/lib/i18n/pages';
import { DEFAULT_SETTINGS, onSettingsChanged, readSettings, type Settings } from '@/lib/settings';
import { resolveTheme } from '@/lib/ui/theme';

const I18nContext = createContext<Translator>(translator('en'));
const SettingsContext = createContext<Settings>(DEFAULT_SETTINGS);

/** The translator of the page. */
export function useT(): Translator {
  return useContext(I18nContext);
}

/** The settings as last read. */
export function useSettings(): Settings {
  return useContext(SettingsContext);
}

/** The browser's languages, most wanted first. */
function browserLanguages(): string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages && nav.languages.length > 0 ? [...nav.languages] : [nav.language];
}

/** Whether the system asks for dark pages, live. */
function usePrefersDark(): boolean {
  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark;
}

/**
 * Reads the settings (and follows their changes), picks the language and theme, sets `lang` and
 * `data-theme` on `<html>`, and provides both to the page. Renders nothing until the settings
 * are read (a few milliseconds), so the page never flashes in the wrong language.
 */
export function PageSetup(props: { children: ComponentChildren; initial?: Settings }) {
  const [settings, setSettings] = useState<Settings | null>(props.initial ?? null);
  const prefersDark = usePrefersDark();
  useEffect(() => {
    let live = true;
    if (!props.initial) void readSettings().then((s) => live && setSettings(s));
    const stop = onSettingsChanged((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const tr = useMemo(() => {
    const chosen = translator(pickLocale(settings?.language ?? 'auto', browserLanguages()));
    // The background's errors reach the page through `ask`, which words them in this language
    // (set here, before any child asks anything).
    setErrorLocale(chosen.locale);
    return chosen;
  }, [settings?.language]);
  const theme = resolveTheme(settings?.theme ?? 'auto', prefersDark);
  // Before the first frame: Preact runs plain effects in a task after a frame is drawn, so the
  // first frame was drawn without the theme and language (light for a dark-theme user), and
  // setting them then restyled the whole page a second time.
  useLayoutEffect(() => {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    root.lang = tr.locale;
    root.dataset.theme = theme;
  }, [tr.locale, theme]);
  if (!settings) return null;
  return (
    <SettingsContext.Provider value={settings}>
      <I18nContext.Provider value={tr}>{props.children}</I18nContext.Provider>
    </SettingsContext.Provider>
  );
}
