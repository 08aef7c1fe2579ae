/**
 * A small SVG bar chart of our own: vertical bars (one or two series side by side) with a
 * labelled axis, or horizontal bars with names. Accessible: the SVG has a `<title>` and an
 * `aria-label` summing it up, and the same numbers follow as a table for screen readers and
 * for anyone who wants the figures.
 */
import { barBoxes, labelEvery, niceCeiling } from '@/lib/ui/charts';
import { useT } from '@/components/common/i18n';
import { formatNumber } from '@/lib/i18n/translate';

/** One series: its name and class (its colour). */
export interface Series {
  name: string;
  className: string;
}

/** Vertical bars: `values[i][s]` is series `s` of slot `i`, labelled `labels[i]`. */
export function BarChart(props: {
  title: string;
  summary: string;
  labels: string[];
  /** Long form of each slot's label, for the table (`Week of 2 Mar 2026`). */
  longLabels?: string[];
  series: Series[];
  values: number[][];
  digits?: number;
  testId?: string;
}) {
  const tr = useT();
  const width = 640;
  const height = 180;
  const left = 36;
  const bottom = 22;
  const plotW = width - left - 8;
  const plotH = height - bottom - 8;
  const max = Math.max(0, ...props.values.flat());
  const top = niceCeiling(max);
  const boxes = barBoxes(props.values, plotW, plotH, top);
  const showLabel = labelEvery(props.labels.length, 8);
  const digits = props.digits ?? 0;
  // Whole counts get no half-way tick (0.5 episodes); hours do.
  const ticks = digits === 0 && top % 2 !== 0 ? [0, top] : [0, top / 2, top];
  const label = tr.t('stats.chartOf', { title: props.title, summary: props.summary });
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>
        {props.title}
        {props.series.length > 1 && (
          <span class="legend">
            {props.series.map((s) => (
              <span key={s.name} class={`legend-item ${s.className}`}>
                {s.name}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} class="chart-svg">
        <title>{label}</title>
        <g transform={`translate(${left} 8)`}>
          {ticks.map((tick) => {
            const y = plotH - (tick / top) * plotH;
            return (
              <g key={tick} class="tick">
                <line x1={0} x2={plotW} y1={y} y2={y} />
                <text x={-6} y={y + 4} text-anchor="end">
                  {formatNumber(tick, tr.intl, 1)}
                </text>
              </g>
            );
          })}
          {boxes.map((group, i) =>
            group.map((box, s) => (
              <rect
                key={`${i}-${s}`}
                class={`bar ${props.series[s]?.className ?? ''}`}
                x={box.x}
                y={box.y}
                width={Math.max(1, box.width - 1)}
                height={box.height}
                rx={2}
              >
                <title>
                  {`${props.longLabels?.[i] ?? props.labels[i]}: ${props.series[s]?.name ?? ''} ${formatNumber(props.values[i]![s]!, tr.intl, digits)}`}
                </title>
              </rect>
            )),
          )}
          {props.labels.map((text, i) =>
            showLabel(i) ? (
              <text
                key={i}
                class="axis-label"
                x={(i + 0.5) * (plotW / props.labels.length)}
                y={plotH + 16}
                text-anchor="middle"
              >
                {text}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <details class="chart-table">
        <summary>{tr.t('stats.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col"></th>
              {props.series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((text, i) => (
              <tr key={i}>
                <th scope="row">{props.longLabels?.[i] ?? text}</th>
                {props.values[i]!.map((v, s) => (
                  <td key={s}>{formatNumber(v, tr.intl, digits)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Horizontal bars with names (most-cited authors); the counts are written beside each bar. */
export function NamedBars(props: {
  title: string;
  rows: { name: string; count: number }[];
  testId?: string;
}) {
  const tr = useT();
  const width = 640;
  const rowH = 24;
  const nameW = 200;
  const height = Math.max(1, props.rows.length) * rowH;
  const max = Math.max(1, ...props.rows.map((r) => r.count));
  const label = tr.t('stats.chartOf', {
    title: props.title,
    summary: props.rows.map((r) => `${r.name} ${r.count}`).join(', '),
  });
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} class="chart-svg">
        <title>{label}</title>
        {props.rows.map((row, i) => {
          const w = ((width - nameW - 48) * row.count) / max;
          return (
            <g key={row.name} transform={`translate(0 ${i * rowH})`}>
              <text x={nameW - 8} y={rowH / 2 + 4} text-anchor="end" class="axis-label">
                {row.name.length > 28 ? `${row.name.slice(0, 27)}…` : row.name}
              </text>
              <rect
                class="bar series-a"
                x={nameW}
                y={4}
                width={Math.max(1, w)}
                height={rowH - 8}
                rx={2}
              />
              <text x={nameW + w + 6} y={rowH / 2 + 4} class="bar-value">
                {formatNumber(row.count, tr.intl)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
