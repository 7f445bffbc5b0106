import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { catalogueApi } from './api.ts';
import { useReviewColumns } from './review-columns.tsx';
import { InspectionEntry } from './InspectionEntry.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/** 互联网+监管 检查行为: the records in scope, their entry (谁录入) and review by another person (谁审核). */
export function InspectionsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [entering, setEntering] = useState(false);
  const [returning, setReturning] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason] = Form.useForm();
  const q = useQuery({ queryKey: ['catalogue', 'inspections'], queryFn: catalogueApi.inspections });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['catalogue', 'inspections'] });
  const review = useMutation({
    mutationFn: (v: { id: string; approve: boolean; note?: string }) => catalogueApi.reviewInspection(v.id, { approve: v.approve, note: v.note ?? null }),
    onSuccess: () => (setError(null), setReturning(null), reason.resetFields(), refresh()),
    onError: (e: Error) => setError(e.message),
  });
  const reviewColumns = useReviewColumns({
    selfReviewTip: t('catalogue.insp.selfReview'),
    actionWidth: 140,
    onApprove: (id) => review.mutate({ id, approve: true }),
    onReturn: setReturning,
  });
  return (
    <div className="mz-page" data-testid="catalogue-inspections-page">
      <PageHeader
        title={t('catalogue.nav.inspections')}
        desc={t('catalogue.insp.desc')}
        extra={
          can('catalogue.supervise') && (
            <Button type="primary" onClick={() => setEntering(true)} data-testid="inspection-enter">
              {t('catalogue.insp.enter')}
            </Button>
          )
        }
      />
      <InspectionEntry open={entering} onClose={() => setEntering(false)} onDone={() => (setEntering(false), refresh())} />
      <Modal
        open={!!returning}
        title={t('catalogue.insp.returnTitle')}
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
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} role="alert" />}
      <Card className="mz-card">
        <DataTable
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data ?? []}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          scroll={{ x: 1300 }}
          columns={[
            { title: t('catalogue.insp.number'), dataIndex: 'number', width: 180, render: (v: string) => <span className="mz-mono">{v}</span> },
            { title: t('catalogue.insp.item'), dataIndex: 'itemName', ellipsis: true },
            { title: t('catalogue.insp.object'), dataIndex: 'objectName', width: 160 },
            { title: t('catalogue.insp.checkedAt'), dataIndex: 'checkedAt', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: t('catalogue.insp.inspectors'),
              dataIndex: 'inspectors',
              width: 150,
              render: (v: Array<{ name: string }>) => v.map((i) => i.name).join('、'),
            },
            { title: t('catalogue.insp.result'), dataIndex: 'checkResult', width: 140, ellipsis: true },
            { title: t('catalogue.insp.measures'), dataIndex: 'measures', width: 140, ellipsis: true, render: (v: string | null) => v ?? '—' },
            { title: t('catalogue.col.enteredBy'), dataIndex: 'enteredBy', width: 90 },
            { title: t('catalogue.col.reviewedBy'), dataIndex: 'reviewedBy', width: 90 },
            ...reviewColumns,
          ]}
        />
      </Card>
    </div>
  );
}
