import { sql, type RawBuilder } from 'kysely';
import { petitionsDb } from '../db.ts';
import { petitionReportRows } from '../report/report-rows.ts';
import { z } from 'zod';
import { checkStatsPeriod } from '../../../platform/http/input-schemas.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { recordInScope, requirePermission } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { CATEGORIES, CHANNELS, PETITION_TYPE, SOURCE_BODIES, SUBJECTS } from '../contract.ts';
import { annualReportExtras } from './annual-report-extras.ts';
import { DIMENSIONS, STAT_UNITS, type Dimension, type Measures, type PetitionStats, type ReportFigures, type StatRow } from '../contracts/stats.ts';

/**
 * 信访统计: 件 / 批 / 人次 and rates over the petitions the actor may read (the kernel's case read
 * rule: data scope, plus cases the actor's org handed on). Counting rules (口径), also shown on
 * the dashboard next to each figure:
 * - 件: petitions registered (登记, `core.case.created_at`) in [from, to] (China dates).
 * - 批 / 人次: over 来信 and 来访 items only; 批 = visit_batch (blank → 1), 人次 = visit_persons (blank → 1).
 * - 办结: the case reached a terminal state (办结 closed, 终结 final, 不予受理 refused).
 * - 按期办结: 办结 with none of its deadline clocks (甄别受理、办理、简易办理、复查、复核; not 签收/督办反馈)
 *   stopped late (`core.deadline_clock.state = 'missed'`, kind deadline: the petitioner's 申请复查/复核 windows are
 *   periods, never late); 按期办结率 = 按期办结 / 办结.
 * - 满意率 = (满意 + 基本满意) / 已评价.
 * - 重信重访 / 越级: the flags set at registration (is_repeat, is_skip_level).
 */

export { DIMENSIONS, STAT_UNITS };
export type { Dimension, Measures, PetitionStats, ReportFigures, StatRow };
export const OUTCOMES = ['支持', '解释说明', '不予支持', '不予受理', '未出结论'] as const;
/** Items with no outside source body: taken in directly (来信、来访、网上、电话). */
export const DIRECT_SOURCE = '直接受理';

const isoDate = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `「${field}」日期格式应为 YYYY-MM-DD`)
    .optional();
export const PetitionStatsQuery = z.object({
  from: isoDate('from'),
  to: isoDate('to'),
  unit: z.enum(STAT_UNITS, { message: '「unit」统计周期须为 month、quarter 或 year' }).default('month'),
  /** Drill-down: the area the figures are limited to (问题发生地); its children form the area dimension. */
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '「area」区划代码格式不正确')
    .optional(),
  /** Drill-down: the 信访类别 the figures are limited to. */
  category: z.enum(CATEGORIES, { message: `「category」信访类别须为${CATEGORIES.join('、')}之一` }).optional(),
});
export type PetitionStatsQuery = z.infer<typeof PetitionStatsQuery>;

const n = (v: unknown) => Number(v ?? 0);

/** The measures over the per-row facts `b` (see the counting rules above). */
const MEASURES = [
  sql<number>`count(*)`.as('items'),
  sql<number>`coalesce(sum(batches), 0)`.as('batches'),
  sql<number>`coalesce(sum(persons), 0)`.as('persons'),
  sql<number>`count(*) filter (where terminal)`.as('concluded'),
  sql<number>`count(*) filter (where on_time)`.as('on_time'),
  sql<number>`count(satisfaction)`.as('rated'),
  sql<number>`count(*) filter (where satisfaction in ('满意','基本满意'))`.as('satisfied'),
  sql<number>`count(*) filter (where is_repeat)`.as('repeat'),
  sql<number>`count(*) filter (where is_skip_level)`.as('skip_level'),
];
const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

function measures(r: Record<string, unknown>): Measures {
  const m = {
    items: n(r.items),
    batches: n(r.batches),
    persons: n(r.persons),
    concluded: n(r.concluded),
    concludedOnTime: n(r.on_time),
    rated: n(r.rated),
    satisfied: n(r.satisfied),
    repeat: n(r.repeat),
    skipLevel: n(r.skip_level),
  };
  return { ...m, onTimeRate: rate(m.concludedOnTime, m.concluded), satisfactionRate: rate(m.satisfied, m.rated), concludedRate: rate(m.concluded, m.items) };
}

/** Area-dimension key of petitions concerning places outside the drill root (e.g. handed on). */
const OUTSIDE = '*';

/** The longest area path every given path lies in ('' when none). */
export function commonRoot(paths: readonly string[]): string {
  if (!paths.length) return '';
  let parts = paths[0]!.split('.');
  for (const p of paths.slice(1)) {
    const q = p.split('.');
    let i = 0;
    while (i < parts.length && i < q.length && parts[i] === q[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('.');
}

/** China-local timestamp of an instant column, whatever the session time zone. */
const local = (col: string) => sql`((${sql.ref(col)} at time zone 'UTC') + interval '8 hours')`;

function periodKey(unit: (typeof STAT_UNITS)[number]): RawBuilder<string> {
  const t = local('c.created_at');
  if (unit === 'year') return sql<string>`to_char(${t}, 'YYYY')`;
  if (unit === 'quarter') return sql<string>`to_char(${t}, 'YYYY') || '-Q' || to_char(${t}, 'Q')`;
  return sql<string>`to_char(${t}, 'YYYY-MM')`;
}

/** Every period key between two dates, so the trend has zero rows for empty months. */
export function periodKeys(unit: (typeof STAT_UNITS)[number], from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    const key = unit === 'year' ? `${y}` : unit === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : `${y}-${String(m).padStart(2, '0')}`;
    if (out.at(-1) !== key) out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const periodLabel = (key: string) => {
  if (/^\d{4}$/.test(key)) return `${key}年`;
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const mm = /^(\d{4})-(\d{2})$/.exec(key);
  return mm ? `${mm[1]}年${Number(mm[2])}月` : key;
};

/** The statistics for one actor, period and (optionally) drill-down area and category. */
export async function petitionStats(ctx: AppContext, actor: Actor, q: PetitionStatsQuery): Promise<PetitionStats> {
  requirePermission(actor, 'petition.read');
  const db = petitionsDb(ctx.db);
  const readable = caseReadable(actor, 'petition.read');

  const years = (
    await db
      .selectFrom('core.case as c')
      .where('c.type', '=', PETITION_TYPE)
      .where(readable)
      .select([sql<number>`extract(year from ${local('c.created_at')})::int`.as('year'), (eb) => eb.fn.countAll().as('items')])
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute()
  ).map((r) => ({ year: n(r.year), items: n(r.items) }));

  let { from, to } = q;
  if (!from || !to) {
    // Default: the current year by the business clock (Beijing time).
    const year = chinaDate(ctx.clock.now()).slice(0, 4);
    from ??= `${year}-01-01`;
    to ??= `${year}-12-31`;
  }
  checkStatsPeriod(from, to);
  const start = chinaMidnight(from);
  const end = new Date(chinaMidnight(to).getTime() + 86_400_000);

  let area: PetitionStats['area'] = null;
  let rootPath: string;
  if (q.area) {
    const a = await db.selectFrom('core.area').select(['code', 'name', 'path', 'level', 'parent_code']).where('code', '=', q.area).executeTakeFirst();
    // Like 低保's statistics: an area outside the actor's scope answers as if it did not exist.
    if (!a || !recordInScope(actor, 'petition.read', { areaPath: a.path })) throw notFound('统计地区', 'AREA_NOT_FOUND');
    area = { code: a.code, name: a.name, level: n(a.level), parentCode: a.parent_code ?? null };
    rootPath = a.path;
  } else {
    // No drill-down: the area dimension starts below the top of the actor's own scope.
    rootPath = commonRoot(actor.grants.filter((g) => g.permissions.includes('petition.read')).map((g) => g.areaPath)) || actor.areaPath;
  }
  const rootLevel = rootPath.split('.').length;
  const underRoot = sql`(p.concerned_area_path = ${rootPath} or p.concerned_area_path like ${rootPath.replace(/[\\%_]/g, '\\$&') + '.%'})`;

  // Per-row facts, limited to the readable petitions registered in the period and concerning the drill area.
  const b = db
    .selectFrom('core.case as c')
    .innerJoin('petitions.petition as p', 'p.case_id', 'c.id')
    .where('c.type', '=', PETITION_TYPE)
    .where(readable)
    .where('c.created_at', '>=', start)
    .where('c.created_at', '<', end)
    .$if(!!q.area, (qb) => qb.where(sql<boolean>`${underRoot}`))
    .$if(!!q.category, (qb) => qb.where('p.category', '=', q.category!))
    .select([
      periodKey(q.unit).as('period'),
      'p.channel as channel',
      sql<string>`coalesce(p.source_body, ${DIRECT_SOURCE})`.as('source'),
      sql<string>`case when ${underRoot} then split_part(p.concerned_area_path, '.', ${rootLevel + 1}) else ${OUTSIDE} end`.as('area'),
      'p.category as category',
      'p.subject as subject',
      sql<string>`case when c.state = 'refused' then '不予受理' when p.delivered_at is not null and p.opinion is not null then p.opinion else '未出结论' end`.as(
        'outcome',
      ),
      'c.state as state',
      'c.terminal as terminal',
      'p.satisfaction as satisfaction',
      'p.is_repeat as is_repeat',
      'p.is_skip_level as is_skip_level',
      sql<number>`case when p.channel in ('来信','来访') then coalesce(p.visit_batch, 1) else 0 end`.as('batches'),
      sql<number>`case when p.channel in ('来信','来访') then coalesce(p.visit_persons, 1) else 0 end`.as('persons'),
      sql<boolean>`(c.terminal and not exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.state = 'missed' and k.kind = 'deadline'
        and k.name not like 'ack:%' and k.name not like 'supervise:%'))`.as('on_time'),
    ]);
  // One pass: a grouping set per dimension plus the grand total.
  const rows = await db
    .with('b', () => b)
    .selectFrom('b')
    .select(['period', 'channel', 'source', 'area', 'category', 'subject', 'outcome', 'state'])
    .select(sql<number>`grouping(period, channel, source, area, category, subject, outcome, state)`.as('g'))
    .select(MEASURES)
    .groupBy(sql`grouping sets ((period), (channel), (source), (area), (category), (subject), (outcome), (state), ())`)
    .execute();

  // grouping() bit i (from the left, 8 args) is 0 when that column is grouped.
  const dimOf = (g: number): Dimension | 'total' => {
    if (g === 255) return 'total';
    for (let i = 0; i < 8; i++) if (((g >> (7 - i)) & 1) === 0) return DIMENSIONS[i]!;
    return 'total';
  };
  const grouped: Record<Dimension, Map<string, Measures>> = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map()])) as any;
  let summary = measures({});
  for (const r of rows as Array<Record<string, any>>) {
    const d = dimOf(n(r.g));
    if (d === 'total') summary = measures(r);
    else grouped[d].set(String(r[d] ?? ''), measures(r));
  }

  const childCodes = [...grouped.area.keys()].filter((k) => k && k !== OUTSIDE);
  const names = new Map<string, string>(
    childCodes.length ? (await db.selectFrom('core.area').select(['code', 'name']).where('code', 'in', childCodes).execute()).map((a) => [a.code, a.name]) : [],
  );
  const rootName = area?.name ?? (await db.selectFrom('core.area').select('name').where('path', '=', rootPath).executeTakeFirst())?.name ?? rootPath;
  const def = workflowOf(PETITION_TYPE);
  const ordered = (d: Dimension, keys: readonly string[], label: (k: string) => string, keepEmpty: boolean): StatRow[] => {
    const seen = grouped[d];
    const all = [...keys, ...[...seen.keys()].filter((k) => !keys.includes(k))];
    return all.filter((k) => keepEmpty || seen.has(k)).map((k) => ({ key: k, label: label(k), ...(seen.get(k) ?? measures({})) }));
  };
  const byItems = (rs: StatRow[]) => [...rs].sort((a, b) => b.items - a.items || a.key.localeCompare(b.key));

  const dimensions: Record<Dimension, StatRow[]> = {
    period: ordered('period', periodKeys(q.unit, from, to), periodLabel, true),
    channel: ordered('channel', CHANNELS, (k) => k, true),
    source: ordered('source', [...SOURCE_BODIES, DIRECT_SOURCE], (k) => k, true),
    area: byItems(ordered('area', [], (k) => (k === OUTSIDE ? '其他地区（转出或上级事项）' : k ? (names.get(k) ?? k) : `${rootName}（本级）`), false)),
    category: ordered('category', CATEGORIES, (k) => k, true),
    subject: ordered('subject', SUBJECTS, (k) => k, true),
    outcome: ordered('outcome', OUTCOMES, (k) => k, true),
    state: ordered('state', Object.keys(def.states), (k) => def.states[k as never]?.label ?? k, false),
  };

  const report = await reportFigures(ctx, actor, start, end);
  return { from, to, unit: q.unit, area, category: q.category ?? null, years, summary, dimensions, report };
}

/**
 * The annual report's 信访 paragraph for the viewer's own level: petitions registered by org
 * units of the viewer's area (the reference number carries the registering org's area code,
 * `XF-<area>-<year>-<n>`), letters and visits in 批/人次, items transferred by each outside body,
 * and how many are concluded. Same scope rule as everything else.
 */
async function reportFigures(ctx: AppContext, actor: Actor, start: Date, end: Date): Promise<ReportFigures> {
  const db = petitionsDb(ctx.db);
  // The same rows the annual report's 信访 section counts (../report/report-rows.ts).
  const r = (await db
    .selectFrom(petitionReportRows(ctx, actor, { start, end, areaCode: actor.areaCode }).as('r'))
    .select(
      sql`count(*) as items,
      coalesce(sum(batches), 0) as batches,
      coalesce(sum(persons), 0) as persons,
      count(*) filter (where source_body = '自治区信访局') as xfj,
      count(*) filter (where source_body = '民政部') as mca,
      count(*) filter (where source_body = '12345') as hotline,
      count(*) filter (where terminal) as concluded` as any,
    )
    .executeTakeFirstOrThrow()) as Record<string, unknown>;
  const a = await db.selectFrom('core.area').select('name').where('code', '=', actor.areaCode).executeTakeFirst();
  const items = n(r.items);
  const extra = await annualReportExtras(ctx, actor, start, end);
  return {
    areaCode: actor.areaCode,
    areaName: a?.name ?? actor.areaCode,
    items,
    letterVisitBatches: n(r.batches),
    letterVisitPersons: n(r.persons),
    fromXfj: n(r.xfj),
    fromMca: n(r.mca),
    from12345: n(r.hotline),
    concluded: n(r.concluded),
    allConcluded: items > 0 && n(r.concluded) === items,
    ...extra,
  };
}
