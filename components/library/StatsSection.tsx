/**
 * Statistics: totals as text, then charts of episodes heard and hours listened per week, papers
 * saved and read per month, and the most-cited authors of the heard episodes.
 */
import { useEffect, useState } from 'preact/hooks';
import { useStoreChanged } from '@/components/common/hooks';
import { useT } from '@/components/common/i18n';
import { EmptyState, StoreError } from '@/components/common/Notice';
import { useServices } from '@/components/common/services';
import { formatNumber } from '@/lib/i18n/translate';
import type { MessageError } from '@/lib/core/result';
import { formatIsoDate, formatMonth, formatShortDay } from '@/lib/ui/dates';
import type { StatsView } from '@/lib/store/library/types';
import { BarChart, NamedBars } from '@/components/library/BarChart';
import { CatalogLine } from '@/components/library/CatalogSummary';

/** See the module comment. */
export function StatsSection() {
  const { ask } = useServices();
  const tr = useT();
  const { t } = tr;
  const [stats, setStats] = useState<StatsView | null>(null);
  const [error, setError] = useState<MessageError | null>(null);
  const load = async () => {
    const reply = await ask('stats', {});
    if (reply.ok) {
      setStats(reply.value);
      setError(null);
    } else setError(reply.error);
  };
  useEffect(() => void load(), []);
  useStoreChanged(['papers', 'episodes', 'listens'], () => void load());

  if (error && !stats) return <StoreError error={error} onRetry={() => void load()} />;
  if (!stats)
    return (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  const { totals } = stats;
  const empty = totals.saved === 0 && totals.heard === 0 && totals.inProgress === 0;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const weekLabels = stats.heardPerWeek.map((w) => formatShortDay(w.week, tr.intl));
  const weekLong = stats.heardPerWeek.map((w) =>
    t('stats.week', { date: formatIsoDate(w.week, tr.intl) }),
  );
  const hourLabels = stats.hoursPerWeek.map((w) => formatShortDay(w.week, tr.intl));
  const hourLong = stats.hoursPerWeek.map((w) =>
    t('stats.week', { date: formatIsoDate(w.week, tr.intl) }),
  );
  return (
    <div class="stats" data-testid="stats">
      <dl class="totals" aria-label={t('stats.totals')}>
        {(
          [
            ['stats.total.saved', totals.saved, 0],
            ['stats.total.read', totals.read, 0],
            ['stats.total.heard', totals.heard, 0],
            ['stats.total.inProgress', totals.inProgress, 0],
            ['stats.total.hours', totals.hours, 1],
          ] as const
        ).map(([key, value, digits]) => (
          <div key={key} class="total">
            <dt>{t(key)}</dt>
            <dd>{formatNumber(value, tr.intl, digits)}</dd>
          </div>
        ))}
      </dl>
      <CatalogLine />
      {empty && <EmptyState title={t('empty.stats')} hint={t('empty.papersHint')} />}
      <div class="charts">
        <BarChart
          testId="chart-heard"
          title={t('stats.heardPerWeek')}
          summary={tr.count('count.episodes', sum(stats.heardPerWeek.map((w) => w.count)))}
          labels={weekLabels}
          longLabels={weekLong}
          series={[{ name: t('stats.count'), className: 'series-a' }]}
          values={stats.heardPerWeek.map((w) => [w.count])}
        />
        <BarChart
          testId="chart-hours"
          title={t('stats.hoursPerWeek')}
          summary={`${formatNumber(sum(stats.hoursPerWeek.map((w) => w.hours)), tr.intl, 1)} ${t('stats.hours').toLowerCase()}`}
          labels={hourLabels}
          longLabels={hourLong}
          series={[{ name: t('stats.hours'), className: 'series-b' }]}
          values={stats.hoursPerWeek.map((w) => [w.hours])}
          digits={1}
        />
        <BarChart
          testId="chart-papers"
          title={t('stats.papersPerMonth')}
          summary={`${t('stats.saved')} ${sum(stats.papersPerMonth.map((m) => m.saved))}, ${t('stats.read')} ${sum(stats.papersPerMonth.map((m) => m.read))}`}
          labels={stats.papersPerMonth.map((m) => formatMonth(m.month, tr.intl, true))}
          longLabels={stats.papersPerMonth.map((m) => formatMonth(m.month, tr.intl))}
          series={[
            { name: t('stats.saved'), className: 'series-a' },
            { name: t('stats.read'), className: 'series-c' },
          ]}
          values={stats.papersPerMonth.map((m) => [m.saved, m.read])}
        />
        {stats.topAuthors.length > 0 && (
          <NamedBars testId="chart-authors" title={t('stats.topAuthors')} rows={stats.topAuthors} />
        )}
      </div>
    </div>
  );
}
