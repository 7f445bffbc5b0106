import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Statistic } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import './stats.css';

/** A statistics period, both ends inclusive (YYYY-MM-DD). */
export type Period = { from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The period of a statistics page kept in the URL query (`?from=…&to=…`), so reload, 返回 and a
 * shared link show the same period. Missing or malformed: undefined (the page shows its default).
 */
export function useUrlPeriod(): [Period | undefined, (p: Period, opts?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = DAY.test(from) && DAY.test(to) ? { from, to } : undefined;
  const set = (p: Period, opts?: { replace?: boolean }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('from', p.from);
        next.set('to', p.to);
        return next;
      },
      { replace: opts?.replace },
    );
  return [period, set];
}

/**
 * One more choice of a statistics page kept in the URL query beside the period (`?group=quarter`,
 * `?area=640104`), so reload, 返回 and a shared link restore it; each change is a history entry.
 * Missing or not `valid`: undefined. Setting undefined removes it.
 */
export function useUrlChoice<T extends string>(name: string, valid: (v: string) => v is T): [T | undefined, (v: T | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get(name);
  const value = raw !== null && valid(raw) ? raw : undefined;
  const set = (v: T | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v === undefined) next.delete(name);
      else next.set(name, v);
      return next;
    });
  return [value, set];
}

/** The whole calendar year a period covers, if it is one. */
export const periodYear = (p: Period | undefined) =>
  p && p.from.endsWith('-01-01') && p.to === `${p.from.slice(0, 4)}-12-31` ? Number(p.from.slice(0, 4)) : undefined;

/** Year select and date-range picker of the statistics dashboards. */
export function PeriodPicker(props: {
  period: Period | undefined;
  years: number[];
  yearLabel: string;
  yearOption: (y: number) => string;
  rangeLabel: string;
  onChange: (p: Period) => void;
}) {
  const { period, years, onChange } = props;
  return (
    <>
      <Select
        aria-label={props.yearLabel}
        placeholder={props.yearLabel}
        style={{ width: 120 }}
        value={periodYear(period)}
        options={years.map((y) => ({ value: y, label: props.yearOption(y) }))}
        onChange={(y: number) => onChange({ from: `${y}-01-01`, to: `${y}-12-31` })}
      />
      <DatePicker.RangePicker
        aria-label={props.rangeLabel}
        allowClear={false}
        value={period ? [dayjs(period.from), dayjs(period.to)] : undefined}
        onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
      />
    </>
  );
}

/** 「导出 Excel」 of the statistics dashboards: a same-origin download link. */
export function ExportButton({ href, label, disabled }: { href: string; label: string; disabled?: boolean }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download disabled={disabled}>
      {label}
    </Button>
  );
}

/** The headline figures of a statistics dashboard. */
export function StatCards({ items, label }: { items: Array<{ key: string; title: ReactNode; value: number | string; sub?: ReactNode }>; label?: string }) {
  return (
    <section className="mz-stat-cards" aria-label={label}>
      {items.map((i) => (
        <div key={i.key} className="mz-stat-card">
          <Statistic title={i.title} value={i.value} />
          {i.sub !== undefined && <div className="mz-stat-sub">{i.sub}</div>}
        </div>
      ))}
    </section>
  );
}
