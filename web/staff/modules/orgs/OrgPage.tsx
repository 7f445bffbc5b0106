import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, List, Segmented, Skeleton, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { yuanGrouped } from '../../../../src/platform/money.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { orgsApi, type OrgDetail } from './api.ts';
import { LIST_COLOR, STATUS_COLOR } from './OrgsPage.tsx';
import { useOrgVocab } from './vocab.ts';
import { InspectionsPanel } from './InspectionsPanel.tsx';
import { InterviewsPanel } from './InterviewsPanel.tsx';
import { PenaltiesPanel } from './PenaltiesPanel.tsx';
import { NextStepNote } from '../../shared/NextStepNote.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

/** One organization: its registered particulars, change history, credit records and the consequence query. */
export function OrgPage() {
  const t = useT();
  const v = useOrgVocab();
  const { id = '' } = useParams();
  const o = useQuery({ queryKey: ['orgs', 'detail', id], queryFn: () => orgsApi.detail(id), staleTime: 0 });
  if (o.isPending)
    return (
      <div className="mz-page">
        <Skeleton active />
      </div>
    );
  if (o.isError)
    return (
      <div className="mz-page">
        <QueryError error={o.error} onRetry={() => o.refetch()} />
      </div>
    );
  const d = o.data;
  const yesNo = (b: boolean) => (b ? t('orgs.yes') : t('orgs.no'));
  return (
    <div className="mz-page">
      <PageHeader title={d.name} desc={`${v(d.kind)} · ${d.authorityName} · ${d.uscc}`} />
      {/* 下一步 first, above the particulars, as on the case page (on a phone the particulars fill the screen). */}
      <NextStepNote step={d.nextStep} />
      <Card className="mz-card" title={t('orgs.d.registration')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('orgs.col.status')}>
            <Tag color={STATUS_COLOR[d.status]}>{v(d.status)}</Tag>
            {d.statusOn ?? ''}
            {d.lists.map((l) => (
              <Tag key={l} color={LIST_COLOR[l]}>
                {v(l)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.uscc')}>
            <span className="mz-mono">{d.uscc}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.orgCode')}>
            <span className="mz-mono">{d.usccParts.orgCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.legalRep')}>{d.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.supervisor')}>{d.supervisorUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.registeredOn')}>{d.registeredOn}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.certificate')}>{d.certificateNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.capital')}>{yuanGrouped(d.capitalCents)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.col.rating')}>{d.rating ? `${d.rating}（${d.ratingFrom} — ${d.ratingUntil}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.charity')}>{yesNo(d.charity)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.fundraising')}>{yesNo(d.publicFundraising)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.domicile')}>{d.domicile}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.d.scope')} span={3}>
            {d.businessScope}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card className="mz-card">
        <Tabs
          defaultActiveKey={d.nextStep?.mine ? 'inspections' : 'history'}
          items={[
            { key: 'history', label: t('orgs.d.history'), children: <History d={d} /> },
            { key: 'credit', label: t('orgs.d.listings'), children: <Listings d={d} /> },
            {
              key: 'inspections',
              label: t('orgs.d.inspections'),
              children: <InspectionsPanel d={d} />,
            },
            { key: 'interviews', label: t('orgs.d.interviews'), children: <InterviewsPanel d={d} /> },
            { key: 'penalties', label: t('orgs.d.penalties'), children: <PenaltiesPanel d={d} /> },
            { key: 'eligibility', label: t('orgs.d.eligibility'), children: <EligibilityPanel id={d.id} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function History({ d }: { d: OrgDetail }) {
  const t = useT();
  return (
    <DataTable
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={d.history}
      scroll={{ x: 700 }}
      columns={[
        { title: t('orgs.d.date'), dataIndex: 'changedOn', width: 110 },
        { title: t('orgs.d.act'), dataIndex: 'act', width: 100 },
        { title: t('orgs.d.field'), dataIndex: 'fieldLabel', width: 120 },
        { title: t('orgs.d.before'), dataIndex: 'before', render: (x: string | null) => x ?? '—' },
        { title: t('orgs.d.after'), dataIndex: 'after', render: (x: string | null) => x ?? '—' },
        { title: t('orgs.d.basis'), dataIndex: 'basis', render: (x: string | null) => x ?? '' },
      ]}
    />
  );
}

function Listings({ d }: { d: OrgDetail }) {
  const t = useT();
  const v = useOrgVocab();
  return (
    <DataTable
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={d.listings}
      scroll={{ x: 700 }}
      columns={[
        { title: t('orgs.col.list'), dataIndex: 'list', render: (l: string) => <Tag color={LIST_COLOR[l]}>{v(l)}</Tag> },
        { title: t('orgs.col.reason'), dataIndex: 'reasonLabel' },
        { title: t('orgs.col.listedOn'), dataIndex: 'listedOn', width: 110 },
        { title: t('orgs.col.removedOn'), dataIndex: 'removedOn', render: (x: string | null, r) => (x ? `${x}（${r.removalReason ?? ''}）` : '—') },
      ]}
    />
  );
}

function EligibilityPanel({ id }: { id: string }) {
  const t = useT();
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [purpose, setPurpose] = useState<'purchase' | 'grant' | 'award'>('purchase');
  const e = useQuery({ queryKey: ['orgs', 'eligibility', id, date, purpose], queryFn: () => orgsApi.eligibility(id, { date, for: purpose }) });
  return (
    <div>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        <DatePicker aria-label={t('orgs.d.date')} value={dayjs(date)} allowClear={false} onChange={(x) => x && setDate(x.format('YYYY-MM-DD'))} />
        <Segmented
          value={purpose}
          onChange={(x) => setPurpose(x as typeof purpose)}
          options={(['purchase', 'grant', 'award'] as const).map((p) => ({ value: p, label: t(`orgs.e.${p}`) }))}
        />
      </div>
      {e.isError ? (
        <QueryError error={e.error} onRetry={() => e.refetch()} />
      ) : e.data ? (
        <>
          <Tag color={e.data.eligible ? 'green' : 'red'} style={{ fontSize: 14, padding: '2px 10px' }}>
            {e.data.eligible ? t('orgs.e.yes') : t('orgs.e.no')}
          </Tag>
          {e.data.preferred && <Tag color="gold">{t('orgs.e.preferred')}</Tag>}
          <List
            size="small"
            dataSource={e.data.reasons}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta title={r.text} description={r.basis} />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Skeleton active />
      )}
    </div>
  );
}
