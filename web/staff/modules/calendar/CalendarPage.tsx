import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, InputNumber, Row, Skeleton, Space, Tag, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useAddressParams } from '../../shared/address-params.ts';
import { useCan, useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { AreaNode, CalendarDay, DayCategory } from '../../shared/api-types.ts';
import { findArea, useAreaTree } from '../../shared/area-tree.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { DayEditModal } from './DayEditModal.tsx';
import { DueCalculator } from './DueCalculator.tsx';
import { MonthGrid } from './MonthGrid.tsx';
import { useCalendarYear } from './use-calendar.ts';

const NATIONAL = 'national';
const LEGEND: DayCategory[] = ['workday', 'weekend', 'holiday', 'in_lieu', 'makeup_workday', 'regional_holiday', 'adjusted_workday'];

type Opt = { value: string; title: string; children: Opt[] };
/** Areas down to county level: a calendar layer below a county is rare. */
const toOptions = (nodes: AreaNode[] | undefined): Opt[] =>
  (nodes ?? []).filter((n) => n.level <= 3).map((n) => ({ value: n.code, title: `${n.name}（${n.code}）`, children: toOptions(n.children) }));

/** 工作日日历: a year per area, colour-coded, with editing (calendar.manage) and a due-date calculator. */
export function CalendarPage() {
  const t = useT();
  const me = useSession();
  const can = useCan();
  const manage = can('calendar.manage');
  const [params, set] = useAddressParams();
  const year = Number(params.get('year')) || dayjs().year();
  const areaParam = params.get('area');
  const area = areaParam === NATIONAL ? null : (areaParam ?? me.areaCode.slice(0, 6));
  const tree = useAreaTree();
  const cal = useCalendarYear(year, area);
  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const today = dayjs().format('YYYY-MM-DD');

  const areaName = area ? (findArea(tree.data, area)?.name ?? area) : null;
  const options = useMemo(() => [{ value: NATIONAL, title: t('cal.national'), children: [] }, ...toOptions(tree.data)], [tree.data, t]);
  const months = useMemo(() => {
    const by: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of cal.data?.days ?? []) by[Number(d.date.slice(5, 7)) - 1]!.push(d);
    return by;
  }, [cal.data]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(LEGEND.map((k) => [k, 0])) as Record<DayCategory, number>;
    for (const d of cal.data?.days ?? []) c[d.category]++;
    return c;
  }, [cal.data]);

  return (
    <div className="mz-page" data-testid="calendar-page">
      <PageHeader title={t('nav.calendar')} desc={t('cal.desc')} />
      <Card className="mz-card mz-cal-toolbar">
        <div className="mz-filters mz-cal-filters">
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('cal.prevYear')} onClick={() => set({ year: year - 1 })} />
            <InputNumber
              aria-label={t('cal.year')}
              value={year}
              min={1900}
              max={2999}
              precision={0}
              onChange={(v) => v && v >= 1900 && v <= 2999 && set({ year: v })}
              style={{ width: 96 }}
              suffix={t('cal.yearSuffix')}
            />
            <Button icon={<RightOutlined />} aria-label={t('cal.nextYear')} onClick={() => set({ year: year + 1 })} />
          </Space.Compact>
          <TreeSelect
            aria-label={t('cal.area')}
            value={area ?? NATIONAL}
            onChange={(v: string) => set({ area: v })}
            treeData={options}
            treeDefaultExpandedKeys={tree.data?.map((n) => n.code)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            style={{ width: 280 }}
            loading={tree.isPending}
            popupMatchSelectWidth={false}
            data-testid="calendar-area"
          />
          {cal.data && (
            <span className="mz-cal-summary" data-testid="calendar-summary">
              {t('cal.summary', { w: cal.data.workdays, r: cal.data.restDays })}
              <span className="mz-muted">{t('cal.version', { v: cal.data.version, src: cal.data.nationalSource })}</span>
            </span>
          )}
        </div>
        <ul className="mz-legend" aria-label={t('cal.legend')}>
          {LEGEND.filter((k) => k !== 'adjusted_workday' || counts[k] > 0).map((k) => (
            <li key={k}>
              <span className={`mz-legend-swatch mz-day-${k}`} aria-hidden="true" />
              {t(`cal.legend.${k}`)}
              {cal.data && <span className="mz-muted"> {counts[k]}</span>}
            </li>
          ))}
        </ul>
      </Card>
      {cal.data?.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="mz-gap" />
      ))}
      {cal.isError && <QueryError error={cal.error} onRetry={() => cal.refetch()} />}
      <Row gutter={[16, 16]} className="mz-gap">
        <Col xs={24} xl={17}>
          <Card
            className="mz-card"
            title={t('cal.yearTitle', { year, area: areaName ?? t('cal.national') })}
            extra={<Tag color={manage ? 'blue' : 'default'}>{manage ? t('cal.editHint') : t('cal.readonly')}</Tag>}
          >
            {cal.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : (
              <div className="mz-months" data-testid="calendar-months">
                {months.map((days, i) => (
                  <MonthGrid key={`${year}-${i}`} month={i + 1} days={days} today={today} onPick={manage ? setEditing : undefined} />
                ))}
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <DueCalculator area={area} areaName={areaName} />
        </Col>
      </Row>
      {editing && <DayEditModal day={editing} areaCode={area} areaName={areaName} onClose={() => setEditing(null)} />}
    </div>
  );
}
