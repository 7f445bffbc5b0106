import { Breadcrumb, Card, Col, Empty, Row, Select, Statistic, Tag, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { EChart } from '../../shared/EChart.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { dashboardApi, type Dashboard } from './api.ts';
import { TownshipPending } from './TownshipPending.tsx';
import { YoyStat, YoyText } from './YoyStat.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type ModuleRow = Dashboard['modules'][number];
type AreaRow = Dashboard['areas'][number];

/**
 * 数据概览: the reader's area at a glance — every kind of matter they may read, open and closed,
 * registrations per month, and the areas one level down (a click goes down into one). The figures
 * come from the rollup the workflows keep current, so the page answers at once at any scale.
 */
export function DashboardPage() {
  const t = useT();
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const area = trail.at(-1)?.code;
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const thisYear = dayjs().year();
  const years = [{ value: 0, label: t('dashboard.last12') }, ...Array.from({ length: 10 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))];
  const q = useQuery({ queryKey: ['dashboard', area ?? '', year ?? 0], queryFn: () => dashboardApi.get(area, year) });
  const d = q.data;
  const trend = useMemo(() => (d ? trendOption(d) : null), [d]);
  const moduleColumns: TableProps<ModuleRow>['columns'] = [
    // The kind's name on one line (社会组织变更登记 is eight characters), kept in view when the table scrolls on a phone.
    { title: t('dashboard.kind'), dataIndex: 'label', width: 170, fixed: 'left', className: 'mz-nowrap' },
    { title: t('dashboard.total'), dataIndex: 'total', align: 'right', width: 80 },
    { title: t('dashboard.open'), dataIndex: 'open', align: 'right', width: 80 },
    { title: t('dashboard.closed'), dataIndex: 'closed', align: 'right', width: 80 },
    { title: t('dashboard.yoy.registered'), key: 'yoy', width: 220, render: (_, m) => <YoyText y={m.yoy.registered} /> },
    {
      title: t('dashboard.states'),
      key: 'states',
      width: 360,
      render: (_, m) => m.states.map((s) => <Tag key={s.state} color={s.terminal ? undefined : 'blue'}>{`${s.label} ${s.n}`}</Tag>),
    },
  ];
  const areaColumns: TableProps<AreaRow>['columns'] = [
    {
      title: t('dashboard.area'),
      key: 'name',
      render: (_, a) => (
        <LinkButton onClick={() => setTrail([...trail, { code: a.code, name: a.name }])} data-testid={`dashboard-area-${a.code}`}>
          {a.name}
        </LinkButton>
      ),
    },
    { title: t('dashboard.yoy.current'), key: 'cur', align: 'right', width: 90, render: (_, a) => a.registered.current },
    { title: t('dashboard.yoy.last'), key: 'prev', align: 'right', width: 90, render: (_, a) => a.registered.previous },
    { title: t('dashboard.yoy.change'), key: 'chg', width: 120, render: (_, a) => <YoyText y={a.registered} compact /> },
    { title: t('dashboard.open'), dataIndex: 'open', align: 'right', width: 70 },
  ];
  // How fresh each card's figures are (in the card's head; on a phone it goes under the title, which keeps its line).
  const fresh = d && <span className="mz-muted">{t(`dashboard.fresh.${d.source}`, { at: dayjs(d.asOf).format('YYYY-MM-DD HH:mm') })}</span>;
  // Kinds with nothing registered ever nor in either compared period are named in one line under the table, not given a row of zeros.
  const kinds = d?.modules.filter((m) => m.total > 0 || m.yoy.registered.current > 0 || m.yoy.registered.previous > 0) ?? [];
  const noKinds = d?.modules.filter((m) => !kinds.includes(m)).map((m) => m.label) ?? [];
  const anyBelow = d?.areas.some((a) => a.total > 0 || a.registered.current > 0 || a.registered.previous > 0);
  const period =
    d &&
    t(d.period.through === 12 && d.period.year < thisYear ? 'dashboard.period.whole' : 'dashboard.period.through', {
      year: d.period.year,
      prev: d.period.year - 1,
      through: d.period.through,
    });
  return (
    <div className="mz-page mz-dashboard" data-testid="dashboard">
      <PageHeader
        title={d ? t(`dashboard.view.${d.view}`) : t('dashboard.title')}
        desc={t('dashboard.desc')}
        extra={
          <Select
            value={year ?? 0}
            options={years}
            onChange={(v) => setParams(v ? { year: String(v) } : {})}
            style={{ width: 160 }}
            aria-label={t('dashboard.period')}
            data-testid="dashboard-year"
          />
        }
      />
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {d && (
        <>
          <Breadcrumb
            className="mz-gap"
            items={[
              { title: trail.length ? <LinkButton onClick={() => setTrail([])}>{t('dashboard.myArea')}</LinkButton> : t('dashboard.myArea') },
              ...trail.map((a, i) => ({
                title: i < trail.length - 1 ? <LinkButton onClick={() => setTrail(trail.slice(0, i + 1))}>{a.name}</LinkButton> : a.name,
              })),
            ]}
          />
          <Card className="mz-card mz-gap" title={`${d.area.name} · ${period}`} extra={fresh} data-testid="dashboard-yoy">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <YoyStat
                  title={d.comparable.complete ? t('dashboard.yoy.registered') : t('dashboard.yoy.registeredComparable')}
                  y={d.yoy.registered}
                  testId="dashboard-yoy-registered"
                />
              </Col>
              <Col xs={12} md={6}>
                <YoyStat title={t('dashboard.yoy.closed')} y={d.yoy.closed} />
              </Col>
              <Col xs={12} md={6}>
                <YoyStat title={t('dashboard.yoy.open')} y={d.yoy.open} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('dashboard.total')} value={d.totals.total} />
                <span className="mz-muted">{t('dashboard.totalNote', { open: d.totals.open, closed: d.totals.closed })}</span>
              </Col>
            </Row>
            <div className="mz-muted mz-gap" data-testid="dashboard-yoy-rule">
              {!d.comparable.complete && (
                <div data-testid="dashboard-yoy-comparable">{t('dashboard.yoy.comparable', { kinds: d.comparable.leftOut.join('、') })}</div>
              )}
              {t('dashboard.yoy.rule')}
            </div>
          </Card>
          {d.view === 'township' && !trail.length && <TownshipPending />}
          <Row gutter={[16, 16]} className="mz-gap">
            <Col xs={24} lg={14}>
              <Card className="mz-card mz-card-fill" title={year ? t('dashboard.trendYear', { year }) : t('dashboard.trend')} extra={fresh}>
                {trend && d.totals.total > 0 ? (
                  <EChart option={trend} label={t('dashboard.trendLabel', { from: d.months[0]!.month, to: d.months.at(-1)!.month })} />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card className="mz-card mz-card-fill" title={t(`dashboard.areas.${d.view}`)} extra={fresh}>
                {anyBelow || !d.areas.length ? (
                  <DataTable<AreaRow> rowKey="code" size="small" pagination={false} dataSource={d.areas} columns={areaColumns} scroll={{ x: 460, y: 260 }} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.areas.none')} />
                )}
              </Card>
            </Col>
          </Row>
          <Card className="mz-card mz-gap" title={t('dashboard.kinds')} extra={fresh}>
            <DataTable<ModuleRow> rowKey="type" size="small" pagination={false} dataSource={kinds} columns={moduleColumns} scroll={{ x: 990 }} />
            {noKinds.length > 0 && <p className="mz-card-note">{t('dashboard.kinds.none', { kinds: noKinds.join('、') })}</p>}
          </Card>
        </>
      )}
    </div>
  );
}

function trendOption(d: Dashboard) {
  const shown = d.modules.filter((m) => m.total > 0);
  return {
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: d.months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: shown.map((m) => ({ name: m.label, type: 'bar', stack: 'all', data: d.months.map((x) => x.byType[m.type] ?? 0) })),
  };
}
