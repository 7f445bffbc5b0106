import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Descriptions, Form, Input, InputNumber, Segmented, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { yuanGrouped } from '../../../../src/platform/money.ts';
import { orgsApi, type OrgDetail } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = OrgDetail['inspections'][number];
type Values = { year: number; step: 'review' | 'conclude'; on: Dayjs; conclusion?: '合格' | '基本合格' | '不合格'; reasons?: string };

/** 年检: the 年报报送码 for the portal, the reports filed (expand a row), 初审 and the conclusion. */
/** Dates and short headers stay on one line (the table scrolls sideways on a narrow screen). */
const nowrap = { style: { whiteSpace: 'nowrap' as const } };
const oneLine = { onHeaderCell: () => nowrap, onCell: () => nowrap };

export function InspectionsPanel({ d }: { d: OrgDetail }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const step = Form.useWatch('step', form) ?? 'review';
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['orgs', 'detail', d.id] });
  // The form opens on the open step (初审 or 结论 of the filed year); while the organization has not filed, 报送码 is the next move.
  const next = d.nextStep;
  const filing = next?.act === 'file';
  // Only when the open step itself moves: a refetch of the same record leaves the clerk's choice alone.
  const nextYear = next?.year;
  const nextAct = next?.act;
  useEffect(() => {
    if (nextYear !== undefined && nextAct !== 'file') form.setFieldsValue({ year: nextYear, step: nextAct === 'conclude' ? 'conclude' : 'review' });
  }, [form, nextYear, nextAct]);
  const issue = useMutation({
    mutationFn: () => orgsApi.issueFilingCode(d.id),
    onSuccess: (r) => (setError(null), setCode(r.code)),
    onError: (e: Error) => setError(e.message),
  });
  const record = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.recordInspection(d.id, {
        year: v.year,
        ...(v.step === 'review'
          ? { reviewedOn: v.on.format('YYYY-MM-DD') }
          : { conclusion: v.conclusion, reasons: v.reasons ?? null, concludedOn: v.on.format('YYYY-MM-DD') }),
      }),
    // A saved conclusion clears its fields; a saved 初审 leaves alone what the clerk may already be typing for the conclusion.
    onSuccess: (_, v) => (setError(null), v.step === 'conclude' && form.resetFields(['conclusion', 'reasons']), void refresh()),
    onError: (e: Error) => setError(e.message),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Button type={filing ? 'primary' : 'default'} onClick={() => issue.mutate()} loading={issue.isPending} disabled={d.status !== 'normal'}>
          {t('orgs.i.issueCode')}
        </Button>
        {code ? <Alert type="success" showIcon message={<span data-testid="filing-code">{t('orgs.i.codeShown', { code })}</span>} /> : null}
      </Space>
      {error ? <Alert type="error" showIcon role="alert" message={error} closable onClose={() => setError(null)} /> : null}
      <DataTable<Row>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={d.inspections}
        scroll={{ x: 900 }}
        expandable={{ rowExpandable: (r) => !!r.report, expandedRowRender: (r) => <Report r={r} /> }}
        columns={[
          { title: t('orgs.d.year'), dataIndex: 'year', width: 80 },
          {
            title: t('orgs.d.submitted'),
            dataIndex: 'submittedOn',
            ...oneLine,
            render: (x: string | null, r) => (x ? `${x}${r.submittedVia === 'portal' ? t('orgs.i.viaPortal') : ''}` : '—'),
          },
          {
            title: t('orgs.i.supOpinion'),
            dataIndex: 'supervisorOpinion',
            render: (x: string | null, r) => (x ? `${x}（${r.supervisorOpinionOn}）${r.supervisorComment ? `：${r.supervisorComment}` : ''}` : '—'),
          },
          { title: t('orgs.i.reviewed'), dataIndex: 'reviewedOn', ...oneLine, render: (x: string | null) => x ?? '—' },
          { title: t('orgs.d.conclusion'), dataIndex: 'conclusion', ...oneLine, render: (x: string | null, r) => (x ? `${x}（${r.concludedOn}）` : '—') },
          { title: t('orgs.i.reasons'), dataIndex: 'reasons', onHeaderCell: oneLine.onHeaderCell, render: (x: string | null) => x ?? '' },
          { title: t('orgs.i.published'), dataIndex: 'publishedOn', ...oneLine, render: (x: string | null) => x ?? '—' },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        initialValues={{ step: next?.act === 'conclude' ? 'conclude' : 'review', year: next?.year ?? new Date().getFullYear() - 1 }}
        onFinish={(v) => record.mutate(v)}
      >
        <Form.Item name="year" label={t('orgs.d.year')} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2999} />
        </Form.Item>
        <Form.Item name="step">
          <Segmented
            options={[
              { value: 'review', label: t('orgs.i.review') },
              { value: 'conclude', label: t('orgs.i.conclude') },
            ]}
          />
        </Form.Item>
        <Form.Item name="on" label={t('orgs.d.date')} rules={[{ required: true, message: t('orgs.d.date') }]}>
          <DatePicker />
        </Form.Item>
        {step === 'conclude' ? (
          <>
            <Form.Item name="conclusion" label={t('orgs.d.conclusion')} rules={[{ required: true, message: t('orgs.d.conclusion') }]}>
              <Select style={{ width: 120 }} options={['合格', '基本合格', '不合格'].map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="reasons" label={t('orgs.i.reasons')}>
              <Input.TextArea autoSize style={{ width: 280 }} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item>
          <Button type={filing ? 'default' : 'primary'} htmlType="submit" loading={record.isPending}>
            {t('orgs.i.save')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}

function Report({ r }: { r: Row }) {
  const t = useT();
  const p = r.report!;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label={t('orgs.i.activities')} span={3}>
        {p.activities}
      </Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.income')}>{yuanGrouped(p.incomeCents)}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.expenditure')}>{yuanGrouped(p.expenditureCents)}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.netAssets')}>{yuanGrouped(p.netAssetsCents)}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.staff')}>{p.staff}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.members')}>{p.members ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.board')}>{p.boardMeetings}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.supervisor')}>{p.supervisorReviewedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.audit')}>{p.auditFirm ? `${p.auditFirm} ${p.auditReportNo ?? ''}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orgs.i.filer')}>{`${p.filerName} ${p.filerPhone}`}</Descriptions.Item>
    </Descriptions>
  );
}
