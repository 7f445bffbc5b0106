import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Grid, Input, Pagination, Select, Table, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useAddressParams } from '../../shared/address-params.ts';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { DueCell } from '../../shared/clock.tsx';
import { formatDate } from '../../shared/format.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { CATEGORIES, CHANNELS, PETITION_STATES, SUBJECTS, type PetitionFilters, type PetitionListItem } from './api.ts';
import { maskName, usePetitionList } from './use-petitions.ts';
import { options, useVocab } from './vocab.ts';
import './petitions.css';
import { useCaseLabels } from '../cases/case-labels.ts';

const FILTER_KEYS = ['state', 'channel', 'category', 'subject', 'flag', 'q', 'from', 'to'] as const;

/** 信访事项 list: filters kept in the address (so 返回 keeps them), table on a desk, cards on a phone. */
export function PetitionsPage() {
  const t = useT();
  const labels = useCaseLabels();
  const vocab = useVocab();
  const can = useCan();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().md === false;
  const [params, set] = useAddressParams();
  const f: PetitionFilters = {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20)),
  };
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) (f as Record<string, unknown>)[k] = v;
  }
  const list = usePetitionList(f);
  const filtered = FILTER_KEYS.some((k) => params.get(k));
  const activeFilters = FILTER_KEYS.filter((k) => k !== 'q' && params.get(k)).length;
  // On a phone the filters fold away behind one button (the keyword box stays).
  const [showFilters, setShowFilters] = useState(false);
  const folded = mobile && !showFilters;

  const people = (r: PetitionListItem) => {
    if (r.anonymous && r.petitioners.length === 0) return <Tag>{t('petitions.flag.anonymous')}</Tag>;
    const first = r.petitioners[0];
    if (!first) return <span className="mz-muted">—</span>;
    const name = maskName(first.name);
    return (
      <div className="mz-pt-person">
        <span>{r.petitioners.length > 1 ? t('petitions.people', { name, n: r.petitioners.length }) : name}</span>
        {first.idNumberMasked && <span className="mz-mono mz-muted">{first.idNumberMasked}</span>}
      </div>
    );
  };
  const flags = (r: PetitionListItem) => (
    <span className="mz-pt-flags">
      {r.isRepeat && <Tag color="orange">{t('petitions.flag.repeat')}</Tag>}
      {r.isSkipLevel && <Tag color="red">{t('petitions.flag.skipLevel')}</Tag>}
      {r.urgent && <Tag color="red">{t('petitions.done.urgent')}</Tag>}
      {r.anonymous && r.petitioners.length > 0 && <Tag>{t('petitions.flag.anonymous')}</Tag>}
    </span>
  );
  const area = (r: PetitionListItem) => r.concernedAreaName ?? r.concernedAreaCode ?? '—';

  const columns: TableProps<PetitionListItem>['columns'] = [
    {
      title: t('petitions.col.ref'),
      dataIndex: 'refNo',
      width: 172,
      render: (v: string, r) => (
        <div>
          <span className="mz-mono mz-ref">{v}</span>
          <div className="mz-muted mz-pt-small">{formatDate(r.createdAt)}</div>
        </div>
      ),
    },
    {
      title: t('petitions.col.matter'),
      key: 'matter',
      render: (_, r) => (
        <div className="mz-pt-matter">
          <Link to={`/cases/${r.id}`} onClick={(e) => e.stopPropagation()} className="mz-wl-title">
            {r.title}
          </Link>
          {r.contentExcerpt && <div className="mz-pt-excerpt">{r.contentExcerpt}</div>}
          <div className="mz-pt-small mz-muted">
            {vocab(r.category)} · {vocab(r.subject)}
          </div>
        </div>
      ),
    },
    { title: t('petitions.col.petitioner'), key: 'people', width: 150, render: (_, r) => people(r) },
    { title: t('petitions.col.channel'), dataIndex: 'channel', width: 76, render: (v: string) => vocab(v) },
    {
      title: (
        <span>
          {t('petitions.col.area')}
          <br />
          {t('petitions.col.org')}
        </span>
      ),
      key: 'where',
      width: 136,
      render: (_, r) => (
        <div className="mz-pt-person">
          <span>{area(r)}</span>
          <span className="mz-muted mz-pt-small">{r.orgUnitName}</span>
        </div>
      ),
    },
    {
      title: t('petitions.col.state'),
      key: 'state',
      width: 124,
      render: (_, r) => (
        <span className="mz-pt-flags">
          <Tag color="blue">{labels.state('petition', r.state, r.stateLabel)}</Tag>
          {flags(r)}
        </span>
      ),
    },
    { title: t('petitions.col.due'), key: 'due', width: 150, render: (_, r) => <DueCell dueDate={r.dueDate} clockState={r.clockState} /> },
  ];

  const period = f.from || f.to ? ([f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] as const) : null;
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('petitions.list.empty')} />;
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <div className="mz-page" data-testid="petitions-page">
      <PageHeader
        title={t('petitions.list.title')}
        desc={t('petitions.list.desc')}
        extra={
          can('petition.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/petitions/new')}>
              {t('petitions.list.register')}
            </Button>
          )
        }
      />
      <Card className="mz-card">
        <div className="mz-filters" data-testid="petition-filters">
          <Input.Search
            allowClear
            defaultValue={f.q}
            key={`q:${f.q ?? ''}`}
            placeholder={t('petitions.list.search')}
            aria-label={t('petitions.list.search')}
            onSearch={(v) => set({ q: v.trim() })}
            style={{ width: 220 }}
          />
          {mobile && (
            <Button icon={<FilterOutlined />} aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)} data-testid="toggle-filters">
              {t('petitions.list.filters')}
              {activeFilters ? ` (${activeFilters})` : ''}
            </Button>
          )}
          {!folded && (
            <>
              <Select
                allowClear
                placeholder={t('petitions.list.state')}
                aria-label={t('petitions.list.state')}
                value={f.state}
                onChange={(v) => set({ state: v })}
                options={PETITION_STATES}
                style={{ width: 150 }}
              />
              <Select
                allowClear
                placeholder={t('petitions.list.channel')}
                aria-label={t('petitions.list.channel')}
                value={f.channel}
                onChange={(v) => set({ channel: v })}
                options={options(vocab, CHANNELS)}
                style={{ width: 120 }}
              />
              <Select
                allowClear
                placeholder={t('petitions.list.category')}
                aria-label={t('petitions.list.category')}
                value={f.category}
                onChange={(v) => set({ category: v })}
                options={options(vocab, CATEGORIES)}
                style={{ width: 130 }}
              />
              <Select
                allowClear
                placeholder={t('petitions.list.subject')}
                aria-label={t('petitions.list.subject')}
                value={f.subject}
                onChange={(v) => set({ subject: v })}
                options={options(vocab, SUBJECTS)}
                style={{ width: 130 }}
              />
              <Select
                allowClear
                placeholder={t('petitions.list.flag')}
                aria-label={t('petitions.list.flag')}
                value={f.flag}
                onChange={(v) => set({ flag: v })}
                options={[
                  { value: 'repeat', label: t('petitions.flag.repeat') },
                  { value: 'skip_level', label: t('petitions.flag.skipLevel') },
                  { value: 'urgent', label: t('petitions.done.urgent') },
                ]}
                style={{ width: 120 }}
              />
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                value={period as never}
                placeholder={[t('petitions.list.periodFrom'), t('petitions.list.periodTo')]}
                aria-label={t('petitions.list.period')}
                id={{ start: 'petition-period-from', end: 'petition-period-to' }}
                onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                style={{ width: 260 }}
              />
            </>
          )}
          {filtered && !folded && <Button onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>{t('petitions.list.reset')}</Button>}
        </div>
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        {mobile ? (
          <div className="mz-wl-cards" aria-busy={list.isFetching} data-testid="petition-cards">
            {items.length === 0 && !list.isPending ? empty : null}
            {items.map((r) => (
              <Link key={r.id} to={`/cases/${r.id}`} className="mz-wl-card mz-pt-card">
                <div className="mz-wl-card-top">
                  <span className="mz-mono mz-ref">{r.refNo}</span>
                  <DueCell dueDate={r.dueDate} clockState={r.clockState} />
                </div>
                <div className="mz-wl-card-title">{r.title}</div>
                {r.contentExcerpt && <div className="mz-pt-excerpt">{r.contentExcerpt}</div>}
                <div className="mz-wl-card-meta">
                  <Tag color="blue">{labels.state('petition', r.state, r.stateLabel)}</Tag>
                  {flags(r)}
                  <span className="mz-muted">
                    {vocab(r.channel)} · {area(r)} · {r.orgUnitName}
                  </span>
                </div>
                <div className="mz-wl-card-meta mz-pt-card-person">{people(r)}</div>
              </Link>
            ))}
            {total > f.pageSize && (
              <Pagination
                size="small"
                align="center"
                className="mz-gap"
                current={f.page}
                pageSize={f.pageSize}
                total={total}
                onChange={(p, s) => set({ page: p, pageSize: s })}
              />
            )}
            {total > 0 && <p className="mz-muted mz-pt-total">{t('common.total', { n: total })}</p>}
          </div>
        ) : (
          <Table<PetitionListItem>
            rowKey="id"
            size="middle"
            className="mz-pt-table"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            locale={{ emptyText: empty }}
            scroll={{ x: 1040 }}
            onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), className: 'mz-clickable-row' })}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total,
              showSizeChanger: true,
              showTotal: (n) => t('common.total', { n }),
              onChange: (p, s) => set({ page: p, pageSize: s }),
            }}
          />
        )}
      </Card>
    </div>
  );
}
