/**
 * Settings: the supported sites on or off, the share of an episode that makes it heard, the
 * language and theme of these pages, the keyboard shortcuts (and where to change them), and
 * "delete all my data" behind a typed confirmation. Changes are saved at once (lib/settings.ts)
 * and apply everywhere through `storage.onChanged`.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSettings, useT } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import type { MessageError } from '@/lib/core/result';
import { SITES } from '@/lib/hosts/index';
import { READ_PAGE_COMMAND, READ_PAGE_KEY } from '@/lib/read-page';
import {
  HEARD_SHARE_RANGE,
  TOMBSTONE_DAYS_RANGE,
  writeSettings,
  type LanguageSetting,
  type ThemeSetting,
} from '@/lib/settings';
import {
  CHROMIUM_SHORTCUTS_URL,
  isFirefoxBase,
  POPUP_COMMANDS,
  POPUP_KEY,
  shortcutOf,
} from '@/lib/ui/shortcuts';
import { ArxivSettings } from '@/components/library/ArxivSettings';
import { SyncSettings } from '@/components/library/SyncSettings';
import { PaperPagesSettings } from '@/components/library/PaperPagesSettings';
import { ZoteroSettings } from '@/components/library/ZoteroSettings';

type Write = Parameters<typeof writeSettings>[0];

/** The extension's keyboard commands as the browser has them now; `null` while unknown. */
function useShortcuts(): { popup: string | null; read: string | null } | null {
  const [keys, setKeys] = useState<{ popup: string | null; read: string | null } | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((commands) =>
        setKeys({
          popup: shortcutOf(commands, POPUP_COMMANDS),
          read: shortcutOf(commands, [READ_PAGE_COMMAND]),
        }),
      )
      .catch(() => setKeys({ popup: POPUP_KEY, read: READ_PAGE_KEY }));
  }, []);
  return keys;
}

/** See the module comment. */
export function SettingsSection() {
  const { ask, openTab } = useServices();
  const settings = useSettings();
  const tr = useT();
  const { t } = tr;
  const [status, setStatus] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const [confirm, setConfirm] = useState('');
  const [deleteError, setDeleteError] = useState<MessageError | null>(null);
  const [deleted, setDeleted] = useState(false);
  const shortcuts = useShortcuts();
  const firefox = isFirefoxBase(browser.runtime.getURL('/'));

  const save = (change: Write) => {
    writeSettings(change).then(
      // Kept as data, so the line follows a language change made by this very write.
      () => setStatus({ ok: true }),
      (error: unknown) =>
        setStatus({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };
  const word = t('settings.deleteWord');
  const confirmed = confirm.trim().toUpperCase() === word.toUpperCase();
  const deleteAll = async () => {
    const reply = await ask('deleteEverything', { confirm: true });
    if (!reply.ok) return setDeleteError(reply.error);
    setDeleteError(null);
    setDeleted(true);
    setConfirm('');
  };

  return (
    <div class="settings">
      <p class="muted" role="status" data-testid="settings-status">
        {status?.ok === true && t('settings.saved')}
        {status?.ok === false && t('settings.saveFailed', { message: status.message })}
      </p>
      <fieldset class="card">
        <legend>{t('settings.sites')}</legend>
        <p class="muted">{t('settings.sitesHint')}</p>
        {SITES.map(({ id, label, address }) => (
          <label key={id} class="check">
            <input
              type="checkbox"
              data-site={id}
              checked={settings.sites[id]}
              onChange={(e) =>
                save({ sites: { [id]: (e.currentTarget as HTMLInputElement).checked } })
              }
            />
            {address ? `${label} (${address})` : label}
          </label>
        ))}
      </fieldset>
      <fieldset class="card">
        <legend>{t('settings.heardShare')}</legend>
        <label class="field field-inline">
          <input
            type="range"
            min={HEARD_SHARE_RANGE.min * 100}
            max={HEARD_SHARE_RANGE.max * 100}
            step={5}
            value={Math.round(settings.heardShare * 100)}
            aria-label={t('settings.heardShare')}
            aria-valuetext={`${Math.round(settings.heardShare * 100)} %`}
            onChange={(e) =>
              save({ heardShare: Number((e.currentTarget as HTMLInputElement).value) / 100 })
            }
          />
          <output>
            {t('settings.heardShareValue', {
              percent: new Intl.NumberFormat(tr.intl, { style: 'percent' }).format(
                settings.heardShare,
              ),
            })}
          </output>
        </label>
      </fieldset>
      <fieldset class="card">
        <legend>{t('settings.tombstoneDays')}</legend>
        <label class="field field-inline">
          <input
            type="number"
            data-testid="tombstone-days"
            min={TOMBSTONE_DAYS_RANGE.min}
            max={TOMBSTONE_DAYS_RANGE.max}
            step={1}
            value={settings.tombstoneDays}
            aria-label={t('settings.tombstoneDays')}
            onChange={(e) => {
              const days = Number((e.currentTarget as HTMLInputElement).value);
              if (days >= TOMBSTONE_DAYS_RANGE.min && days <= TOMBSTONE_DAYS_RANGE.max)
                save({ tombstoneDays: Math.round(days) });
            }}
          />
          <small class="muted">
            {t('settings.tombstoneDaysHint', {
              min: TOMBSTONE_DAYS_RANGE.min,
              max: TOMBSTONE_DAYS_RANGE.max,
            })}
          </small>
        </label>
      </fieldset>
      <fieldset class="card">
        <legend>
          {t('settings.language')} · {t('settings.theme')}
        </legend>
        <div class="toolbar">
          <label class="field">
            <span>{t('settings.language')}</span>
            <select
              data-testid="language"
              value={settings.language}
              onChange={(e) =>
                save({ language: (e.currentTarget as HTMLSelectElement).value as LanguageSetting })
              }
            >
              {(['auto', 'en', 'nb'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t('settings.theme')}</span>
            <select
              data-testid="theme"
              value={settings.theme}
              onChange={(e) =>
                save({ theme: (e.currentTarget as HTMLSelectElement).value as ThemeSetting })
              }
            >
              {(['auto', 'light', 'dark'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`theme.${v}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset class="card">
        <legend>{t('settings.shortcuts')}</legend>
        <dl class="shortcuts">
          <div>
            <dt>{t('settings.shortcutPopup')}</dt>
            <dd>
              <kbd data-testid="shortcut-popup">
                {shortcuts ? (shortcuts.popup ?? t('settings.shortcutNone')) : POPUP_KEY}
              </kbd>
            </dd>
          </div>
          <div>
            <dt>{t('settings.shortcutRead')}</dt>
            <dd>
              <kbd>
                {shortcuts ? (shortcuts.read ?? t('settings.shortcutNone')) : READ_PAGE_KEY}
              </kbd>
            </dd>
          </div>
        </dl>
        {firefox ? (
          <p class="muted" data-testid="shortcuts-firefox">
            {t('settings.shortcutsFirefox')}
          </p>
        ) : (
          <button
            type="button"
            data-testid="open-shortcuts"
            onClick={() => openTab(CHROMIUM_SHORTCUTS_URL)}
          >
            {t('settings.shortcutsOpen')}
          </button>
        )}
      </fieldset>
      <ArxivSettings />
      <PaperPagesSettings />
      <ZoteroSettings />
      <SyncSettings />
      <fieldset class="card danger-zone">
        <legend>{t('settings.delete')}</legend>
        <p class="muted">{t('settings.deleteHint')}</p>
        <label class="field field-inline">
          <span>{t('settings.deleteConfirm', { word })}</span>
          <input
            type="text"
            data-testid="delete-confirm"
            autoComplete="off"
            value={confirm}
            onInput={(e) => setConfirm((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <p>
          <button
            type="button"
            class="danger"
            data-testid="delete-everything"
            disabled={!confirmed}
            onClick={() => void deleteAll()}
          >
            {t('settings.deleteButton')}
          </button>{' '}
          {deleted && <span role="status">{t('settings.deleted')}</span>}
        </p>
        {deleteError && <StoreError error={deleteError} />}
      </fieldset>
    </div>
  );
}
