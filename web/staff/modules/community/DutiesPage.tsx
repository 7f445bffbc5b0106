import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan, useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { communityApi, DUTY_ASPECTS, type DutyRow } from './api.ts';
import { DataTable, type DataColumn } from '../../shared/DataTable.tsx';

type RequestForm = {
  areaCode: string;
  title: string;
  aspect: (typeof DUTY_ASPECTS)[number];
  content: string;
  basis: string;
  assigningOffice: string;
  reason: string;
};

/** 社区工作事项: the list in force in the user's area, the 准入 requests, and the 减负 check before assigning a task. */
export function DutiesPage() {
  const t = useT();
  const can = useCan();
  const me = useMe().data;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const area = me?.areaCode ?? '640000';
  const list = useQuery({ queryKey: ['community', 'duties', area], queryFn: () => communityApi.duties(area) });
  const requests = useQuery({ queryKey: ['community', 'requests'], queryFn: () => communityApi.requests() });
  const [filing, setFiling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ ok: string } | { refused: string; list: Array<{ seq: number | null; title: string }> } | null>(null);
  const [form] = Form.useForm<RequestForm>();
  const req = [{ required: true, message: t('community.required') }];

  const file = async (v: RequestForm) => {
    setError(null);
    try {
      await communityApi.request(v);
      setFiling(false);
      form.resetFields();
      message.success(t('community.d.new.ok'));
      void qc.invalidateQueries({ queryKey: ['community'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const runCheck = async (title: string) => {
    if (!title.trim()) return;
    try {
      const r = await communityApi.check({ areaCode: area, title });
      setCheck({ ok: t('community.d.check.ok', { n: r.duty.seq ?? r.duty.refNo }) });
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details?.list))
        setCheck({ refused: e.title, list: e.details.list as Array<{ seq: number | null; title: string }> });
      else setCheck({ refused: e instanceof ApiError ? e.title : String(e), list: [] });
    }
  };

  const columns: DataColumn<DutyRow>[] = [
    { title: t('community.d.seq'), dataIndex: 'seq', width: 70, phone: false, render: (v: number | null) => v ?? '—' },
    { title: t('community.d.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('community.d.aspect'), dataIndex: 'aspect', width: 100 },
    { title: t('community.d.basis'), dataIndex: 'basis' },
    { title: t('community.d.office'), dataIndex: 'assigningOffice' },
    { title: t('community.d.area'), dataIndex: 'areaName', width: 110 },
  ];
  const requestColumns: TableProps<DutyRow>['columns'] = [
    ...columns.slice(1),
    {
      title: t('community.c.state'),
      dataIndex: 'stateLabel',
      render: (v: string, r) => <Tag color={r.state === 'listed' ? 'green' : r.state === 'refused' ? 'red' : 'blue'}>{v}</Tag>,
    },
  ];

  return (
    <div className="mz-page" data-testid="community-duties-page">
      <PageHeader
        title={t('community.nav.duties')}
        desc={t('community.duties.desc')}
        extra={
          can('community.request') && (
            <Button type="primary" onClick={() => setFiling(true)}>
              {t('community.d.new')}
            </Button>
          )
        }
      />
      <Card className="mz-card" title={t('community.d.check')}>
        <Input.Search
          aria-label={t('community.d.check.title')}
          placeholder={t('community.d.check.title')}
          enterButton={t('community.d.check.run')}
          onSearch={runCheck}
          style={{ maxWidth: 520 }}
        />
        {check && 'ok' in check && <Alert type="success" showIcon message={check.ok} style={{ marginTop: 12 }} />}
        {check && 'refused' in check && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 12 }}
            message={check.refused}
            description={check.list.length ? check.list.map((d) => `${d.seq ?? '·'}. ${d.title}`).join('；') : undefined}
          />
        )}
      </Card>
      <Card className="mz-card">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Tabs
            items={[
              {
                key: 'list',
                label: t('community.d.list', { n: list.data?.total ?? 0 }),
                children: (
                  <DataTable<DutyRow>
                    rowKey="id"
                    size="small"
                    loading={list.isPending}
                    columns={columns}
                    dataSource={list.data?.items ?? []}
                    pagination={{ pageSize: 20 }}
                  />
                ),
              },
              {
                key: 'requests',
                label: t('community.d.requests'),
                children: (
                  <DataTable<DutyRow> rowKey="id" size="small" loading={requests.isPending} columns={requestColumns} dataSource={requests.data?.items ?? []} />
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal open={filing} title={t('community.d.new')} onCancel={() => setFiling(false)} onOk={() => form.submit()} destroyOnHidden width={720}>
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={file} initialValues={{ areaCode: me?.areaCode?.length === 6 ? me.areaCode : undefined }}>
          <Form.Item name="areaCode" label={t('community.d.area')} rules={req} extra="6位县级行政区划代码">
            <Input maxLength={6} />
          </Form.Item>
          <Form.Item name="title" label={t('community.d.title')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="aspect" label={t('community.d.aspect')} rules={req}>
            <Select options={DUTY_ASPECTS.map((a) => ({ value: a, label: a }))} />
          </Form.Item>
          <Form.Item name="content" label={t('community.d.content')} rules={req}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="basis" label={t('community.d.basis')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="assigningOffice" label={t('community.d.office')} rules={req}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t('community.d.reason')} rules={req}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
