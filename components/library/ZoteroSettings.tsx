/**
 * Zotero in Settings: the "In Zotero" marks (off by default; they read the user's Zotero library
 * through Zotero's local API, on this machine only), with how to turn the local API on when
 * Zotero says it is off; and whether arXiv PDFs go into Zotero as files, which needs arxiv.org.
 * Both ask for their permission inside the click, as browsers require.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useSettings, useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { writeSettings } from '@/lib/settings';
import { requestZoteroAccess, turnOffZoteroPdfs, zoteroPdfsOn } from '@/lib/zotero/grant';

/** See the module comment. */
export function ZoteroSettings() {
  const settings = useSettings();
  const { ask } = useServices();
  const { t } = useT();
  const [pdfs, setPdfs] = useState<boolean | null>(null);
  const [localApiOff, setLocalApiOff] = useState(false);
  const checkPdfs = () => void zoteroPdfsOn().then(setPdfs);
  useEffect(checkPdfs, [settings.zoteroPdfs]);
  // arxiv.org also comes and goes with paper pages and the browser's own settings.
  useEffect(() => {
    browser.permissions.onAdded.addListener(checkPdfs);
    browser.permissions.onRemoved.addListener(checkPdfs);
    return () => {
      browser.permissions.onAdded.removeListener(checkPdfs);
      browser.permissions.onRemoved.removeListener(checkPdfs);
    };
  }, []);
  useEffect(() => {
    if (!settings.zoteroMarks) return setLocalApiOff(false);
    void ask('zoteroMarks', { keys: [] }).then((reply) =>
      setLocalApiOff(reply.ok && reply.value.status === 'local-api-off'),
    );
  }, [settings.zoteroMarks]);

  const onMarks = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    if (!on) return void writeSettings({ zoteroMarks: false });
    // First in the click: the browser grants optional permissions only inside it.
    void requestZoteroAccess(false).then((outcome) =>
      writeSettings({ zoteroMarks: outcome === 'granted' }),
    );
  };
  const onPdfs = (event: Event) => {
    const on = (event.currentTarget as HTMLInputElement).checked;
    // Asked first in the click: the browser grants optional permissions only inside it.
    const change = on ? requestZoteroAccess(true) : turnOffZoteroPdfs();
    void change.then(checkPdfs);
  };

  return (
    <fieldset class="card" id="settings-zotero" data-testid="settings-zotero">
      <legend>{t('settings.zotero')}</legend>
      <p>
        <label>
          <input
            type="checkbox"
            data-testid="zotero-marks"
            checked={settings.zoteroMarks}
            onChange={onMarks}
          />{' '}
          {t('settings.zoteroMarks')}
        </label>
      </p>
      <p class="muted">{t('settings.zoteroMarksHint')}</p>
      {localApiOff && (
        <p class="notice" role="status" data-testid="zotero-local-api-off">
          {t('settings.zoteroLocalApiOff')}
        </p>
      )}
      <p>
        <label>
          <input
            type="checkbox"
            data-testid="zotero-pdfs"
            checked={pdfs === true}
            disabled={pdfs === null}
            onChange={onPdfs}
          />{' '}
          {t('settings.zoteroPdfs')}
        </label>
      </p>
    </fieldset>
  );
}
