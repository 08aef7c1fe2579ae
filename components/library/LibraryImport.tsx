/**
 * "Import a reference library", in Import / export: a BibTeX, RIS or CSL-JSON file goes to the
 * background (`importLibrary`), which reads and merges it a chunk of entries at a time without
 * overwriting anything. Meanwhile the section shows how far it got ("12,000 of 40,000 entries",
 * asked every few hundred milliseconds) and can cancel it; then it says what was added and
 * updated and lists each entry left out with its line and why, or why the file was refused
 * (nothing changed then).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '@/components/common/i18n';
import { StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import { formatNumber } from '@/lib/i18n/translate';
import type { LibraryImportReport } from '@/lib/export/library-import';
import { decodeLibraryBytes } from '@/lib/export/library-text';
import type { MessageError } from '@/lib/core/result';
import { MAX_BACKUP_BYTES } from '@/lib/store/backup/format';
import { formatBytes } from '@/lib/ui/download';

type LibraryState =
  | { state: 'idle' }
  | { state: 'working'; done: number; total: number; cancelling: boolean }
  | { state: 'done'; file: string; report: LibraryImportReport }
  | { state: 'refused'; reason: string }
  | { state: 'error'; error: MessageError };

/** The format names as people know them. */
const FORMAT_NAMES = { bibtex: 'BibTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' } as const;

/** How often the page asks how far the import got, in ms. */
const PROGRESS_EVERY = 250;

/** See the module comment. */
export function LibraryImport() {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [library, setLibrary] = useState<LibraryState>({ state: 'idle' });
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopPolling = () => {
    if (poll.current !== null) clearInterval(poll.current);
    poll.current = null;
  };
  useEffect(() => stopPolling, []);

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
    setLibrary({ state: 'working', done: 0, total: 0, cancelling: false });
    let text: string;
    try {
      text = decodeLibraryBytes(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return setLibrary({ state: 'refused', reason: t('io.unreadable', { message }) });
    }
    stopPolling();
    poll.current = setInterval(() => {
      void ask('libraryImportProgress', {}).then((reply) => {
        if (!reply.ok || !reply.value.running) return;
        const { done, total } = reply.value;
        setLibrary((s) => (s.state === 'working' ? { ...s, done, total } : s));
      });
    }, PROGRESS_EVERY);
    const reply = await ask('importLibrary', { text, format: null });
    stopPolling();
    if (reply.ok) setLibrary({ state: 'done', file: file.name, report: reply.value });
    else if (reply.error.code === 'invalid')
      setLibrary({ state: 'refused', reason: errorText(reply.error, tr.locale) });
    else setLibrary({ state: 'error', error: reply.error });
  };

  const onCancel = () => {
    setLibrary((s) => (s.state === 'working' ? { ...s, cancelling: true } : s));
    void ask('cancelLibraryImport', {});
  };

  const number = (n: number) => formatNumber(n, tr.intl);

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
          disabled={library.state === 'working'}
          onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)}
        />
      </label>
      {library.state === 'working' && (
        <div class="library-progress">
          <p role="status" data-testid="library-progress">
            {library.total > 0
              ? t('io.libraryProgress', {
                  done: number(library.done),
                  total: number(library.total),
                })
              : t('io.libraryWorking')}
          </p>
          <progress max={Math.max(library.total, 1)} value={library.done} />
          <button
            type="button"
            data-testid="library-cancel"
            disabled={library.cancelling}
            onClick={onCancel}
          >
            {t('io.libraryCancel')}
          </button>
        </div>
      )}
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
      {library.state === 'done' && <LibraryReport file={library.file} report={library.report} />}
    </section>
  );
}

/** What an import did, with the entries it left out. */
function LibraryReport(props: { file: string; report: LibraryImportReport }) {
  const tr = useT();
  const { t } = tr;
  const { report } = props;
  const more = report.refusedCount - report.refused.length;
  return (
    <div class="notice notice-ok" role="status" data-testid="library-report">
      <p>
        {t('io.libraryDone', {
          file: props.file,
          format: FORMAT_NAMES[report.format],
          entries: formatNumber(report.entries, tr.intl),
          added: formatNumber(report.added, tr.intl),
          updated: formatNumber(report.updated, tr.intl),
          skipped: formatNumber(report.skipped, tr.intl),
        })}
      </p>
      {report.cancelled && (
        <p data-testid="library-cancelled">
          {t('io.libraryCancelled', {
            read: formatNumber(report.read, tr.intl),
            entries: formatNumber(report.entries, tr.intl),
          })}
        </p>
      )}
      {report.refusedCount > 0 && (
        <>
          <p>{tr.count('io.libraryLeftOut', report.refusedCount)}</p>
          <ul class="left-out" data-testid="library-left-out">
            {report.refused.map((entry, i) => (
              <li key={i}>
                {t('io.libraryLeftOutLine', {
                  line: entry.line,
                  reason: errorText({ message: entry.reason, text: entry.problem }, tr.locale),
                })}
              </li>
            ))}
          </ul>
          {more > 0 && <p>{t('io.libraryLeftOutMore', { n: formatNumber(more, tr.intl) })}</p>}
        </>
      )}
    </div>
  );
}
