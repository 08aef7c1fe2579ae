/**
 * "Show on paper pages" in Settings. On: asks the browser for the paper pages' optional hosts
 * inside the click and turns the `paperPages` setting on once given; the background then
 * registers the card's script (lib/paper-scripts.ts). Off: turns the setting off and gives the
 * hosts back. On counts only with both the setting and every host.
 */
import { useEffect, useState } from 'preact/hooks';
import { useSettings, useT } from '@/components/common/i18n';
import {
  paperPagesOn,
  requestPaperPages,
  turnOffPaperPages,
  type PaperGrantOutcome,
} from '@/lib/paper-scripts';

type Status = 'asking' | PaperGrantOutcome | 'off' | null;

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
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const check = () => void paperPagesOn().then(setOn);
  // Again whenever the setting changes: the popup's offer may have changed both meanwhile.
  useEffect(check, [settings.paperPages]);

  const onClick = () => {
    if (on) {
      setStatus(null);
      void turnOffPaperPages().then(() => {
        setStatus('off');
        check();
      });
      return;
    }
    // First thing in the click: the browser grants optional permissions only inside it.
    const asking = requestPaperPages();
    setStatus('asking');
    void asking.then((outcome) => {
      setStatus(outcome);
      check();
    });
  };

  return (
    <fieldset class="card" id="settings-paper-pages" data-testid="settings-paper-pages">
      <legend>{t('settings.paper')}</legend>
      <p class="switch-line">
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={on === true}
          aria-describedby="paper-pages-what"
          data-testid="paper-pages-switch"
          disabled={on === null || status === 'asking'}
          onClick={onClick}
        >
          <span class="switch-track" aria-hidden="true">
            <span class="switch-thumb" />
          </span>
          {t('settings.paperSwitch')}
        </button>
      </p>
      <p class="muted" id="paper-pages-what">
        {t('settings.paperWhat')}
      </p>
      <p
        role="status"
        data-testid="paper-pages-status"
        class={status === 'refused' || status === 'error' ? 'error-text' : 'muted'}
      >
        {status ? t(MESSAGES[status]) : ''}
      </p>
    </fieldset>
  );
}
