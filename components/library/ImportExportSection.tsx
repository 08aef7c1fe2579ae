/**
 * Import / export: the whole library as a backup file (download, and restore with a report of
 * what was added, updated and skipped, or the reason a file was refused), and the selected or
 * all saved papers as BibTeX, RIS, CSL-JSON or Markdown.
 */
import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import type { ImportReport, RestoreMode } from '@/lib/store/backup/backup';
import { BACKUP_SECTIONS, MAX_BACKUP_BYTES } from '@/lib/store/backup/format';
import { formatBytes, downloadText } from '@/lib/ui/download';
import { exportFilename } from '@/lib/export/selection';
import { backupFilename, inParts, joinExportParts } from '@/lib/ui/exports';
import type { PaperExportFormat } from '@/lib/store/library/types';
import { EXPORT_FORMATS } from '@/lib/export/formats';
import { FeedImport } from '@/components/library/FeedImport';
import { LibraryImport } from '@/components/library/LibraryImport';

type Restore =
  | { state: 'idle' }
  | { state: 'confirm'; file: string; text: string }
  | { state: 'working' }
  | { state: 'done'; file: string; report: ImportReport }
  | { state: 'refused'; reason: string }
  | { state: 'error'; error: MessageError };

/** See the module comment. */
export function ImportExportSection(props: { selection: ReadonlySet<string> }) {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [backupStatus, setBackupStatus] = useState<string | null>(null);
  const [storeError, setStoreError] = useState<MessageError | null>(null);
  const [restore, setRestore] = useState<Restore>({ state: 'idle' });
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [format, setFormat] = useState<PaperExportFormat>('bibtex');
  const [scope, setScope] = useState<'selection' | 'all'>(
    props.selection.size > 0 ? 'selection' : 'all',
  );
  const [exportStatus, setExportStatus] = useState<string | null>(null);

  const downloadBackup = async () => {
    const reply = await ask('exportBackup', {});
    if (!reply.ok) return setStoreError(reply.error);
    setStoreError(null);
    downloadText(document, reply.value.text, backupFilename(Date.now()), 'application/json');
    setBackupStatus(
      t('io.downloaded', { size: formatBytes(new Blob([reply.value.text]).size, tr.intl) }),
    );
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      return setRestore({
        state: 'refused',
        reason: t('io.tooBig', { size: formatBytes(MAX_BACKUP_BYTES, tr.intl) }),
      });
    }
    setRestore({ state: 'working' });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return setRestore({ state: 'refused', reason: t('io.unreadable', { message }) });
    }
    // Replacing the library loses what the file does not hold: the user says so first.
    if (mode === 'replace') return setRestore({ state: 'confirm', file: file.name, text });
    await restoreFrom(file.name, text, 'merge');
  };

  const restoreFrom = async (file: string, text: string, how: RestoreMode) => {
    setRestore({ state: 'working' });
    const reply = await ask('importBackup', { text, mode: how });
    if (reply.ok) setRestore({ state: 'done', file, report: reply.value });
    else if (reply.error.code === 'invalid')
      setRestore({ state: 'refused', reason: errorText(reply.error, tr.locale) });
    else setRestore({ state: 'error', error: reply.error });
  };

  /** The keys of every saved paper, a page at a time. */
  const allKeys = async (): Promise<string[] | null> => {
    const keys: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const reply = await ask('queryPapers', {
        text: '',
        sort: 'saved',
        direction: 'desc',
        tag: null,
        readState: null,
        year: null,
        episodeKey: null,
        offset,
        limit: 500,
      });
      if (!reply.ok) {
        setStoreError(reply.error);
        return null;
      }
      keys.push(...reply.value.rows.map((r) => r.paper.key));
      if (reply.value.rows.length === 0 || keys.length >= reply.value.total) return keys;
    }
  };

  const exportPapers = async () => {
    setExportStatus(null);
    const keys = scope === 'selection' ? [...props.selection] : await allKeys();
    if (!keys) return;
    if (keys.length === 0) return setExportStatus(t('io.nothing'));
    const parts: string[] = [];
    let count = 0;
    let filename = exportFilename(format, Date.now());
    let mimeType = EXPORT_FORMATS[format].mediaType;
    for (const part of inParts(keys, 5_000)) {
      const reply = await ask('exportPapers', { keys: part, format });
      if (!reply.ok) return setStoreError(reply.error);
      parts.push(reply.value.text);
      count += reply.value.count;
      if (keys.length <= 5_000) {
        filename = reply.value.filename;
        mimeType = reply.value.mimeType;
      }
    }
    setStoreError(null);
    if (count === 0) return setExportStatus(t('io.nothing'));
    downloadText(document, joinExportParts(format, parts), filename, mimeType);
    setExportStatus(t('io.exported', { n: count, file: filename }));
  };

  return (
    <div class="import-export">
      {storeError && <StoreError error={storeError} />}
      <section class="card" aria-labelledby="backup-heading">
        <h3 id="backup-heading">{t('io.backup')}</h3>
        <p class="muted">{t('io.backupHint')}</p>
        <p>
          <button type="button" data-testid="download-backup" onClick={() => void downloadBackup()}>
            {t('io.download')}
          </button>{' '}
          {backupStatus && <span role="status">{backupStatus}</span>}
        </p>
        <fieldset class="field" data-testid="restore-mode">
          <legend>{t('io.restoreMode')}</legend>
          {(['merge', 'replace'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="restore-mode"
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />{' '}
              {t(`io.restoreMode.${value}`)}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('io.restore')}</span>
          <input
            type="file"
            accept=".json,application/json"
            data-testid="restore-file"
            onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)}
          />
          <small class="muted">{t('io.restoreHint')}</small>
        </label>
        {restore.state === 'confirm' && (
          <div class="notice notice-error" role="alertdialog" data-testid="replace-confirm">
            <p>{t('io.replaceAsk', { file: restore.file })}</p>
            <p>
              <button
                type="button"
                data-testid="replace-yes"
                onClick={() => void restoreFrom(restore.file, restore.text, 'replace')}
              >
                {t('io.replaceYes')}
              </button>{' '}
              <button type="button" onClick={() => setRestore({ state: 'idle' })}>
                {t('cancel')}
              </button>
            </p>
          </div>
        )}
        {restore.state === 'working' && <p role="status">{t('io.restoring')}</p>}
        {restore.state === 'refused' && (
          <div class="notice notice-error" role="alert" data-testid="import-refused">
            <p>
              <strong>{t('io.refused')}</strong>
            </p>
            <p>{restore.reason}</p>
            <p class="notice-hint">{t('io.refusedHint')}</p>
          </div>
        )}
        {restore.state === 'error' && <StoreError error={restore.error} />}
        {restore.state === 'done' && (
          <div class="notice notice-ok" role="status" data-testid="import-report">
            <p>{t('io.report', { file: restore.file })}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col"></th>
                  <th scope="col">{t('io.added')}</th>
                  <th scope="col">{t('io.updated')}</th>
                  <th scope="col">{t('io.skipped')}</th>
                </tr>
              </thead>
              <tbody>
                {BACKUP_SECTIONS.map((name) => (
                  <tr key={name} data-store={name}>
                    <th scope="row">{t(`io.store.${name}`)}</th>
                    <td>{restore.report[name].added}</td>
                    <td>{restore.report[name].updated}</td>
                    <td>{restore.report[name].skipped}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="papers-export-heading">
        <h3 id="papers-export-heading">{t('io.papers')}</h3>
        <p class="muted">{t('io.papersHint')}</p>
        <div class="toolbar">
          <label class="field">
            <span>{t('io.format')}</span>
            <select
              value={format}
              data-testid="export-format"
              onChange={(e) =>
                setFormat((e.currentTarget as HTMLSelectElement).value as PaperExportFormat)
              }
            >
              {Object.values(EXPORT_FORMATS).map((f) => (
                <option key={f.id} value={f.id}>
                  {`${f.label} (.${f.extension})`}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="segmented">
            <legend>{t('io.scope')}</legend>
            <label class={scope === 'selection' ? 'on' : ''}>
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'selection'}
                disabled={props.selection.size === 0}
                onChange={() => setScope('selection')}
              />
              {t('io.scope.selection', { n: props.selection.size })}
            </label>
            <label class={scope === 'all' ? 'on' : ''}>
              <input
                type="radio"
                name="export-scope"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />
              {t('io.scope.all')}
            </label>
          </fieldset>
        </div>
        <p>
          <button type="button" data-testid="export-papers" onClick={() => void exportPapers()}>
            {t('io.export')}
          </button>{' '}
          {exportStatus && (
            <span role="status" data-testid="export-status">
              {exportStatus}
            </span>
          )}
        </p>
      </section>
      <LibraryImport />
      <FeedImport />
    </div>
  );
}
