import { Card, Empty } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import type { WorklistItem } from '../../shared/api-types.ts';
import { DueCell } from '../../shared/clock.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useWorklist } from '../worklist/use-worklist.ts';
import { DataTable } from '../../shared/DataTable.tsx';

/**
 * 乡镇首页: the township's own pending 低保 applications, nearest deadline first, each with its clock
 * (the unit's 待办 on the worklist, not a scan: the list is the township's own open cases).
 */
export function TownshipPending() {
  const t = useT();
  const q = useWorklist({ tab: 'todo', view: 'unit', type: 'dibao', sort: 'due', page: 1, pageSize: 8 });
  return (
    <Card
      className="mz-card mz-gap"
      title={t('dashboard.township.pending')}
      extra={<Link to="/?tab=todo&view=unit">{t('dashboard.township.all', { n: q.data?.total ?? 0 })}</Link>}
      data-testid="dashboard-township-pending"
    >
      {q.isError && <QueryError error={q.error} onRetry={() => q.refetch()} />}
      <DataTable<WorklistItem>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        pagination={false}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('dashboard.township.none')} /> }}
        scroll={{ x: 480 }}
        columns={[
          // The household first (what the clerk looks for), its number under it: on a phone neither is cut off.
          {
            title: t('dashboard.township.title'),
            key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/cases/${r.id}`}>{r.title}</Link>
                <div className="mz-muted">{t('dashboard.township.ref', { ref: r.refNo })}</div>
              </>
            ),
          },
          { title: t('dashboard.township.state'), dataIndex: 'stateLabel', width: 120 },
          { title: t('dashboard.township.due'), key: 'due', width: 150, render: (_, r) => <DueCell dueDate={r.dueDate} clockState={r.clockState} /> },
        ]}
      />
    </Card>
  );
}
