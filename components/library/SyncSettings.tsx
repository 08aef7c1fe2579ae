/**
 * Sync in Settings: on or off (off by default), where the data goes, how much of the browser's
 * sync quota it takes and what stays on this machine, what went wrong and what to do, and a
 * confirmed "remove Citecast's data from the browser's sync". The status follows the background
 * live: it is asked again whenever the background saves it or the library changes.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import type { MessageError } from '@/lib/core/result';
import { formatNumber } from '@/lib/i18n/translate';
import { SYNC_STATE_KEY, type SyncProblem, type SyncStatus } from '@/lib/sync/service';

/** Kilobytes as the browsers state the quota (100 KB = 102,400 bytes); tenths below 10 KB. */
const kb = (bytes: number, intl: string) =>
  `${formatNumber(bytes / 1024, intl, bytes < 10_240 ? 1 : 0)} KB`;

const PROBLEM_KEYS = {
  quota: 'settings.syncQuota',
  unavailable: 'settings.syncUnavailable',
  corrupt: 'settings.syncCorrupt',
  newer: 'settings.syncNewer',
  reset: 'settings.syncReset',
  failed: 'settings.syncFailed',
} as const satisfies Record<SyncProblem, string>;

/** See the module comment. */
export function SyncSettings() {
  const { ask, onStoreChanged } = useServices();
  const tr = useT();
  const { t } = tr;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removed, setRemoved] = useState(false);

  useEffect(() => {
    let live = true;
    const refresh = () =>
      void ask('syncStatus', undefined).then((reply) => {
        if (!live) return;
        if (reply.ok) setStatus(reply.value);
        else setError(reply.error);
      });
    refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATE_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    const stop = onStoreChanged(refresh);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
      stop();
    };
  }, [ask, onStoreChanged]);

  const act = async (request: () => ReturnType<typeof ask<'setSync'>>) => {
    setBusy(true);
    const reply = await request();
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setError(null);
    setStatus(reply.value);
  };
  const onSwitch = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    setRemoved(false);
    void act(() => ask('setSync', { on }));
  };
  const remove = () => {
    setConfirming(false);
    void act(() => ask('clearSync', { confirm: true })).then(() => setRemoved(true));
  };

  const left = status?.leftOut;
  return (
    <fieldset class="card" id="settings-sync" data-testid="settings-sync">
      <legend>{t('settings.sync')}</legend>
      <p>
        <label>
          <input
            type="checkbox"
            data-testid="sync-switch"
            checked={status?.enabled === true}
            disabled={status === null || busy}
            onChange={onSwitch}
          />{' '}
          {t('settings.syncSwitch')}
        </label>
      </p>
      <p class="muted">{t('settings.syncWhere')}</p>
      {busy && <p role="status">{t('settings.syncWorking')}</p>}
      {status?.enabled && status.bytes !== null && (
        <div data-testid="sync-usage" role="status">
          <p>
            {t('settings.syncUsage', {
              used: kb(status.bytes, tr.intl),
              quota: kb(status.quota, tr.intl),
            })}
            {status.lastSync !== null &&
              ` ${t('settings.syncLast', {
                time: new Intl.DateTimeFormat(tr.intl, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(status.lastSync),
              })}`}
          </p>
          {left && left.listens > 0 && <p>{tr.count('settings.syncLeftListens', left.listens)}</p>}
          {left && left.papers > 0 && <p>{tr.count('settings.syncLeftPapers', left.papers)}</p>}
          {left && left.tags > 0 && <p>{tr.count('settings.syncLeftTags', left.tags)}</p>}
          {left && left.notes > 0 && <p>{tr.count('settings.syncLeftNotes', left.notes)}</p>}
          {status.waiting > 0 && <p>{tr.count('settings.syncWaiting', status.waiting)}</p>}
        </div>
      )}
      {status?.problem && (
        <p class="notice notice-error" role="alert" data-testid="sync-problem">
          {t(PROBLEM_KEYS[status.problem], { detail: status.detail ?? '' })}
        </p>
      )}
      {error && <StoreError error={error} />}
      <p class="muted">{t('settings.syncRemoveHint')}</p>
      <p>
        {confirming ? (
          <>
            <span>{t('settings.syncRemoveAsk')}</span>{' '}
            <button type="button" class="danger" data-testid="sync-remove-confirm" onClick={remove}>
              {t('settings.syncRemoveYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('settings.syncCancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            data-testid="sync-remove"
            disabled={status === null || busy}
            onClick={() => setConfirming(true)}
          >
            {t('settings.syncRemove')}
          </button>
        )}{' '}
        {removed && !busy && <span role="status">{t('settings.syncRemoved')}</span>}
      </p>
    </fieldset>
  );
}
