/**
 * Episodes: the listening log, newest first, grouped by day or month, filtered by heard / in
 * progress / unheard, in a windowed list with group headers. Each row says how many of the
 * episode's sources are saved and read; its detail edits the heard date, the note, or deletes
 * the entry. Below: unheard episodes citing papers the listener saved.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { usePaged, useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { EmptyState, StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { VirtualList } from '@/components/common/VirtualList';
import { formatDay, formatIsoDate, formatMonth } from '@/lib/ui/dates';
import { groupByPeriod } from '@/lib/ui/group';
import { episodeFromHash } from '@/lib/ui/sections';
import type { EpisodeFilter, EpisodeView } from '@/lib/store/library/types';
import { CatalogSummary } from '@/components/library/CatalogSummary';
import { EpisodeDetail } from '@/components/library/EpisodeDetail';
import { OverlapList } from '@/components/library/OverlapList';

const ROW_HEIGHT = 56;
const PAGE = 100;
const FILTERS: EpisodeFilter[] = ['all', 'heard', 'in_progress', 'unheard'];

/**
 * When a listening log row happened, for grouping: heard, else last played, else (never played)
 * the day it was published, at local noon.
 */
function timeOf(view: EpisodeView): number | null {
  const listened = view.listen.heardAt ?? view.listen.updatedAt;
  if (listened !== null) return listened;
  const m = view.episode.published
    ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(view.episode.published)
    : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12).getTime() : null;
}

/** See the module comment. */
export function EpisodesSection(props: {
  onShowPapers(episode: { key: string; title: string }): void;
}) {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [filter, setFilter] = useState<EpisodeFilter>('all');
  const [text, setText] = useState('');
  const [by, setBy] = useState<'day' | 'month'>('day');
  const [active, setActive] = useState(-1);
  // `#episodes/KEY` (a paper page's "n other papers") opens that episode's sources.
  const [open, setOpen] = useState<string | null>(() =>
    episodeFromHash(globalThis.location?.hash ?? ''),
  );
  useEffect(() => {
    const onHash = () => {
      const key = episodeFromHash(location.hash);
      if (key) setOpen(key);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const query = { filter, text: text.trim() };
  const queryKey = JSON.stringify(query);
  const paged = usePaged<EpisodeView>(
    queryKey,
    async (offset, limit) => {
      const reply = await ask('queryEpisodes', { ...query, offset, limit });
      return reply.ok
        ? { ok: true, page: { total: reply.value.total, rows: reply.value.rows } }
        : { ok: false, error: reply.error };
    },
    PAGE,
  );
  useStoreChanged(['episodes', 'listens', 'papers'], () => paged.reload());
  const total = paged.total ?? 0;
  const items = useMemo(
    () =>
      groupByPeriod(
        Array.from({ length: total }, (_, i) => paged.rows[i]),
        timeOf,
        by,
      ),
    [paged.rows, paged.rows.length, total, by, paged.loading],
  );
  const isHeader = (i: number) => items[i]?.kind === 'header';
  const rowOf = (i: number) => {
    const item = items[Math.min(Math.max(0, i), items.length - 1)];
    return item?.kind === 'row' ? item.index : 0;
  };

  let list;
  if (paged.error && paged.total === null) {
    list = <StoreError error={paged.error} onRetry={paged.reload} />;
  } else if (paged.total === 0) {
    list =
      filter === 'all' && !query.text ? (
        <EmptyState
          title={t('empty.episodes')}
          hint={t('empty.episodesHint')}
          testId="empty-episodes"
        />
      ) : (
        <EmptyState title={t('empty.papersFiltered')} hint={t('empty.papersFilteredHint')} />
      );
  } else if (paged.total === null) {
    list = (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  } else {
    list = (
      <VirtualList
        idPrefix="episode"
        label={t('nav.episodes')}
        count={items.length}
        rowHeight={ROW_HEIGHT}
        height={Math.min(
          items.length * ROW_HEIGHT,
          Math.max(300, (globalThis.innerHeight ?? 800) - 300),
        )}
        active={active}
        onActive={setActive}
        skip={isHeader}
        onEnter={(i) => {
          const item = items[i];
          if (item?.kind === 'row' && item.row) setOpen(item.row.episode.key);
        }}
        onRange={(start, end) => paged.ensure(rowOf(start), rowOf(end - 1) + 1)}
        resetKey={queryKey}
        focusRows
        testId="episode-list"
        rowAttributes={(i) => {
          const item = items[i];
          if (!item) return {};
          if (item.kind === 'header') return { role: 'presentation', class: 'group-header' };
          return item.row
            ? {
                role: 'listitem',
                'data-testid': 'episode-row',
                'data-key': item.row.episode.key,
                'data-state': item.row.listen.state,
                class: `episode-row${open === item.row.episode.key ? ' open' : ''}`,
              }
            : { role: 'listitem', class: 'episode-row placeholder' };
        }}
        renderRow={(i) => {
          const item = items[i];
          if (!item) return null;
          if (item.kind === 'header') {
            const period = item.period;
            const label =
              period === null
                ? t('episodes.noDate')
                : by === 'day'
                  ? formatIsoDate(period, tr.intl)
                  : formatMonth(period, tr.intl);
            return <h3 class="group-title">{label}</h3>;
          }
          const view = item.row;
          if (!view) return <span class="muted">…</span>;
          const title = view.episode.title ?? t('untitledEpisode');
          const when = view.listen.heardAt ?? view.listen.updatedAt;
          return (
            <>
              <div class="row-main">
                <button
                  type="button"
                  class="row-title"
                  title={title}
                  onClick={() => setOpen(view.episode.key)}
                >
                  {title}
                </button>
                <span class="line-meta">
                  <span class={`chip listen-${view.listen.state}`}>
                    {t(`listen.${view.listen.state}`)}
                  </span>
                  {when !== null && <span>{formatDay(when, tr.intl)}</span>}
                  {view.episode.published && (
                    <span class="muted">· {formatIsoDate(view.episode.published, tr.intl)}</span>
                  )}
                </span>
              </div>
              <button
                type="button"
                class="chip chip-button"
                data-testid="sources-count"
                onClick={() => setOpen(view.episode.key)}
              >
                {t('count.savedOf', { saved: view.saved, papers: view.papers, read: view.read })}
              </button>
            </>
          );
        }}
      />
    );
  }

  return (
    <div class="episodes">
      <CatalogSummary />
      <div class="toolbar" role="search">
        <label class="field field-grow">
          <span>{t('episodes.search')}</span>
          <input
            type="search"
            value={text}
            onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <fieldset class="segmented" data-testid="episode-filter">
          <legend>{t('episodes.filter')}</legend>
          {FILTERS.map((f) => (
            <label key={f} class={filter === f ? 'on' : ''}>
              <input
                type="radio"
                name="episode-filter"
                value={f}
                checked={filter === f}
                onChange={() => setFilter(f)}
              />
              {t(`episodes.filter.${f}`)}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('episodes.group')}</span>
          <select
            value={by}
            onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value as 'day' | 'month')}
          >
            <option value="day">{t('episodes.group.day')}</option>
            <option value="month">{t('episodes.group.month')}</option>
          </select>
        </label>
      </div>
      <p class="muted">{paged.total !== null && tr.count('count.episodes', paged.total)}</p>
      <div class={`papers-body${open ? ' with-detail' : ''}`}>
        <div class="papers-list">{list}</div>
        {open && (
          <EpisodeDetail
            episodeKey={open}
            onClose={() => setOpen(null)}
            onShowPapers={props.onShowPapers}
          />
        )}
      </div>
      <OverlapList onOpen={setOpen} />
    </div>
  );
}
