import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { CLEANUP_CONCLUSIONS, normdocApi, type Cleanup } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Item = Cleanup['items'][number];

/** One campaign: its documents with a conclusion and reasons each (editable while open), and 完成清理. */
export function CleanupCard({ id }: { id: string }) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<string, { conclusion?: string; reason?: string }>>({});
  const [error, setError] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['normdocs', 'cleanup', id], queryFn: () => normdocApi.cleanup(id) });
  const go = async (f: () => Promise<unknown>, ok: string) => {
    setError(null);
    try {
      await f();
      message.success(ok);
      void qc.invalidateQueries({ queryKey: ['normdocs'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const k = q.data;
  const editable = !!k && !k.closedOn && can('normdocs.review');
  const draft = (r: Item) => ({ conclusion: r.conclusion ?? undefined, reason: r.reason ?? undefined, ...drafts[r.caseId] });
  const set = (r: Item, patch: { conclusion?: string; reason?: string }) => setDrafts((d) => ({ ...d, [r.caseId]: { ...draft(r), ...patch } }));

  const columns: TableProps<Item>['columns'] = [
    { title: t('normdocs.c.number'), dataIndex: 'number', width: 170 },
    { title: t('normdocs.c.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
    { title: t('normdocs.c.validUntil'), dataIndex: 'validUntil', responsive: ['lg'], width: 110 },
    {
      title: t('normdocs.cl.conclusion'),
      width: 150,
      render: (_: unknown, r) =>
        editable ? (
          <Select
            aria-label={`${t('normdocs.cl.conclusion')} ${r.number}`}
            style={{ width: 130 }}
            value={draft(r).conclusion}
            options={CLEANUP_CONCLUSIONS.map((c) => ({ value: c, label: c }))}
            onChange={(v) => set(r, { conclusion: v })}
          />
        ) : (
          <Space direction="vertical" size={0}>
            {r.conclusion ?? (k?.stalled ? <Tag color="red">{t('normdocs.cl.undecided')}</Tag> : '—')}
            {r.revisionCaseId && <Link to={`/cases/${r.revisionCaseId}`}>{t('normdocs.cl.revision')}</Link>}
          </Space>
        ),
    },
    {
      title: t('normdocs.cl.reason'),
      render: (_: unknown, r) =>
        editable ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input aria-label={`${t('normdocs.cl.reason')} ${r.number}`} value={draft(r).reason} onChange={(e) => set(r, { reason: e.target.value })} />
            <Button
              data-testid={`cleanup-save-${r.number}`}
              onClick={() =>
                go(() => normdocApi.conclude(id, r.caseId, { conclusion: draft(r).conclusion ?? '', reason: draft(r).reason ?? '' }), t('normdocs.cl.saved'))
              }
            >
              {t('normdocs.cl.save')}
            </Button>
          </Space.Compact>
        ) : (
          (r.reason ?? '—')
        ),
    },
  ];

  return (
    <Card className="mz-card" title={k?.name ?? ' '} loading={q.isPending} data-testid="cleanup-card" style={{ marginTop: 16 }}>
      {k && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('normdocs.cl.basis')}>{k.basis}</Descriptions.Item>
            <Descriptions.Item label={t('normdocs.cl.asOf')}>{k.asOf}</Descriptions.Item>
            <Descriptions.Item label={t('normdocs.cl.status')}>
              {k.closedOn
                ? `${t('normdocs.cl.closed')} ${k.closedOn}（${k.closedBy}）`
                : `${k.stalled ? t('normdocs.cl.stalled') : t('normdocs.cl.open')}（${k.concluded} / ${k.documents}）`}
            </Descriptions.Item>
            {k.dueOn && <Descriptions.Item label={t('normdocs.cl.dueOn')}>{k.dueOn}</Descriptions.Item>}
          </Descriptions>
          {k.stalled && <Alert type="error" showIcon message={t('normdocs.cl.stalledHint')} style={{ marginBottom: 12 }} data-testid="cleanup-stalled-hint" />}
          {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
          <DataTable<Item> rowKey="caseId" size="small" columns={columns} dataSource={k.items} pagination={false} scroll={{ x: 'max-content' }} />
          {editable && (
            <Popconfirm title={t('normdocs.cl.closeConfirm')} onConfirm={() => go(() => normdocApi.closeCleanup(id), t('normdocs.cl.closedOk'))}>
              <Button type="primary" danger style={{ marginTop: 12 }} data-testid="cleanup-close">
                {t('normdocs.cl.close')}
              </Button>
            </Popconfirm>
          )}
        </>
      )}
    </Card>
  );
}
