import { Card, Grid, Pagination, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
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
  columns: TableProps<T>['columns'];
  rowKey?: TableProps<T>['rowKey'];
  /** The table's width before it scrolls sideways (phones without `card`). */
  scrollX?: number;
  /** On a phone each row becomes this card (a link to the record), not a table scrolling sideways. */
  card?: (row: T) => ReactNode;
}) {
  const { q, set, list } = props.query;
  const mobile = Grid.useBreakpoint().md === false;
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
        ) : mobile && props.card ? (
          <div className="mz-wl-cards" aria-busy={list.isFetching}>
            {(list.data?.items ?? []).map(props.card)}
            {paging.total > paging.pageSize && <Pagination size="small" align="center" className="mz-gap" {...paging} />}
          </div>
        ) : (
          <Table<T>
            rowKey={props.rowKey ?? 'id'}
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={props.columns}
            scroll={props.scrollX ? { x: props.scrollX } : undefined}
            pagination={paging}
          />
        )}
      </Card>
    </div>
  );
}
