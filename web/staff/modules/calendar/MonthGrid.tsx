import { Tooltip } from 'antd';
import { memo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CalendarDay, DayCategory } from '../../shared/api-types.ts';

const REST_MARK = new Set<DayCategory>(['holiday', 'in_lieu', 'regional_holiday']);
const WORK_MARK = new Set<DayCategory>(['makeup_workday', 'adjusted_workday']);

/** 劳动节 → 劳动, 古尔邦节 → 古尔邦: room for three characters in a day cell (the tooltip has the full name). */
const shortName = (name: string) => (name.length > 2 && name.endsWith('节') ? name.slice(0, -1) : name);

/** One month, Monday first; each day coloured by what decided it, its reason on hover. */
export const MonthGrid = memo(function MonthGrid({
  month,
  days,
  today,
  onPick,
}: {
  month: number;
  days: CalendarDay[];
  today: string;
  onPick?: (d: CalendarDay) => void;
}) {
  const { t } = useI18n();
  const lead = (days[0]?.weekday ?? 1) - 1;
  const weekdays = t('cal.weekdays').split(/[,，]/);
  return (
    <section className="mz-month" aria-label={t('cal.monthName', { m: month })}>
      <h3 className="mz-month-title">{t('cal.monthName', { m: month })}</h3>
      <div className="mz-month-grid">
        {weekdays.map((w, i) => (
          <span key={w} className={`mz-wd${i >= 5 ? ' mz-wd-end' : ''}`}>
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <span key={`x${i}`} className="mz-day-blank" />
        ))}
        {days.map((d) => {
          const dayNo = Number(d.date.slice(8));
          const mark = REST_MARK.has(d.category) ? t('cal.mark.rest') : WORK_MARK.has(d.category) ? t('cal.mark.work') : null;
          const name = d.decisions.find((x) => x.layer === 'regional')?.name ?? d.decisions[0]?.name;
          const showName =
            d.category !== 'workday' && d.category !== 'weekend' && name && (dayNo === 1 || !days[dayNo - 2]?.decisions.some((x) => x.name === name));
          const tip = (
            <div className="mz-day-tip">
              <strong>{d.date}</strong> {d.reason}
              {d.decisions.map((x, i) => (
                <div key={i} className="mz-day-tip-src">
                  {t(`cal.layerName.${x.layer}`)}
                  {x.areaCode ? ` ${x.areaCode}` : ''} · {x.name}
                  {x.source ? ` · ${x.source}` : ''}
                </div>
              ))}
            </div>
          );
          const cls = `mz-day mz-day-${d.category}${d.date === today ? ' mz-day-today' : ''}${onPick ? ' mz-day-editable' : ''}`;
          const body = (
            <>
              <span className="mz-day-no">{dayNo}</span>
              {mark && <span className="mz-day-mark">{mark}</span>}
              {showName && <span className="mz-day-name">{shortName(name)}</span>}
            </>
          );
          return (
            <Tooltip key={d.date} title={tip} mouseEnterDelay={0.15}>
              {onPick ? (
                <button type="button" className={cls} onClick={() => onPick(d)} aria-label={`${d.date} ${d.reason}`} data-date={d.date}>
                  {body}
                </button>
              ) : (
                <span className={cls} tabIndex={0} data-date={d.date}>
                  {body}
                  <span className="mz-sr-only">
                    {d.date} {d.reason}
                  </span>
                </span>
              )}
            </Tooltip>
          );
        })}
      </div>
    </section>
  );
});
