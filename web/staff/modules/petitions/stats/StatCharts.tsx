import { Button, Card } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { EChart } from '../../../shared/EChart.tsx';
import type { PetitionStats, StatRow } from './api.ts';

// The 信访统计 charts, each with its data table (the same figures for screen readers and print).

export const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const COLORS = ['#1f5fa8', '#2f9e8f', '#e0a030', '#c2504c', '#7a5fb0', '#5b8c3a', '#a0672c', '#8a8f99'];

const summaryOf = (rows: StatRow[]) =>
  rows
    .filter((x) => x.items > 0)
    .map((x) => `${x.label} ${x.items}`)
    .join('，') || '—';

export function DataTable({
  rows,
  onPick,
  drillable,
  pickLabel,
}: {
  rows: StatRow[];
  onPick?: (r: StatRow) => void;
  drillable?: (r: StatRow) => boolean;
  /** The accessible name of a row's link (default: 「查看…的下一级」). */
  pickLabel?: (r: StatRow) => string;
}) {
  const t = useT();
  return (
    <details className="ps-table">
      <summary>{t('petitionStats.table.show')}</summary>
      <div className="ps-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('petitionStats.col.key')}</th>
              <th scope="col">{t('petitionStats.col.items')}</th>
              <th scope="col">{t('petitionStats.col.batches')}</th>
              <th scope="col">{t('petitionStats.col.persons')}</th>
              <th scope="col">{t('petitionStats.col.concluded')}</th>
              <th scope="col">{t('petitionStats.col.onTime')}</th>
              <th scope="col">{t('petitionStats.col.satisfaction')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.key || '_'}>
                <th scope="row">
                  {onPick && drillable?.(x) ? (
                    <Button
                      type="link"
                      size="small"
                      className="ps-link"
                      onClick={() => onPick(x)}
                      aria-label={pickLabel ? pickLabel(x) : t('petitionStats.drill', { name: x.label })}
                    >
                      {x.label}
                    </Button>
                  ) : (
                    x.label
                  )}
                </th>
                <td>{x.items}</td>
                <td>{x.batches}</td>
                <td>{x.persons}</td>
                <td>{x.concluded}</td>
                <td>{pct(x.onTimeRate)}</td>
                <td>{pct(x.satisfactionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export function ChartCard({ title, label, children, table, hint }: { title: string; label: string; children: ReactNode; table: ReactNode; hint?: string }) {
  return (
    <Card className="mz-card ps-chart" title={<h2 className="ps-h2">{title}</h2>}>
      <figure aria-label={label} className="ps-figure">
        {children}
        {hint && <figcaption className="mz-muted">{hint}</figcaption>}
      </figure>
      {table}
    </Card>
  );
}

export function TrendCard({ s }: { s: PetitionStats }) {
  const t = useT();
  const rows = s.dimensions.period;
  const option = useMemo(
    () => ({
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: rows.map((x) => x.label.replace(/^\d{4}年/, '')) },
      yAxis: [
        { type: 'value', name: t('petitionStats.unitItems'), minInterval: 1 },
        { type: 'value', minInterval: 1 },
      ],
      series: [
        { type: 'bar', name: t('petitionStats.series.items'), data: rows.map((x) => x.items), barMaxWidth: 28 },
        { type: 'line', name: t('petitionStats.series.persons'), yAxisIndex: 1, data: rows.map((x) => x.persons), smooth: true },
      ],
    }),
    [rows, t],
  );
  const title = t('petitionStats.chart.trend');
  const label = t('petitionStats.aria.chart', { title, summary: summaryOf(rows) });
  return (
    <ChartCard title={title} label={label} table={<DataTable rows={rows} />}>
      <EChart option={option} label={label} />
    </ChartCard>
  );
}

export function BarCard({
  title,
  rows,
  horizontal,
  hint,
  onPick,
  drillable,
  pickLabel,
}: {
  title: string;
  rows: StatRow[];
  horizontal?: boolean;
  hint?: string;
  onPick?: (r: StatRow) => void;
  drillable?: (r: StatRow) => boolean;
  pickLabel?: (r: StatRow) => string;
}) {
  const t = useT();
  const shown = horizontal ? [...rows].reverse() : rows;
  const option = useMemo(() => {
    const long = shown.length > 4 || shown.some((x) => x.label.length > 5);
    const cat = {
      type: 'category',
      data: shown.map((x) => x.label),
      axisLabel: { interval: 0, width: 84, overflow: 'truncate', ...(horizontal ? {} : { rotate: long ? 35 : 0 }) },
    };
    const val = { type: 'value', minInterval: 1 };
    return {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      grid: { left: horizontal ? 96 : 40, right: horizontal ? 40 : 16, top: 20, bottom: horizontal ? 24 : 72, containLabel: false },
      xAxis: horizontal ? val : cat,
      yAxis: horizontal ? cat : val,
      series: [
        {
          type: 'bar',
          name: t('petitionStats.series.items'),
          data: shown.map((x) => x.items),
          barMaxWidth: 28,
          label: { show: true, position: horizontal ? 'right' : 'top' },
        },
      ],
    };
  }, [shown, horizontal, t]);
  const label = t('petitionStats.aria.chart', { title, summary: summaryOf(rows) });
  const pick = useCallback(
    (i: number) => {
      const row = shown[i];
      if (row && onPick && drillable?.(row)) onPick(row);
    },
    [shown, onPick, drillable],
  );
  return (
    <ChartCard title={title} label={label} hint={hint} table={<DataTable rows={rows} onPick={onPick} drillable={drillable} pickLabel={pickLabel} />}>
      <EChart option={option} label={label} height={horizontal ? Math.max(220, shown.length * 30 + 40) : 260} onClick={onPick ? pick : undefined} />
    </ChartCard>
  );
}

export function PieCard({ title, rows }: { title: string; rows: StatRow[] }) {
  const t = useT();
  const option = useMemo(
    () => ({
      color: COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '64%'],
          center: ['50%', '44%'],
          name: title,
          data: rows.filter((x) => x.items > 0).map((x) => ({ name: x.label, value: x.items })),
          label: { formatter: '{b}\n{c}' },
        },
      ],
    }),
    [rows, title],
  );
  const label = t('petitionStats.aria.chart', { title, summary: summaryOf(rows) });
  return (
    <ChartCard title={title} label={label} table={<DataTable rows={rows} />}>
      <EChart option={option} label={label} height={280} />
    </ChartCard>
  );
}
