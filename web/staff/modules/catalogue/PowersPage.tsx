import { LawBasis } from '../../shared/LawBasis.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { ITEM_TYPES, catalogueApi } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

/** 权责清单 as of a date, counts by type, and 划转 to another body. */
export function PowersPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [asOf, setAsOf] = useState(dayjs().format('YYYY-MM-DD'));
  const [moving, setMoving] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['catalogue', 'powers', asOf], queryFn: () => catalogueApi.powers({ asOf, includeTransferred: 'true' }) });
  const transfer = useMutation({
    mutationFn: (v: any) => catalogueApi.transfer(moving.id, { ...v, transferredOn: v.transferredOn.format('YYYY-MM-DD') }),
    onSuccess: () => (setMoving(null), setError(null), void qc.invalidateQueries({ queryKey: ['catalogue', 'powers'] })),
    onError: (e: Error) => setError(e.message),
  });
  const d = q.data;
  const inForce = (r: any) => !r.transferredOn || r.transferredOn > asOf;
  return (
    <div className="mz-page" data-testid="catalogue-powers-page">
      <PageHeader title={t('catalogue.nav.powers')} desc={t('catalogue.powers.desc')} />
      <Card className="mz-card">
        <Space wrap>
          <span>{t('catalogue.asOf')}</span>
          <DatePicker aria-label={t('catalogue.asOf')} value={dayjs(asOf)} onChange={(v) => v && setAsOf(v.format('YYYY-MM-DD'))} allowClear={false} />
          {d && (
            <span data-testid="power-counts">
              {t('catalogue.total')} {d.items.filter(inForce).length}：
              {d.byType
                .map((b: any) => `${b.label.replace('行政', '')} ${d.items.filter((i: any) => inForce(i) && i.typeCode === b.typeCode).length}`)
                .join('，')}
            </span>
          )}
        </Space>
      </Card>
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Card className="mz-card" style={{ marginTop: 12 }}>
        <DataTable
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={d?.items ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          scroll={{ x: 1000 }}
          columns={[
            { title: t('catalogue.col.code'), dataIndex: 'code', width: 130, render: (c: string) => <span className="mz-mono">{c}</span> },
            { title: t('catalogue.col.name'), dataIndex: 'name' },
            { title: t('catalogue.col.type'), dataIndex: 'typeCode', width: 100, render: (c: keyof typeof ITEM_TYPES) => ITEM_TYPES[c] },
            { title: t('catalogue.col.basis'), dataIndex: 'legalBasis', ellipsis: true, render: (v: string) => <LawBasis text={v} /> },
            { title: t('catalogue.col.office'), dataIndex: 'officeName', width: 160 },
            {
              title: t('catalogue.col.transfer'),
              width: 200,
              render: (_: unknown, r: any) =>
                r.transferredTo ? (
                  <Tag color={inForce(r) ? 'blue' : 'default'}>{`${r.transferredOn} → ${r.transferredTo}`}</Tag>
                ) : can('catalogue.draft') ? (
                  <Button size="small" onClick={() => (setMoving(r), form.resetFields())}>
                    {t('catalogue.transfer')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal
        open={!!moving}
        title={`${t('catalogue.transfer')}:${moving?.name ?? ''}`}
        onCancel={() => setMoving(null)}
        onOk={() => form.submit()}
        confirmLoading={transfer.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => transfer.mutate(v)}>
          <Form.Item name="toBody" label={t('catalogue.transferTo')} rules={[{ required: true, message: t('catalogue.transferTo') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="transferredOn" label={t('catalogue.transferOn')} rules={[{ required: true, message: t('catalogue.transferOn') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="basis" label={t('catalogue.transferBasis')} rules={[{ required: true, message: t('catalogue.transferBasis') }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
        </Form>
      </Modal>
    </div>
  );
}
