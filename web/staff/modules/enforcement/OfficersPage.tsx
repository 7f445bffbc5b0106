import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Space, Statistic, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { enforcementApi, type OfficerRow } from './api.ts';
import './enforcement.css';
import { DataTable } from '../../shared/DataTable.tsx';

const STATUS_COLOR = { valid: 'green', suspended: 'orange', revoked: 'red' } as const;

/** 执法人员名录 with the certificate's state, the 法制审核 staff and the expiry warnings (证件到期预警). */
export function OfficersPage() {
  const t = useT();
  const [q, setQ] = useState<string | undefined>();
  const list = useQuery({ queryKey: ['enforcement', 'officers', q], queryFn: () => enforcementApi.officers({ q }) });
  const expiring = useQuery({ queryKey: ['enforcement', 'expiring'], queryFn: enforcementApi.expiring });
  const items = list.data?.items ?? [];
  const columns: TableProps<OfficerRow>['columns'] = [
    { title: t('enforcement.o.name'), dataIndex: 'name' },
    { title: t('enforcement.o.certNo'), dataIndex: 'certNo' },
    { title: t('enforcement.o.org'), dataIndex: 'orgName' },
    { title: t('enforcement.o.valid'), key: 'valid', render: (_, r) => `${r.validFrom} — ${r.validTo}` },
    {
      title: t('enforcement.o.status'),
      dataIndex: 'statusLabel',
      render: (v: string, r) => (
        <Tag color={!r.problem ? 'green' : r.status === 'valid' ? 'red' : STATUS_COLOR[r.status]}>{r.problem ? `${v}（不可执法）` : v}</Tag>
      ),
    },
    { title: t('enforcement.o.hours'), dataIndex: 'trainingHours', align: 'right' },
    {
      title: t('enforcement.o.reviewer'),
      dataIndex: 'legalQualification',
      render: (v: string | null, r) => (r.legalReviewer ? <Tag color="purple">{v}</Tag> : '—'),
    },
    {
      title: t('enforcement.o.qualification'),
      key: 'qualification',
      render: (_, r) =>
        r.qualificationPassedOn ? <Tag color="green">{`${r.qualificationPassedOn} 合格（${r.qualificationScore} 分）`}</Tag> : r.examApplicant ? '已报名' : '—',
    },
  ];
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-officers-page">
      <PageHeader title={t('enforcement.nav.officers')} desc={t('enforcement.officers.desc')} />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          <Statistic title={t('enforcement.o.total')} value={items.length} />
          <Statistic title={t('enforcement.o.examTotal')} value={items.filter((o) => o.examApplicant).length} />
          <Statistic title={t('enforcement.o.qualified')} value={items.filter((o) => o.qualificationPassedOn).length} />
          <Input.Search
            allowClear
            placeholder={`${t('enforcement.o.name')} / ${t('enforcement.o.certNo')}`}
            onSearch={(v) => setQ(v || undefined)}
            style={{ width: 260 }}
          />
        </Space>
      </Card>
      {!!expiring.data?.items.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('enforcement.o.expiring')}
          description={expiring.data.items.map((o) => `${o.name}(${o.certNo})${o.validTo} 到期，剩 ${o.daysLeft} 日`).join('；')}
          data-testid="enforcement-expiring"
        />
      )}
      {list.error && <QueryError error={list.error} />}
      <DataTable rowKey="id" size="middle" columns={columns} dataSource={items} loading={list.isLoading} pagination={{ pageSize: 20 }} />
    </div>
  );
}
