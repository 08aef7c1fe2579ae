/**
 * "Import a reference library" (issue 4: papers the listener already has show as saved from the
 * first day), in Import / export: a BibTeX, RIS or CSL-JSON file as Zotero exports it goes to the
 * background (`importLibrary`), which merges it without overwriting anything; the section says
 * what was added and updated, or why the file was refused (nothing changed then).
 */
import { useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import type { LibraryImportReport } from '@/lib/export/library-import';
import type { MessageError } from '@/lib/messages';
import { MAX_BACKUP_BYTES } from '@/lib/store/backup-format';
import { formatBytes } from '@/lib/ui/download';

type LibraryState =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; file: string; report: LibraryImportReport }
  | { state: 'refused'; reason: string }
  | { state: 'error'; error: MessageError };

/** The format names as people know them. */
const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' } as const;

/** See the module comment. */
export function LibraryImport() {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [library, setLibrary] = useState<LibraryState>({ state: 'idle' });

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BACKUP_BYTES) {
      return setLibrary({
        state: 'refused',
        reason: t('io.tooBig', { size: formatBytes(MAX_BACKUP_BYTES, tr.intl) }),
      });
    }
    setLibrary({ state: 'working' });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return setLibrary({ state: 'refused', reason: t('io.unreadable', { message }) });
    }
    const reply = await ask('importLibrary', { text, format: null });
    if (reply.ok) setLibrary({ state: 'done', file: file.name, report: reply.value });
    else if (reply.error.code === 'invalid')
      setLibrary({ state: 'refused', reason: errorText(reply.error, tr.locale) });
    else setLibrary({ state: 'error', error: reply.error });
  };

  return (
    <section class="card" id="import-library" aria-labelledby="import-library-heading">
      <h3 id="import-library-heading">{t('io.library')}</h3>
      <p class="muted">{t('io.libraryHint')}</p>
      <label class="field">
        <span>{t('io.library')}</span>
        <input
          type="file"
          accept=".bib,.bibtex,.ris,.json,application/x-bibtex,application/x-research-info-systems,application/json"
          data-testid="import-library-file"
          onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)}
        />
      </label>
      {library.state === 'working' && <p role="status">{t('io.libraryWorking')}</p>}
      {library.state === 'refused' && (
        <div class="notice notice-error" role="alert" data-testid="library-refused">
          <p>
            <strong>{t('io.refused')}</strong>
          </p>
          <p>{library.reason}</p>
          <p class="notice-hint">{t('io.libraryHint2')}</p>
        </div>
      )}
      {library.state === 'error' && <StoreError error={library.error} />}
      {library.state === 'done' && (
        <div class="notice notice-ok" role="status" data-testid="library-report">
          <p>
            {t('io.libraryDone', {
              file: library.file,
              format: FORMAT_NAMES[library.report.format],
              entries: library.report.entries,
              added: library.report.added,
              updated: library.report.updated,
              skipped: library.report.skipped,
            })}
          </p>
          {library.report.unusable > 0 && (
            <p>{tr.count('io.libraryUnusable', library.report.unusable)}</p>
          )}
        </div>
      )}
    </section>
  );
}
