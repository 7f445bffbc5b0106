import { Card } from 'antd';
import type { ReactNode } from 'react';
import { DataTable, type DataColumn, type DataTableProps } from './DataTable.tsx';
import { PageHeader } from './PageHeader.tsx';
import { QueryError } from './QueryError.tsx';
import type { ListQuery } from './use-list-query.ts';

/**
 * A register page: header, a row of filters, and the table of one page of rows with paging.
 * A failed load shows the server's message with a retry; loading and "no rows" are the table's.
 */
export function ListPage<F extends string, T extends object>(props: {
  title: ReactNode;
  desc?: ReactNode;
  extra?: ReactNode;
  filters?: ReactNode;
  query: ListQuery<F, T>;
  columns: DataColumn<T>[] | undefined;
  rowKey?: DataTableProps<T>['rowKey'];
  /** The table's width before it scrolls sideways (a desktop's narrow window). */
  scrollX?: number;
  /** On a phone each row becomes this card (a link to the record) rather than the one derived from the columns. */
  card?: (row: T) => ReactNode;
}) {
  const { q, set, list } = props.query;
  const paging = {
    current: q.page,
    pageSize: q.pageSize,
    total: list.data?.total ?? 0,
    onChange: (p: number) => set('page', String(p)),
    showSizeChanger: false,
  };
  return (
    <div className="mz-page">
      <PageHeader title={props.title} desc={props.desc} extra={props.extra} />
      <Card className="mz-card">
        {props.filters && <div className="mz-list-filters">{props.filters}</div>}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<T>
            rowKey={props.rowKey ?? 'id'}
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={props.columns}
            scroll={props.scrollX ? { x: props.scrollX } : undefined}
            pagination={paging}
            card={props.card}
          />
        )}
      </Card>
    </div>
  );
}
