import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Segmented, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useAddressParams } from '../../shared/address-params.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { stepsApi, type FilingItem } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 近亲属备案: applications by near relatives of staff, registered separately, with the county's home visit. */
export function RelativeFilingsPage() {
  const t = useT();
  const [params, update] = useAddressParams();
  const visited = params.get('visited') ?? 'all';
  const q = { visited: visited === 'all' ? undefined : visited, page: Number(params.get('page')) || 1, pageSize: 20 };
  const list = useQuery({ queryKey: ['dibao', 'filings', q], queryFn: () => stepsApi.filings(q), placeholderData: keepPreviousData });
  const columns: TableProps<FilingItem>['columns'] = [
    {
      title: t('dibao.col.ref'),
      dataIndex: 'refNo',
      render: (v: string, r) => (
        <Link className="mz-mono" to={`/cases/${r.caseId}`}>
          {v}
        </Link>
      ),
    },
    { title: t('dibao.col.title'), dataIndex: 'title', render: (v: string, r) => `${v} · ${r.township}` },
    { title: t('dibao.rel.declared'), dataIndex: 'staffName', render: (v: string, r) => `${v}（${r.staffPost}）的${r.relation}` },
    { title: t('dibao.rel.filedOn'), dataIndex: 'filedOn' },
    {
      title: t('dibao.rel.visit'),
      dataIndex: 'countyVisit',
      render: (v: FilingItem['countyVisit']) =>
        v ? <Tag color={v.result === '属实' ? 'green' : 'orange'}>{`${v.date} ${v.result}`}</Tag> : <Tag color="red">{t('dibao.rel.notVisited')}</Tag>,
    },
    { title: t('dibao.col.decided'), dataIndex: 'decision', render: (v: string | null) => v ?? '—' },
  ];
  const set = (k: string, v: string | undefined) => update({ [k]: v });
  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.rel.listTitle')} desc={t('dibao.rel.listDesc')} />
      <Card className="mz-card">
        <div className="mz-db-filters">
          <Segmented
            value={visited}
            onChange={(v) => set('visited', v === 'all' ? undefined : String(v))}
            aria-label={t('dibao.rel.visit')}
            options={[
              { value: 'all', label: t('dibao.rc.all') },
              { value: 'no', label: t('dibao.rel.notVisited') },
              { value: 'yes', label: t('dibao.rel.visited') },
            ]}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<FilingItem>
            rowKey="caseId"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            pagination={{ current: q.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => set('page', String(p)), showSizeChanger: false }}
          />
        )}
      </Card>
    </div>
  );
}
