import { Alert, Button, Card, Descriptions, Space, Switch, Tabs, Tag, message } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../i18n/i18n.tsx';
import { useCan } from '../../../app/session.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { yuanGrouped } from '../../../../../src/platform/money.ts';
import { moneyApi, type RosterDetail, type RosterLine } from './api.ts';
import { StatusTag } from './RostersPage.tsx';
import './dibao-money.css';
import { DataTable, type DataColumn } from '../../../shared/DataTable.tsx';

export function RosterPage() {
  const { id = '' } = useParams();
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const q = useQuery({
    queryKey: ['dibao-money', 'roster', id, page, problemsOnly],
    queryFn: () => moneyApi.roster(id, { page, pageSize: 50, problemsOnly: problemsOnly ? '1' : undefined }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['dibao-money'] });
  const check = useMutation({
    mutationFn: () => moneyApi.check(id),
    onSuccess: (r) => {
      message.info(t('dibaoMoney.checked', { n: r.problems }));
      refresh();
    },
    onError: (e: Error) => message.error(e.message),
  });
  const approve = useMutation({
    mutationFn: (v: number) => moneyApi.approve(id, v),
    onSuccess: () => {
      message.success(t('dibaoMoney.approved'));
      refresh();
    },
    onError: (e: Error) => {
      message.error(e.message);
      refresh();
    },
  });
  const regen = useMutation({
    mutationFn: (r: RosterDetail) => moneyApi.generate(r.countyCode, r.month),
    onSuccess: () => {
      message.success(t('dibaoMoney.generated'));
      refresh();
    },
    onError: (e: Error) => message.error(e.message),
  });
  const r = q.data;
  const columns: DataColumn<RosterLine>[] = [
    { title: t('dibaoMoney.line.no'), dataIndex: 'lineNo', width: 60, phone: false },
    {
      title: t('dibaoMoney.line.head'),
      dataIndex: 'headName',
      render: (v, l) => (
        <>
          {v ?? '—'}
          {l.gradualExit && (
            <Tag className="mz-dm-tag" color="orange">
              {t('dibaoMoney.line.gradual')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('dibaoMoney.line.id'), dataIndex: 'headIdMasked', responsive: ['md'], render: (v) => <span className="mz-mono">{v ?? '—'}</span> },
    { title: t('dibaoMoney.line.area'), dataIndex: 'areaName', responsive: ['lg'] },
    { title: t('dibaoMoney.persons'), dataIndex: 'insuredPersons', align: 'right', width: 80 },
    { title: t('dibaoMoney.line.amount'), dataIndex: 'amountCents', align: 'right', render: (v: number) => yuanGrouped(v) },
    {
      title: t('dibaoMoney.problems'),
      dataIndex: 'problems',
      render: (ps: RosterLine['problems']) =>
        ps.length ? (
          <ul className="mz-dm-problems">
            {ps.map((p, i) => (
              <li key={i}>
                <Tag color="error">{p.label}</Tag>
                {p.message}
              </li>
            ))}
          </ul>
        ) : null,
    },
  ];
  return (
    <div className="mz-page mz-dm">
      <PageHeader
        title={r ? `${r.countyName} ${r.month} ${t('dibaoMoney.nav.rosters')}` : t('dibaoMoney.nav.rosters')}
        desc={<Link to="/dibao/rosters">{t('dibaoMoney.back')}</Link>}
        extra={
          r && (
            <Space wrap>
              {r.status !== 'approved' && can('dibao.roster') && (
                <Button onClick={() => regen.mutate(r)} loading={regen.isPending}>
                  {t('dibaoMoney.regenerate')}
                </Button>
              )}
              {r.status !== 'approved' && can('dibao.roster') && (
                <Button type="primary" onClick={() => check.mutate()} loading={check.isPending}>
                  {t('dibaoMoney.check')}
                </Button>
              )}
              {r.status !== 'approved' && can('dibao.roster_approve') && (
                <Button type="primary" disabled={!r.checkedCurrent || !!r.problems} onClick={() => approve.mutate(r.version)} loading={approve.isPending}>
                  {t('dibaoMoney.approve')}
                </Button>
              )}
              <Button href={moneyApi.rosterXlsx(r.id)}>{t('dibaoMoney.export')}</Button>
            </Space>
          )
        }
      />
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      {r && (
        <>
          <Card className="mz-card">
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
              <Descriptions.Item label={t('dibaoMoney.status')}>
                <StatusTag status={r.status} problems={r.problems} current={r.checkedCurrent} />
              </Descriptions.Item>
              <Descriptions.Item label={t('dibaoMoney.households')}>{r.households}</Descriptions.Item>
              <Descriptions.Item label={t('dibaoMoney.persons')}>{r.persons}</Descriptions.Item>
              <Descriptions.Item label={t('dibaoMoney.total')}>
                <strong>{yuanGrouped(r.totalCents)}</strong>
              </Descriptions.Item>
            </Descriptions>
            {r.checkedCurrent && r.problems === 0 && r.status !== 'approved' && <Alert type="success" showIcon message={t('dibaoMoney.noProblems')} />}
            {r.problemCounts.length > 0 && <Alert type="error" showIcon message={r.problemCounts.map((p) => `${p.label} ${p.n}`).join(';')} />}
          </Card>
          <Card className="mz-card" style={{ marginTop: 16 }}>
            <Tabs
              items={[
                {
                  key: 'lines',
                  label: `${t('dibaoMoney.lines')} (${r.lines.total})`,
                  children: (
                    <>
                      <div className="mz-filters">
                        <label className="mz-dm-switch">
                          <Switch
                            size="small"
                            checked={problemsOnly}
                            onChange={(v) => {
                              setProblemsOnly(v);
                              setPage(1);
                            }}
                          />{' '}
                          {t('dibaoMoney.problemsOnly')}
                        </label>
                      </div>
                      <DataTable<RosterLine>
                        rowKey="householdId"
                        size="small"
                        columns={columns}
                        dataSource={r.lines.items}
                        loading={q.isFetching}
                        scroll={{ x: 'max-content' }}
                        pagination={{ current: page, pageSize: 50, total: r.lines.total, onChange: setPage, showSizeChanger: false }}
                      />
                    </>
                  ),
                },
                {
                  key: 'changes',
                  label: `${t('dibaoMoney.changes')} (${r.changes.items.length})`,
                  children: (
                    <DataTable
                      rowKey={(c) => `${c.householdId}-${c.kind}`}
                      size="small"
                      dataSource={r.changes.items}
                      scroll={{ x: 'max-content' }}
                      pagination={{ pageSize: 50, hideOnSinglePage: true }}
                      columns={[
                        {
                          title: t('dibaoMoney.change.kind'),
                          dataIndex: 'kind',
                          render: (k: string) => <Tag color={k === '停发' ? 'error' : k === '新增' ? 'success' : k === '增发' ? 'blue' : 'orange'}>{k}</Tag>,
                        },
                        { title: t('dibaoMoney.line.head'), dataIndex: 'headName' },
                        { title: t('dibaoMoney.change.before'), dataIndex: 'beforeCents', align: 'right', render: (v: number) => yuanGrouped(v) },
                        { title: t('dibaoMoney.change.after'), dataIndex: 'afterCents', align: 'right', render: (v: number) => yuanGrouped(v) },
                        { title: t('dibaoMoney.change.reason'), dataIndex: 'reason' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
