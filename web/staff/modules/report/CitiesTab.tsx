import { Card, Empty, Segmented, Select, Space, Tag, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { reportApi, type CityTable, type Figure, type Figures } from './api.ts';
import { RecordsDrawer } from './RecordsDrawer.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = CityTable['rows'][number];

/** 分市统计: one metric by 地级市 or by 县（市、区） under their cities (the areas the reader may see); a click on a value opens that area's records. */
export function CitiesTab({ figures, year }: { figures: Figures; year: number }) {
  const t = useT();
  const metrics = figures.sections.flatMap((s) => s.metrics.map((m) => ({ value: m.code, label: `${s.label} · ${m.label}` })));
  const [metric, setMetric] = useState(metrics[0]?.value);
  const [level, setLevel] = useState<2 | 3>(2);
  const [open, setOpen] = useState<{ figure: Figure; area: string } | null>(null);
  const q = useQuery({ queryKey: ['report', 'cities', metric, year, level], queryFn: () => reportApi.cities(metric!, year, level), enabled: !!metric });
  const columns: TableProps<Row>['columns'] = [
    ...(level === 3 ? [{ title: t('report.city'), key: 'city', width: 120, render: (_: unknown, r: Row) => r.parent?.name ?? '' }] : []),
    { title: t(level === 3 ? 'report.county' : 'report.city'), key: 'area', render: (_, r) => r.area.name },
    {
      title: t('report.value'),
      key: 'value',
      width: 140,
      align: 'right',
      render: (_, r) =>
        r.figure.value === null ? (
          <Tag>{t('report.unavailable')}</Tag>
        ) : (
          <LinkButton onClick={() => setOpen({ figure: r.figure, area: r.area.code })} data-testid={`city-${r.area.code}`}>
            <strong>{r.figure.value}</strong> {r.figure.unit}
          </LinkButton>
        ),
    },
  ];
  const rows = q.data ? [...q.data.rows, ...(q.data.region ? [q.data.region] : [])] : [];
  return (
    <Card
      className="mz-card"
      title={t('report.tab.cities')}
      extra={
        <Space wrap>
          <Segmented<2 | 3>
            value={level}
            onChange={setLevel}
            options={[
              { value: 2, label: t('report.byCity') },
              { value: 3, label: t('report.byCounty') },
            ]}
            data-testid="cities-level"
          />
          <Select
            showSearch
            optionFilterProp="label"
            value={metric}
            options={metrics}
            onChange={setMetric}
            style={{ width: 360, maxWidth: '100%' }}
            aria-label={t('report.metric')}
          />
        </Space>
      }
    >
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {q.data && <div className="mz-muted mz-gap">{`${q.data.metric.rule} ${rows[0]?.figure.aggregationNote ?? ''}`}</div>}
      <DataTable<Row>
        rowKey={(r) => r.area.code}
        size="small"
        loading={q.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('report.cities.none')} /> }}
      />
      <RecordsDrawer figure={open?.figure ?? null} year={year} area={open?.area} onClose={() => setOpen(null)} />
    </Card>
  );
}
