import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { receptionLogApi, type ReceptionLogEntry } from './api.ts';
import './petitions.css';
import { DataTable } from '../../shared/DataTable.tsx';

type Values = { day: Dayjs; kind: '来信' | '来访'; batches: number; persons: number; note?: string };

/** 接待登记: 批 / 人次 of letters and visits received, counted apart from 件 (the 信访事项). */
export function ReceptionLogPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['petitions', 'reception-log', page], queryFn: () => receptionLogApi.list({ page, pageSize: 20 }) });
  const add = useMutation({
    mutationFn: (v: Values) =>
      receptionLogApi.add({ day: v.day.format('YYYY-MM-DD'), kind: v.kind, batches: v.batches, persons: v.persons, note: v.note?.trim() || undefined }),
    onSuccess: () => {
      setError(null);
      message.success(t('petitions.rl.saved'));
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['petitions', 'reception-log'] });
    },
    onError: (e: unknown) => setError(applyServerError(form, e, ['day', 'kind', 'batches', 'persons', 'note'])),
  });
  const d = q.data;
  return (
    <div className="mz-page">
      <PageHeader title={t('petitions.nav.receptionLog')} desc={t('petitions.rl.desc')} />
      {can('petition.register') && (
        <Card className="mz-card" title={t('petitions.rl.add')} style={{ marginBottom: 16 }}>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Form<Values> form={form} layout="inline" initialValues={{ day: dayjs(), kind: '来访', batches: 1, persons: 1 }} onFinish={(v) => add.mutate(v)}>
            <Form.Item name="day" label={t('petitions.rl.day')} rules={[{ required: true, message: t('common.required', { f: t('petitions.rl.day') }) }]}>
              <DatePicker disabledDate={(x) => x.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="kind" label={t('petitions.rl.kind')}>
              <Select style={{ width: 100 }} options={['来信', '来访'].map((v) => ({ value: v, label: t(`petitions.v.${v}` as never) }))} />
            </Form.Item>
            <Form.Item
              name="batches"
              label={t('petitions.form.visitBatch')}
              rules={[{ required: true, message: t('common.required', { f: t('petitions.form.visitBatch') }) }]}
            >
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
            <Form.Item
              name="persons"
              label={t('petitions.form.visitPersons')}
              rules={[{ required: true, message: t('common.required', { f: t('petitions.form.visitPersons') }) }]}
            >
              <InputNumber min={1} max={100000} precision={0} />
            </Form.Item>
            <Form.Item name="note" label={t('petitions.rl.note')} rules={[{ max: 500 }]}>
              <Input maxLength={500} style={{ width: 220 }} />
            </Form.Item>
            <Button type="primary" htmlType="button" onClick={() => form.submit()} loading={add.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
      <Card className="mz-card">
        {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
        {d && (
          <p data-testid="reception-totals">
            <Tag>{t('petitions.rl.totals', { kind: t('petitions.v.来信'), batches: d.totals.letters.batches, persons: d.totals.letters.persons })}</Tag>
            <Tag>{t('petitions.rl.totals', { kind: t('petitions.v.来访'), batches: d.totals.visits.batches, persons: d.totals.visits.persons })}</Tag>
          </p>
        )}
        <DataTable<ReceptionLogEntry>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={d?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage }}
          columns={[
            { key: 'day', title: t('petitions.rl.day'), render: (_, r) => formatDate(r.day) },
            { key: 'org', title: t('petitions.col.org'), dataIndex: 'orgUnitName' },
            { key: 'kind', title: t('petitions.rl.kind'), render: (_, r) => t(`petitions.v.${r.kind}` as never) },
            { key: 'batches', title: t('petitions.form.visitBatch'), dataIndex: 'batches' },
            { key: 'persons', title: t('petitions.form.visitPersons'), dataIndex: 'persons' },
            { key: 'note', title: t('petitions.rl.note'), render: (_, r) => r.note ?? '' },
            { key: 'by', title: t('petitions.rl.by'), render: (_, r) => `${r.recordedByName} ${formatDateTime(r.recordedAt)}` },
          ]}
        />
      </Card>
    </div>
  );
}
