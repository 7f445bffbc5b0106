import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Tag, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { normdocApi, type CleanupRow } from './api.ts';
import { CleanupCard } from './CleanupCard.tsx';
import './normdocs.css';
import { DataTable } from '../../shared/DataTable.tsx';

type OpenForm = { name: string; basis: string; asOf: Dayjs; dueOn?: Dayjs };

/** 规范性文件清理: the campaigns in scope; 政策法规处 opens one, concludes each document and closes it (CleanupCard). */
export function CleanupsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<OpenForm>();
  const list = useQuery({ queryKey: ['normdocs', 'cleanups'], queryFn: () => normdocApi.cleanups() });
  const req = [{ required: true, message: t('normdocs.required') }];
  const current = picked ?? list.data?.items[0]?.id ?? null;

  const submit = async (v: OpenForm) => {
    setBusy(true);
    setError(null);
    try {
      const r = await normdocApi.openCleanup({ name: v.name, basis: v.basis, asOf: v.asOf.format('YYYY-MM-DD'), dueOn: v.dueOn?.format('YYYY-MM-DD') });
      form.resetFields();
      setOpening(false);
      setPicked(r.id);
      message.success(t('normdocs.cl.opened', { n: r.documents }));
      void qc.invalidateQueries({ queryKey: ['normdocs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<CleanupRow>['columns'] = [
    { title: t('normdocs.cl.name'), dataIndex: 'name' },
    { title: t('normdocs.cl.asOf'), dataIndex: 'asOf' },
    { title: t('normdocs.cl.office'), dataIndex: 'orgUnitName', responsive: ['md'] },
    { title: t('normdocs.cl.progress'), render: (_: unknown, r) => `${r.concluded} / ${r.documents}` },
    {
      title: t('normdocs.cl.status'),
      dataIndex: 'closedOn',
      render: (v: string | null, r) =>
        v ? (
          <Tag color="green">{`${t('normdocs.cl.closed')} ${v}`}</Tag>
        ) : r.stalled ? (
          <Tag color="red" data-testid="cleanup-stalled">{`${t('normdocs.cl.stalled')}（${r.dueOn}）`}</Tag>
        ) : (
          <Tag color="blue">{`${t('normdocs.cl.open')}${r.dueOn ? ` · ${t('normdocs.cl.dueOn')} ${r.dueOn}` : ''}`}</Tag>
        ),
    },
  ];

  return (
    <div className="mz-page mz-nd" data-testid="cleanups-page">
      <PageHeader
        title={t('normdocs.nav.cleanups')}
        desc={t('normdocs.cl.desc')}
        extra={
          can('normdocs.review') && (
            <Button type="primary" onClick={() => setOpening(true)} data-testid="cleanup-new">
              {t('normdocs.cl.new')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<CleanupRow>
            rowKey="id"
            size="small"
            loading={list.isPending}
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={false}
            rowClassName={(r) => (r.id === current ? 'ant-table-row-selected' : '')}
            onRow={(r) => ({ onClick: () => setPicked(r.id), style: { cursor: 'pointer' } })}
          />
        )}
      </Card>
      {current ? <CleanupCard id={current} /> : list.isSuccess && <Alert type="info" showIcon message={t('normdocs.cl.pick')} />}
      <Modal
        open={opening}
        title={t('normdocs.cl.new')}
        onCancel={() => setOpening(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
        width={640}
      >
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('normdocs.cl.name')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="basis" label={t('normdocs.cl.basis')} rules={req}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="asOf" label={t('normdocs.cl.asOf')} rules={req}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="dueOn" label={t('normdocs.cl.dueOn')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
