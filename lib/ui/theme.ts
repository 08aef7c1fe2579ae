/** The pages' colour scheme: the setting, or the system's when it is `auto`. */
import type { ThemeSetting } from '@/lib/settings';

/** The scheme to show for `setting` when the system prefers dark (`prefersDark`) or not. */
export function resolveTheme(setting: ThemeSetting, prefersDark: boolean): 'light' | 'dark' {
  if (setting === 'light' || setting === 'dark') return setting;
  return prefersDark ? 'dark' : 'light';
}
