import { useQuery } from '@tanstack/react-query';
import { Card, Select, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import './hall.css';
import { hallApi, type ComplaintPage } from './api.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Row = ComplaintPage['items'][number];

const STATES = [
  { value: 'verifying', label: '待回访核实' },
  { value: 'verified', label: '已核实待整改' },
  { value: 'rectifying', label: '限期整改中' },
  { value: 'rectified', label: '已整改待反馈' },
  { value: 'appealing', label: '申诉复核中' },
  { value: 'closed', label: '已反馈办结' },
  { value: 'invalidated', label: '申诉成立，差评不计入' },
];

/** 差评整改: the 差评 cases of the office (open first); each is handled on its case page. */
export function ComplaintsPage() {
  const t = useT();
  const [state, setState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['hall', 'complaints', state, page], queryFn: () => hallApi.complaints({ state, page }) });
  const columns: TableProps<Row>['columns'] = [
    { title: t('hall.c.refNo'), dataIndex: 'refNo', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('hall.c.level'), dataIndex: 'level', render: (v: string) => <Tag color="red">{v}</Tag> },
    { title: t('hall.c.comment'), dataIndex: 'comment' },
    { title: t('hall.c.applicant'), dataIndex: 'applicant' },
    { title: t('hall.c.item'), dataIndex: 'itemName', render: (v: string, r) => `${v}（${r.applicationRefNo}）` },
    { title: t('hall.c.office'), dataIndex: 'office' },
    { title: t('hall.f.state'), dataIndex: 'stateLabel' },
    { title: t('hall.c.due'), dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <div className="mz-page mz-hall" data-testid="hall-complaints">
      <PageHeader title={t('hall.nav.complaints')} desc={t('hall.complaints.desc')} />
      <Card className="mz-card">
        <Select
          allowClear
          aria-label={t('hall.f.state')}
          placeholder={t('hall.f.state')}
          style={{ width: 200, marginBottom: 12 }}
          options={STATES}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
        />
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
            pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
          />
        )}
      </Card>
    </div>
  );
}
