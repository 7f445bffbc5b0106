import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Tag, type TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ListPage } from '../../shared/ListPage.tsx';
import { useListQuery } from '../../shared/use-list-query.ts';
import { DIBAO_STATES, dibaoApi, yuan, type ApplicationItem } from './api.ts';
import './dibao.css';
import { useCaseLabels } from '../cases/case-labels.ts';

/** 低保申请 list: filters in the address, approving level shown on every row. */
export function DibaoListPage() {
  const t = useT();
  const labels = useCaseLabels();
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery({ key: ['dibao', 'applications'], filters: ['state', 'authority', 'q'], fetch: dibaoApi.applications });
  const { q, set } = query;
  const columns: TableProps<ApplicationItem>['columns'] = [
    {
      title: t('dibao.col.ref'),
      dataIndex: 'refNo',
      render: (v: string, r) => (
        <Link className="mz-mono mz-ref" to={`/cases/${r.id}`}>
          {v}
        </Link>
      ),
    },
    {
      title: t('dibao.col.title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <div>
          {v}
          <div className="mz-muted mz-db-small">{r.applicantIdMasked}</div>
          {r.duplicateFlag && (
            <Tag color="orange" title={r.duplicateFlag}>
              {t('dibao.duplicateFlag')}
            </Tag>
          )}
        </div>
      ),
    },
    {
      title: t('dibao.col.state'),
      dataIndex: 'stateLabel',
      render: (v: string, r) => <Tag color={r.decision === '确认' ? 'green' : r.decision ? 'red' : 'blue'}>{labels.state('dibao', r.state, v)}</Tag>,
    },
    {
      title: t('dibao.col.level'),
      dataIndex: 'authority',
      render: (v: string) => <Tag color={v === 'township' ? 'purple' : 'geekblue'}>{t(v === 'township' ? 'dibao.level.township' : 'dibao.level.county')}</Tag>,
    },
    { title: t('dibao.col.accepted'), dataIndex: 'acceptedOn', render: (v: string | null) => v ?? '—' },
    {
      title: t('dibao.col.decided'),
      dataIndex: 'decidedOn',
      render: (v: string | null, r) => (v ? `${v}${r.decision === '确认' ? ` · ${yuan(r.benefitCents)} 元` : ''}` : '—'),
    },
    {
      title: t('dibao.col.due'),
      dataIndex: 'dueDate',
      render: (v: string | null, r) => (v ? <span className={r.clockState === 'overdue' ? 'mz-db-overdue' : ''}>{v}</span> : '—'),
    },
  ];
  return (
    <ListPage
      title={t('dibao.nav.applications')}
      desc={t('dibao.list.desc')}
      extra={
        can('dibao.apply') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/dibao/new')}>
            {t('dibao.nav.register')}
          </Button>
        ) : null
      }
      query={query}
      columns={columns}
      scrollX={900}
      card={(r) => (
        <Link key={r.id} to={`/cases/${r.id}`} className="mz-wl-card">
          <div className="mz-wl-card-top">
            <span className="mz-mono mz-ref">{r.refNo}</span>
            {r.dueDate && <span className={r.clockState === 'overdue' ? 'mz-db-overdue' : ''}>{r.dueDate}</span>}
          </div>
          <div className="mz-wl-card-title">{r.title}</div>
          <div className="mz-wl-card-meta">
            <Tag color={r.decision === '确认' ? 'green' : r.decision ? 'red' : 'blue'}>{labels.state('dibao', r.state, r.stateLabel)}</Tag>
            <Tag color={r.authority === 'township' ? 'purple' : 'geekblue'}>
              {t(r.authority === 'township' ? 'dibao.level.township' : 'dibao.level.county')}
            </Tag>
            <span className="mz-muted">{r.applicantIdMasked}</span>
          </div>
        </Link>
      )}
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('dibao.search')}
            aria-label={t('dibao.search')}
            defaultValue={q.q}
            onSearch={(v) => set('q', v || undefined)}
            style={{ maxWidth: 260 }}
          />
          <Select
            allowClear
            placeholder={t('dibao.col.state')}
            aria-label={t('dibao.col.state')}
            value={q.state}
            onChange={(v) => set('state', v)}
            options={DIBAO_STATES}
            style={{ minWidth: 180 }}
          />
          <Select
            allowClear
            placeholder={t('dibao.col.level')}
            aria-label={t('dibao.col.level')}
            value={q.authority}
            onChange={(v) => set('authority', v)}
            style={{ minWidth: 160 }}
            options={[
              { value: 'township', label: t('dibao.level.township') },
              { value: 'county', label: t('dibao.level.county') },
            ]}
          />
        </>
      }
    />
  );
}
