import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Segmented } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { LawBasis } from '../../shared/LawBasis.tsx';
import { SupervisionEntry } from './SupervisionEntry.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { catalogueApi } from './api.ts';
import { useReviewColumns } from './review-columns.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/** 互联网+监管: the supervision catalogue and inspection lists with their review (谁录入、谁审核). */
export function SupervisionPage() {
  const t = useT();
  const can = useCan();
  const [entering, setEntering] = useState(false);
  const [returning, setReturning] = useState<string | null>(null);
  const [reason] = Form.useForm();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('检查实施清单');
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['catalogue', 'supervision'], queryFn: catalogueApi.supervision });
  const review = useMutation({
    mutationFn: (v: { id: string; approve: boolean; note?: string }) => catalogueApi.reviewSupervision(v.id, { approve: v.approve, note: v.note ?? null }),
    onSuccess: () => (setError(null), setReturning(null), reason.resetFields(), void qc.invalidateQueries({ queryKey: ['catalogue', 'supervision'] })),
    onError: (e: Error) => setError(e.message),
  });
  const reviewColumns = useReviewColumns({
    selfReviewTip: t('catalogue.supervision.selfReview'),
    actionWidth: 150,
    onApprove: (id) => review.mutate({ id, approve: true }),
    onReturn: setReturning,
  });
  const rows = (q.data ?? []).filter((r) => r.kind === kind);
  return (
    <div className="mz-page" data-testid="catalogue-supervision-page">
      <PageHeader
        title={t('catalogue.nav.supervision')}
        desc={t('catalogue.supervision.desc')}
        extra={
          can('catalogue.supervise') && (
            <Button type="primary" onClick={() => setEntering(true)} data-testid="supervision-enter">
              {t('catalogue.supervision.enter')}
            </Button>
          )
        }
      />
      <SupervisionEntry
        open={entering}
        kind={kind}
        onClose={() => setEntering(false)}
        onDone={() => (setEntering(false), void qc.invalidateQueries({ queryKey: ['catalogue', 'supervision'] }))}
      />
      <Modal
        open={!!returning}
        title={t('catalogue.supervision.returnTitle')}
        okText={t('catalogue.reject')}
        okButtonProps={{ danger: true, loading: review.isPending }}
        onOk={() => reason.submit()}
        onCancel={() => setReturning(null)}
      >
        <Form form={reason} layout="vertical" onFinish={(v) => returning && review.mutate({ id: returning, approve: false, note: v.note })}>
          <Form.Item
            name="note"
            label={t('catalogue.supervision.returnReason')}
            rules={[{ required: true, min: 2, message: t('catalogue.supervision.returnReason') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
      {q.error && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <Card className="mz-card">
        <Segmented
          value={kind}
          onChange={(v) => setKind(String(v))}
          options={['目录清单', '检查实施清单'].map((k) => ({
            value: k,
            label: `${k} ${(q.data ?? []).filter((r) => r.kind === k && r.status === 'approved').length}`,
          }))}
        />
        {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginTop: 12 }} role="alert" />}
        <DataTable
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          scroll={{ x: 1500 }}
          columns={[
            { title: t('catalogue.col.code'), dataIndex: 'code', width: 290, render: (c: string) => <span className="mz-mono">{c}</span> },
            { title: t('catalogue.col.name'), dataIndex: 'name' },
            { title: t('catalogue.col.power'), dataIndex: 'powerName', ellipsis: true },
            { title: t('catalogue.col.office'), dataIndex: 'officeName', width: 150 },
            { title: t('catalogue.col.basis'), dataIndex: 'basis', width: 220, ellipsis: true, render: (v: string) => <LawBasis text={v} /> },
            { title: t('catalogue.col.enteredBy'), dataIndex: 'enteredBy', width: 100 },
            { title: t('catalogue.col.reviewedBy'), dataIndex: 'reviewedBy', width: 100 },
            { title: t('catalogue.col.reviewNote'), dataIndex: 'reviewNote', width: 160, ellipsis: true },
            ...reviewColumns,
          ]}
        />
      </Card>
    </div>
  );
}
