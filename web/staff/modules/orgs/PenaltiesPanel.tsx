import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { yuanGrouped } from '../../../../src/platform/money.ts';
import { orgsApi, type OrgDetail, type Penalty } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Values = {
  decidedOn: Dayjs;
  documentNo?: string;
  facts: string;
  warning?: boolean;
  fineYuan?: number | null;
  confiscationYuan?: number | null;
  suspendedUntil?: Dayjs | null;
  dismissal?: boolean;
};

/** 行政处罚: the decisions recorded for the organization (basis, measures, listings) and, for leaders, the form for a new one. */
export function PenaltiesPanel({ d }: { d: OrgDetail }) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['orgs', 'penalties', d.id], queryFn: () => orgsApi.penalties(d.id) });
  const save = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.penalize(d.id, {
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        documentNo: v.documentNo?.trim() || null,
        facts: v.facts,
        warning: !!v.warning,
        fineYuan: v.fineYuan ?? null,
        confiscationYuan: v.confiscationYuan ?? null,
        suspendedUntil: v.suspendedUntil ? v.suspendedUntil.format('YYYY-MM-DD') : null,
        dismissal: !!v.dismissal,
      }),
    onSuccess: (r) => {
      form.resetFields();
      setError(null);
      setSaved(t('orgs.p.saved', { basis: r.basis }));
      void qc.invalidateQueries({ queryKey: ['orgs'] });
    },
    onError: (e: Error) => (setSaved(null), setError(e.message)),
  });
  const measures = (p: Penalty) =>
    [
      p.warning ? t('orgs.p.warning') : null,
      p.fineCents != null ? `${t('orgs.p.fine')} ${yuanGrouped(p.fineCents)}` : null,
      p.confiscationCents != null ? `${t('orgs.p.confiscation')} ${yuanGrouped(p.confiscationCents)}` : p.confiscated ? t('orgs.p.confiscated') : null,
      p.suspendedUntil ? `${t('orgs.p.suspendedUntil')} ${p.suspendedUntil}` : null,
      p.dismissal ? t('orgs.p.dismissal') : null,
    ]
      .filter(Boolean)
      .join('；');
  const required = (label: string) => [{ required: true, message: t('orgs.spot.required', { label }) }];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <DataTable<Penalty>
          size="small"
          rowKey="id"
          loading={list.isPending}
          pagination={false}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('orgs.p.none') }}
          scroll={{ x: 760 }}
          data-testid="penalties"
          columns={[
            { title: t('orgs.p.decidedOn'), dataIndex: 'decidedOn', width: 110 },
            {
              title: t('orgs.p.documentNo'),
              dataIndex: 'documentNo',
              width: 170,
              // A decision of an enforcement case links to the case (行政执法).
              render: (x: string | null, p) => (p.caseId ? <Link to={`/cases/${p.caseId}`}>{x ?? t('orgs.p.case')}</Link> : (x ?? '—')),
            },
            { title: t('orgs.p.measures'), key: 'measures', render: (_: unknown, p) => measures(p) },
            { title: t('orgs.p.facts'), dataIndex: 'facts' },
            { title: t('orgs.p.basis'), dataIndex: 'basis' },
          ]}
        />
      )}
      {can('orgs.penalize') && d.status === 'normal' ? (
        <>
          <Typography.Title level={5}>{t('orgs.p.new')}</Typography.Title>
          <p className="mz-muted">{t('orgs.p.hint')}</p>
          <p className="mz-muted">
            {t('orgs.p.viaEnforcement')}
            {can('enforcement.read') ? (
              <>
                {' '}
                <Link className="mz-text-link" to="/enforcement">
                  {t('orgs.p.toEnforcement')}
                </Link>
              </>
            ) : null}
          </p>
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 640 }} data-testid="penalty-form">
            <Form.Item name="decidedOn" label={t('orgs.p.decidedOn')} rules={required(t('orgs.p.decidedOn'))}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="documentNo" label={t('orgs.p.documentNo')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="facts" label={t('orgs.p.facts')} rules={required(t('orgs.p.facts'))}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
            <Form.Item name="warning" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('orgs.p.warning')}</Checkbox>
            </Form.Item>
            <Form.Item name="fineYuan" label={t('orgs.p.fine')}>
              <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="confiscationYuan" label={t('orgs.p.confiscation')}>
              <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="suspendedUntil" label={t('orgs.p.suspendedUntil')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="dismissal" valuePropName="checked">
              <Checkbox>{t('orgs.p.dismissal')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="penalty-save">
              {t('orgs.p.save')}
            </Button>
          </Form>
          {error ? <Alert type="error" showIcon role="alert" message={error} closable onClose={() => setError(null)} /> : null}
          {saved ? <Alert type="success" showIcon role="status" message={saved} /> : null}
        </>
      ) : null}
    </Space>
  );
}
