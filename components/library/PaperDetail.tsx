/**
 * One paper in full, beside the papers list: its links, read state, tags and note (each saved
 * on its own), and the episodes citing it with whether each was heard.
 */
import { useState } from 'preact/hooks';
import { useDetail } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { DetailPanel } from '@/components/library/DetailPanel';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import type { MessageError } from '@/lib/core/result';
import type { PaperRecord } from '@/lib/store/schema';
import type { ReadState } from '@/lib/core/paper';
import { formatDay, formatIsoDate } from '@/lib/ui/dates';
import { paperLink, paperName } from '@/lib/ui/papers';
import { parseTags, tagsText } from '@/lib/ui/tags';
import type { PaperDetail as Detail, EpisodeSummary } from '@/lib/store/library/types';
import { ReadStateSelect } from '@/components/library/ReadStateSelect';
import { SavedMoment } from '@/components/library/SavedMoment';

/** See the module comment. */
export function PaperDetail(props: { paperKey: string; onClose(): void }) {
  const { ask, openTab } = useServices();
  const tr = useT();
  const { t } = tr;
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [noteSaved, setNoteSaved] = useState(false);
  const [tagsProblem, setTagsProblem] = useState<string | null>(null);
  const { detail, setDetail, error, setError } = useDetail<Detail>(
    props.paperKey,
    () => ask('paperDetail', { key: props.paperKey }),
    ['papers', 'episodes', 'listens'],
    (d) => {
      setTags(tagsText(d.paper.tags));
      setNote(d.paper.note);
    },
  );

  const after = (reply: { ok: true; value: PaperRecord } | { ok: false; error: MessageError }) => {
    if (!reply.ok) setError(reply.error);
    else setDetail((d) => (d ? { ...d, paper: reply.value } : d));
    return reply.ok;
  };
  // Only what the user changed is saved: an untouched field (imported tags with commas, `ML`
  // beside `ml`) is never re-read, and a field past a limit says so instead of cutting.
  const saveTags = async () => {
    if (!detail || tags === tagsText(detail.paper.tags)) return;
    const parsed = parseTags(tags);
    if (!parsed.ok) {
      setTagsProblem(
        parsed.problem === 'tooMany'
          ? t('papers.tagsTooMany', { max: LIMITS.tags })
          : t('papers.tagTooLong', { max: LIMITS.tag }),
      );
      return;
    }
    setTagsProblem(null);
    if (after(await ask('setTags', { key: props.paperKey, tags: parsed.tags })))
      setTags(tagsText(parsed.tags));
  };
  const saveNote = async () => {
    if (after(await ask('setNote', { key: props.paperKey, note }))) setNoteSaved(true);
  };
  const setRead = async (readState: ReadState) => {
    after(await ask('setReadState', { key: props.paperKey, readState }));
  };

  const paper = detail?.paper;
  // Where the listener can still hear the paper discussed.
  const unheard = detail?.episodes.filter((e) => e.listen.state !== 'heard') ?? [];
  const title = paper ? paperName(paper, t('untitled')) : t('untitled');
  const link = paper ? paperLink(paper) : null;
  return (
    <DetailPanel
      label={t('papers.details', { title })}
      testId="paper-detail"
      title={title}
      href={link}
      error={error}
      loaded={Boolean(paper)}
      onClose={props.onClose}
    >
      {paper && (
        <>
          <p class="muted">
            {[paper.authors.join(', '), paper.year ?? ''].filter(Boolean).join(' · ')}
          </p>
          {paper.savedAt !== null && (
            <p class="muted">{t('papers.savedOn', { date: formatDay(paper.savedAt, tr.intl) })}</p>
          )}
          {paper.savedMoment && (
            <SavedMoment
              moment={paper.savedMoment}
              citing={detail.episodes.map((e) => e.episode)}
            />
          )}
          <p class="detail-links">
            {paper.pdfUrl && isHttpUrl(paper.pdfUrl) && (
              <button type="button" onClick={() => openTab(paper.pdfUrl!)}>
                {t('pdf')}
              </button>
            )}
            <ReadStateSelect
              value={paper.readState}
              label={t('papers.readStateOf', { title })}
              onChange={(s) => void setRead(s)}
            />
          </p>
          <label class="field">
            <span>{t('papers.tags')}</span>
            <input
              type="text"
              data-testid="tags-input"
              value={tags}
              aria-describedby="tags-hint"
              onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void saveTags();
                }
              }}
              onBlur={() => void saveTags()}
            />
            <small id="tags-hint" class="muted">
              {t('papers.tagsHint', { max: LIMITS.tags, length: LIMITS.tag })}
            </small>
            {tagsProblem && (
              <small role="alert" class="notice notice-error">
                {tagsProblem}
              </small>
            )}
          </label>
          <label class="field">
            <span>{t('papers.note')}</span>
            <textarea
              rows={4}
              value={note}
              maxLength={LIMITS.note}
              aria-describedby="note-length"
              onInput={(e) => {
                setNote((e.currentTarget as HTMLTextAreaElement).value);
                setNoteSaved(false);
              }}
            />
            <small id="note-length" class="muted">
              {t('note.length', { count: note.length, max: LIMITS.note })}
            </small>
          </label>
          <p>
            <button type="button" onClick={() => void saveNote()} disabled={note === paper.note}>
              {t('papers.noteSave')}
            </button>{' '}
            {noteSaved && note === paper.note && (
              <span role="status" class="muted">
                {t('papers.savedNote')}
              </span>
            )}
          </p>
          <h4 id="cited-by">{t('papers.citedBy')}</h4>
          {detail.episodes.length === 0 ? (
            <p class="muted">{t('papers.notCited')}</p>
          ) : (
            <ul class="cited-by" aria-labelledby="cited-by" data-testid="cited-by">
              {detail.episodes.map(({ episode, listen }) => {
                return (
                  <li key={episode.key}>
                    <EpisodeLink episode={episode} />{' '}
                    <span class={`chip listen-${listen.state}`}>{t(`listen.${listen.state}`)}</span>
                    {episode.published && (
                      <span class="muted"> {formatIsoDate(episode.published, tr.intl)}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {unheard.length > 0 && (
            <>
              <h4 id="not-heard-in">{t('papers.notHeardIn')}</h4>
              <ul class="cited-by" aria-labelledby="not-heard-in" data-testid="not-heard-in">
                {unheard.map(({ episode }) => (
                  <li key={episode.key}>
                    <EpisodeLink episode={episode} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </DetailPanel>
  );
}

/** An episode's title, linking to its page when that is an http(s) address. */
function EpisodeLink(props: { episode: EpisodeSummary }) {
  const { t } = useT();
  const { episode } = props;
  const name = episode.title ?? t('untitledEpisode');
  const page = episode.pageUrl && isHttpUrl(episode.pageUrl) ? episode.pageUrl : null;
  return page ? (
    <a href={page} target="_blank" rel="noopener noreferrer">
      {name}
    </a>
  ) : (
    <>{name}</>
  );
}
