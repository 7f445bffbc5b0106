import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Table, Tag, type TableProps } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { DIBAO_STATES, dibaoApi, yuan, type ApplicationItem } from './api.ts';
import './dibao.css';

/** 低保申请 list: filters in the address, approving level shown on every row. */
export function DibaoListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = { state: params.get('state') ?? undefined, authority: params.get('authority') ?? undefined, q: params.get('q') ?? undefined, page: Number(params.get('page')) || 1, pageSize: 20 };
  const list = useQuery({ queryKey: ['dibao', 'applications', q], queryFn: () => dibaoApi.applications(q), placeholderData: keepPreviousData });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const columns: TableProps<ApplicationItem>['columns'] = [
    { title: t('dibao.col.ref'), dataIndex: 'refNo', render: (v: string, r) => <Link className="mz-mono" to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('dibao.col.title'), dataIndex: 'title', render: (v: string, r) => <div>{v}<div className="mz-muted mz-db-small">{r.applicantIdMasked}</div></div> },
    { title: t('dibao.col.state'), dataIndex: 'stateLabel', render: (v: string, r) => <Tag color={r.decision === '确认' ? 'green' : r.decision ? 'red' : 'blue'}>{v}</Tag> },
    { title: t('dibao.col.level'), dataIndex: 'authority', render: (v: string) => <Tag color={v === 'township' ? 'purple' : 'geekblue'}>{t(v === 'township' ? 'dibao.level.township' : 'dibao.level.county')}</Tag> },
    { title: t('dibao.col.accepted'), dataIndex: 'acceptedOn', render: (v: string | null) => v ?? '—' },
    { title: t('dibao.col.decided'), dataIndex: 'decidedOn', render: (v: string | null, r) => v ? `${v}${r.decision === '确认' ? ` · ${yuan(r.benefitCents)} 元` : ''}` : '—' },
    { title: t('dibao.col.due'), dataIndex: 'dueDate', render: (v: string | null, r) => v ? <span className={r.clockState === 'overdue' ? 'mz-db-overdue' : ''}>{v}</span> : '—' },
  ];
  return (
    <div className="mz-page">
      <PageHeader
        title={t('dibao.nav.applications')} desc={t('dibao.list.desc')}
        extra={can('dibao.apply') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/dibao/new')}>{t('dibao.nav.register')}</Button> : null}
      />
      <Card className="mz-card">
        <div className="mz-db-filters">
          <Input.Search allowClear placeholder={t('dibao.search')} aria-label={t('dibao.search')} defaultValue={q.q} onSearch={(v) => set('q', v || undefined)} style={{ maxWidth: 260 }} />
          <Select allowClear placeholder={t('dibao.col.state')} aria-label={t('dibao.col.state')} value={q.state} onChange={(v) => set('state', v)} options={DIBAO_STATES} style={{ minWidth: 180 }} />
          <Select allowClear placeholder={t('dibao.col.level')} aria-label={t('dibao.col.level')} value={q.authority} onChange={(v) => set('authority', v)} style={{ minWidth: 160 }}
            options={[{ value: 'township', label: t('dibao.level.township') }, { value: 'county', label: t('dibao.level.county') }]} />
        </div>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : (
          <Table<ApplicationItem> rowKey="id" size="middle" loading={list.isFetching} dataSource={list.data?.items ?? []} columns={columns} scroll={{ x: 900 }}
            pagination={{ current: q.page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => set('page', String(p)), showSizeChanger: false }} />
        )}
      </Card>
    </div>
  );
}
