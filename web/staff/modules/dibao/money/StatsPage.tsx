import { Card, Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../../../i18n/i18n.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { ExportButton, PeriodPicker, StatCards, useUrlPeriod } from '../../../shared/StatsPeriod.tsx';
import { yuanGrouped, yuanNumber } from '../../../../../src/platform/money.ts';
import { moneyApi, type DibaoStats } from './api.ts';
import './dibao-money.css';
import { DataTable } from '../../../shared/DataTable.tsx';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function Chart({ option, label }: { option: echarts.EChartsCoreOption; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    c.setOption(option);
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
    };
  }, [option]);
  return <div ref={el} className="mz-dm-chart" role="img" aria-label={label} />;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export function StatsPage() {
  const t = useT();
  const year = new Date().getFullYear();
  const [period, setPeriod] = useUrlPeriod();
  const { from, to } = period ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  const q = useQuery({ queryKey: ['dibao-money', 'stats', from, to], queryFn: () => moneyApi.stats({ from, to }) });
  const s: DibaoStats | undefined = q.data;
  const p = s?.processing;
  return (
    <div className="mz-page mz-dm">
      <PageHeader
        title={t('dibaoMoney.nav.stats')}
        desc={t('dibaoMoney.stats.desc')}
        extra={<ExportButton href={moneyApi.statsXlsx({ from, to })} label={t('dibaoMoney.export')} />}
      />
      <Card className="mz-card">
        <div className="mz-filters">
          <PeriodPicker
            period={{ from, to }}
            years={Array.from({ length: year - 2017 }, (_, i) => year - i)}
            yearLabel={t('dibaoMoney.year')}
            yearOption={(y) => t('dibaoMoney.yearN', { y })}
            rangeLabel={t('dibaoMoney.range')}
            onChange={(p) => setPeriod(p)}
          />
        </div>
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {s && (
          <StatCards
            items={[
              // 在保 figures are today's, whatever the period; the on-time rate is the period's decisions.
              {
                key: 'households',
                title: `${s.area.name} · ${t('dibaoMoney.card.households')}`,
                value: s.totals.households,
                sub: t('dibaoMoney.card.asOfToday'),
              },
              { key: 'persons', title: t('dibaoMoney.card.persons'), value: s.totals.persons, sub: t('dibaoMoney.card.asOfToday') },
              { key: 'total', title: t('dibaoMoney.card.monthly'), value: yuanGrouped(s.totals.monthlyCents), sub: t('dibaoMoney.card.asOfToday') },
              {
                key: 'onTime',
                title: t('dibaoMoney.onTimeRate'),
                value: pct(s.processing.all.onTimeRate),
                sub: t('dibaoMoney.card.decidedIn', { from: s.from, to: s.to }),
              },
            ]}
          />
        )}
      </Card>
      {s && p && (
        <>
          <Card className="mz-card" style={{ marginTop: 16 }} title={t('dibaoMoney.pilot')}>
            <p className="mz-dm-pilot">
              <strong>{p.statement}</strong>
            </p>
            <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('dibaoMoney.pilotCases')}>
                {p.pilot.cases} · {t('dibaoMoney.avgWorkdays')} {p.pilot.avgWorkdays ?? '—'} · {t('dibaoMoney.onTimeRate')} {pct(p.pilot.onTimeRate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dibaoMoney.otherCases')}>
                {p.others.cases} · {t('dibaoMoney.avgWorkdays')} {p.others.avgWorkdays ?? '—'} · {t('dibaoMoney.onTimeRate')} {pct(p.others.onTimeRate)}
              </Descriptions.Item>
            </Descriptions>
            <p className="mz-muted" style={{ marginTop: 12 }}>
              {t('common.titled', { a: t('dibaoMoney.method.how'), b: p.method })}
            </p>
            <DataTable
              rowKey={(r) => `${r.code}-${r.authority}`}
              size="small"
              dataSource={p.byCounty}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('dibaoMoney.county'), dataIndex: 'name' },
                {
                  title: t('dibaoMoney.pilot'),
                  dataIndex: 'authority',
                  render: (a: string) => (a === 'township' ? t('dibaoMoney.pilotCases') : t('dibaoMoney.otherCases')),
                },
                { title: t('dibaoMoney.cases'), dataIndex: 'cases', align: 'right' },
                { title: t('dibaoMoney.avgWorkdays'), dataIndex: 'avgWorkdays', align: 'right' },
                { title: t('dibaoMoney.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', render: pct },
              ]}
            />
          </Card>
          <div className="mz-dm-grid">
            <Card className="mz-card" title={t('dibaoMoney.spending')}>
              <Chart
                label={t('dibaoMoney.spending')}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 60, right: 16, top: 24, bottom: 32 },
                  xAxis: { type: 'category', data: s.spending.map((x) => x.month) },
                  yAxis: { type: 'value' },
                  series: [{ type: 'line', smooth: true, areaStyle: {}, data: s.spending.map((x) => yuanNumber(x.cents)) }],
                }}
              />
            </Card>
            <Card className="mz-card" title={t('dibaoMoney.byArea')}>
              <Chart
                label={t('dibaoMoney.byArea')}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 48, right: 16, top: 32, bottom: 48 },
                  xAxis: { type: 'category', data: s.byArea.map((a) => a.name), axisLabel: { rotate: 30 } },
                  yAxis: { type: 'value' },
                  series: [
                    { name: t('dibaoMoney.households'), type: 'bar', data: s.byArea.map((a) => a.households) },
                    { name: t('dibaoMoney.persons'), type: 'bar', data: s.byArea.map((a) => a.persons) },
                  ],
                }}
              />
            </Card>
            <Card className="mz-card" title={t('dibaoMoney.byKind')}>
              <Chart
                label={t('dibaoMoney.byKind')}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      type: 'pie',
                      radius: ['40%', '65%'],
                      data: s.byKind.map((k) => ({ name: k.kind === 'urban' ? t('dibaoMoney.kind.urban') : t('dibaoMoney.kind.rural'), value: k.households })),
                    },
                  ],
                }}
              />
            </Card>
            <Card className="mz-card" title={t('dibaoMoney.byType')}>
              <Chart
                label={t('dibaoMoney.byType')}
                option={{
                  tooltip: { trigger: 'item' },
                  legend: { bottom: 0 },
                  series: [{ type: 'pie', radius: ['40%', '65%'], data: s.byType.map((k) => ({ name: k.type, value: k.households })) }],
                }}
              />
            </Card>
          </div>
          <Card className="mz-card" style={{ marginTop: 16 }} title={t('dibaoMoney.rules')}>
            <ol className="mz-muted">
              {s.rules.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ol>
          </Card>
        </>
      )}
    </div>
  );
}
