/**
 * The arXiv lookups switch in Settings. On: asks the browser for the optional
 * `https://export.arxiv.org/*` permission inside the click and turns the `arxivLookup` setting
 * on once given (lib/arxiv/permission.ts, the same code as the grant window). Off: turns the
 * setting off and gives the permission back. Lookups count as on only with both.
 */
import { useSettings, useT } from '@/components/common/i18n';
import { SettingSwitch, useGrantSwitch } from '@/components/library/SettingSwitch';
import { hasArxivPermission, requestArxivAccess, revokeArxivAccess } from '@/lib/arxiv/permission';

/** See the module comment. */
export function ArxivSettings() {
  const settings = useSettings();
  const { t } = useT();
  const { on, status, onClick } = useGrantSwitch(
    settings.arxivLookup,
    hasArxivPermission,
    requestArxivAccess,
    revokeArxivAccess,
  );

  const message =
    status === 'asking'
      ? t('settings.arxivAsking')
      : status === 'granted'
        ? t('settings.arxivOn')
        : status === 'refused'
          ? t('settings.arxivRefused')
          : status === 'error'
            ? t('settings.arxivError')
            : status === 'off'
              ? t('settings.arxivOff')
              : '';
  return (
    <SettingSwitch
      name="arxiv"
      legend={t('settings.arxiv')}
      label={t('settings.arxivSwitch')}
      what={t('settings.arxivSends')}
      on={on === true}
      disabled={on === null || status === 'asking'}
      onClick={onClick}
      status={message}
      error={status === 'refused' || status === 'error'}
    />
  );
}
