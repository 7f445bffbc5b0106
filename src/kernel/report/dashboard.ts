import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { areaByCode, type ReportArea } from './report-area.ts';
import { reportDb, type ReportTables } from './db.ts';
import type { DB } from '../../platform/db/schema.ts';
import { chinaDate } from '../../platform/china-time.ts';
import type { Actor } from '../identity/actor.ts';
import { grantsFor, inScope, pathWithin } from '../identity/scope.ts';
import { registeredWorkflows } from '../workflow/define-workflow.ts';
import { comparedPeriod, viewOfLevel, yearOnYear } from './dashboard-yoy.ts';

/** Where the figures come from: the rollup kept by triggers (the dashboard), or every case (the check and the benchmark's baseline). */
export type DashboardSource = 'rollup' | 'cases';

type Row = { type: string; state: string; month: string; child: string; yr: Yr | null; n: number; g: number };
type Yr = 'current' | 'previous';
/** grouping(state, month, child, yr) of each grouping set. */
const BY_STATE = 7;
const BY_MONTH = 11;
const BY_AREA = 5;
const BY_YEAR = 6;
const BY_AREA_YEAR = 12;

const MONTHS = 12;

/** The child of `path` a row's area path lies under (its own path plus the next code), in SQL; null for the area itself. */
const childOf = (col: string, path: string) =>
  sql`case when ${sql.ref(col)} = ${path} then null else ${path} || '.' || split_part(substr(${sql.ref(col)}, ${path.length + 2}), '.', 1) end`;

/**
 * A dashboard for the actor's area (or an area inside it): every case type the actor may read,
 * its cases by state, registrations per month for the last twelve months (or one year's), and the next level of
 * areas below. Each type counts only what the actor's grants for its read permission cover, so a
 * county sees its county; 本人-only grants count nothing here (their cases are on the worklist).
 */
export async function dashboard(ctx: AppContext, actor: Actor, q: { area?: string; year?: number; source?: DashboardSource }) {
  const area = await dashboardArea(ctx, actor, q.area);
  const now = ctx.clock.now();
  // The twelve months of the year asked for, or the last twelve up to this month.
  const lastMonth = q.year ? `${q.year}-12` : chinaDate(now).slice(0, 7);
  const defs = registeredWorkflows().filter((d) => actor.grants.some((g) => g.permissions.includes(d.readPermission)));
  const source = q.source ?? 'rollup';
  const period = comparedPeriod(q.year, chinaDate(now));
  const [rows, children] = await Promise.all([defs.length ? readRows(ctx, actor, area, defs, source, period, lastMonth) : [], childAreas(ctx, area)]);
  const terminal = new Set(
    defs.flatMap((d) =>
      Object.entries(d.states)
        .filter(([, s]) => s.terminal)
        .map(([code]) => `${d.type}/${code}`),
    ),
  );
  const byState = rows.filter((r) => r.g === BY_STATE);
  const byMonth = rows.filter((r) => r.g === BY_MONTH);
  const byArea = rows.filter((r) => r.g === BY_AREA);
  const byYear = rows.filter((r) => r.g === BY_YEAR);
  const byAreaYear = rows.filter((r) => r.g === BY_AREA_YEAR);
  const isTerminal = (r: Row) => terminal.has(`${r.type}/${r.state}`);
  // 同比: registered in the period (this year vs the same months of last year), and of those how many are closed now.
  const compare = (rs: Row[]) => {
    const at = (yr: Yr) => rs.filter((r) => r.yr === yr);
    const closed = (yr: Yr) => sum(at(yr).filter(isTerminal));
    const base = sum(at('previous'));
    return {
      registered: yearOnYear(sum(at('current')), base),
      closed: yearOnYear(closed('current'), closed('previous'), base),
      open: yearOnYear(sum(at('current')) - closed('current'), base - closed('previous'), base),
    };
  };

  // 可比口径: the headline and the areas' 同比 count only the kinds of work whose last-year period registered something —
  // a kind new this year (or new to the demo) would otherwise read as growth. The kinds left out are named.
  const hadBase = new Set(byYear.filter((r) => r.yr === 'previous' && r.n > 0).map((r) => r.type));
  const comparable = (r: Row) => hadBase.size === 0 || hadBase.has(r.type);
  const leftOut = defs.filter((d) => !hadBase.has(d.type) && byYear.some((r) => r.type === d.type && r.yr === 'current' && r.n > 0));
  const modules = defs.map((d) => {
    const mine = byState.filter((r) => r.type === d.type);
    const states = Object.entries(d.states)
      .map(([code, s]) => ({ state: code, label: s.label, terminal: !!s.terminal, n: sum(mine.filter((r) => r.state === code)) }))
      .filter((s) => s.n > 0);
    const closed = sum(states.filter((s) => s.terminal));
    const total = sum(mine);
    return { type: d.type, label: d.label, total, open: total - closed, closed, states, yoy: compare(byYear.filter((r) => r.type === d.type)) };
  });
  const months = Array.from({ length: MONTHS }, (_, i) => monthsBack(lastMonth, MONTHS - 1 - i)).map((month) => {
    const inMonth = byMonth.filter((r) => r.month === month);
    return { month, n: sum(inMonth), byType: Object.fromEntries(defs.map((d) => [d.type, sum(inMonth.filter((r) => r.type === d.type))])) };
  });
  const areas = children.map((c) => {
    const inArea = byArea.filter((r) => r.child === c.path);
    const yr = (y: Yr) => sum(byAreaYear.filter((r) => r.child === c.path && r.yr === y && comparable(r)));
    return {
      code: c.code,
      name: c.name,
      total: sum(inArea),
      open: sum(inArea.filter((r) => !isTerminal(r))),
      registered: yearOnYear(yr('current'), yr('previous')),
    };
  });
  const total = sum(modules.map((m) => ({ n: m.total })));
  const open = sum(modules.map((m) => ({ n: m.open })));
  return {
    area: { code: area.code, name: area.name, level: area.level },
    view: viewOfLevel(area.level),
    period: { year: period.year, through: period.through, label: period.label },
    yoy: compare(byYear.filter(comparable)),
    comparable: { complete: hadBase.size === 0 || leftOut.length === 0, leftOut: leftOut.map((d) => d.label) },
    asOf: now.toISOString(),
    source,
    freshness: source === 'rollup' ? '随办理同步更新（实时）' : '逐件统计',
    totals: { total, open, closed: total - open },
    modules,
    months,
    areas,
  };
}

/**
 * The figures, already grouped: by type and state, by type and month, by child area, type and state, and the two 同比
 * breakdowns, so the answer is a few hundred rows whatever the number of cases. A type whose whole subtree the reader
 * sees is read from the tree tables at this one area (`treeRows`); the others (org-level grants, or a subtree below this
 * area) from core.case_rollup with the scope filter, and the baseline from every case (`scopedRows`). Both kinds of rows
 * have the same shape and are summed by the caller.
 */
async function readRows(
  ctx: AppContext,
  actor: Actor,
  area: ReportArea,
  defs: ReturnType<typeof registeredWorkflows>,
  source: DashboardSource,
  period: ReturnType<typeof comparedPeriod>,
  lastMonth: string,
): Promise<Row[]> {
  const whole =
    source === 'rollup' ? defs.filter((d) => grantsFor(actor, d.readPermission).some((g) => g.scope === 'subtree' && pathWithin(area.path, g.areaPath))) : [];
  const scoped = defs.filter((d) => !whole.includes(d));
  const [tree, rest] = await Promise.all([
    whole.length ? treeRows(ctx, area.path, whole, period, lastMonth) : [],
    scoped.length ? scopedRows(ctx, actor, area, scoped, source, period) : [],
  ]);
  return [...tree, ...rest];
}

/** A month bound ('YYYY-MM') as the date the rollups key months by. */
const monthDate = (m: string) => sql`${m + '-01'}::date`;

/**
 * From the tree tables at `path`, one statement, each part from its table's key alone: cases by state now from
 * core.case_tree_state (overall and per child), and from core.case_tree_month and core.case_tree_child only the months
 * shown (twelve) and compared (this year's period and last year's). Each part adds the rows of the change log
 * core.case_tree_delta at `path` that no fold has moved into the tables yet (case-tree-fold.ts), so the figures are
 * exact and current: a fold moves rows from the log to the tables in one transaction.
 */
async function treeRows(
  ctx: AppContext,
  path: string,
  defs: ReturnType<typeof registeredWorkflows>,
  period: ReturnType<typeof comparedPeriod>,
  lastMonth: string,
) {
  const types = sql.join(defs.map((d) => d.type));
  const [c0, c1] = period.current;
  const [p0, p1] = period.previous;
  const yr = sql`case when month between ${monthDate(c0)} and ${monthDate(c1)} then 'current' else 'previous' end`;
  // The outer range first, so the two month tables' keys (area, month, …) bound the scan to it; the two periods then filter.
  const compared = sql`(month between ${monthDate(p0)} and ${monthDate(c1)}
    and (month between ${monthDate(c0)} and ${monthDate(c1)} or month between ${monthDate(p0)} and ${monthDate(p1)}))`;
  const shown = sql`month between ${monthDate(monthsBack(lastMonth, MONTHS - 1))} and ${monthDate(lastMonth)}`;
  const g = (n: number) => sql.raw(String(n));
  // Each part twice: over the table's rows at `path`, and over the log's there (usually none); the caller sums rows alike.
  const twice = (table: string, part: (from: RawBuilder<unknown>) => RawBuilder<unknown>) =>
    sql`${part(sql`(select * from ${sql.table(table)} where area_path = ${path} and type in (${types})) t`)} union all ${part(sql`log t`)}`;
  const r = await sql<Row>`with log as materialized (select type, state, month, child, n from core.case_tree_delta
      where area_path = ${path} and type in (${types}))
    ${twice(
      'core.case_tree_state',
      (t) => sql`select type, state, null as month, null as child, null as yr, sum(n)::int as n, ${g(BY_STATE)} as g
      from ${t} group by type, state`,
    )}
    union all ${twice(
      'core.case_tree_state',
      (t) => sql`select type, state, null, ${path} || '.' || child, null, sum(n)::int, ${g(BY_AREA)}
      from ${t} where child <> '' group by type, state, child`,
    )}
    union all ${twice(
      'core.case_tree_month',
      (t) => sql`select type, null, to_char(month, 'YYYY-MM'), null, null, sum(n)::int, ${g(BY_MONTH)}
      from ${t} where ${shown} group by type, month`,
    )}
    union all ${twice(
      'core.case_tree_month',
      (t) => sql`select type, state, null, null, ${yr}, sum(n)::int, ${g(BY_YEAR)}
      from ${t} where ${compared} group by type, state, 5`,
    )}
    union all ${twice(
      'core.case_tree_child',
      (t) => sql`select type, null, null, ${path} || '.' || child, ${yr}, sum(n)::int, ${g(BY_AREA_YEAR)}
      from ${t} where ${compared} and child <> '' group by type, child, 5`,
    )}`.execute(ctx.db);
  return r.rows;
}

/**
 * core.case_rollup's rows and its change log's that no fold has moved into it yet (case-tree-fold.ts): a fold moves rows
 * from the log to the table in one transaction, so their sum is exact at any moment. The filters reach both branches.
 */
const rollupWithLog = (eb: ExpressionBuilder<DB & ReportTables, never>) => {
  const cols = ['type', 'org_unit_id', 'area_path', 'state', 'month', 'n'] as const;
  return eb.selectFrom('core.case_rollup').select(cols).unionAll(eb.selectFrom('core.case_rollup_delta').select(cols));
};

/**
 * The same breakdowns in one statement with GROUPING SETS, over core.case_rollup with its log (the rollup's counts, with
 * the reader's scope filter per type) or over core.case (one per case: the check and the benchmark's baseline).
 */
async function scopedRows(
  ctx: AppContext,
  actor: Actor,
  area: ReportArea,
  defs: ReturnType<typeof registeredWorkflows>,
  source: DashboardSource,
  period: ReturnType<typeof comparedPeriod>,
): Promise<Row[]> {
  const rollup = source === 'rollup';
  const from: any = rollup ? reportDb(ctx.db).selectFrom((eb) => rollupWithLog(eb).as('c')) : ctx.db.selectFrom('core.case as c');
  const under = area.path.replace(/[\\%_]/g, (ch) => '\\' + ch) + '.%';
  const inner = from
    .select([
      'c.type',
      'c.state',
      sql<string>`${rollup ? sql.raw('c.month') : sql.raw('core.case_rollup_month(c.created_at)')}`.as('month'),
      sql<string>`${childOf('c.area_path', area.path)}`.as('child'),
      sql<number>`${rollup ? sql.raw('c.n') : sql.raw('1')}`.as('n'),
    ])
    .where((eb: ExpressionBuilder<any, any>) => eb.or([eb('c.area_path', '=', area.path), eb('c.area_path', 'like', under)]))
    .where((eb: ExpressionBuilder<any, any>) =>
      eb.or(
        defs.map((d) => eb.and([eb('c.type', '=', d.type), inScope(actor, d.readPermission, { areaPath: 'c.area_path', orgUnitId: 'c.org_unit_id' })(eb)])),
      ),
    );
  const [c0, c1] = period.current;
  const [p0, p1] = period.previous;
  // Months compared as dates (no to_char per row); a sort of tens of thousands of rows kept in memory (SET LOCAL).
  return ctx.db.transaction().execute(async (tx) => {
    await sql`set local work_mem = '32MB'`.execute(tx);
    const r = await sql<Row>`
      select type, state, to_char(month, 'YYYY-MM') as month, child, yr, sum(n)::int as n, grouping(state, month, child, yr) as g
      from (select x0.*, case when x0.month between ${monthDate(c0)} and ${monthDate(c1)} then 'current'
          when x0.month between ${monthDate(p0)} and ${monthDate(p1)} then 'previous' end as yr from (${inner}) x0) x
      group by grouping sets ((type, state), (type, month), (child, type, state), (type, state, yr), (child, type, yr))`.execute(tx);
    return r.rows;
  });
}

async function dashboardArea(ctx: AppContext, actor: Actor, code: string | undefined): Promise<ReportArea> {
  const a = await areaByCode(ctx, code ?? actor.areaCode);
  if (!pathWithin(a.path, actor.areaPath))
    throw new AppError('DASHBOARD_AREA_FORBIDDEN', 403, `无权查看「${a.name}」的数据概览：只能查看本单位所在地区及其下级地区。`, { field: 'area' });
  return a;
}

const childAreas = (ctx: AppContext, area: ReportArea) =>
  ctx.db.selectFrom('core.area').select(['code', 'name', 'path']).where('parent_code', '=', area.code).orderBy('code').execute();

const sum = (xs: readonly { n: number }[]) => xs.reduce((a, x) => a + x.n, 0);

function monthsBack(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) - k;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}
