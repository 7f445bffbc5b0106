import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import './hall.css';
import { APPLICATION_STATES, CHANNELS, hallApi, type ApplicationPage, type Registered } from './api.ts';
import { WindowRegisterModal } from './WindowRegisterModal.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = ApplicationPage['items'][number];

/** 一窗受理: the office's applications (window and online); 窗口登记 opens the item's form. */
export function HallPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<{ state?: string; channel?: string; q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [registering, setRegistering] = useState(false);
  const list = useQuery({ queryKey: ['hall', 'list', f], queryFn: () => hallApi.list(f) });
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch, page: 1 }));
  const done = (r: Registered) => {
    message.success(r.missing.length ? t('hall.register.missing', { missing: r.missing.join('、') }) : t('hall.register.ok', { due: r.dueDate ?? '—' }));
    void qc.invalidateQueries({ queryKey: ['hall'] });
  };
  const columns: TableProps<Row>['columns'] = [
    { title: t('hall.c.refNo'), dataIndex: 'refNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('hall.c.item'), dataIndex: 'itemName' },
    { title: t('hall.c.applicant'), dataIndex: 'applicant' },
    { title: t('hall.f.channel'), dataIndex: 'channel', render: (v: string) => <Tag color={v === '网上' ? 'blue' : 'default'}>{v}</Tag> },
    { title: t('hall.c.office'), dataIndex: 'office', render: (v: string, r) => `${v}·${r.window}` },
    { title: t('hall.f.state'), dataIndex: 'stateLabel' },
    {
      title: t('hall.c.due'),
      dataIndex: 'dueDate',
      render: (v: string | null, r) => (v ? <Tag color={r.clockState === 'overdue' ? 'red' : 'default'}>{v}</Tag> : '—'),
    },
  ];
  return (
    <div className="mz-page mz-hall" data-testid="hall-page">
      <PageHeader
        title={t('hall.nav.list')}
        desc={t('hall.list.desc')}
        extra={
          can('hall.handle') && (
            <Button type="primary" onClick={() => setRegistering(true)} data-testid="hall-register">
              {t('hall.register')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('hall.f.state')}
            placeholder={t('hall.f.state')}
            style={{ width: 160 }}
            options={APPLICATION_STATES}
            onChange={(v) => set({ state: v })}
          />
          <Select
            allowClear
            aria-label={t('hall.f.channel')}
            placeholder={t('hall.f.channel')}
            style={{ width: 120 }}
            options={CHANNELS.map((c) => ({ value: c, label: c }))}
            onChange={(v) => set({ channel: v })}
          />
          <Input.Search allowClear aria-label={t('hall.f.q')} placeholder={t('hall.f.q')} style={{ width: 220 }} onSearch={(v) => set({ q: v || undefined })} />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} />
        ) : (
          <DataTable<Row>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            columns={columns}
            dataSource={list.data?.items}
            scroll={{ x: 900 }}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total: list.data?.total,
              onChange: (page, pageSize) => setF((x) => ({ ...x, page, pageSize })),
            }}
          />
        )}
      </Card>
      <WindowRegisterModal open={registering} onClose={() => setRegistering(false)} onDone={done} />
    </div>
  );
}
