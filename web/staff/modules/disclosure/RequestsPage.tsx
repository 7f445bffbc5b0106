import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { APPLICANT_KINDS, CHANNELS, RECEIPT_RULE, disclosureApi, type RequestRow } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

const opts = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));
const STATES = [
  { value: 'received', label: '办理中' },
  { value: 'correcting', label: '待补正' },
  { value: 'consulting', label: '征求第三方意见' },
  { value: 'answered', label: '已答复' },
];

/** 依申请公开: the requests in scope; staff register letters and visits here (the moves are on the case page). */
export function RequestsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const [f, setF] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [err, setErr] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form) as keyof typeof RECEIPT_RULE | undefined;
  const list = useQuery({ queryKey: ['disclosure', 'requests', f], queryFn: () => disclosureApi.requests(f) });
  const set = (patch: Record<string, string | number | undefined>) => setF((x) => ({ ...x, ...patch, page: 1 }));

  const submit = async (v: Record<string, unknown>) => {
    setErr(null);
    try {
      const r = await disclosureApi.register({ ...v, receivedOn: (v.receivedOn as dayjs.Dayjs).format('YYYY-MM-DD') });
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['disclosure'] });
      modal.success({ title: t('disclosure.register.ok'), content: `${r.refNo} / ${r.queryCode}` });
    } catch (e) {
      setErr(applyServerError(form, e, ['channel', 'applicantKind', 'applicantName', 'contact', 'content', 'form', 'receivedOn']));
    }
  };

  const columns: TableProps<RequestRow>['columns'] = [
    { title: t('disclosure.c.ref'), dataIndex: 'refNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('disclosure.f.content'), dataIndex: 'content', ellipsis: true },
    { title: t('disclosure.f.kind'), dataIndex: 'applicantKind', render: (v: string, r) => `${r.applicantName}（${v}）` },
    { title: t('disclosure.f.channel'), dataIndex: 'channel' },
    { title: t('disclosure.f.receivedOn'), dataIndex: 'receivedOn' },
    { title: t('disclosure.f.office'), dataIndex: 'office' },
    { title: t('disclosure.f.state'), dataIndex: 'state', render: (v: string) => <Tag>{STATES.find((s) => s.value === v)?.label ?? v}</Tag> },
    {
      title: t('disclosure.c.due'),
      dataIndex: 'dueDate',
      render: (v: string | null, r) =>
        r.state === 'answered' ? (
          '—'
        ) : r.state !== 'received' ? (
          <Tag color="blue">{`暂停计算（${r.state === 'consulting' ? '第三方答复' : '补正'}期限 ${v ?? '—'}）`}</Tag>
        ) : v ? (
          <Tag color={r.clockState === 'overdue' ? 'red' : r.clockState === 'due_soon' ? 'orange' : 'default'}>{v}</Tag>
        ) : (
          <Tag>暂停计算</Tag>
        ),
    },
    { title: t('disclosure.c.answer'), dataIndex: 'answerKind', render: (v: string | null, r) => (v ? `${v}（${r.answeredOn}）` : '—') },
  ];

  return (
    <div className="mz-page" data-testid="disclosure-requests">
      <PageHeader
        title={t('disclosure.nav.requests')}
        desc={t('disclosure.requests.desc')}
        extra={
          can('disclosure.handle') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('disclosure.register')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <InputNumber
            aria-label={t('disclosure.f.year')}
            placeholder={t('disclosure.f.year')}
            min={2008}
            max={2100}
            onChange={(v) => set({ year: v ?? undefined })}
          />
          <Select
            allowClear
            aria-label={t('disclosure.f.state')}
            placeholder={t('disclosure.f.state')}
            style={{ width: 160 }}
            options={STATES}
            onChange={(v) => set({ state: v })}
          />
          <Select
            allowClear
            aria-label={t('disclosure.f.kind')}
            placeholder={t('disclosure.f.kind')}
            style={{ width: 160 }}
            options={opts(APPLICANT_KINDS)}
            onChange={(v) => set({ applicantKind: v })}
          />
          <Input.Search
            allowClear
            aria-label={t('disclosure.f.q')}
            placeholder={t('disclosure.f.q')}
            style={{ width: 240 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<RequestRow>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: 900 }}
            pagination={{
              current: Number(f.page),
              pageSize: Number(f.pageSize),
              total: list.data?.total,
              onChange: (page, pageSize) => setF((x) => ({ ...x, page, pageSize })),
            }}
          />
        )}
      </Card>
      <Modal
        open={open}
        title={t('disclosure.register')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('disclosure.submit')}
        cancelText={t('disclosure.cancel')}
        destroyOnHidden
      >
        {err && <Alert type="error" showIcon message={err} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ channel: '挂号信函', applicantKind: '自然人', form: '纸质文本', receivedOn: dayjs() }}
        >
          <Form.Item name="channel" label={t('disclosure.f.channel')} extra={channel ? RECEIPT_RULE[channel] : undefined} rules={[{ required: true }]}>
            <Select options={opts(CHANNELS)} />
          </Form.Item>
          <Form.Item name="receivedOn" label={t('disclosure.f.receivedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="applicantKind" label={t('disclosure.f.kind')} rules={[{ required: true }]}>
            <Select options={opts(APPLICANT_KINDS)} />
          </Form.Item>
          <Form.Item name="applicantName" label={t('disclosure.f.name')} rules={[{ required: true, message: '请填写申请人姓名或名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="contact" label={t('disclosure.f.contact')} rules={[{ required: true, message: '请填写联系方式' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label={t('disclosure.f.content')} rules={[{ required: true, message: '请填写所需政府信息' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="form" label={t('disclosure.f.form')}>
            <Select options={opts(['电子数据', '纸质文本', '查阅、抄录'])} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
