import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { policyqaApi, QA_CATEGORIES, QA_STATUS_LABEL, type EntryFilters, type EntryRow } from './api.ts';
import { DataTable, type DataColumn } from '../../shared/DataTable.tsx';

type Dialog = { kind: 'edit'; entry: EntryRow | null } | { kind: 'flag'; entry: EntryRow; document: boolean } | { kind: 'review'; entry: EntryRow };
type EditForm = { category: (typeof QA_CATEGORIES)[number]; question: string; answer: string; documentId?: string; policyTitle?: string };

/** 政策问答管理: entries with their policy and state; edit, flag for review (one entry or a document's), review. */
export function PolicyqaPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<EntryFilters>({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['policyqa', f], queryFn: () => policyqaApi.list(f) });
  const set = (patch: EntryFilters) => setF((x) => ({ ...x, ...patch, page: 1 }));
  const req = [{ required: true, message: t('policyqa.required') }];

  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      if (dialog?.kind === 'edit') {
        const input = { ...(v as EditForm), documentId: v.documentId || null, policyTitle: v.policyTitle || null };
        if (dialog.entry) await policyqaApi.update(dialog.entry.id, input);
        else await policyqaApi.create(input);
      } else if (dialog?.kind === 'flag') {
        if (dialog.document) await policyqaApi.flagDocument(dialog.entry.documentId!, v.reason!);
        else await policyqaApi.flag(dialog.entry.id, v.reason!);
      } else if (dialog?.kind === 'review') await policyqaApi.review(dialog.entry.id, { outcome: v.outcome as 'keep' | 'withdraw', note: v.note! });
      setDialog(null);
      message.success(t('policyqa.saved'));
      void qc.invalidateQueries({ queryKey: ['policyqa'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const open = (d: Dialog) => {
    setError(null);
    form.resetFields();
    if (d.kind === 'edit' && d.entry)
      form.setFieldsValue({
        category: d.entry.category,
        question: d.entry.question,
        answer: d.entry.answer,
        documentId: d.entry.documentId ?? '',
        policyTitle: d.entry.documentId ? '' : d.entry.policyTitle,
      });
    if (d.kind === 'review') form.setFieldsValue({ outcome: 'keep' });
    setDialog(d);
  };

  const columns: DataColumn<EntryRow>[] = [
    { title: t('policyqa.c.seq'), dataIndex: 'seq', width: 60, phone: false },
    {
      title: t('policyqa.c.question'),
      dataIndex: 'question',
      render: (v: string, r) => (
        <>
          <Typography.Text strong>{v}</Typography.Text>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
            {r.answer}
          </Typography.Paragraph>
          {r.flagReason && r.status === 'flagged' && <Typography.Text type="danger">{t('policyqa.flagged.by', { reason: r.flagReason })}</Typography.Text>}
        </>
      ),
    },
    { title: t('policyqa.c.category'), dataIndex: 'category', width: 110 },
    {
      title: t('policyqa.c.policy'),
      dataIndex: 'policyTitle',
      width: 220,
      render: (v: string, r) =>
        r.documentRefNo ? (
          <>
            {v}（<span className="mz-nowrap">{r.documentRefNo}</span>）
          </>
        ) : (
          v
        ),
    },
    {
      title: t('policyqa.c.status'),
      dataIndex: 'statusLabel',
      width: 130,
      render: (v: string, r) => <Tag color={r.status === 'published' ? 'green' : r.status === 'flagged' ? 'orange' : 'default'}>{v}</Tag>,
    },
    { title: t('policyqa.c.helpful'), width: 90, render: (_, r) => `${r.helpfulYes} / ${r.helpfulNo}` },
    {
      title: t('policyqa.c.actions'),
      width: 200,
      render: (_, r) => (
        <Space wrap size={4}>
          {can('policyqa.edit') && (
            <Button size="small" onClick={() => open({ kind: 'edit', entry: r })}>
              {t('policyqa.edit')}
            </Button>
          )}
          {can('policyqa.review') && r.status === 'published' && (
            <Button size="small" onClick={() => open({ kind: 'flag', entry: r, document: false })}>
              {t('policyqa.flag')}
            </Button>
          )}
          {can('policyqa.review') && r.status === 'published' && r.documentId && (
            <Button size="small" onClick={() => open({ kind: 'flag', entry: r, document: true })}>
              {t('policyqa.flagDoc')}
            </Button>
          )}
          {can('policyqa.review') && r.status === 'flagged' && (
            <Button size="small" type="primary" onClick={() => open({ kind: 'review', entry: r })}>
              {t('policyqa.review')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="mz-page" data-testid="policyqa-page">
      <PageHeader
        title={t('policyqa.nav.list')}
        desc={t('policyqa.list.desc')}
        extra={
          can('policyqa.edit') && (
            <Button type="primary" onClick={() => open({ kind: 'edit', entry: null })}>
              {t('policyqa.new')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('policyqa.c.status')}
            placeholder={t('policyqa.c.status')}
            style={{ width: 220 }}
            options={Object.entries(QA_STATUS_LABEL).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set({ status: v })}
          />
          <Select
            allowClear
            aria-label={t('policyqa.c.category')}
            placeholder={t('policyqa.c.category')}
            style={{ width: 160 }}
            options={QA_CATEGORIES.map((c) => ({ value: c, label: c }))}
            onChange={(v) => set({ category: v })}
          />
          <Input.Search
            allowClear
            aria-label={t('policyqa.f.q')}
            placeholder={t('policyqa.f.q')}
            style={{ width: 260 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<EntryRow>
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
        open={!!dialog}
        title={
          dialog?.kind === 'edit'
            ? dialog.entry
              ? t('policyqa.edit')
              : t('policyqa.new')
            : dialog?.kind === 'review'
              ? t('policyqa.review')
              : dialog?.kind === 'flag' && dialog.document
                ? t('policyqa.flagDoc')
                : t('policyqa.flag')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={dialog?.kind === 'edit' ? 760 : 520}
      >
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {dialog?.kind === 'edit' && (
            <>
              <Form.Item name="category" label={t('policyqa.c.category')} rules={req}>
                <Select options={QA_CATEGORIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
              <Form.Item name="question" label={t('policyqa.c.question')} rules={req}>
                <Input />
              </Form.Item>
              <Form.Item name="answer" label={t('policyqa.f.answer')} rules={req}>
                <Input.TextArea rows={6} />
              </Form.Item>
              <Form.Item name="documentId" label={t('policyqa.f.documentId')}>
                <Input />
              </Form.Item>
              <Form.Item name="policyTitle" label={t('policyqa.f.policyTitle')}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'flag' && (
            <Form.Item name="reason" label={t('policyqa.reason')} rules={req}>
              <Input />
            </Form.Item>
          )}
          {dialog?.kind === 'review' && (
            <>
              <Form.Item name="outcome" label={t('policyqa.review')} rules={req}>
                <Select
                  options={[
                    { value: 'keep', label: t('policyqa.keep') },
                    { value: 'withdraw', label: t('policyqa.withdraw') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note" label={t('policyqa.note')} rules={req}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </div>
  );
}
