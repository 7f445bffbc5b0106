import { LawBasis } from '../../shared/LawBasis.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { ITEM_TYPES, LEVELS, catalogueApi } from './api.ts';
import { XlsxImport } from '../../shared/XlsxImport.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

const STATUS_COLOR: Record<string, string> = { draft: 'default', pending: 'orange', published: 'green', rejected: 'red' };

/** 基本目录: versions, a new draft (copy of the published one + items), submit, and review by another person. */
export function VersionsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [itemForm] = Form.useForm();
  const versions = useQuery({ queryKey: ['catalogue', 'versions'], queryFn: catalogueApi.versions });
  const detail = useQuery({ queryKey: ['catalogue', 'version', selected], queryFn: () => catalogueApi.version(selected!), enabled: !!selected });
  const done = (id?: string) => {
    setError(null);
    if (id) setSelected(id);
    void qc.invalidateQueries({ queryKey: ['catalogue'] });
  };
  const onError = (e: Error) => setError(e.message);
  const published = versions.data?.find((v) => v.status === 'published');
  const create = useMutation({
    mutationFn: (v: any) => catalogueApi.createVersion({ title: v.title, effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), copyFrom: published?.id ?? null }),
    onSuccess: (r) => done(r.id),
    onError,
  });
  const addItem = useMutation({ mutationFn: (v: any) => catalogueApi.putItems(selected!, [v]), onSuccess: () => (itemForm.resetFields(), done()), onError });
  const submit = useMutation({ mutationFn: () => catalogueApi.submit(selected!), onSuccess: () => done(), onError });
  const review = useMutation({ mutationFn: (approve: boolean) => catalogueApi.review(selected!, { approve, note: null }), onSuccess: () => done(), onError });
  const d = detail.data;
  return (
    <div className="mz-page" data-testid="catalogue-versions-page">
      <PageHeader title={t('catalogue.nav.versions')} desc={t('catalogue.versions.desc')} />
      {versions.error && <QueryError error={versions.error} onRetry={() => versions.refetch()} />}
      <Card className="mz-card">
        <DataTable
          rowKey="id"
          size="small"
          loading={versions.isLoading}
          dataSource={versions.data ?? []}
          pagination={false}
          onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('catalogue.col.number'), dataIndex: 'number', width: 70 },
            { title: t('catalogue.col.title'), dataIndex: 'title' },
            { title: t('catalogue.col.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
            { title: t('catalogue.col.items'), dataIndex: 'itemCount', width: 80 },
            {
              title: t('catalogue.col.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`catalogue.status.${s}` as never)}</Tag>,
            },
            { title: t('catalogue.col.draftedBy'), dataIndex: 'draftedBy' },
            { title: t('catalogue.col.reviewedBy'), dataIndex: 'reviewedBy', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} role="alert" style={{ marginTop: 12 }} />}
      {can('catalogue.draft') && (
        <Card className="mz-card" title={t('catalogue.newVersion')} style={{ marginTop: 12 }}>
          <Form form={form} layout="inline" onFinish={(v) => create.mutate(v)}>
            <Form.Item name="title" label={t('catalogue.col.title')} rules={[{ required: true, message: t('catalogue.col.title') }]}>
              <Input style={{ width: 280 }} />
            </Form.Item>
            <Form.Item name="effectiveOn" label={t('catalogue.col.effectiveOn')} rules={[{ required: true, message: t('catalogue.col.effectiveOn') }]}>
              <DatePicker />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {published ? t('catalogue.copyFrom') : t('catalogue.newVersion')}
            </Button>
          </Form>
          <XlsxImport
            testId="catalogue-import"
            templateHref="/api/catalogue/catalogue-template.xlsx"
            templateLabel={t('catalogue.importCatalogue.template')}
            uploadLabel={t('catalogue.importCatalogue.upload')}
            upload={(file) => {
              const v = form.getFieldsValue();
              return catalogueApi.importCatalogue(file, { title: v.title?.trim(), effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') });
            }}
            errorsHref={(r) => `/api/catalogue/catalogue-imports/${r.batchId}/errors.xlsx`}
            appliedMessage={(r) => t('catalogue.importCatalogue.applied', { rows: r.rows, number: r.versionNumber ?? '' })}
            queryKey={['catalogue']}
            onApplied={(r) => done(r.versionId ?? undefined)}
          />
          <div className="mz-muted" style={{ marginTop: 8 }}>
            {t('catalogue.importCatalogue.hint')}
          </div>
        </Card>
      )}
      {d && (
        <Card
          className="mz-card"
          style={{ marginTop: 12 }}
          title={t('catalogue.versionSummary', { number: d.number, title: d.title })}
          extra={
            <Space>
              {can('catalogue.draft') && ['draft', 'rejected'].includes(d.status) && (
                <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
                  {t('catalogue.submit')}
                </Button>
              )}
              {can('catalogue.publish') && d.status === 'pending' && (
                <>
                  <Button type="primary" onClick={() => review.mutate(true)} loading={review.isPending}>
                    {t('catalogue.approve')}
                  </Button>
                  <Button danger onClick={() => review.mutate(false)}>
                    {t('catalogue.reject')}
                  </Button>
                </>
              )}
            </Space>
          }
        >
          {can('catalogue.draft') && ['draft', 'rejected'].includes(d.status) && (
            <Form
              form={itemForm}
              layout="inline"
              onFinish={(v) => addItem.mutate(v)}
              style={{ marginBottom: 12, rowGap: 8 }}
              initialValues={{ levels: ['3', '4'] }}
            >
              <Form.Item name="baseCode" label={t('catalogue.col.baseCode')} rules={[{ required: true, message: t('catalogue.col.baseCode') }]}>
                <Input style={{ width: 150 }} maxLength={12} />
              </Form.Item>
              <Form.Item name="name" label={t('catalogue.col.name')} rules={[{ required: true, message: t('catalogue.col.name') }]}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="typeCode" label={t('catalogue.col.type')} rules={[{ required: true, message: t('catalogue.col.type') }]}>
                <Select style={{ width: 150 }} options={Object.entries(ITEM_TYPES).map(([value, label]) => ({ value, label: `${value} ${label}` }))} />
              </Form.Item>
              <Form.Item name="legalBasis" label={t('catalogue.col.basis')} rules={[{ required: true, message: t('catalogue.col.basis') }]}>
                <Input style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name="levels" label={t('catalogue.col.levels')}>
                <Select mode="multiple" style={{ width: 220 }} options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Button htmlType="submit" loading={addItem.isPending}>
                {t('catalogue.addItem')}
              </Button>
            </Form>
          )}
          <DataTable
            rowKey="baseCode"
            size="small"
            dataSource={d.items}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 900 }}
            columns={[
              { title: t('catalogue.col.baseCode'), dataIndex: 'baseCode', width: 130, render: (c: string) => <span className="mz-mono">{c}</span> },
              { title: t('catalogue.col.name'), dataIndex: 'name' },
              { title: t('catalogue.col.kind'), dataIndex: 'kind', width: 70 },
              { title: t('catalogue.col.type'), dataIndex: 'typeCode', width: 110, render: (c: keyof typeof ITEM_TYPES) => ITEM_TYPES[c] },
              {
                title: t('catalogue.col.levels'),
                dataIndex: 'levels',
                width: 150,
                render: (l: (keyof typeof LEVELS)[]) => l.map((x) => LEVELS[x].replace('级', '')).join('、'),
              },
              { title: t('catalogue.col.basis'), dataIndex: 'legalBasis', ellipsis: true, render: (v: string) => <LawBasis text={v} /> },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
