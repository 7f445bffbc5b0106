import { Button, Card, Input, Select, Tag, message, type TableProps } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { useCan } from '../../../app/session.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { yuanGrouped } from '../../../../../src/platform/money.ts';
import { moneyApi, type RosterSummary } from './api.ts';
import './dibao-money.css';
import { DataTable } from '../../../shared/DataTable.tsx';

const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

export function RostersPage() {
  const t = useT();
  const can = useCan();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [month, setMonth] = useState<string>(thisMonth());
  const [county, setCounty] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const counties = useQuery({ queryKey: ['dibao-money', 'counties'], queryFn: moneyApi.counties, enabled: can('dibao.roster') });
  const list = useQuery({
    queryKey: ['dibao-money', 'rosters', month, county, page],
    queryFn: () => moneyApi.rosters({ month: /^\d{4}-\d{2}$/.test(month) ? month : undefined, countyCode: county, page, pageSize: 20 }),
  });
  const gen = useMutation({
    mutationFn: () => moneyApi.generate(county ?? counties.data?.items[0]?.code ?? '', month),
    onSuccess: (r) => {
      message.success(t('dibaoMoney.generated'));
      qc.invalidateQueries({ queryKey: ['dibao-money'] });
      nav(`/dibao/rosters/${r.id}`);
    },
    onError: (e: Error) => message.error(e.message),
  });
  const columns: TableProps<RosterSummary>['columns'] = [
    { title: t('dibaoMoney.county'), dataIndex: 'countyName', render: (v, r) => <Link to={`/dibao/rosters/${r.id}`}>{v}</Link> },
    { title: t('dibaoMoney.month'), dataIndex: 'month', width: 90 },
    { title: t('dibaoMoney.households'), dataIndex: 'households', align: 'right', width: 80 },
    { title: t('dibaoMoney.persons'), dataIndex: 'persons', align: 'right', width: 90, responsive: ['md'] },
    { title: t('dibaoMoney.total'), dataIndex: 'totalCents', align: 'right', render: (v: number) => yuanGrouped(v) },
    { title: t('dibaoMoney.status'), dataIndex: 'status', render: (s: string, r) => <StatusTag status={s} problems={r.problems} current={r.checkedCurrent} /> },
  ];
  return (
    <div className="mz-page mz-dm">
      <PageHeader title={t('dibaoMoney.nav.rosters')} desc={t('dibaoMoney.rosters.desc')} />
      <Card className="mz-card">
        <div className="mz-filters">
          <Input
            aria-label={t('dibaoMoney.month')}
            placeholder="YYYY-MM"
            value={month}
            onChange={(e) => {
              setMonth(e.target.value);
              setPage(1);
            }}
            style={{ width: 120 }}
          />
          {can('dibao.roster') && (
            <Select
              allowClear
              aria-label={t('dibaoMoney.county')}
              placeholder={t('dibaoMoney.county')}
              value={county}
              onChange={(v) => {
                setCounty(v);
                setPage(1);
              }}
              style={{ width: 160 }}
              options={(counties.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          )}
          {can('dibao.roster') && (
            <Button
              type="primary"
              loading={gen.isPending}
              disabled={!/^\d{4}-\d{2}$/.test(month) || (!county && (counties.data?.items.length ?? 0) !== 1)}
              onClick={() => gen.mutate()}
            >
              {t('dibaoMoney.generate')}
            </Button>
          )}
        </div>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <DataTable<RosterSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
        />
      </Card>
    </div>
  );
}

export function StatusTag({ status, problems, current }: { status: string; problems: number | null; current: boolean }) {
  const t = useT();
  if (status === 'approved') return <Tag color="success">{t('dibaoMoney.status.approved')}</Tag>;
  if (status === 'checked' && current)
    return (
      <Tag color={problems ? 'error' : 'processing'}>
        {t('dibaoMoney.status.checked')}
        {problems ? ` · ${t('dibaoMoney.problems')} ${problems}` : ''}
      </Tag>
    );
  return <Tag>{t(`dibaoMoney.status.generated` as MessageKey)}</Tag>;
}
