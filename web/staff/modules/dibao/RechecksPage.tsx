import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Segmented, Tag, type TableProps } from 'antd';
import { Link } from 'react-router-dom';
import { useAddressParams } from '../../shared/address-params.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { recheckApi, yuan, type RecheckItem } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 复核: the periodic re-check cases (due, overdue, concluded); each opens on the case page to conclude. */
export function RechecksPage() {
  const t = useT();
  const [params, update] = useAddressParams();
  const status = params.get('status') ?? 'open';
  const q = { status: status === 'all' ? undefined : status, q: params.get('q') ?? undefined, page: Number(params.get('page')) || 1, pageSize: 20 };
  const list = useQuery({ queryKey: ['dibao', 'rechecks', q], queryFn: () => recheckApi.list(q), placeholderData: keepPreviousData });
  const set = (k: string, v: string | undefined) => update({ [k]: v });
  const counts = list.data?.counts;
  const columns: TableProps<RecheckItem>['columns'] = [
    {
      title: t('dibao.rc.ref'),
      dataIndex: 'refNo',
      render: (v: string, r) => (
        <Link className="mz-mono" to={`/cases/${r.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('dibao.col.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div>
          {v}
          <div className="mz-muted mz-db-small">
            <Link to={`/dibao/households/${r.householdId}`}>{r.areaName}</Link> · {r.orgUnitName}
          </div>
        </div>
      ),
    },
    {
      title: t('dibao.rc.cadence'),
      dataIndex: 'cadence',
      render: (v: string | null) => (v === 'half_yearly' ? t('dibao.rc.halfYearly') : v === 'yearly' ? t('dibao.rc.yearly') : '—'),
    },
    { title: t('dibao.rc.scheduled'), dataIndex: 'scheduledOn' },
    {
      title: t('dibao.col.due'),
      dataIndex: 'dueDate',
      render: (v: string | null, r) =>
        r.terminal ? (
          '—'
        ) : v ? (
          <span className={r.overdue ? 'mz-db-overdue' : ''}>
            {v}
            {r.overdue ? `(${t('dibao.rc.overdue')})` : ''}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('dibao.rc.result'),
      dataIndex: 'result',
      render: (v: string | null, r) =>
        v ? (
          <div>
            <Tag color={v === '停发' ? 'red' : v === '调整' || v === '渐退' ? 'gold' : 'green'}>{v}</Tag>
            <span className="mz-db-small">
              {yuan(r.beforeCents)} → {yuan(r.afterCents)} 元 · {r.decidedOn}
            </span>
          </div>
        ) : (
          <Tag color="blue">{t(r.state === 'deciding' ? 'dibao.rc.deciding' : 'dibao.rc.pending')}</Tag>
        ),
    },
  ];
  return (
    <div className="mz-page">
      <PageHeader title={t('dibao.rc.title')} desc={t('dibao.rc.desc')} />
      <Card className="mz-card">
        <div className="mz-db-filters">
          <Segmented
            value={status}
            onChange={(v) => set('status', String(v))}
            aria-label={t('dibao.col.status')}
            options={[
              { value: 'open', label: `${t('dibao.rc.open')}${counts ? ` ${counts.open}` : ''}` },
              { value: 'overdue', label: `${t('dibao.rc.overdue')}${counts ? ` ${counts.overdue}` : ''}` },
              { value: 'deciding', label: `${t('dibao.rc.deciding')}${counts ? ` ${counts.deciding}` : ''}` },
              { value: 'done', label: `${t('dibao.rc.done')}${counts ? ` ${counts.done}` : ''}` },
              { value: 'all', label: t('dibao.rc.all') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('dibao.search')}
            aria-label={t('dibao.search')}
            defaultValue={q.q}
            onSearch={(v) => set('q', v || undefined)}
            style={{ maxWidth: 260 }}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<RecheckItem>
            rowKey="id"
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
