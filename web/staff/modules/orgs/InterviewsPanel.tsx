import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { orgsApi, type OrgDetail } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = OrgDetail['interviews'][number];
type NewValues = { heldOn: Dayjs; people: string; matter: string; commitments: string };
type FollowValues = { id: string; followedUpOn: Dayjs; followUp: string };

/** 约谈: the records (date, people, matter, commitments, follow-up), a form for a new one and for its follow-up. */
export function InterviewsPanel({ d }: { d: OrgDetail }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<NewValues>();
  const [follow] = Form.useForm<FollowValues>();
  const [error, setError] = useState<string | null>(null);
  const done = () => (setError(null), void qc.invalidateQueries({ queryKey: ['orgs', 'detail', d.id] }));
  const record = useMutation({
    mutationFn: (v: NewValues) =>
      orgsApi.recordInterview(d.id, { heldOn: v.heldOn.format('YYYY-MM-DD'), people: v.people, matter: v.matter, commitments: v.commitments }),
    onSuccess: () => (form.resetFields(), done()),
    onError: (e: Error) => setError(e.message),
  });
  const followUp = useMutation({
    mutationFn: (v: FollowValues) => orgsApi.followUpInterview(v.id, { followedUpOn: v.followedUpOn.format('YYYY-MM-DD'), followUp: v.followUp }),
    onSuccess: () => (follow.resetFields(), done()),
    onError: (e: Error) => setError(e.message),
  });
  const open = d.interviews.filter((i) => !i.followedUpOn);
  const required = (label: string) => [{ required: true, message: t('orgs.iv.required', { label }) }];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {error ? <Alert type="error" showIcon role="alert" message={error} closable onClose={() => setError(null)} /> : null}
      <DataTable<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.interviews}
        scroll={{ x: 760 }}
        data-testid="interviews"
        columns={[
          { title: t('orgs.iv.heldOn'), dataIndex: 'heldOn', width: 110 },
          { title: t('orgs.iv.people'), dataIndex: 'people' },
          { title: t('orgs.iv.matter'), dataIndex: 'matter' },
          { title: t('orgs.iv.commitments'), dataIndex: 'commitments' },
          { title: t('orgs.iv.followUp'), dataIndex: 'followUp', render: (x: string | null, r) => (x ? `${r.followedUpOn}：${x}` : '—') },
        ]}
      />
      <Typography.Title level={5}>{t('orgs.iv.new')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v)} style={{ maxWidth: 640 }} disabled={d.status !== 'normal'}>
        <Form.Item name="heldOn" label={t('orgs.iv.heldOn')} rules={required(t('orgs.iv.heldOn'))}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="people" label={t('orgs.iv.people')} rules={required(t('orgs.iv.people'))}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="matter" label={t('orgs.iv.matter')} rules={required(t('orgs.iv.matter'))}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="commitments" label={t('orgs.iv.commitments')} rules={required(t('orgs.iv.commitments'))}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="interview-save">
          {t('orgs.iv.save')}
        </Button>
      </Form>
      {open.length ? (
        <>
          <Typography.Title level={5}>{t('orgs.iv.followTitle')}</Typography.Title>
          <Form form={follow} layout="vertical" onFinish={(v) => followUp.mutate(v)} style={{ maxWidth: 640 }}>
            <Form.Item name="id" label={t('orgs.iv.which')} rules={required(t('orgs.iv.which'))}>
              <Select options={open.map((i) => ({ value: i.id, label: `${i.heldOn} ${i.matter.slice(0, 30)}` }))} />
            </Form.Item>
            <Form.Item name="followedUpOn" label={t('orgs.iv.followedUpOn')} rules={required(t('orgs.iv.followedUpOn'))}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="followUp" label={t('orgs.iv.followUp')} rules={required(t('orgs.iv.followUp'))}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" loading={followUp.isPending}>
              {t('orgs.iv.save')}
            </Button>
          </Form>
        </>
      ) : null}
    </Space>
  );
}
