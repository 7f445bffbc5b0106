import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Select, Space, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { TIPOFF_STATES, enforcementApi, type TipoffRow } from './api.ts';
import { ReceiveTipoffModal } from './ReceiveTipoffModal.tsx';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

const COLOR = { received: 'orange', verified: 'blue', decided: 'purple', closed: 'green' } as const;

/** 举报 in the user's scope (never the informant): state, reply due and whether it is late; 登记 of a visit, call or letter. */
export function TipoffsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const [f, setF] = useState<{ state?: string; q?: string; page: number }>({ page: 1 });
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['enforcement', 'tipoffs', f], queryFn: () => enforcementApi.tipoffs(f) });
  const columns: TableProps<TipoffRow>['columns'] = [
    { title: t('enforcement.t.ref'), dataIndex: 'refNo', render: (v: string, r) => <Link to={`/enforcement/tipoffs/${r.id}`}>{v}</Link> },
    { title: t('enforcement.t.party'), dataIndex: 'reportedParty' },
    { title: t('enforcement.c.org'), dataIndex: 'org', responsive: ['md'] },
    { title: t('enforcement.t.channel'), dataIndex: 'channel', responsive: ['lg'] },
    { title: t('enforcement.t.received'), dataIndex: 'receivedOn' },
    { title: t('enforcement.c.state'), dataIndex: 'stateLabel', render: (v: string, r) => <Tag color={COLOR[r.state]}>{v}</Tag> },
    {
      title: t('enforcement.t.due'),
      dataIndex: 'replyDue',
      render: (v: string, r) => (r.overdue ? <Tag color="red">{`${v} ${t('enforcement.t.late')}`}</Tag> : v),
    },
    { title: t('enforcement.t.outcome'), dataIndex: 'outcome', render: (v: string | null) => v ?? '—', responsive: ['md'] },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-tipoffs-page">
      <PageHeader
        title={t('enforcement.nav.tipoffs')}
        desc={t('enforcement.tipoffs.desc')}
        extra={
          can('enforcement.handle') && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="tipoff-receive">
              {t('enforcement.t.receive')}
            </Button>
          )
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('enforcement.t.secrecy')} />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('enforcement.c.state')}
            aria-label={t('enforcement.c.state')}
            options={Object.entries(TIPOFF_STATES).map(([value, label]) => ({ value, label }))}
            onChange={(state) => setF((x) => ({ ...x, state, page: 1 }))}
          />
          <Input.Search
            allowClear
            aria-label={`${t('enforcement.t.ref')} / ${t('enforcement.t.party')}`}
            placeholder={`${t('enforcement.t.ref')} / ${t('enforcement.t.party')}`}
            onSearch={(q) => setF((x) => ({ ...x, q: q || undefined, page: 1 }))}
          />
        </Space>
      </Card>
      {list.error && <QueryError error={list.error} />}
      <DataTable
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        scroll={{ x: 'max-content' }}
        pagination={{ current: f.page, pageSize: 20, total: list.data?.total, onChange: (page) => setF((x) => ({ ...x, page })) }}
      />
      <ReceiveTipoffModal
        open={open}
        onClose={() => setOpen(false)}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ['enforcement', 'tipoffs'] });
          modal.success({
            title: `${t('enforcement.t.received.ok')} ${r.refNo}`,
            content: `${t('enforcement.t.code')}：${r.queryCode}（${t('enforcement.t.codeOnce')}）`,
          });
        }}
      />
    </div>
  );
}
