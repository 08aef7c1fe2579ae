/** The popup's recent listens: the last episodes heard or in progress, each opening its page. */
import { useEffect, useState } from 'preact/hooks';
import { useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import { isHttpUrl } from '@/lib/core/urls';
import type { MessageError } from '@/lib/core/result';
import { formatDay } from '@/lib/ui/dates';
import type { RecentListen } from '@/lib/store/library/types';

/** See the module comment. */
export function RecentListens(props: { limit?: number }) {
  const { ask, openTab } = useServices();
  const tr = useT();
  const { t } = tr;
  const [rows, setRows] = useState<RecentListen[] | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const load = async () => {
    const reply = await ask('recentListens', { limit: props.limit ?? 5 });
    if (reply.ok) {
      setRows(reply.value);
      setError(null);
    } else setError(reply.error);
  };
  useEffect(() => void load(), []);
  useStoreChanged(['listens', 'episodes'], () => void load());

  return (
    <section class="recent-listens" aria-labelledby="listens-heading">
      <h2 id="listens-heading" class="popup-h2">
        {t('popup.recentListens')}
      </h2>
      {error && !rows && (
        <p class="notice notice-error" role="alert">
          {t('error.store', { message: errorText(error, tr.locale) })}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted">{t('popup.noListens')}</p>}
      {rows && rows.length > 0 && (
        <ul class="listen-list">
          {rows.map(({ episode, listen }) => {
            const title = episode.title ?? t('untitledEpisode');
            const when = listen.heardAt ?? listen.updatedAt;
            const page = episode.pageUrl && isHttpUrl(episode.pageUrl) ? episode.pageUrl : null;
            return (
              <li key={episode.key} data-testid="listen-row" data-state={listen.state}>
                {page ? (
                  <a
                    href={page}
                    target="_blank"
                    rel="noopener noreferrer"
                    class="line-title"
                    onClick={(event) => {
                      event.preventDefault();
                      openTab(page);
                    }}
                  >
                    {title}
                  </a>
                ) : (
                  <span class="line-title">{title}</span>
                )}
                <span class="line-meta">
                  <span class={`chip listen-${listen.state}`}>{t(`listen.${listen.state}`)}</span>
                  {when !== null && <> {formatDay(when, tr.intl)}</>}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
