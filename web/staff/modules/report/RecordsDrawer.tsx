import { Drawer, Table, Typography, type TableProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { reportApi, type Figure, type FigureRecords } from './api.ts';

type Item = FigureRecords['items'][number];

/** The records behind one figure (the ids stored with its value), page by page; cases link to their page. */
export function RecordsDrawer({ figure, year, area, onClose }: { figure: Figure | null; year: number; area?: string; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const q = useQuery({
    queryKey: ['report', 'records', figure?.code, year, area, page],
    queryFn: () => reportApi.records(figure!.code, year, area, page, pageSize),
    enabled: !!figure,
  });
  const columns: TableProps<Item>['columns'] = [
    {
      title: t('report.refNo'),
      dataIndex: 'refNo',
      width: 200,
      render: (v, r) => (q.data?.metric.recordKind === 'case' ? <Link to={`/cases/${r.id}`}>{v}</Link> : <span className="mz-mono">{v}</span>),
    },
    { title: t('report.recordTitle'), dataIndex: 'title', ellipsis: true },
    { title: t('report.state'), dataIndex: 'stateLabel', width: 110, render: (v) => v ?? '—' },
    { title: t('report.org'), dataIndex: 'org', width: 160, responsive: ['lg'], render: (v) => v ?? '—' },
    { title: t('report.date'), dataIndex: 'date', width: 170, responsive: ['md'], render: (v) => (v ? formatDateTime(v) : '—') },
  ];
  return (
    <Drawer
      open={!!figure}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={900}
      title={figure ? t('report.recordsOf', { label: figure.label, n: q.data?.total ?? figure.recordCount }) : ''}
      destroyOnHidden
    >
      {figure && (
        <Typography.Paragraph className="mz-muted" data-testid="records-rule">
          {t('report.ruleLine', { rule: figure.rule, note: figure.aggregationNote })}
        </Typography.Paragraph>
      )}
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Table<Item>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        columns={columns}
        data-testid="records-table"
        pagination={{ current: page, pageSize, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </Drawer>
  );
}
