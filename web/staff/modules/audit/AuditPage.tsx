import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Grid, Input, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { AuditEvent, AuditFilters, AuditVerifyResult } from '../../shared/api-types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { AuditDetailDrawer } from './AuditDetailDrawer.tsx';
import { useAuditEvents, useVerifyChain } from './use-audit.ts';
import { VerifyResultModal } from './VerifyResultModal.tsx';
import { LinkButton } from '../../shared/LinkButton.tsx';
import { CodeLabel } from './CodeLabel.tsx';
import { ActorSelect } from './ActorSelect.tsx';
import { actionsMatching, useActionLabels } from './use-action-labels.ts';
import { actorLabel, entityLabel } from './audit-labels.ts';
import { DataTable } from '../../shared/DataTable.tsx';

export function AuditPage() {
  const t = useT();
  const { locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);
  const events = useAuditEvents(filters);
  const actionLabels = useActionLabels();
  const verify = useVerifyChain();
  const phone = Grid.useBreakpoint().md === false;
  const set = (patch: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const text = (v: string) => v.trim() || undefined;

  const runVerify = () =>
    verify.mutate(undefined, {
      onSuccess: setVerified,
      onError: (e) => message.error(e instanceof ApiError ? e.title : String(e)),
    });

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v) => actorLabel(v) },
    { title: t('audit.action'), dataIndex: 'action', width: 170, render: (v) => <CodeLabel code={v} label={actionLabels.get(v)} /> },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 130,
      responsive: ['md'],
      render: (v) => <CodeLabel code={v} label={entityLabel(v, locale)} />,
    },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, responsive: ['xxl'], render: (v) => <span className="mz-mono">{v ?? '—'}</span> },
    { title: t('audit.ip'), dataIndex: 'clientIp', width: 130, responsive: ['lg'], render: (v) => v ?? '—' },
    { title: t('audit.chain'), key: 'chain', width: 90, responsive: ['md'], render: (_, e) => `${e.chainId} / ${e.seq}` },
    { title: t('common.actions'), key: 'a', width: 70, render: (_, e) => <LinkButton onClick={() => setOpenId(e.id)}>{t('common.detail')}</LinkButton> },
  ];
  // On a phone each event is one card-like cell (time and who, then the act and its detail link), not a table to scroll sideways.
  const phoneColumns: TableProps<AuditEvent>['columns'] = [
    {
      title: t('audit.action'),
      key: 'card',
      render: (_, e) => (
        <div className="mz-audit-card">
          <div className="mz-muted">
            {formatDateTime(e.at)} · {actorLabel(e.actorName)}
          </div>
          <div>
            <CodeLabel code={e.action} label={actionLabels.get(e.action)} /> <LinkButton onClick={() => setOpenId(e.id)}>{t('common.detail')}</LinkButton>
          </div>
        </div>
      ),
    },
  ];

  return (
    <div className="mz-page">
      <PageHeader
        title={t('nav.audit')}
        desc={t('audit.desc')}
        extra={
          can('audit.verify') && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={runVerify} data-testid="verify-chain">
              {t('audit.verify')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <div className="mz-filters">
          {can('user.read') && <ActorSelect placeholder={t('audit.actor')} onChange={(actorId) => set({ actorId })} />}
          <Input.Search
            allowClear
            placeholder={t('audit.search')}
            aria-label={t('audit.search')}
            onSearch={(v) => {
              const q = text(v);
              set({ q, qActions: q ? actionsMatching(actionLabels, q).join(',') || undefined : undefined });
            }}
            style={{ width: 360, maxWidth: '100%' }}
            data-testid="audit-search"
          />
          <DatePicker.RangePicker
            aria-label={t('audit.period')}
            showTime={false}
            onChange={(r) => {
              const [from, to] = (r ?? [null, null]) as [Dayjs | null, Dayjs | null];
              set({ from: from?.startOf('day').toISOString(), to: to?.endOf('day').toISOString() });
            }}
          />
        </div>
        {events.isError && <QueryError error={events.error} onRetry={() => events.refetch()} />}
        <DataTable<AuditEvent>
          rowKey="id"
          size="middle"
          columns={phone ? phoneColumns : columns}
          dataSource={events.data?.items}
          loading={events.isFetching}
          scroll={phone ? undefined : { x: 'max-content' }}
          onRow={(e) => ({ onDoubleClick: () => setOpenId(e.id) })}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      {openId && <AuditDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
      {verified && <VerifyResultModal result={verified} onClose={() => setVerified(null)} />}
    </div>
  );
}
