import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Grid, Input, Pagination, Segmented, Select, Table, Tabs, Tag, type TableProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import type { CaseType, WorklistItem, WorklistTab } from '../../shared/api-types.ts';
import { DueCell } from '../../shared/clock.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useCaseTypes, useWorklist, useWorklistCounts, WORKLIST_TABS } from './use-worklist.ts';
import { useCaseLabels } from '../cases/case-labels.ts';

// The register form (date pickers, selects, schema fields) loads when a clerk opens it, not with the workbench.
const RegisterDrawer = lazy(() => import('./RegisterDrawer.tsx').then((m) => ({ default: m.RegisterDrawer })));

const isTab = (v: string | null): v is WorklistTab => !!v && (WORKLIST_TABS as string[]).includes(v);
/** The workbench's address keeps the tab and the view; the defaults (待办, 待我处理) are left out. */
const address = (tab: WorklistTab, view: 'mine' | 'unit') => ({ ...(tab !== 'todo' && { tab }), ...(view === 'unit' && { view }) });

/** 工作台: the signed-in user's worklist across all case types, by tab, with counts. */
export function WorklistCard() {
  const t = useT();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [params, setParams] = useSearchParams();
  const tab: WorklistTab = isTab(params.get('tab')) ? (params.get('tab') as WorklistTab) : 'todo';
  // Every tab opens on 待我处理 (the cases whose next step this user may take); 本单位全部 on request.
  const view: 'mine' | 'unit' = params.get('view') === 'unit' ? 'unit' : 'mine';
  const [type, setType] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [sort, setSort] = useState<'due' | 'updated'>('due');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [registering, setRegistering] = useState<CaseType | null>(null);
  const types = useCaseTypes();
  const counts = useWorklistCounts(type, q, view);
  const list = useWorklist({ tab, type, q, sort, ...page, view });
  // The generic drawer registers types whose form it can render from createSchema. A type
  // without one (信访: POST /api/petitions with petitioners, PII, flags) has its own intake.
  const creatable = (types.data ?? []).filter((c) => c.canCreate && c.createSchema);

  const setTab = (k: string) => {
    setPage((p) => ({ ...p, page: 1 }));
    setParams(address(k as WorklistTab, view), { replace: true });
  };
  const setView = (v: 'mine' | 'unit') => {
    setPage((p) => ({ ...p, page: 1 }));
    setParams(address(tab, v), { replace: true });
  };
  const open = (r: WorklistItem) => navigate(`/cases/${r.id}`);

  const tabLabel = (k: WorklistTab) => {
    const n = counts[k];
    const alert = (k === 'overdue' || k === 'due_soon' || k === 'to_acknowledge') && !!n;
    return (
      <span className="mz-wl-tab">
        {t(`wl.tab.${k}`)}
        <span className={`mz-wl-count${alert ? ` mz-wl-count-${k}` : ''}`} data-testid={`wl-count-${k}`}>
          {n ?? '·'}
        </span>
      </span>
    );
  };

  const columns: TableProps<WorklistItem>['columns'] = [
    {
      title: t('wl.col.refNo'),
      dataIndex: 'refNo',
      width: 200,
      render: (v: string) => <span className="mz-mono mz-ref">{v}</span>,
    },
    {
      title: t('wl.col.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r) => (
        <Link to={`/cases/${r.id}`} onClick={(e) => e.stopPropagation()} className="mz-wl-title">
          {v}
        </Link>
      ),
    },
    { title: t('wl.col.type'), dataIndex: 'typeLabel', width: 120, ellipsis: true, responsive: ['lg'] },
    {
      title: t('wl.col.state'),
      key: 'state',
      width: 150,
      render: (_, r) => (
        <span className="mz-wl-state">
          <Tag color="blue">{labels.state(r.type, r.state, r.stateLabel)}</Tag>
          {r.pendingHandoff && <Tag color="gold">{t('wl.pendingHandoff')}</Tag>}
        </span>
      ),
    },
    { title: t('wl.col.org'), dataIndex: 'orgUnitName', width: 150, ellipsis: true, responsive: ['xl'] },
    {
      title: t('wl.col.due'),
      key: 'due',
      width: 190,
      sorter: tab !== 'done',
      sortOrder: tab !== 'done' && sort === 'due' ? 'ascend' : null,
      sortDirections: ['ascend'],
      render: (_, r) => <DueCell dueDate={r.dueDate} clockState={r.clockState} />,
    },
  ];

  const registerButton =
    creatable.length === 1 ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(creatable[0]!)} data-testid="register-case">
        {t('wl.register')}
      </Button>
    ) : creatable.length > 1 ? (
      <Dropdown
        trigger={['click']}
        menu={{
          items: creatable.map((c) => ({ key: c.type, label: c.label })),
          onClick: ({ key }) => setRegistering(creatable.find((c) => c.type === key) ?? null),
        }}
      >
        <Button type="primary" icon={<PlusOutlined />} data-testid="register-case">
          {t('wl.register')}
        </Button>
      </Dropdown>
    ) : null;

  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wl.empty', { tab: t(`wl.tab.${tab}`) })} />;
  const items = list.data?.items ?? [];

  return (
    <Card className="mz-card mz-worklist" data-testid="worklist" title={t('wl.title')} extra={registerButton}>
      {mobile ? (
        // On a phone every tab and its count stay in view (no 「⋯」 hiding 已超期): the tabs wrap.
        <div className="mz-wl-chips" role="tablist" aria-label={t('wl.title')}>
          {WORKLIST_TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={`mz-wl-chip${tab === k ? ' mz-wl-chip-active' : ''}`}
              onClick={() => setTab(k)}
            >
              {tabLabel(k)}
            </button>
          ))}
        </div>
      ) : (
        <Tabs activeKey={tab} onChange={setTab} className="mz-wl-tabs" items={WORKLIST_TABS.map((k) => ({ key: k, label: tabLabel(k) }))} />
      )}
      <div className="mz-filters">
        {/* 已办 is the user's own in either view. */}
        {tab !== 'done' && (
          <Segmented<'mine' | 'unit'>
            value={view}
            onChange={setView}
            aria-label={t('wl.view')}
            data-testid="wl-view"
            options={[
              { value: 'mine', label: t('wl.view.mine') },
              { value: 'unit', label: t('wl.view.unit') },
            ]}
          />
        )}
        <Select
          allowClear
          placeholder={t('wl.allTypes')}
          aria-label={t('wl.col.type')}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={(types.data ?? []).map((c) => ({ value: c.type, label: c.label }))}
          style={{ width: 180 }}
        />
        <Input.Search
          allowClear
          placeholder={t('wl.search')}
          aria-label={t('wl.search')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 240 }}
        />
        <Segmented<'due' | 'updated'>
          value={sort}
          onChange={setSort}
          disabled={tab === 'done'}
          block={mobile}
          aria-label={t('wl.sort')}
          options={[
            { value: 'due', label: t('wl.sort.due') },
            { value: 'updated', label: t('wl.sort.updated') },
          ]}
        />
      </div>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {mobile ? (
        <div className="mz-wl-cards" aria-busy={list.isFetching}>
          {items.length === 0 && !list.isPending ? empty : null}
          {items.map((r) => (
            <Link key={r.id} to={`/cases/${r.id}`} className="mz-wl-card">
              <div className="mz-wl-card-top">
                <span className="mz-mono mz-ref">{r.refNo}</span>
                <DueCell dueDate={r.dueDate} clockState={r.clockState} />
              </div>
              <div className="mz-wl-card-title">{r.title}</div>
              <div className="mz-wl-card-meta">
                <Tag color="blue">{labels.state(r.type, r.state, r.stateLabel)}</Tag>
                {r.pendingHandoff && <Tag color="gold">{t('wl.pendingHandoff')}</Tag>}
                <span className="mz-muted">
                  {labels.type(r.type, r.typeLabel)} · {r.orgUnitName}
                </span>
              </div>
            </Link>
          ))}
          {(list.data?.total ?? 0) > page.pageSize && (
            <Pagination
              size="small"
              className="mz-gap"
              align="center"
              current={page.page}
              pageSize={page.pageSize}
              total={list.data?.total ?? 0}
              onChange={(p, s) => setPage({ page: p, pageSize: s })}
            />
          )}
        </div>
      ) : (
        <Table<WorklistItem>
          rowKey="id"
          size="middle"
          className="mz-wl-table"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          locale={{ emptyText: empty }}
          onRow={(r) => ({ onClick: () => open(r), className: 'mz-clickable-row' })}
          onChange={(_, __, sorter) => {
            if (!Array.isArray(sorter) && sorter.columnKey === 'due') setSort(sorter.order ? 'due' : 'updated');
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
        />
      )}
      {registering && (
        <Suspense>
          <RegisterDrawer caseType={registering} onClose={() => setRegistering(null)} />
        </Suspense>
      )}
    </Card>
  );
}
