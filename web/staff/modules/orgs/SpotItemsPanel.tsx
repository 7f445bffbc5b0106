import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { orgsApi, type SpotItem } from './api.ts';
import { SpotInspectModal } from './SpotInspectModal.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

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
  const [followForm] = Form.useForm<FollowValues>();
  const items = useQuery({
    queryKey: ['orgs', 'spot-items', spotCheckId, page, q],
    queryFn: () => orgsApi.spotItems(spotCheckId, { page, pageSize: 20, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
  const done = () => (setOpen(null), setError(null), void qc.invalidateQueries({ queryKey: ['orgs'] }));
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
  // The drawn team; the officers who inspected, with their 执法证号, once recorded (picked ones may differ).
  const team = (i: SpotItem) => {
    const drawn = i.inspectors.join('、');
    if (!i.inspectedBy) return drawn;
    const by = i.inspectedBy.map((o) => `${o.name}（${o.certNo}）`).join('、');
    const same = i.inspectedBy.map((o) => o.name).join('、') === drawn;
    return same ? by : `${drawn}；${t('orgs.spot.inspectedBy')}${by}`;
  };
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
      <DataTable<SpotItem>
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
          { title: t('orgs.spot.team'), key: 'team', width: 170, render: (_: unknown, i) => team(i) },
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
      <SpotInspectModal
        key={open?.mode === 'inspect' ? open.item.organizationId : 'none'}
        spotCheckId={spotCheckId}
        item={open?.mode === 'inspect' ? open.item : null}
        onClose={() => setOpen(null)}
        onDone={done}
      />
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
