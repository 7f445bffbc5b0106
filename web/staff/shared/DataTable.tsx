import { Empty, Grid, Pagination, Spin, Table, type TableProps } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { cardParts, type DataColumn } from './table-card.ts';

export type { DataColumn };

export type DataTableProps<T> = Omit<TableProps<T>, 'columns'> & {
  columns?: DataColumn<T>[];
  /** A hand-made phone card for a row (it carries its own key); without it the card is derived from the columns. */
  card?: (row: T, index: number) => ReactNode;
};

/** The rows of the current page, as antd's Table slices them when it pages the data itself. */
function pageRows<T>(rows: readonly T[], total: number, current: number, pageSize: number): readonly T[] {
  return rows.length < total && rows.length <= pageSize ? rows : rows.slice((current - 1) * pageSize, current * pageSize);
}

/**
 * antd's Table on a desktop (the same props, the same rendering); on a phone (below md) each row is a card — the
 * heading column on top (a link when it renders one; the row's own onClick otherwise), the other columns as
 * label–value lines, an expandable row's detail folded, the actions at the foot — with the table's pagination, loading and empty state.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const screens = Grid.useBreakpoint();
  const t = useT();
  const [ownPage, setOwnPage] = useState(1);
  const { card, ...table } = props;
  if (screens.md !== false) return <Table<T> {...table} />;

  const { columns = [], dataSource = [], pagination, rowKey = 'key', onRow, loading, locale, expandable } = table;
  const paged = pagination === false ? null : (pagination ?? {});
  const pageSize = paged?.pageSize ?? paged?.defaultPageSize ?? 10;
  const total = paged?.total ?? dataSource.length;
  const current = paged?.current ?? ownPage;
  const rows = paged ? pageRows(dataSource, total, current, pageSize) : dataSource;
  const keyOf = (row: T, i: number) => (typeof rowKey === 'function' ? rowKey(row, i) : (row as Record<string, Key>)[rowKey as string]) ?? i;
  return (
    <Spin spinning={typeof loading === 'object' ? loading.spinning : !!loading}>
      <div className="mz-wl-cards mz-dt-cards">
        {rows.length === 0 && !loading && (locale?.emptyText ? <>{locale.emptyText}</> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)}
        {rows.map((row, i) => {
          if (card) return card(row, i);
          const { title, lines, actions } = cardParts(columns, row, i, screens, t('common.actions'));
          const on = onRow?.(row, i);
          return (
            <div key={keyOf(row, i)} className={`mz-wl-card mz-dt-card${on?.onClick ? ' mz-clickable-row' : ''}`} onClick={on?.onClick}>
              <div className="mz-wl-card-title">{title}</div>
              {lines.length > 0 && (
                <dl className="mz-dt-lines">
                  {lines.map((l, j) => (
                    <div key={j}>
                      <dt>{l.label}</dt>
                      <dd>{l.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              {expandable?.expandedRowRender && (expandable.rowExpandable?.(row) ?? true) && (
                <details className="mz-dt-more">
                  <summary>{t('common.detail')}</summary>
                  {expandable.expandedRowRender(row, i, 0, true)}
                </details>
              )}
              {actions.length > 0 && <div className="mz-dt-actions">{actions}</div>}
            </div>
          );
        })}
        {paged && total > pageSize && (
          <Pagination
            size="small"
            align="center"
            current={current}
            pageSize={pageSize}
            total={total}
            showSizeChanger={false}
            onChange={(p, s) => {
              setOwnPage(p);
              paged.onChange?.(p, s);
            }}
          />
        )}
      </div>
    </Spin>
  );
}
