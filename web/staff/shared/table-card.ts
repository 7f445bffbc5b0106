import type { TableProps } from 'antd';
import type { ReactNode } from 'react';

type Column<T> = NonNullable<TableProps<T>['columns']>[number];
/** antd's breakpoints that hold at this width (Grid.useBreakpoint()). */
export type Screens = Partial<Record<string, boolean>>;

/**
 * A column of a DataTable: antd's own, plus where it goes on a phone's card — `false` leaves it off,
 * 'title' makes it the card's heading (else the first column is), 'actions' puts it at the card's foot
 * (a column titled 操作 goes there by itself).
 */
export type DataColumn<T> = Column<T> & { phone?: false | 'title' | 'actions' };

/** A card's parts, read from the columns: the heading, label–value lines and the actions. */
export type CardParts = { title: ReactNode; lines: { label: ReactNode; value: ReactNode }[]; actions: ReactNode[] };

/** The leaf columns a phone shows: groups flattened, `phone: false`, hidden columns and those antd hides at this width left out. */
function phoneColumns<T>(columns: DataColumn<T>[], screens: Screens): DataColumn<T>[] {
  return columns
    .flatMap((c) => ('children' in c && c.children ? phoneColumns(c.children as DataColumn<T>[], screens) : [c]))
    .filter((c) => c.phone !== false && !c.hidden && (!c.responsive || c.responsive.some((b) => screens[b])));
}

function cell<T>(c: DataColumn<T>, row: T, index: number): ReactNode {
  const path = 'dataIndex' in c ? c.dataIndex : undefined;
  const value =
    path === undefined ? undefined : [path].flat().reduce((v: unknown, k) => (v as Record<PropertyKey, unknown> | null | undefined)?.[k as PropertyKey], row);
  if (c.render) return c.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

/** The card of one row: each column's own `render` (or its value) under its title. */
export function cardParts<T>(columns: DataColumn<T>[], row: T, index: number, screens: Screens, actionsTitle: string): CardParts {
  const shown = phoneColumns(columns, screens);
  const heading = shown.find((c) => c.phone === 'title') ?? shown[0];
  const parts: CardParts = { title: heading ? cell(heading, row, index) : null, lines: [], actions: [] };
  for (const c of shown) {
    if (c === heading) continue;
    const value = cell(c, row, index);
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (c.phone === 'actions' || c.title === actionsTitle) parts.actions.push(value);
    else parts.lines.push({ label: typeof c.title === 'function' ? null : c.title, value });
  }
  return parts;
}
