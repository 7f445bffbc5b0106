import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { stepsApi, yuan, type PublicationItem } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 公布记录: the postings of approved households in the user's area (names masked as published). */
export function PublicationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = { page: Number(params.get('page')) || 1, pageSize: 20 };
  const list = useQuery({ queryKey: ['dibao', 'publications', q], queryFn: () => stepsApi.publications(q), placeholderData: keepPreviousData });
  const columns: TableProps<PublicationItem>['columns'] = [
    {
      title: t('dibao.col.ref'),
      dataIndex: 'refNo',
      render: (v: string, r) => (
        <Link className="mz-mono" to={`/cases/${r.caseId}`}>
          {v}
        </Link>
      ),
    },
    { title: t('dibao.col.area'), dataIndex: 'areaName', render: (v: string, r) => <Link to={`/dibao/households/${r.householdId}`}>{v}</Link> },
    { title: t('dibao.pub.name'), dataIndex: 'nameMasked' },
    { title: t('dibao.pub.size'), dataIndex: 'householdSize' },
    { title: t('dibao.pub.insured'), dataIndex: 'insuredPersons' },
    { title: t('dibao.pub.amount'), dataIndex: 'amountCents', render: (v: number) => yuan(v) },
    { title: t('dibao.pub.date'), dataIndex: 'publishedOn' },
    { title: t('dibao.pub.channel'), dataIndex: 'channel', render: (v: string, r) => `${v}(${r.place})` },
  ];
  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.pub.listTitle')} desc={t('dibao.pub.listDesc')} />
      <Card className="mz-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<PublicationItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={{ x: 900 }}
            pagination={{
              current: q.page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: (p) => setParams(new URLSearchParams({ page: String(p) }), { replace: true }),
              showSizeChanger: false,
            }}
          />
        )}
      </Card>
    </div>
  );
}
