import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { PENALTY_STATES, enforcementApi, type CaseRow } from './api.ts';
import { FileCaseModal } from './FileCaseModal.tsx';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

/** 行政处罚案件 in the user's scope; 立案 here, every later step on the case page. */
export function EnforcementCasesPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [f, setF] = useState<{ state?: string; q?: string; page: number }>({ page: 1 });
  const [filing, setFiling] = useState(false);
  const list = useQuery({ queryKey: ['enforcement', 'cases', f], queryFn: () => enforcementApi.cases(f) });
  const columns: TableProps<CaseRow>['columns'] = [
    { title: t('enforcement.c.ref'), dataIndex: 'refNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('enforcement.c.party'), dataIndex: 'partyName' },
    { title: t('enforcement.c.org'), dataIndex: 'org' },
    { title: t('enforcement.c.filedOn'), dataIndex: 'filedOn' },
    { title: t('enforcement.c.state'), dataIndex: 'stateLabel', render: (v: string, r) => <Tag color={r.state === 'closed' ? 'green' : 'blue'}>{v}</Tag> },
    { title: t('enforcement.c.due'), dataIndex: 'nextDue', render: (v: string | null) => v ?? '—' },
    { title: t('enforcement.c.decisionNo'), dataIndex: 'decisionNo', render: (v: string | null) => v ?? '—' },
    { title: t('enforcement.c.fine'), dataIndex: 'fine', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-cases-page">
      <PageHeader
        title={t('enforcement.nav.cases')}
        desc={t('enforcement.cases.desc')}
        extra={
          can('enforcement.handle') && (
            <Button type="primary" onClick={() => setFiling(true)} data-testid="enforcement-file">
              {t('enforcement.file')}
            </Button>
          )
        }
      />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('enforcement.c.state')}
            aria-label={t('enforcement.c.state')}
            options={Object.entries(PENALTY_STATES).map(([value, label]) => ({ value, label }))}
            onChange={(state) => setF((x) => ({ ...x, state, page: 1 }))}
          />
          <Input.Search
            allowClear
            placeholder={`${t('enforcement.c.ref')} / ${t('enforcement.c.party')}`}
            onSearch={(q) => setF((x) => ({ ...x, q: q || undefined, page: 1 }))}
          />
        </Space>
      </Card>
      {list.error && <QueryError error={list.error} />}
      <DataTable
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        pagination={{ current: f.page, pageSize: 20, total: list.data?.total, onChange: (page) => setF((x) => ({ ...x, page })) }}
      />
      <FileCaseModal
        open={filing}
        onClose={() => setFiling(false)}
        onDone={() => {
          message.success(t('enforcement.file.ok'));
          void qc.invalidateQueries({ queryKey: ['enforcement'] });
        }}
      />
    </div>
  );
}
