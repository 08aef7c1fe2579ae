/**
 * The show's catalog in the library: "Heard 37 of 891 episodes" over every episode
 * Citecast knows (seen on a page, on the home page's catalog, or in the imported feed), and the
 * episodes not heard yet, newest first, each linking to its page. The listening log's own rows
 * (`episode-row`) stay as they are; this is a separate list.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { useServices } from '@/components/common/services';
import { errorText } from '@/lib/i18n/errors';
import { formatNumber } from '@/lib/i18n/translate';
import { isHttpUrl } from '@/lib/core/urls';
import { LIMITS } from '@/lib/core/limits';
import type { MessageError } from '@/lib/core/result';
import { formatClock, momentLink } from '@/lib/playback/moment';
import type { CatalogEpisode, CatalogStats } from '@/lib/store/catalog';
import { formatIsoDate } from '@/lib/ui/dates';

/** Unheard episodes fetched at a time. */
const PAGE = 25;

/**
 * The catalog's counts and the first `rows` unheard episodes, kept fresh after every write to
 * episodes or listens. `more()` fetches the next page.
 */
function useCatalog(initialRows: number): {
  stats: CatalogStats | null;
  error: MessageError | null;
  more(): void;
} {
  const { ask } = useServices();
  const [stats, setStats] = useState<CatalogStats | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const [wanted, setWanted] = useState(initialRows);
  const load = async (rows: number) => {
    // A request answers at most LIMITS.page rows: more are asked for a page at a time.
    let answer: CatalogStats | null = null;
    for (let offset = 0; answer === null || offset < rows;) {
      const limit = Math.min(LIMITS.page, Math.max(1, rows - offset));
      const reply = await ask('catalogStats', { offset, limit });
      if (!reply.ok) return setError(reply.error);
      answer = answer
        ? { ...reply.value, unheard: [...answer.unheard, ...reply.value.unheard] }
        : reply.value;
      offset += limit;
      if (reply.value.unheard.length < limit) break;
    }
    setStats(answer);
    setError(null);
  };
  useEffect(() => void load(wanted), [wanted]);
  useStoreChanged(['episodes', 'listens'], () => void load(wanted));
  return { stats, error, more: () => setWanted((n) => n + PAGE) };
}

/** "Heard N of M episodes · k in progress", or nothing while unknown. */
function Line(props: { stats: CatalogStats }) {
  const tr = useT();
  const { t } = tr;
  const { stats } = props;
  return (
    <p
      class="catalog-line"
      data-testid="catalog-line"
      data-heard={stats.heard}
      data-total={stats.total}
    >
      <strong>
        {t('catalog.heardOf', {
          heard: formatNumber(stats.heard, tr.intl),
          total: formatNumber(stats.total, tr.intl),
        })}
      </strong>
      {stats.inProgress > 0 && (
        <span class="muted">
          {' · '}
          {t('catalog.inProgress', { n: formatNumber(stats.inProgress, tr.intl) })}
        </span>
      )}
    </p>
  );
}

/** The line alone (Statistics, the feed import's report). */
export function CatalogLine() {
  const { stats } = useCatalog(1);
  return stats && stats.total > 0 ? <Line stats={stats} /> : null;
}

/** Where a catalog episode opens: its page (or mp3), at the position when in progress. */
function openUrl(episode: CatalogEpisode): string | null {
  if (!episode.url || !isHttpUrl(episode.url)) return null;
  return episode.state === 'in_progress' && episode.position > 0
    ? momentLink(episode.url, episode.position)
    : episode.url;
}

/** One unheard episode: its title linking to its page, its state and date. */
function Row(props: { episode: CatalogEpisode }) {
  const tr = useT();
  const { t } = tr;
  const { episode } = props;
  const title = episode.title ?? t('untitledEpisode');
  const url = openUrl(episode);
  return (
    <li data-testid="catalog-episode" data-key={episode.key} data-state={episode.state}>
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        <span>{title}</span>
      )}{' '}
      {episode.state === 'in_progress' && (
        <span class="chip listen-in_progress">
          {t('listen.in_progress')} · {t('catalog.at', { position: formatClock(episode.position) })}
        </span>
      )}
      {episode.published && <span class="muted"> {formatIsoDate(episode.published, tr.intl)}</span>}
    </li>
  );
}

/** See the module comment: the line, then the unheard episodes in a disclosure. */
export function CatalogSummary() {
  const tr = useT();
  const { t } = tr;
  const { stats, error, more } = useCatalog(PAGE);
  if (error && !stats) {
    return (
      <p class="notice notice-error" role="alert">
        {t('error.store', { message: errorText(error, tr.locale) })}
      </p>
    );
  }
  if (!stats) return null;
  const left = stats.unheardTotal - stats.unheard.length;
  return (
    <section class="catalog card" data-testid="catalog">
      {stats.total > 0 && <Line stats={stats} />}
      {stats.total > 0 && stats.unheardTotal === 0 && <p class="muted">{t('catalog.allHeard')}</p>}
      {stats.unheardTotal > 0 && (
        <details class="catalog-unheard" data-testid="catalog-unheard">
          <summary>
            {t('catalog.unheard', { n: formatNumber(stats.unheardTotal, tr.intl) })}
          </summary>
          <ul class="catalog-list">
            {stats.unheard.map((episode) => (
              <Row key={episode.key} episode={episode} />
            ))}
          </ul>
          {left > 0 && (
            <button type="button" data-testid="catalog-more" onClick={more}>
              {t('catalog.more', { n: Math.min(PAGE, left) })}
            </button>
          )}
        </details>
      )}
      <p class="muted catalog-hint">
        {t('catalog.hint')} <a href="#import-export">{t('catalog.importLink')}</a>
      </p>
    </section>
  );
}
