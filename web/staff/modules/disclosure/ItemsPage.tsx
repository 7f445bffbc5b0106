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
import { CATEGORIES, disclosureApi, type Item } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

const STATE = { drafted: ['待审核发布', 'orange'], published: ['已公开', 'green'], withdrawn: ['已撤回', 'default'] } as const;
const categoryOptions = CATEGORIES.map((c, i) => ({ value: i + 1, label: c }));

/** 主动公开: the office's items (drafts with their 20-working-day due date, published, withdrawn); 拟公开登记 here, 审核发布 on the case page. */
export function ItemsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [err, setErr] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['disclosure', 'items', f], queryFn: () => disclosureApi.items(f) });
  const set = (patch: Record<string, string | number | undefined>) => setF((x) => ({ ...x, ...patch, page: 1 }));

  const submit = async (v: Record<string, unknown>) => {
    setErr(null);
    try {
      const r = await disclosureApi.createItem({ ...v, formedOn: (v.formedOn as dayjs.Dayjs).format('YYYY-MM-DD') });
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['disclosure'] });
      message.success(`${t('disclosure.create.ok')}${r.indexNo}`);
    } catch (e) {
      setErr(applyServerError(form, e, ['title', 'category', 'office', 'formedOn', 'summary']));
    }
  };

  const columns: TableProps<Item>['columns'] = [
    { title: t('disclosure.c.indexNo'), dataIndex: 'indexNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('disclosure.f.title'), dataIndex: 'title', ellipsis: true },
    { title: t('disclosure.f.category'), dataIndex: 'category', render: (v: number) => `第二十条第（${CATEGORIES[v - 1]!.match(/^（(.+?)）/)![1]}）项` },
    { title: t('disclosure.f.office'), dataIndex: 'office' },
    { title: t('disclosure.f.formedOn'), dataIndex: 'formedOn' },
    {
      title: t('disclosure.c.publishedOn'),
      dataIndex: 'publishedOn',
      render: (v: string | null, r) => v ?? (r.publishDue ? <Tag color="orange" style={{ whiteSpace: 'normal' }}>{`应于 ${r.publishDue} 前公开`}</Tag> : '—'),
    },
    {
      title: t('disclosure.f.state'),
      dataIndex: 'state',
      render: (v: keyof typeof STATE, r) => (
        <Tag color={STATE[v][1]} title={r.withdrawReason ?? undefined}>
          {STATE[v][0]}
        </Tag>
      ),
    },
    { title: t('disclosure.c.validity'), dataIndex: 'validity' },
    {
      title: t('disclosure.c.source'),
      dataIndex: 'source',
      render: (v: string | null, r) =>
        r.sourceLink ? (
          <Link to={r.sourceLink} data-testid="item-source">
            {v}
          </Link>
        ) : (
          (v ?? t('disclosure.c.sourceManual'))
        ),
    },
  ];

  return (
    <div className="mz-page" data-testid="disclosure-items">
      <PageHeader
        title={t('disclosure.nav.items')}
        desc={t('disclosure.items.desc')}
        extra={
          can('disclosure.handle') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('disclosure.create')}
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
            aria-label={t('disclosure.f.category')}
            placeholder={t('disclosure.f.category')}
            style={{ width: 260 }}
            options={categoryOptions}
            onChange={(v) => set({ category: v })}
          />
          <Select
            allowClear
            aria-label={t('disclosure.f.state')}
            placeholder={t('disclosure.f.state')}
            style={{ width: 140 }}
            options={Object.entries(STATE).map(([value, [label]]) => ({ value, label }))}
            onChange={(v) => set({ state: v })}
          />
          <Input.Search
            allowClear
            aria-label={t('disclosure.f.qItem')}
            placeholder={t('disclosure.f.qItem')}
            style={{ width: 240 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<Item>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: 1000 }}
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
        title={t('disclosure.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('disclosure.submit')}
        cancelText={t('disclosure.cancel')}
        destroyOnHidden
      >
        {err && <Alert type="error" showIcon message={err} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ category: 11, formedOn: dayjs() }}>
          <Form.Item name="title" label={t('disclosure.f.title')} rules={[{ required: true, message: '请填写信息名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="category" label={t('disclosure.f.category')} rules={[{ required: true }]}>
            <Select options={categoryOptions} />
          </Form.Item>
          <Form.Item name="office" label={t('disclosure.f.office')} rules={[{ required: true, message: '请填写生成机构' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="formedOn" label={t('disclosure.f.formedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="summary" label={t('disclosure.f.summary')} rules={[{ required: true, message: '请填写内容概述' }]}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
