import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Segmented, Space, Statistic, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import './hall.css';
import { hallApi, type NoVisit, type RatingStats } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = RatingStats['items'][number];
const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
const BY = [
  { value: 'item', label: '事项' },
  { value: 'office', label: '单位' },
  { value: 'window', label: '窗口' },
  { value: 'person', label: '办理人' },
];

/** 好差评 statistics by 事项 / 单位 / 窗口 / 办理人 with 差评整改率, and 不见面率 by area, for a period. */
export function StatsPage() {
  const t = useT();
  const [by, setBy] = useState('item');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useQuery({ queryKey: ['hall', 'stats', by, period], queryFn: () => hallApi.stats({ by, ...period }) });
  const nv = useQuery({ queryKey: ['hall', 'novisit', period], queryFn: () => hallApi.noVisit(period) });
  const columns: TableProps<Row>['columns'] = [
    { title: BY.find((b) => b.value === by)!.label, dataIndex: 'label' },
    { title: t('hall.c.total'), dataIndex: 'total' },
    { title: t('hall.c.avg'), dataIndex: 'averageStars' },
    { title: t('hall.c.good'), dataIndex: 'goodRate', render: pct },
    { title: t('hall.c.negative'), dataIndex: 'negative' },
    { title: t('hall.c.rectified'), dataIndex: 'rectified' },
    { title: t('hall.c.rectifyRate'), dataIndex: 'rectifyRate', render: pct },
  ];
  const areaCols: TableProps<NoVisit['areas'][number]>['columns'] = [
    { title: t('hall.c.area'), dataIndex: 'areaName' },
    { title: t('hall.c.finished'), dataIndex: 'finished' },
    { title: t('hall.c.noVisit'), dataIndex: 'noVisit' },
    { title: t('hall.c.noVisitRate'), dataIndex: 'rate', render: pct },
  ];
  return (
    <div className="mz-page mz-hall" data-testid="hall-stats">
      <PageHeader title={t('hall.nav.stats')} desc={t('hall.stats.desc')} />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <DatePicker.RangePicker aria-label={t('hall.f.period')} value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          <Segmented aria-label={t('hall.f.by')} options={BY} value={by} onChange={(v) => setBy(String(v))} />
          {stats.data && (
            <>
              <Statistic title={t('hall.c.total')} value={stats.data.total} />
              <Statistic title={t('hall.c.negative')} value={stats.data.negative} />
              <Statistic title={t('hall.c.rectifyRate')} value={pct(stats.data.rectifyRate)} />
            </>
          )}
          {nv.data && <Statistic title={t('hall.c.noVisitRate')} value={pct(nv.data.rate)} />}
        </Space>
      </Card>
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        {stats.isError ? (
          <QueryError error={stats.error} />
        ) : (
          <DataTable<Row>
            rowKey="key"
            size="middle"
            loading={stats.isLoading}
            columns={columns}
            dataSource={stats.data?.items}
            pagination={false}
            scroll={{ x: 800 }}
          />
        )}
      </Card>
      <Card className="mz-card" title={t('hall.c.noVisitRate')}>
        {nv.isError ? (
          <QueryError error={nv.error} />
        ) : (
          <DataTable rowKey="areaCode" size="middle" loading={nv.isLoading} columns={areaCols} dataSource={nv.data?.areas} pagination={false} />
        )}
      </Card>
    </div>
  );
}
