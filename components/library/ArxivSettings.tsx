/**
 * The arXiv lookups switch in Settings. On: asks the browser for the optional
 * `https://export.arxiv.org/*` permission inside the click and turns the `arxivLookup` setting
 * on once given (lib/arxiv/permission.ts, the same code as the grant window). Off: turns the
 * setting off and gives the permission back. Lookups count as on only with both.
 */
import { useEffect, useState } from 'preact/hooks';
import { useSettings, useT } from '@/components/common/i18n';
import {
  hasArxivPermission,
  requestArxivAccess,
  revokeArxivAccess,
  type GrantOutcome,
} from '@/lib/arxiv/permission';

type Status = 'asking' | GrantOutcome | 'off' | null;

/** See the module comment. */
export function ArxivSettings() {
  const settings = useSettings();
  const { t } = useT();
  const [permission, setPermission] = useState<boolean | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const check = () => void hasArxivPermission().then(setPermission);
  // Again whenever the setting changes: the grant window may have changed both meanwhile.
  useEffect(check, [settings.arxivLookup]);
  const on = settings.arxivLookup && permission === true;

  const onClick = () => {
    if (on) {
      setStatus(null);
      void revokeArxivAccess().then(() => {
        setStatus('off');
        check();
      });
      return;
    }
    // First thing in the click: the browser grants optional permissions only inside it.
    const asking = requestArxivAccess();
    setStatus('asking');
    void asking.then((outcome) => {
      setStatus(outcome);
      check();
    });
  };

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
    <fieldset class="card" id="settings-arxiv" data-testid="settings-arxiv">
      <legend>{t('settings.arxiv')}</legend>
      <p class="switch-line">
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={on}
          aria-describedby="arxiv-sends"
          data-testid="arxiv-switch"
          disabled={permission === null || status === 'asking'}
          onClick={onClick}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          {t('settings.arxivSwitch')}
        </button>
      </p>
      <p class="muted" id="arxiv-sends">
        {t('settings.arxivSends')}
      </p>
      <p
        role="status"
        data-testid="arxiv-status"
        class={status === 'refused' || status === 'error' ? 'error-text' : 'muted'}
      >
        {message}
      </p>
    </fieldset>
  );
}
