import { Collapse, Descriptions, Drawer, Grid, Skeleton, Table } from 'antd';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { diffSnapshots, useAuditEvent, type DiffRow } from './use-audit.ts';
import { CodeLabel } from './CodeLabel.tsx';
import { actorLabel, entityLabel } from './audit-labels.ts';
import { useActionLabels } from './use-action-labels.ts';

/** One audit event: who, what, when, from where, and what changed (before → after). */
export function AuditDetailDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { locale } = useI18n();
  const actionLabels = useActionLabels();
  const screens = Grid.useBreakpoint();
  const ev = useAuditEvent(id);
  const e = ev.data;
  const rows = e ? diffSnapshots(e.before, e.after) : [];

  return (
    <Drawer open onClose={onClose} size={screens.md ? 720 : '100%'} title={t('audit.detail')} destroyOnHidden>
      {ev.isPending && <Skeleton active />}
      {ev.isError && <QueryError error={ev.error} onRetry={() => ev.refetch()} />}
      {e && (
        <>
          <Descriptions column={screens.md ? 2 : 1} size="small" bordered>
            <Descriptions.Item label={t('audit.at')}>{formatDateTime(e.at)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>{actorLabel(e.actorName)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              <CodeLabel code={e.action} label={actionLabels.get(e.action)} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entityType')}>
              <CodeLabel code={e.entityType} label={entityLabel(e.entityType, locale)} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.entityId')} span={2}>
              <span className="mz-mono">{e.entityId ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.area')}>{e.areaCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{e.clientIp ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.chain')}>
              {e.chainId} / {e.seq}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.reason')}>{e.reason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.hash')} span={2}>
              <span className="mz-mono">{e.hash}</span>
            </Descriptions.Item>
          </Descriptions>
          <h3 className="mz-section-title">{t('audit.changes')}</h3>
          <Table<DiffRow>
            size="small"
            rowKey="field"
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('audit.noChanges') }}
            rowClassName={(r) => (r.changed ? 'mz-diff-changed' : '')}
            scroll={{ x: 560 }}
            columns={[
              { title: t('audit.field'), dataIndex: 'field', width: 150, render: (v) => <code>{v}</code> },
              {
                title: t('audit.before'),
                dataIndex: 'before',
                render: (v, r) => <span className={`mz-mono${r.changed && v ? ' mz-diff-old' : ''}`}>{v || '—'}</span>,
              },
              {
                title: t('audit.after'),
                dataIndex: 'after',
                render: (v, r) => <span className={`mz-mono${r.changed && v ? ' mz-diff-new' : ''}`}>{v || '—'}</span>,
              },
            ]}
          />
          <Collapse
            className="mz-gap"
            size="small"
            items={[
              {
                key: 'raw',
                label: 'JSON',
                children: <pre className="mz-json">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>,
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
