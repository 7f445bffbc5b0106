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
};

/** 计时中 / 已中止 / 即将到期 (orange) / 已超期 (red) / 按期办结 / 超期办结 */
export function ClockStatusTag({ status }: { status: ClockStatus | ClockSummaryState }) {
  const t = useT();
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
