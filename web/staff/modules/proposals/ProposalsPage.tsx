import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, InputNumber, Select, Space, Statistic, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { CATEGORIES, KINDS, PROPOSAL_STATES, ROLES, proposalApi, type ProposalFilters, type ProposalRow } from './api.ts';
import { RegisterProposalModal } from './RegisterProposalModal.tsx';
import './proposals.css';
import { DataTable } from '../../shared/DataTable.tsx';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

/** 建议提案 list (filters: kind, session, role, category, state, year) with the year's figures. */
export function ProposalsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<ProposalFilters>({ page: 1, pageSize: 20 });
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [registering, setRegistering] = useState(false);
  const list = useQuery({ queryKey: ['proposals', 'list', f], queryFn: () => proposalApi.list(f) });
  const stats = useQuery({ queryKey: ['proposals', 'stats', year], queryFn: () => proposalApi.stats(year) });
  const done = () => {
    message.success(t('proposals.register.ok'));
    void qc.invalidateQueries({ queryKey: ['proposals'] });
  };
  const set = (patch: ProposalFilters) => setF((x) => ({ ...x, ...patch, page: 1 }));

  const columns: TableProps<ProposalRow>['columns'] = [
    {
      title: t('proposals.c.number'),
      dataIndex: 'number',
      render: (v: string, r) => (
        <span>
          <Tag color={r.kind === '政协提案' ? 'volcano' : 'blue'}>{r.kind}</Tag>
          {v}
          <div className="mz-muted">{r.session}</div>
        </span>
      ),
    },
    { title: t('proposals.c.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('proposals.c.deputies'), dataIndex: 'deputies' },
    { title: t('proposals.f.role'), dataIndex: 'role', render: (v: string) => <Tag>{v}</Tag> },
    { title: t('proposals.c.office'), dataIndex: 'orgUnitName' },
    { title: t('proposals.c.receivedOn'), dataIndex: 'receivedOn' },
    { title: t('proposals.f.state'), dataIndex: 'stateLabel' },
    {
      title: t('proposals.c.due'),
      dataIndex: 'dueDate',
      render: (v: string | null, r) => (v ? <Tag color={r.clockState === 'overdue' ? 'red' : 'default'}>{v}</Tag> : '—'),
    },
    { title: t('proposals.f.category'), dataIndex: 'category', render: (v: string | null) => v ?? '—' },
    { title: t('proposals.c.result'), dataIndex: 'result', render: (v: string | null) => (v ? <Tag color={v === '不满意' ? 'red' : 'green'}>{v}</Tag> : '—') },
  ];
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);

  return (
    <div className="mz-page mz-pp" data-testid="proposals-page">
      <PageHeader
        title={t('proposals.nav.list')}
        desc={t('proposals.list.desc')}
        extra={
          can('proposals.handle') && (
            <Button type="primary" onClick={() => setRegistering(true)} data-testid="proposal-register">
              {t('proposals.register')}
            </Button>
          )
        }
      />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <InputNumber
            aria-label={t('proposals.f.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            addonBefore={t('proposals.f.year')}
          />
          {stats.data && (
            <>
              <Statistic title={t('proposals.stats.total')} value={stats.data.total} />
              {stats.data.byKindRole.map((x) => (
                <Statistic key={x.kind + x.role} title={`${x.kind}·${x.role}`} value={x.count} />
              ))}
              <Statistic title={t('proposals.stats.onTime')} value={pct(stats.data.onTimeRate)} />
              <Statistic title={t('proposals.stats.satisfaction')} value={pct(stats.data.satisfactionRate)} />
            </>
          )}
        </Space>
        {stats.data && (
          <div className="mz-muted" style={{ marginTop: 8 }}>
            {stats.data.rule}
          </div>
        )}
        {stats.isError && <Alert type="error" message={String(stats.error)} />}
      </Card>
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('proposals.f.kind')}
            placeholder={t('proposals.f.kind')}
            style={{ width: 140 }}
            options={opts(KINDS)}
            onChange={(v) => set({ kind: v })}
          />
          <Input
            allowClear
            aria-label={t('proposals.f.session')}
            placeholder={t('proposals.f.session')}
            style={{ width: 200 }}
            onChange={(e) => set({ session: e.target.value || undefined })}
          />
          <Select
            allowClear
            aria-label={t('proposals.f.role')}
            placeholder={t('proposals.f.role')}
            style={{ width: 110 }}
            options={opts(ROLES)}
            onChange={(v) => set({ role: v })}
          />
          <Select
            allowClear
            aria-label={t('proposals.f.category')}
            placeholder={t('proposals.f.category')}
            style={{ width: 110 }}
            options={opts(CATEGORIES)}
            onChange={(v) => set({ category: v })}
          />
          <Select
            allowClear
            aria-label={t('proposals.f.state')}
            placeholder={t('proposals.f.state')}
            style={{ width: 160 }}
            options={PROPOSAL_STATES}
            onChange={(v) => set({ state: v })}
          />
          <InputNumber
            aria-label={t('proposals.f.yearFilter')}
            placeholder={t('proposals.f.year')}
            min={2000}
            max={2100}
            onChange={(v) => set({ year: v ?? undefined })}
          />
          <Input.Search
            allowClear
            aria-label={t('proposals.f.q')}
            placeholder={t('proposals.f.q')}
            style={{ width: 220 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<ProposalRow>
            rowKey="id"
            size="small"
            loading={list.isPending}
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => setF((x) => ({ ...x, page, pageSize })),
            }}
          />
        )}
      </Card>
      <RegisterProposalModal open={registering} onClose={() => setRegistering(false)} onDone={done} />
    </div>
  );
}
