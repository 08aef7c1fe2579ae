/**
 * "Show on paper pages" in Settings. On: asks the browser for the paper pages' optional hosts
 * inside the click and turns the `paperPages` setting on once given; the background then
 * registers the card's script (lib/paper-scripts.ts). Off: turns the setting off and gives the
 * hosts back. On counts only with both the setting and every host.
 */
import { useSettings, useT } from '@/components/common/i18n';
import { SettingSwitch, useGrantSwitch } from '@/components/library/SettingSwitch';
import { hasPaperHosts, requestPaperPages, turnOffPaperPages } from '@/lib/paper-scripts';

const MESSAGES = {
  asking: 'settings.arxivAsking',
  granted: 'settings.paperOn',
  refused: 'settings.paperRefused',
  error: 'settings.paperError',
  off: 'settings.paperOff',
} as const;

/** See the module comment. */
export function PaperPagesSettings() {
  const settings = useSettings();
  const { t } = useT();
  const { on, status, onClick } = useGrantSwitch(
    settings.paperPages,
    hasPaperHosts,
    requestPaperPages,
    turnOffPaperPages,
  );

  return (
    <SettingSwitch
      name="paper-pages"
      legend={t('settings.paper')}
      label={t('settings.paperSwitch')}
      what={t('settings.paperWhat')}
      on={on === true}
      disabled={on === null || status === 'asking'}
      onClick={onClick}
      status={status ? t(MESSAGES[status]) : ''}
      error={status === 'refused' || status === 'error'}
    />
  );
}
