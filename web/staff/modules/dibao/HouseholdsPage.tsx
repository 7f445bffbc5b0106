import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Select, Skeleton, Tabs, Tag, Timeline, type TableProps } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListPage } from '../../shared/ListPage.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useListQuery } from '../../shared/use-list-query.ts';
import { dibaoApi, yuan, type HouseholdItem, type Member } from './api.ts';
import './dibao.css';
import { DataTable } from '../../shared/DataTable.tsx';

const STATUS_COLOR: Record<string, string> = {
  active: 'green',
  applying: 'blue',
  stopped: 'default',
  refused: 'red',
  withdrawn: 'default',
  suspended: 'orange',
};

/** 低保家庭 list in the user's scope, 身份证号 masked. */
export function HouseholdsPage() {
  const t = useT();
  const query = useListQuery({ key: ['dibao', 'households'], filters: ['status', 'q'], fetch: dibaoApi.households });
  const { q, set } = query;
  const columns: TableProps<HouseholdItem>['columns'] = [
    {
      title: t('dibao.col.applicant'),
      dataIndex: 'applicantName',
      render: (v: string, r) => (
        <Link to={`/dibao/households/${r.id}`}>
          {v ?? '—'}
          <div className="mz-muted mz-mono mz-db-small">{r.applicantIdMasked}</div>
        </Link>
      ),
    },
    { title: t('dibao.col.area'), dataIndex: 'areaName' },
    { title: t('dibao.col.members'), dataIndex: 'members', width: 70 },
    { title: t('dibao.col.status'), dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`dibao.status.${v}` as never)}</Tag> },
    { title: t('dibao.col.benefit'), dataIndex: 'benefitCents', align: 'right', render: (v: number) => yuan(v) },
    { title: t('dibao.col.recheck'), dataIndex: 'nextRecheckOn', render: (v: string | null) => v ?? '—' },
  ];
  return (
    <ListPage
      title={t('dibao.hh.title')}
      desc={t('dibao.hh.desc')}
      query={query}
      columns={columns}
      scrollX={700}
      card={(r) => (
        <Link key={r.id} to={`/dibao/households/${r.id}`} className="mz-wl-card">
          <div className="mz-wl-card-top">
            <span className="mz-wl-card-title">{r.applicantName ?? '—'}</span>
            <span className="mz-mono mz-ref">{r.applicantIdMasked}</span>
          </div>
          <div className="mz-wl-card-meta">
            <Tag color={STATUS_COLOR[r.status]}>{t(`dibao.status.${r.status}` as never)}</Tag>
            <span>{r.areaName}</span>
            <span>
              {t('dibao.col.members')} {r.members}
            </span>
            <span>
              {t('dibao.col.benefit')} {yuan(r.benefitCents)}
            </span>
            <span className="mz-muted">
              {t('dibao.col.recheck')} {r.nextRecheckOn ?? '—'}
            </span>
          </div>
        </Link>
      )}
      filters={
        <>
          <Input.Search
            allowClear
            placeholder="姓名、住址"
            aria-label="姓名、住址"
            defaultValue={q.q}
            onSearch={(v) => set('q', v || undefined)}
            style={{ maxWidth: 240 }}
          />
          <Select
            allowClear
            placeholder={t('dibao.col.status')}
            aria-label={t('dibao.col.status')}
            value={q.status}
            onChange={(v) => set('status', v)}
            style={{ minWidth: 140 }}
            options={['applying', 'active', 'stopped', 'refused', 'withdrawn'].map((s) => ({ value: s, label: t(`dibao.status.${s}` as never) }))}
          />
        </>
      }
    />
  );
}

/** One household: members (身份证号 and phone masked until 「查看完整信息」, whose read is logged), income, assets, history, benefit changes, applications. */
export function HouseholdPage() {
  const t = useT();
  const { id = '' } = useParams();
  const [full, setFull] = useState(false);
  const h = useQuery({ queryKey: ['dibao', 'household', id, full], queryFn: () => dibaoApi.household(id, full), staleTime: 0 });
  if (h.isPending)
    return (
      <div className="mz-page">
        <Skeleton active />
      </div>
    );
  if (h.isError)
    return (
      <div className="mz-page">
        <QueryError error={h.error} onRetry={() => h.refetch()} />
      </div>
    );
  const d = h.data;
  const applicant = d.members.find((m) => m.relation === '申请人') ?? d.members[0];
  return (
    <div className="mz-page">
      <PageHeader title={`${t('dibao.hh.detail')}:${applicant?.name ?? ''}户`} desc={`${d.areaName} · ${d.address}`} />
      {d.piiShown && <Alert type="warning" showIcon message={t('dibao.hh.piiLogged')} style={{ marginBottom: 12 }} />}
      {full && !d.piiShown && (
        <Alert type="info" showIcon role="status" message={t('dibao.hh.piiRefused')} style={{ marginBottom: 12 }} data-testid="pii-refused" />
      )}
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label={t('dibao.col.status')}>
            <Tag color={STATUS_COLOR[d.status]}>{t(`dibao.status.${d.status}` as never)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('dibao.col.benefit')}>
            {yuan(d.benefitCents)}（{d.insuredPersons} 人）
          </Descriptions.Item>
          <Descriptions.Item label="发放起始">{d.benefitFrom ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dibao.col.recheck')}>
            {d.nextRecheckOn ?? '—'}
            {d.recheckCadence ? `（${d.recheckCadence === 'yearly' ? '每年' : '每半年'}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('dibao.reg.phone')}>{d.phone ?? d.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('dibao.reg.kind')}>{d.kind === 'urban' ? '城市' : '农村'}</Descriptions.Item>
        </Descriptions>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          {d.piiShown ? (
            <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setFull(false)}>
              {t('dibao.hh.hideFull')}
            </Button>
          ) : (
            !full && (
              <Button size="small" icon={<EyeOutlined />} onClick={() => setFull(true)} data-testid="show-full-identity">
                {t('dibao.hh.showFull')}
              </Button>
            )
          )}
        </div>
        <DataTable<Member>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.members}
          scroll={{ x: 700 }}
          columns={[
            { title: t('dibao.reg.name'), dataIndex: 'name' },
            { title: t('dibao.reg.relation'), dataIndex: 'relation' },
            { title: t('dibao.reg.idNumber'), render: (_v, m) => <span className="mz-mono">{m.idNumber ?? m.idNumberMasked}</span> },
            { title: '户籍', dataIndex: 'hukouAreaName' },
            { title: t('dibao.reg.health'), render: (_v, m) => `${m.health} / 残疾${m.disability}` },
            { title: t('dibao.reg.work'), dataIndex: 'workAbility' },
            {
              title: t('dibao.col.status'),
              render: (_v, m) => (m.active ? (m.insured ? '在册·保障' : '在册') : `${m.leftReason ?? ''}减员 ${m.leftOn ?? ''}`),
            },
          ]}
        />
      </Card>
      <Card className="mz-card">
        <Tabs
          items={[
            {
              key: 'history',
              label: t('dibao.hh.history'),
              children: (
                <Timeline
                  items={d.history.map((x) => ({
                    children: (
                      <div>
                        <strong>{x.kind}</strong> · {formatDateTime(x.at)} · {x.actorName ?? '系统'}
                        <div>{x.summary}</div>
                      </div>
                    ),
                  }))}
                />
              ),
            },
            {
              key: 'money',
              label: `收入财产`,
              children: (
                <ul className="mz-db-steps">
                  {d.incomes.map((x) => (
                    <li key={x.id}>
                      收入 · {x.kind} {yuan(x.monthlyCents)} 元/月{x.source ? `(${x.source})` : ''}
                    </li>
                  ))}
                  {d.assets.map((x) => (
                    <li key={x.id}>
                      财产 · {x.kind} {x.description} {yuan(x.valueCents)} 元{x.areaM2 != null ? ` ${x.areaM2}㎡` : ''}
                    </li>
                  ))}
                  {d.expenses.map((x) => (
                    <li key={x.id}>
                      刚性支出 · {x.kind} {yuan(x.monthlyCents)} 元/月
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'benefits',
              label: t('dibao.hh.benefits'),
              children: (
                <DataTable
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={d.benefitChanges}
                  columns={[
                    { title: '类型', dataIndex: 'kind' },
                    { title: '起始月', dataIndex: 'effectiveMonth' },
                    { title: '变更前', dataIndex: 'beforeCents', render: yuan },
                    { title: '变更后', dataIndex: 'afterCents', render: yuan },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              ),
            },
            {
              key: 'apps',
              label: t('dibao.hh.applications'),
              children: (
                <ul className="mz-db-steps">
                  {d.applications.map((a) => (
                    <li key={a.id}>
                      <Link to={`/cases/${a.id}`}>{a.refNo}</Link> · {a.authority === 'township' ? '乡镇确认' : '县级确认'} · 受理 {a.acceptedOn ?? '—'} ·{' '}
                      {a.decision ?? '办理中'} {a.decidedOn ?? ''}
                    </li>
                  ))}
                  {d.rechecks.map((r) => (
                    <li key={r.id}>
                      <Link to={`/cases/${r.id}`}>{r.refNo}</Link> · 复核 {r.dueOn} · {r.result ?? '待复核'}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
