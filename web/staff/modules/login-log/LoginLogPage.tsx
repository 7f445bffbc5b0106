import { Card, Input, Select, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { LoginLogEntry, LoginLogFilters } from '../../shared/api-types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useLoginLog } from './use-login-log.ts';
import { DataTable } from '../../shared/DataTable.tsx';

const OUTCOMES = [
  'success',
  'bad_password',
  'unknown_user',
  'throttled',
  'locked',
  'disabled',
  'totp_required',
  'bad_totp',
  'bad_old_password',
  'logout',
] as const;

export function LoginLogPage() {
  const t = useT();
  // Labels come from our dictionaries so English works; unknown outcomes fall back to the server's label.
  const [filters, setFilters] = useState<LoginLogFilters>({ page: 1, pageSize: 20 });
  const log = useLoginLog(filters);
  const set = (patch: Partial<LoginLogFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const outcomeLabel = (o: string, fallback?: string) => (OUTCOMES.includes(o as 'success') ? t(`outcome.${o}` as MessageKey) : (fallback ?? o));

  const columns: TableProps<LoginLogEntry>['columns'] = [
    { title: t('loginLog.at'), dataIndex: 'at', width: 170, render: (v) => formatDateTime(v) },
    { title: t('loginLog.username'), dataIndex: 'username', width: 140, render: (v) => <span className="mz-mono">{v}</span> },
    {
      title: t('loginLog.outcome'),
      dataIndex: 'outcome',
      width: 130,
      render: (o: string, r) => <Tag color={o === 'success' ? 'success' : o === 'logout' ? 'default' : 'error'}>{outcomeLabel(o, r.outcomeLabel)}</Tag>,
    },
    { title: t('loginLog.ip'), dataIndex: 'ip', width: 140, responsive: ['md'], render: (v) => v ?? '—' },
    { title: t('loginLog.userAgent'), dataIndex: 'userAgent', ellipsis: true, responsive: ['lg'], render: (v) => <span className="mz-muted">{v ?? '—'}</span> },
  ];

  return (
    <div className="mz-page">
      <PageHeader title={t('nav.loginLog')} desc={t('loginLog.desc')} />
      <Card className="mz-card">
        <div className="mz-filters">
          <Input.Search
            allowClear
            placeholder={t('loginLog.username')}
            aria-label={t('loginLog.username')}
            onSearch={(v) => set({ username: v.trim() || undefined })}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('loginLog.outcome')}
            aria-label={t('loginLog.outcome')}
            value={filters.outcome}
            onChange={(v) => set({ outcome: v })}
            style={{ width: 160 }}
            options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))}
          />
        </div>
        {log.isError && <QueryError error={log.error} onRetry={() => log.refetch()} />}
        <DataTable<LoginLogEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={log.data?.items}
          loading={log.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
    </div>
  );
}
