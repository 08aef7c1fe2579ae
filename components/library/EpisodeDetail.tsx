/**
 * One episode of the listening log in full: its listen (heard date editable, mark heard, delete
 * the entry), its note, and each of its sources with whether it is saved and read.
 */
import { useEffect, useState } from 'preact/hooks';
import { useDetail } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { DetailPanel } from '@/components/library/DetailPanel';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import type { MessageError } from '@/lib/core/result';
import { dayKey, formatDay, formatDuration, fromDateInput } from '@/lib/ui/dates';
import type { EpisodeDetail as Detail } from '@/lib/store/library/types';

/** See the module comment. */
export function EpisodeDetail(props: {
  episodeKey: string;
  onClose(): void;
  onShowPapers(episode: { key: string; title: string }): void;
}) {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { detail, error, setError } = useDetail<Detail>(
    props.episodeKey,
    () => ask('episodeDetail', { key: props.episodeKey }),
    ['episodes', 'listens', 'papers'],
    (d) => {
      setNote(d.view.note);
      setDate(d.view.listen.heardAt !== null ? dayKey(d.view.listen.heardAt) : '');
    },
  );
  useEffect(() => setStatus(null), [props.episodeKey]);

  const check = <T,>(reply: { ok: true; value: T } | { ok: false; error: MessageError }) => {
    if (!reply.ok) setError(reply.error);
    else setError(null);
    return reply.ok;
  };
  const saveDate = async () => {
    const heardAt = fromDateInput(date, detail?.view.listen.heardAt ?? null);
    if (heardAt === null) return;
    check(await ask('setHeardAt', { episodeKey: props.episodeKey, heardAt }));
  };
  const markHeard = async () => {
    check(await ask('setHeard', { episodeKey: props.episodeKey, heard: true }));
  };
  const remove = async () => {
    if (check(await ask('deleteListen', { episodeKey: props.episodeKey })))
      setStatus(t('episodes.deleted'));
  };
  const saveNote = async () => {
    if (check(await ask('setEpisodeNote', { key: props.episodeKey, note })))
      setStatus(t('papers.savedNote'));
  };

  const view = detail?.view;
  const title = view?.episode.title ?? t('untitledEpisode');
  return (
    <DetailPanel
      label={title}
      testId="episode-detail"
      title={title}
      href={view?.episode.pageUrl ?? null}
      error={error}
      loaded={Boolean(view)}
      onClose={props.onClose}
    >
      {view && (
        <>
          <p>
            <span class={`chip listen-${view.listen.state}`}>
              {t(`listen.${view.listen.state}`)}
            </span>
            {view.listen.manual && <span class="muted"> · {t('listen.manual')}</span>}
            {view.listen.state === 'in_progress' && view.listen.duration !== null && (
              <span class="muted">
                {' '}
                ·{' '}
                {t('listen.position', {
                  position: formatDuration(view.listen.position),
                  duration: formatDuration(view.listen.duration),
                })}
              </span>
            )}
            {view.listen.heardAt !== null && (
              <span class="muted"> · {formatDay(view.listen.heardAt, tr.intl)}</span>
            )}
          </p>
          <div class="detail-links">
            {view.listen.state === 'heard' ? (
              <label class="field field-inline">
                <span>{t('episodes.heardAt')}</span>
                <input
                  type="date"
                  data-testid="heard-date"
                  value={date}
                  onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)}
                />
                <button type="button" onClick={() => void saveDate()} disabled={!date}>
                  {t('episodes.heardAtSave')}
                </button>
              </label>
            ) : (
              <button type="button" onClick={() => void markHeard()}>
                {t('episodes.markHeard')}
              </button>
            )}
            {view.listen.state !== 'unheard' && (
              <button
                type="button"
                class="danger"
                data-testid="delete-listen"
                onClick={() => void remove()}
              >
                {t('episodes.delete')}
              </button>
            )}
          </div>
          {status && (
            <p role="status" class="muted">
              {status}
            </p>
          )}
          <label class="field">
            <span>{t('episodes.note')}</span>
            <textarea
              rows={3}
              value={note}
              maxLength={LIMITS.note}
              aria-describedby="episode-note-length"
              onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <small id="episode-note-length" class="muted">
              {t('note.length', { count: note.length, max: LIMITS.note })}
            </small>
          </label>
          <p>
            <button type="button" onClick={() => void saveNote()} disabled={note === view.note}>
              {t('papers.noteSave')}
            </button>
          </p>
          <h4>
            {t('episodes.sources')}{' '}
            <span class="muted">
              {t('count.savedOf', { saved: view.saved, papers: view.papers, read: view.read })}
            </span>
          </h4>
          {view.saved > 0 && (
            <p>
              <button
                type="button"
                onClick={() => props.onShowPapers({ key: view.episode.key, title })}
              >
                {t('episodes.showPapers')}
              </button>
            </p>
          )}
          <ol class="episode-sources" data-testid="episode-sources">
            {detail.sources.map(({ source, saved, readState }, i) => {
              const name = source.title ?? source.url ?? t('untitled');
              const link = source.url && isHttpUrl(source.url) ? source.url : null;
              return (
                <li key={i} data-saved={saved}>
                  {link ? (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {name}
                    </a>
                  ) : (
                    name
                  )}{' '}
                  {source.kind === 'paper' &&
                    (saved ? (
                      <span class="chip saved">
                        ✓ {t('saved')}
                        {readState && readState !== 'unread' ? ` · ${t(`read.${readState}`)}` : ''}
                      </span>
                    ) : (
                      <span class="muted">{t('episodes.notSaved')}</span>
                    ))}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </DetailPanel>
  );
}
