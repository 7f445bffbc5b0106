import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Statistic } from 'antd';
import { useT } from '../../i18n/i18n.tsx';
import type { Dashboard } from './api.ts';

export type Yoy = Dashboard['yoy']['registered'];

/** The change against the same period of last year: arrow, count, percentage (none over a small base: the server leaves it null and says why in `text`, the tooltip) and last year's figure (同比); 「上年同期无数据」 over an empty base. */
export function YoyText({ y, compact }: { y: Yoy; compact?: boolean }) {
  const t = useT();
  const pct = y.changePercent === null ? '' : ` (${y.changePercent > 0 ? '+' : ''}${y.changePercent.toFixed(1)}%)`;
  // Nothing in last year's period: no base to compare with, so no arrow and no 「上年同期 0」.
  if (y.noBase) return <span className={compact ? undefined : 'mz-yoy mz-muted'}>{t('dashboard.yoy.noBase')}</span>;
  const change =
    y.change === 0 ? (
      <span>{t('dashboard.yoy.flat')}</span>
    ) : (
      <span className={y.change > 0 ? 'mz-yoy-up' : 'mz-yoy-down'}>
        {y.change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(y.change)}
        {pct}
      </span>
    );
  if (compact) return <span title={y.text}>{change}</span>;
  return (
    <span className="mz-yoy" title={y.text}>
      {change}
      <span className="mz-muted"> · {t('dashboard.yoy.previous', { n: y.previous })}</span>
    </span>
  );
}

/** A headline figure of the period with its 同比 line under it. */
export function YoyStat({ title, y, testId }: { title: string; y: Yoy; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Statistic title={title} value={y.current} />
      <YoyText y={y} />
    </div>
  );
}
