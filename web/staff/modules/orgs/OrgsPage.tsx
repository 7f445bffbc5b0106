import { ImportOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { useListQuery } from '../../shared/use-list-query.ts';
import { CREDIT_LISTS, ORG_KINDS, ORG_STATUSES, orgsApi, type OrgListItem } from './api.ts';
import { useOrgVocab } from './vocab.ts';
import { NextStepNote } from '../../shared/NextStepNote.tsx';

export const STATUS_COLOR: Record<string, string> = { normal: 'green', deregistered: 'default', revoked: 'red' };
export const LIST_COLOR: Record<string, string> = { abnormal: 'orange', serious: 'red', integrity_lapse: 'volcano' };

/** 社会组织名录 in the user's scope, filtered by kind, status, credit list and a search. */
export function OrgsPage() {
  const t = useT();
  const v = useOrgVocab();
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery({ key: ['orgs', 'list'], filters: ['kind', 'status', 'list', 'q'], fetch: orgsApi.list });
  const { q, set } = query;
  const columns: TableProps<OrgListItem>['columns'] = [
    {
      title: t('orgs.col.name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <>
          <Link to={`/orgs/${r.id}`}>
            {name}
            <div className="mz-muted mz-mono" style={{ fontSize: 12 }}>
              {r.uscc}
            </div>
          </Link>
          <NextStepNote step={r.nextStep} compact />
        </>
      ),
    },
    { title: t('orgs.col.kind'), dataIndex: 'kind', render: (k: string) => v(k) },
    { title: t('orgs.col.authority'), dataIndex: 'authorityName' },
    { title: t('orgs.col.legalRep'), dataIndex: 'legalRepresentative' },
    { title: t('orgs.col.registeredOn'), dataIndex: 'registeredOn' },
    { title: t('orgs.col.rating'), dataIndex: 'rating', render: (r: string | null) => r ?? '—' },
    { title: t('orgs.col.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{v(s)}</Tag> },
    {
      title: t('orgs.col.lists'),
      dataIndex: 'lists',
      render: (ls: string[]) =>
        ls.map((l) => (
          <Tag key={l} color={LIST_COLOR[l]}>
            {v(l)}
          </Tag>
        )),
    },
  ];
  return (
    <ListPage
      title={t('orgs.nav.registry')}
      desc={t('orgs.list.desc')}
      extra={
        can('orgs.register') && (
          <Button icon={<ImportOutlined />} onClick={() => navigate('/orgs/import')}>
            {t('orgs.import.open')}
          </Button>
        )
      }
      query={query}
      columns={columns}
      scrollX={1000}
      card={(r) => (
        <Link key={r.id} to={`/orgs/${r.id}`} className="mz-wl-card">
          <div className="mz-wl-card-title">{r.name}</div>
          <div className="mz-mono mz-ref">{r.uscc}</div>
          <div className="mz-wl-card-meta">
            <Tag color={STATUS_COLOR[r.status]}>{v(r.status)}</Tag>
            {r.lists.map((l) => (
              <Tag key={l} color={LIST_COLOR[l]}>
                {v(l)}
              </Tag>
            ))}
            <span className="mz-muted">
              {v(r.kind)} · {r.authorityName} · {r.registeredOn}
            </span>
          </div>
          <NextStepNote step={r.nextStep} compact />
        </Link>
      )}
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('orgs.search')}
            aria-label={t('orgs.search')}
            defaultValue={q.q}
            onSearch={(s) => set('q', s || undefined)}
            style={{ maxWidth: 280 }}
          />
          <Select
            allowClear
            placeholder={t('orgs.col.kind')}
            aria-label={t('orgs.col.kind')}
            value={q.kind}
            onChange={(s) => set('kind', s)}
            style={{ minWidth: 180 }}
            options={ORG_KINDS.map((k) => ({ value: k, label: v(k) }))}
          />
          <Select
            allowClear
            placeholder={t('orgs.col.status')}
            aria-label={t('orgs.col.status')}
            value={q.status}
            onChange={(s) => set('status', s)}
            style={{ minWidth: 120 }}
            options={ORG_STATUSES.map((k) => ({ value: k, label: v(k) }))}
          />
          <Select
            allowClear
            placeholder={t('orgs.col.lists')}
            aria-label={t('orgs.col.lists')}
            value={q.list}
            onChange={(s) => set('list', s)}
            style={{ minWidth: 160 }}
            options={CREDIT_LISTS.map((k) => ({ value: k, label: v(k) }))}
          />
        </>
      }
    />
  );
}
