import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Grid, Input, InputNumber, Modal, Pagination, Select, Space, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { NORMDOC_STATES, normdocApi, type NormdocFilters, type NormdocRow } from './api.ts';
import './normdocs.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 规范性文件登记簿: number, title, stage, dates, drafting office; search and filters; 起草 a new one. */
export function NormdocsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<NormdocFilters>({ page: 1, pageSize: 20 });
  // A phone gets cards (number, state, title, office, dates) instead of the nine-column table.
  const mobile = Grid.useBreakpoint().md === false;
  const [drafting, setDrafting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ title: string; text: string; note?: string }>();
  const list = useQuery({ queryKey: ['normdocs', 'list', f], queryFn: () => normdocApi.list(f) });
  const set = (patch: NormdocFilters) => setF((x) => ({ ...x, ...patch, page: 1 }));
  const req = [{ required: true, message: t('normdocs.required') }];
  const submit = async (v: { title: string; text: string; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await normdocApi.register(v);
      form.resetFields();
      setDrafting(false);
      message.success(t('normdocs.new.ok'));
      void qc.invalidateQueries({ queryKey: ['normdocs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<NormdocRow>['columns'] = [
    { title: t('normdocs.c.number'), dataIndex: 'number', render: (v: string | null, r) => <NumberChain number={v} r={r} /> },
    { title: t('normdocs.c.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('normdocs.f.state'), dataIndex: 'stateLabel', render: (v: string, r) => <Tag color={r.state === 'filed' ? 'green' : 'default'}>{v}</Tag> },
    { title: t('normdocs.c.office'), dataIndex: 'orgUnitName' },
    { title: t('normdocs.c.createdOn'), dataIndex: 'createdOn' },
    { title: t('normdocs.c.publishedOn'), dataIndex: 'publishedOn', render: (v: string | null) => v ?? '—' },
    { title: t('normdocs.c.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
    { title: t('normdocs.c.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => v ?? '—' },
    { title: t('normdocs.c.due'), dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <div className="mz-page mz-nd" data-testid="normdocs-page">
      <PageHeader
        title={t('normdocs.nav.list')}
        desc={t('normdocs.list.desc')}
        extra={
          can('normdocs.draft') && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="normdoc-new">
              {t('normdocs.new')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('normdocs.f.state')}
            placeholder={t('normdocs.f.state')}
            style={{ width: 200 }}
            options={NORMDOC_STATES}
            onChange={(v) => set({ state: v })}
          />
          <InputNumber
            aria-label={t('normdocs.f.year')}
            placeholder={t('normdocs.f.year')}
            min={2000}
            max={2100}
            onChange={(v) => set({ year: v ?? undefined })}
          />
          <Input.Search
            allowClear
            aria-label={t('normdocs.f.q')}
            placeholder={t('normdocs.f.q')}
            style={{ width: 260 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : mobile ? (
          <div className="mz-wl-cards" data-testid="normdoc-cards">
            {(list.data?.items ?? []).map((r) => (
              <Link key={r.id} to={`/cases/${r.id}`} className="mz-wl-card">
                <div className="mz-wl-card-top">
                  <span className="mz-mono">{r.number ?? r.refNo}</span>
                  <Tag color={r.state === 'filed' ? 'green' : 'default'}>{r.stateLabel}</Tag>
                </div>
                <div className="mz-wl-card-title">{r.title}</div>
                <div className="mz-wl-card-meta mz-muted">
                  {[
                    r.orgUnitName,
                    r.effectiveOn && `${t('normdocs.c.effectiveOn')} ${r.effectiveOn}`,
                    r.validUntil && `${t('normdocs.c.validUntil')} ${r.validUntil}`,
                    r.previous && t('normdocs.chain.prev', { kind: r.previous.kind, number: r.previous.number ?? '' }),
                    r.next && t('normdocs.chain.next', { kind: r.next.kind, number: r.next.number ?? '' }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </Link>
            ))}
            <Pagination
              size="small"
              current={f.page}
              pageSize={f.pageSize}
              total={list.data?.total ?? 0}
              onChange={(page, pageSize) => setF((x) => ({ ...x, page, pageSize }))}
            />
          </div>
        ) : (
          <DataTable<NormdocRow>
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
      <Modal
        open={drafting}
        title={t('normdocs.new')}
        onCancel={() => setDrafting(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
        width={720}
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('normdocs.field.title')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="text" label={t('normdocs.field.text')} rules={req}>
            <Input.TextArea rows={10} />
          </Form.Item>
          <Form.Item name="note" label={t('normdocs.field.note')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** The number with the register's chain: what this document continues or revises, and what replaced it. */
function NumberChain({ number, r }: { number: string | null; r: NormdocRow }) {
  const t = useT();
  return (
    <div>
      <div className="mz-mono">{number ?? '—'}</div>
      {r.previous && (
        <Link className="mz-nd-chain" to={`/cases/${r.previous.id}`}>
          {t('normdocs.chain.prev', { kind: r.previous.kind, number: r.previous.number ?? '' })}
        </Link>
      )}
      {r.next && (
        <Link className="mz-nd-chain" to={`/cases/${r.next.id}`}>
          {t('normdocs.chain.next', { kind: r.next.kind, number: r.next.number ?? '' })}
        </Link>
      )}
    </div>
  );
}
