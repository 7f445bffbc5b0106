import { InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Empty, Segmented, Skeleton, Tag, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { ExportButton, PeriodPicker, StatCards, useUrlChoice, useUrlPeriod } from '../../../shared/StatsPeriod.tsx';
import { useAreaTree } from '../../../shared/area-tree.ts';
import type { AreaNode } from '../../../shared/api-types.ts';
import { fetchPetitionStats, statsXlsxUrl, type Dimension, type PetitionStats, type StatRow, type StatsQuery, type StatsUnit } from './api.ts';
import { ReportArticle41 } from './ReportArticle41.tsx';
import { CATEGORIES } from '../api.ts';
import { BarCard, PieCard, pct, TrendCard } from './StatCharts.tsx';
import './petition-stats.css';
import { officialDate } from '../../../shared/format.ts';

/**
 * 信访统计 dashboard: KPIs, the report paragraph from the data, charts with data tables, xlsx export.
 * The period lives in the URL; without one the server's current year is shown and written there.
 */
export function PetitionStatsPage() {
  const t = useT();
  const [period, setPeriod] = useUrlPeriod();
  // The grouping (?group=), the area drilled into (?area=) and the category (?category=) live in the URL beside the period.
  const [group, setGroup] = useUrlChoice('group', isUnit);
  const unit = group ?? 'month';
  const [area, setArea] = useUrlChoice('area', isAreaCode);
  const [category, setCategory] = useUrlChoice('category', isCategory);
  const tree = useAreaTree();
  const trail = drillTrail(tree.data, area);
  const q: StatsQuery = { ...period, unit, area, category };
  const stats = useQuery({ queryKey: ['petition-stats', q], queryFn: () => fetchPetitionStats(q), placeholderData: (prev) => prev });
  const s = stats.data;
  useEffect(() => {
    if (!period && s) setPeriod({ from: s.from, to: s.to }, { replace: true });
  }, [period, s, setPeriod]);
  const shown = period ?? (s ? { from: s.from, to: s.to } : undefined);
  const years = [...new Set([...(s?.years ?? []).map((y) => y.year), ...(shown ? [Number(shown.from.slice(0, 4))] : [])])].sort((a, b) => b - a);

  const drill = (row: StatRow) => {
    if (isAreaCode(row.key)) setArea(row.key); // communities are the last level shown
  };
  const goTo = (i: number) => setArea(i ? trail[i - 1]!.code : undefined);

  return (
    <div className="mz-page ps-page">
      <PageHeader
        title={t('petitionStats.nav')}
        desc={t('petitionStats.desc')}
        extra={<ExportButton href={statsXlsxUrl({ ...q, ...shown })} label={t('petitionStats.export')} disabled={!s} />}
      />
      <Card className="mz-card ps-filters">
        <div className="mz-filters">
          <PeriodPicker
            period={shown}
            years={years}
            yearLabel={t('petitionStats.year')}
            yearOption={(y) => t('petitionStats.yearN', { y })}
            rangeLabel={t('petitionStats.range')}
            onChange={(p) => setPeriod(p)}
          />
          <Segmented<StatsUnit>
            aria-label={t('petitionStats.unit')}
            value={unit}
            onChange={setGroup}
            options={UNITS.map((u) => ({ value: u, label: t(`petitionStats.unit.${u}` as MessageKey) }))}
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
        {category && (
          <Tag className="ps-category" closable onClose={() => setCategory(undefined)}>
            {t('petitionStats.categoryChosen', { c: category })}
          </Tag>
        )}
        {s && <Kpis s={s} />}
      </Card>
      {stats.isError && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {!s ? (
        <Card className="mz-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <Dashboard s={s} onDrill={drill} category={category} onCategory={setCategory} />
      )}
    </div>
  );
}

const UNITS = ['month', 'quarter', 'year'] as const satisfies readonly StatsUnit[];
const isUnit = (v: string): v is StatsUnit => (UNITS as readonly string[]).includes(v);
/** An area a row of 按问题发生地 may narrow to: a region, city, county or township code (not a community). */
const isAreaCode = (v: string): v is string => /^\d{6,9}$/.test(v);
type Category = (typeof CATEGORIES)[number];
const isCategory = (v: string): v is Category => (CATEGORIES as readonly string[]).includes(v);

/** The areas drilled through from the viewer's own (the tree's root) down to `code`, for the breadcrumb. */
function drillTrail(roots: AreaNode[] | undefined, code: string | undefined): Array<{ code: string; name: string }> {
  const walk = (nodes: AreaNode[], path: AreaNode[]): AreaNode[] | null => {
    for (const n of nodes) {
      if (n.code === code) return [...path, n];
      const hit = walk(n.children ?? [], [...path, n]);
      if (hit) return hit;
    }
    return null;
  };
  if (!code) return [];
  // Below the root; until the tree has loaded (or outside it), the area by its code alone.
  return (
    (roots &&
      walk(roots, [])
        ?.slice(1)
        .map((n) => ({ code: n.code, name: n.name }))) ?? [{ code, name: code }]
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

/** The headline figures of the period, each explaining how it is computed. */
function Kpis({ s }: { s: PetitionStats }) {
  const t = useT();
  const m = s.summary;
  const title = (label: string, how: string) => (
    <>
      {label} <How text={how} />
    </>
  );
  return (
    <StatCards
      label={t('petitionStats.nav')}
      items={[
        { key: 'items', title: title(t('petitionStats.kpi.items'), t('petitionStats.kpi.itemsHow')), value: m.items },
        { key: 'visits', title: title(t('petitionStats.kpi.visits'), t('petitionStats.kpi.visitsHow')), value: `${m.batches} / ${m.persons}` },
        {
          key: 'concluded',
          title: title(t('petitionStats.kpi.concluded'), t('petitionStats.kpi.concludedHow', { a: m.concluded, b: m.items })),
          value: pct(m.concludedRate),
          sub: `${m.concluded} / ${m.items}`,
        },
        {
          key: 'onTime',
          title: title(t('petitionStats.kpi.onTime'), t('petitionStats.kpi.onTimeHow', { a: m.concludedOnTime, b: m.concluded })),
          value: pct(m.onTimeRate),
          sub: `${m.concludedOnTime} / ${m.concluded}`,
        },
        {
          key: 'satisfaction',
          title: title(t('petitionStats.kpi.satisfaction'), t('petitionStats.kpi.satisfactionHow', { a: m.satisfied, b: m.rated })),
          value: pct(m.satisfactionRate),
          sub: `${m.satisfied} / ${m.rated}`,
        },
        { key: 'repeat', title: title(t('petitionStats.kpi.repeat'), t('petitionStats.kpi.repeatHow')), value: m.repeat },
        { key: 'skip', title: title(t('petitionStats.kpi.skip'), t('petitionStats.kpi.skipHow')), value: m.skipLevel },
      ]}
    />
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

function Dashboard({
  s,
  onDrill,
  category,
  onCategory,
}: {
  s: PetitionStats;
  onDrill: (row: StatRow) => void;
  category: Category | undefined;
  onCategory: (c: Category) => void;
}) {
  const t = useT();
  const m = s.summary;
  const r = s.report;
  return (
    <>
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
          <BarCard
            title={t('petitionStats.chart.category')}
            rows={s.dimensions.category}
            hint={category ? undefined : t('petitionStats.chart.categoryHint')}
            onPick={(row) => isCategory(row.key) && onCategory(row.key)}
            drillable={(row) => !category && isCategory(row.key)}
            pickLabel={(row) => t('petitionStats.onlyCategory', { name: row.label })}
          />
          <BarCard title={t('petitionStats.chart.state')} rows={s.dimensions.state} horizontal />
        </div>
      )}
    </>
  );
}

export type { Dimension };
