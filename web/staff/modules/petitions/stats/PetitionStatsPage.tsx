import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, DatePicker, Empty, Segmented, Select, Skeleton, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { fetchPetitionStats, statsXlsxUrl, type Dimension, type PetitionStats, type StatRow, type StatsQuery, type StatsUnit } from './api.ts';
import { ReportArticle41 } from './ReportArticle41.tsx';
import { BarCard, PieCard, pct, TrendCard } from './StatCharts.tsx';
import './petition-stats.css';
import { officialDate } from '../../../shared/format.ts';

/** 信访统计 dashboard: KPIs, the report paragraph from the data, charts with data tables, xlsx export. */
export function PetitionStatsPage() {
  const t = useT();
  const [q, setQ] = useState<StatsQuery>({ unit: 'month' });
  const [trail, setTrail] = useState<Array<{ code: string; name: string }>>([]);
  const stats = useQuery({ queryKey: ['petition-stats', q], queryFn: () => fetchPetitionStats(q), placeholderData: (prev) => prev });
  const s = stats.data;
  const range: StatsQuery = { ...q, from: s?.from ?? q.from, to: s?.to ?? q.to };
  const year = s && s.from.endsWith('-01-01') && s.to.endsWith('-12-31') && s.from.slice(0, 4) === s.to.slice(0, 4) ? Number(s.from.slice(0, 4)) : undefined;

  const drill = useCallback(
    (row: StatRow) => {
      if (!row.key || !s) return;
      if (!/^\d{6,9}$/.test(row.key)) return; // communities are the last level shown
      setTrail((tr) => [...tr, { code: row.key, name: row.label }]);
      setQ((x) => ({ ...x, from: s.from, to: s.to, area: row.key }));
    },
    [s],
  );
  const goTo = (i: number) => {
    const next = trail.slice(0, i);
    setTrail(next);
    setQ((x) => ({ ...x, from: s?.from, to: s?.to, area: next.at(-1)?.code }));
  };

  return (
    <div className="mz-page ps-page">
      <PageHeader
        title={t('petitionStats.nav')}
        desc={t('petitionStats.desc')}
        extra={
          <Button type="primary" icon={<DownloadOutlined />} href={statsXlsxUrl(range)} download disabled={!s}>
            {t('petitionStats.export')}
          </Button>
        }
      />
      <Card className="mz-card ps-filters">
        <div className="mz-filters">
          <Select
            aria-label={t('petitionStats.year')}
            placeholder={t('petitionStats.year')}
            value={year}
            style={{ width: 120 }}
            options={(s?.years ?? []).map((y) => ({ value: y.year, label: `${y.year}(${y.items})` }))}
            onChange={(y: number) => setQ((x) => ({ ...x, from: `${y}-01-01`, to: `${y}-12-31` }))}
          />
          <DatePicker.RangePicker
            aria-label={t('petitionStats.range')}
            allowClear={false}
            value={s ? [dayjs(s.from), dayjs(s.to)] : undefined}
            onChange={(v) => v?.[0] && v[1] && setQ((x) => ({ ...x, from: v[0]!.format('YYYY-MM-DD'), to: v[1]!.format('YYYY-MM-DD') }))}
          />
          <Segmented<StatsUnit>
            aria-label={t('petitionStats.unit')}
            value={q.unit}
            onChange={(unit) => setQ((x) => ({ ...x, from: s?.from, to: s?.to, unit }))}
            options={(['month', 'quarter', 'year'] as const).map((u) => ({ value: u, label: t(`petitionStats.unit.${u}` as MessageKey) }))}
          />
        </div>
        <Breadcrumb
          className="ps-trail"
          items={[
            {
              title: trail.length ? (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(0);
                  }}
                >
                  {t('petitionStats.areaAll')}
                </a>
              ) : (
                t('petitionStats.areaAll')
              ),
            },
            ...trail.map((a, i) => ({
              title:
                i < trail.length - 1 ? (
                  <a
                    href="#"
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(i + 1);
                    }}
                  >
                    {a.name}
                  </a>
                ) : (
                  a.name
                ),
            })),
          ]}
        />
      </Card>
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {!s ? (
        <Card className="mz-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Dashboard s={s} onDrill={drill} />
      )}
    </div>
  );
}

function How({ text }: { text: string }) {
  return (
    <Tooltip title={text} trigger={['hover', 'focus']}>
      <button type="button" className="ps-how" aria-label={text}>
        <InfoCircleOutlined />
      </button>
    </Tooltip>
  );
}

function Kpi({ label, value, how, sub }: { label: string; value: ReactNode; how: string; sub?: ReactNode }) {
  return (
    <div className="ps-kpi">
      <div className="ps-kpi-label">
        {label} <How text={how} />
      </div>
      <div className="ps-kpi-value">{value}</div>
      {sub && <div className="ps-kpi-sub">{sub}</div>}
    </div>
  );
}

/** A figure of the report sentence, with how it was computed (hover or keyboard focus). */
function Fig({ n, how }: { n: number; how: string }) {
  return (
    <Tooltip title={how} trigger={['hover', 'focus']}>
      <span className="ps-fig" tabIndex={0} aria-label={`${n}(${how})`}>
        {n}
      </span>
    </Tooltip>
  );
}

function Dashboard({ s, onDrill }: { s: PetitionStats; onDrill: (row: StatRow) => void }) {
  const t = useT();
  const m = s.summary;
  const r = s.report;
  return (
    <>
      <section className="ps-kpis" aria-label={t('petitionStats.nav')}>
        <Kpi label={t('petitionStats.kpi.items')} value={m.items} how={t('petitionStats.kpi.itemsHow')} />
        <Kpi label={t('petitionStats.kpi.visits')} value={`${m.batches} / ${m.persons}`} how={t('petitionStats.kpi.visitsHow')} />
        <Kpi
          label={t('petitionStats.kpi.concluded')}
          value={pct(m.concludedRate)}
          sub={`${m.concluded} / ${m.items}`}
          how={t('petitionStats.kpi.concludedHow', { a: m.concluded, b: m.items })}
        />
        <Kpi
          label={t('petitionStats.kpi.onTime')}
          value={pct(m.onTimeRate)}
          sub={`${m.concludedOnTime} / ${m.concluded}`}
          how={t('petitionStats.kpi.onTimeHow', { a: m.concludedOnTime, b: m.concluded })}
        />
        <Kpi
          label={t('petitionStats.kpi.satisfaction')}
          value={pct(m.satisfactionRate)}
          sub={`${m.satisfied} / ${m.rated}`}
          how={t('petitionStats.kpi.satisfactionHow', { a: m.satisfied, b: m.rated })}
        />
        <Kpi label={t('petitionStats.kpi.repeat')} value={m.repeat} how={t('petitionStats.kpi.repeatHow')} />
        <Kpi label={t('petitionStats.kpi.skip')} value={m.skipLevel} how={t('petitionStats.kpi.skipHow')} />
      </section>

      <Card className="mz-card ps-report" title={<h2 className="ps-h2">{t('petitionStats.report.title')}</h2>}>
        <p className="ps-sentence" data-testid="report-sentence">
          {officialDate(s.from)}至{officialDate(s.to)}，{r.areaName}民政部门登记办理各类信访件
          <Fig n={r.items} how={t('petitionStats.report.items', { area: r.areaCode })} />
          件，接待群众来信来访
          <Fig n={r.letterVisitBatches} how={t('petitionStats.report.batches')} />批
          <Fig n={r.letterVisitPersons} how={t('petitionStats.report.persons')} />
          人次，其中自治区信访局通过信访信息系统转办交办
          <Fig n={r.fromXfj} how={t('petitionStats.report.xfj')} />
          件，办理民政部信访信息系统转办信访件
          <Fig n={r.fromMca} how={t('petitionStats.report.mca')} />
          件，
          <Tooltip title={t('petitionStats.report.done', { a: r.concluded, b: r.items })} trigger={['hover', 'focus']}>
            <span className="ps-fig" tabIndex={0}>
              {r.allConcluded ? '均已办结' : `已办结${r.concluded}件`}
            </span>
          </Tooltip>
          。
        </p>
        <ReportArticle41 r={r} />
        <p className="mz-muted ps-note">{t('petitionStats.report.note')}</p>
      </Card>

      {m.items === 0 ? (
        <Card className="mz-card">
          <Empty description={t('petitionStats.empty')} />
        </Card>
      ) : (
        <div className="ps-grid">
          <TrendCard s={s} />
          <BarCard
            title={t('petitionStats.chart.area')}
            rows={s.dimensions.area}
            hint={t('petitionStats.chart.areaHint')}
            onPick={onDrill}
            drillable={(row) => /^\d{6,9}$/.test(row.key)}
          />
          <BarCard title={t('petitionStats.chart.channel')} rows={s.dimensions.channel} />
          <PieCard title={t('petitionStats.chart.source')} rows={s.dimensions.source} />
          <BarCard title={t('petitionStats.chart.subject')} rows={s.dimensions.subject} horizontal />
          <PieCard title={t('petitionStats.chart.outcome')} rows={s.dimensions.outcome} />
          <BarCard title={t('petitionStats.chart.category')} rows={s.dimensions.category} />
          <BarCard title={t('petitionStats.chart.state')} rows={s.dimensions.state} horizontal />
        </div>
      )}
    </>
  );
}

export type { Dimension };
