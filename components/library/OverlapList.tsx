/** Unheard episodes whose sources overlap the saved papers: what to listen to next. */
import { useEffect, useState } from 'preact/hooks';
import { useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import type { MessageError } from '@/lib/core/result';
import { formatIsoDate } from '@/lib/ui/dates';
import type { OverlapView } from '@/lib/store/library/types';

/** See the module comment. `onOpen` opens an episode's detail. */
export function OverlapList(props: { onOpen(key: string): void }) {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [rows, setRows] = useState<OverlapView[] | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const load = async () => {
    const reply = await ask('overlapEpisodes', { limit: 20 });
    if (reply.ok) {
      setRows(reply.value);
      setError(null);
    } else setError(reply.error);
  };
  useEffect(() => void load(), []);
  useStoreChanged(['papers', 'episodes', 'listens'], () => void load());

  return (
    <section class="overlap" aria-labelledby="overlap-heading" data-testid="overlap">
      <h3 id="overlap-heading">{t('episodes.overlap')}</h3>
      {error && !rows && (
        <p class="notice notice-error" role="alert">
          {t('error.store', { message: errorText(error, tr.locale) })}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted">{t('episodes.overlapNone')}</p>}
      {rows && rows.length > 0 && (
        <ul>
          {rows.map(({ episode, paperKeys }) => (
            <li key={episode.key} data-testid="overlap-row">
              <button type="button" class="link-button" onClick={() => props.onOpen(episode.key)}>
                {episode.title ?? t('untitledEpisode')}
              </button>{' '}
              <span class="chip">{tr.count('episodes.overlapCount', paperKeys.length)}</span>
              {episode.published && (
                <span class="muted"> {formatIsoDate(episode.published, tr.intl)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
