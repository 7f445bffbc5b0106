import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Segmented, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { orgsApi, type SpotItem } from './api.ts';

type InspectValues = { method: 'desk' | 'onsite'; inspectedOn: Dayjs; findings: string; problems?: boolean; rectifyBy?: Dayjs; inspectionCode?: string };
type FollowValues = { rectifiedOn: Dayjs; followUp: string };

/**
 * The drawn organizations of a spot check, a page at a time from the server (search by USCC or name): teams, results,
 * the 整改通知书 (PDF), and the forms to record an inspection and the follow-up of a notice.
 */
export function SpotItemsPanel({ spotCheckId }: { spotCheckId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<{ mode: 'inspect' | 'follow'; item: SpotItem } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inspectForm] = Form.useForm<InspectValues>();
  const [followForm] = Form.useForm<FollowValues>();
  const problems = Form.useWatch('problems', inspectForm);
  const items = useQuery({
    queryKey: ['orgs', 'spot-items', spotCheckId, page, q],
    queryFn: () => orgsApi.spotItems(spotCheckId, { page, pageSize: 20, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
  const done = () => (setOpen(null), setError(null), void qc.invalidateQueries({ queryKey: ['orgs'] }));
  const inspect = useMutation({
    mutationFn: (v: InspectValues) =>
      orgsApi.recordSpotInspection(spotCheckId, {
        organizationId: open!.item.organizationId,
        method: v.method,
        inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
        findings: v.findings,
        problems: !!v.problems,
        rectifyBy: v.problems ? (v.rectifyBy?.format('YYYY-MM-DD') ?? null) : null,
        inspectionCode: v.inspectionCode?.trim() || null,
      }),
    onSuccess: () => (inspectForm.resetFields(), done()),
    onError: (e: Error) => setError(e.message),
  });
  const follow = useMutation({
    mutationFn: (v: FollowValues) =>
      orgsApi.recordSpotFollowUp(spotCheckId, {
        organizationId: open!.item.organizationId,
        rectifiedOn: v.rectifiedOn.format('YYYY-MM-DD'),
        followUp: v.followUp,
      }),
    onSuccess: () => (followForm.resetFields(), done()),
    onError: (e: Error) => setError(e.message),
  });
  const required = (label: string) => [{ required: true, message: t('orgs.spot.required', { label }) }];
  // 互联网+监管: reported as a 检查行为, or why not.
  const supervision = (i: SpotItem) => (i.inspectionRecordId ? `；${t('orgs.spot.reported')}` : i.supervisionNote ? `；${i.supervisionNote}` : '');
  const result = (i: SpotItem) => `${outcome(i)}${i.method ? supervision(i) : ''}`;
  const outcome = (i: SpotItem) => {
    if (!i.method) return t('orgs.spot.notInspected');
    const how = `${t(i.method === 'desk' ? 'orgs.spot.desk' : 'orgs.spot.onsite')} ${i.inspectedOn}`;
    if (!i.problems) return `${how}：${t('orgs.spot.noProblem')}`;
    const state = i.rectifiedOn ? t('orgs.spot.rectified', { date: i.rectifiedOn }) : i.listed ? t('orgs.spot.overdue') : '';
    return `${how}：${t('orgs.spot.due', { no: i.noticeNo ?? '', date: i.rectifyBy ?? '' })}${state ? `；${state}` : ''}`;
  };
  if (items.isError) return <QueryError error={items.error} onRetry={() => items.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        aria-label={t('orgs.spot.search')}
        placeholder={t('orgs.spot.search')}
        maxLength={60}
        onSearch={(v) => (setQ(v.trim()), setPage(1))}
        style={{ maxWidth: 480 }}
        data-testid="spot-search"
      />
      <Table<SpotItem>
        size="small"
        rowKey="organizationId"
        loading={items.isFetching}
        dataSource={items.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => `共 ${n} 个` }}
        scroll={{ x: 900 }}
        data-testid="spot-teams"
        columns={[
          { title: t('orgs.col.uscc'), dataIndex: 'uscc', width: 190, render: (x: string) => <span className="mz-mono">{x}</span> },
          { title: t('orgs.col.name'), dataIndex: 'name' },
          { title: t('orgs.spot.team'), dataIndex: 'inspectors', width: 130, render: (x: string[]) => x.join('、') },
          { title: t('orgs.spot.result'), key: 'result', render: (_: unknown, i) => result(i) },
          {
            title: t('orgs.spot.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, i) => (
              <Space wrap size={4}>
                {!i.method ? (
                  <Button size="small" onClick={() => setOpen({ mode: 'inspect', item: i })}>
                    {t('orgs.spot.inspect')}
                  </Button>
                ) : null}
                {i.noticeDocumentId ? (
                  <a href={`/api/documents/${i.noticeDocumentId}.pdf`} target="_blank" rel="noreferrer">
                    {t('orgs.spot.notice')}
                  </a>
                ) : null}
                {i.noticeNo && !i.rectifiedOn ? (
                  <Button size="small" onClick={() => setOpen({ mode: 'follow', item: i })}>
                    {t('orgs.spot.followUp')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open?.mode === 'inspect'}
        title={`${t('orgs.spot.inspect')}：${open?.item.name ?? ''}`}
        onCancel={() => (setOpen(null), setError(null))}
        onOk={() => inspectForm.submit()}
        okText={t('orgs.spot.save')}
        confirmLoading={inspect.isPending}
        destroyOnHidden
      >
        <Form form={inspectForm} layout="vertical" initialValues={{ method: 'desk' }} onFinish={(v) => inspect.mutate(v)}>
          <Form.Item name="method" label={t('orgs.spot.method')}>
            <Segmented
              options={[
                { value: 'desk', label: t('orgs.spot.desk') },
                { value: 'onsite', label: t('orgs.spot.onsite') },
              ]}
            />
          </Form.Item>
          <Form.Item name="inspectedOn" label={t('orgs.spot.inspectedOn')} rules={required(t('orgs.spot.inspectedOn'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="findings" label={t('orgs.spot.findings')} rules={required(t('orgs.spot.findings'))}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="problems" valuePropName="checked">
            <Checkbox>{t('orgs.spot.problems')}</Checkbox>
          </Form.Item>
          {problems ? (
            <Form.Item name="rectifyBy" label={t('orgs.spot.rectifyBy')} rules={required(t('orgs.spot.rectifyBy'))}>
              <DatePicker />
            </Form.Item>
          ) : null}
          <Form.Item name="inspectionCode" label={t('orgs.spot.inspectionCode')} extra={t('orgs.spot.inspectionCodeHint')}>
            <Input maxLength={33} className="mz-mono" />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
        </Form>
      </Modal>
      <Modal
        open={open?.mode === 'follow'}
        title={`${t('orgs.spot.followUp')}：${open?.item.name ?? ''}`}
        onCancel={() => (setOpen(null), setError(null))}
        onOk={() => followForm.submit()}
        okText={t('orgs.spot.save')}
        confirmLoading={follow.isPending}
        destroyOnHidden
      >
        <Form form={followForm} layout="vertical" onFinish={(v) => follow.mutate(v)}>
          <Form.Item name="rectifiedOn" label={t('orgs.spot.rectifiedOn')} rules={required(t('orgs.spot.rectifiedOn'))}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="followUp" label={t('orgs.spot.followUpText')} rules={required(t('orgs.spot.followUpText'))}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
        </Form>
      </Modal>
    </Space>
  );
}
