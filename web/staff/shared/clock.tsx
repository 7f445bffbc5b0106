import { Tag } from 'antd';
import { useT, type TFunction } from '../i18n/i18n.tsx';
import type { ClockStatus, ClockSummaryState, ClockUnit } from './api-types.ts';
import { formatDate } from './format.ts';

/** 60 日 / 15 个工作日 / 3 个月 */
export const ruleText = (t: TFunction, rule: { unit: ClockUnit; n: number }) => t(`clock.unit.${rule.unit}`, { n: rule.n });

const STATUS_COLOR: Record<ClockStatus, string> = {
  running: 'processing',
  paused: 'default',
  due_soon: 'warning',
  overdue: 'error',
  met: 'success',
  missed: 'volcano',
  elapsed: 'cyan',
};

/**
 * 计时中 / 已中止 / 即将到期 (orange) / 已超期 (red) / 按期办结 / 超期办结. A period (公示期) that
 * must elapse reads 期间计算中 / 已期满 / 期满 (or 提前结束 when stopped before its last day), never red.
 */
export function ClockStatusTag({ status, period }: { status: ClockStatus | ClockSummaryState; period?: { dueDate: string | null; stoppedOn: string | null } }) {
  const t = useT();
  if (period) {
    const key =
      status === 'met' || status === 'missed'
        ? period.dueDate && period.stoppedOn && period.stoppedOn <= period.dueDate
          ? 'clock.period.ended'
          : 'clock.period.met'
        : status === 'elapsed'
          ? 'clock.period.elapsed'
          : status === 'paused'
            ? 'clock.status.paused'
            : 'clock.period.running';
    return (
      <Tag color={key === 'clock.period.running' ? 'processing' : key === 'clock.status.paused' ? 'default' : 'cyan'} className="mz-clock-tag">
        {t(key)}
      </Tag>
    );
  }
  return (
    <Tag color={STATUS_COLOR[status]} className="mz-clock-tag">
      {t(`clock.status.${status}`)}
    </Tag>
  );
}

/** The worklist's clock cell: the nearest due date and its state. */
export function DueCell({ dueDate, clockState }: { dueDate: string | null; clockState: ClockSummaryState | null }) {
  const t = useT();
  if (!clockState) return <span className="mz-muted">{t('wl.noClock')}</span>;
  return (
    <span className={`mz-due mz-due-${clockState}`}>
      <span className="mz-due-date">{clockState === 'paused' ? '—' : formatDate(dueDate)}</span>
      <ClockStatusTag status={clockState} />
    </span>
  );
}
