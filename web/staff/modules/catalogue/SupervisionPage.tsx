import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { useCan } from '../../app/session.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { catalogueApi } from './api.ts';

const COLOR: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'red' };

/** 互联网+监管: the supervision catalogue and inspection lists with their review (谁录入、谁审核). */
export function SupervisionPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [kind, setKind] = useState<string>('检查实施清单');
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['catalogue', 'supervision'], queryFn: catalogueApi.supervision });
  const review = useMutation({
    mutationFn: (v: { id: string; approve: boolean }) => catalogueApi.reviewSupervision(v.id, { approve: v.approve, note: null }),
    onSuccess: () => (setError(null), void qc.invalidateQueries({ queryKey: ['catalogue', 'supervision'] })),
    onError: (e: Error) => setError(e.message),
  });
  const rows = (q.data ?? []).filter((r) => r.kind === kind);
  return (
    <div className="mz-page" data-testid="catalogue-supervision-page">
      <PageHeader title={t('catalogue.nav.supervision')} desc={t('catalogue.supervision.desc')} />
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
        <Table
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('catalogue.col.code'), dataIndex: 'code', width: 290, render: (c: string) => <span className="mz-mono">{c}</span> },
            { title: t('catalogue.col.name'), dataIndex: 'name' },
            { title: t('catalogue.col.power'), dataIndex: 'powerName', ellipsis: true },
            { title: t('catalogue.col.office'), dataIndex: 'officeName', width: 150 },
            { title: t('catalogue.col.enteredBy'), dataIndex: 'enteredBy', width: 150 },
            {
              title: t('catalogue.col.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={COLOR[s]}>{t(`catalogue.status.${s}` as never)}</Tag>,
            },
            {
              title: '',
              width: 150,
              render: (_: unknown, r: any) =>
                can('catalogue.supervise_review') && r.status === 'pending' ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => review.mutate({ id: r.id, approve: true })}>
                      {t('catalogue.approve').slice(0, 4)}
                    </Button>
                    <Button size="small" danger onClick={() => review.mutate({ id: r.id, approve: false })}>
                      {t('catalogue.reject')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
