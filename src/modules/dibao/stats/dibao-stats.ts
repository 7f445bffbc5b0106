import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { requirePermission, grantsFor, recordInScope } from '../../../kernel/identity/index.ts';

import { addDaysIso, addMonthsClampedIso, compareIso, currentCalendar, firstOfMonthIso, type Calendar } from '../../../kernel/calendar/index.ts';
import { checkStatsPeriod, isoDate, STATS_MIN_DATE } from '../../../platform/http/input-schemas.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { readDibaoSettings } from '../settings.ts';

/**
 * 低保统计 over the households and applications inside the actor's dibao.read scope, under one
 * area (default: the widest area the actor holds). Counting rules (口径), also returned in `rules`:
 * - 在保: households with status active; 人数 = 保障人数 (insured persons).
 * - 类型: 重残重病户 = an active member with 一级/二级 disability or 重病; else 老年户 = the
 *   申请人 (户主) aged 60 or more on the `to` date; else 一般户.
 * - 月支出: the months' 发放名册 totals where rosters exist in the area; for months with none,
 *   the benefits in force from the benefit history (the latest 待遇变更 effective by that month).
 * - 办理时长: working days from 受理 (accepted_on, not counted) to the decision (decided_on,
 *   counted), on the working-day calendar of the case's county, for decisions in [from, to].
 *   试点 = cases handled under the delegated regime (authority township: the township confirms),
 *   其他 = cases confirmed by the county; the regime is the one stored on the case at 受理.
 * - 按时办结: within totalWorkdays (specialWorkdays for cases marked special).
 */
const date = (f: string) => isoDate(f, { min: STATS_MIN_DATE }).optional();
export const DibaoStatsQuery = z.object({
  area: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '「area」区划代码格式不正确')
    .optional(),
  from: date('from'),
  to: date('to'),
});
export type DibaoStatsQuery = z.infer<typeof DibaoStatsQuery>;

export type GroupTime = { cases: number; avgWorkdays: number | null; medianWorkdays: number | null; onTime: number; onTimeRate: number | null };
export type DibaoStats = {
  area: { code: string; name: string; path: string };
  from: string;
  to: string;
  totals: { households: number; persons: number; monthlyCents: number };
  byArea: Array<{ code: string; name: string; households: number; persons: number; monthlyCents: number }>;
  byKind: Array<{ kind: 'urban' | 'rural'; households: number; persons: number }>;
  byType: Array<{ type: string; households: number; persons: number }>;
  spending: Array<{ month: string; cents: number; source: '名册' | '待遇记录' }>;
  processing: {
    pilot: GroupTime;
    others: GroupTime;
    all: GroupTime;
    byCounty: Array<{ code: string; name: string; authority: string; cases: number; avgWorkdays: number | null; onTimeRate: number | null }>;
    differenceWorkdays: number | null;
    differencePct: number | null;
    statement: string;
    method: string;
    limits: { totalWorkdays: number; specialWorkdays: number };
  };
  rules: string[];
};

/** Working days after `from` up to and including `to` (the day of 受理 is not counted). */
export function workdaysBetween(cal: Calendar, from: string, to: string, areaPath: string | null): number {
  let n = 0;
  for (let d = addDaysIso(from, 1); compareIso(d, to) <= 0; d = addDaysIso(d, 1)) if (cal.isWorkday(d, areaPath).workday) n++;
  return n;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

export function groupTime(days: Array<{ workdays: number; limit: number }>): GroupTime {
  if (!days.length) return { cases: 0, avgWorkdays: null, medianWorkdays: null, onTime: 0, onTimeRate: null };
  const sorted = days.map((d) => d.workdays).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const onTime = days.filter((d) => d.workdays <= d.limit).length;
  return {
    cases: days.length,
    avgWorkdays: round1(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    medianWorkdays: median,
    onTime,
    onTimeRate: rate(onTime, days.length),
  };
}

async function rootArea(ctx: AppContext, actor: Actor, code?: string) {
  const grants = grantsFor(actor, 'dibao.read');
  if (!grants.length) throw notFound('统计范围');
  const want = code ?? [...grants].sort((a, b) => a.areaPath.length - b.areaPath.length)[0]!.areaCode;
  const a = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path']).where('code', '=', want).executeTakeFirst();
  if (!a || !recordInScope(actor, 'dibao.read', { areaPath: a.path })) throw notFound('统计地区', 'AREA_NOT_FOUND');
  return a;
}

export async function dibaoStats(ctx: AppContext, actor: Actor, q: DibaoStatsQuery): Promise<DibaoStats> {
  requirePermission(actor, 'dibao.read');
  const area = await rootArea(ctx, actor, q.area);
  const to = q.to ?? chinaDate(ctx.clock.now());
  const from = q.from ?? addMonthsClampedIso(firstOfMonthIso(to), -11);
  checkStatsPeriod(from, to);
  const like = area.path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
  const inArea = (col: string) => sql`(${sql.ref(col)} = ${area.path} or ${sql.ref(col)} like ${like})`;
  const depth = area.path.split('.').length;

  const byArea = (
    await sql<{ code: string | null; name: string | null; households: number; persons: number; cents: number }>`
    select c.code, c.name, count(*)::int as households, coalesce(sum(h.insured_persons), 0)::int as persons, coalesce(sum(h.benefit_cents), 0)::bigint as cents
    from dibao.household h left join core.area c on c.code = nullif(split_part(h.area_path, '.', ${depth + 1}), '')
    where h.status = 'active' and ${inArea('h.area_path')}
    group by c.code, c.name order by c.code nulls first`.execute(ctx.db)
  ).rows;
  const byKind = (
    await sql<{ kind: 'urban' | 'rural'; households: number; persons: number }>`
    select h.kind, count(*)::int as households, coalesce(sum(h.insured_persons), 0)::int as persons
    from dibao.household h where h.status = 'active' and ${inArea('h.area_path')} group by h.kind order by h.kind desc`.execute(ctx.db)
  ).rows;
  const byType = (
    await sql<{ type: string; households: number; persons: number }>`
    select t.type, count(*)::int as households, coalesce(sum(t.insured_persons), 0)::int as persons from (
      select h.insured_persons, case
        when exists (select 1 from dibao.member m where m.household_id = h.id and m.active and (m.disability in ('一级','二级') or m.health = '重病')) then '重残重病户'
        when exists (select 1 from dibao.member m where m.household_id = h.id and m.active and m.relation = '申请人' and m.birth_date <= (${to}::date - interval '60 years')) then '老年户'
        else '一般户' end as type
      from dibao.household h where h.status = 'active' and ${inArea('h.area_path')}) t
    group by t.type`.execute(ctx.db)
  ).rows;
  const order = ['重残重病户', '老年户', '一般户'];

  // Spending per month: rosters where they exist, else the benefit history.
  const months: string[] = [];
  for (let m = firstOfMonthIso(from); compareIso(m, to) <= 0; m = addMonthsClampedIso(m, 1)) months.push(m);
  const rosterMonths = new Map(
    (
      await sql<{ month: string; cents: number }>`
    select to_char(r.month, 'YYYY-MM-DD') as month, sum(r.total_cents)::bigint as cents from dibao.roster r
    where ${inArea('r.county_path')} and r.month between ${months[0]!}::date and ${months.at(-1)!}::date group by r.month`.execute(ctx.db)
    ).rows.map((r) => [r.month, Number(r.cents)]),
  );
  const missing = months.filter((m) => !rosterMonths.has(m));
  const history = new Map<string, number>();
  if (missing.length) {
    const rows = (
      await sql<{ month: string; cents: number }>`
      select to_char(m.month, 'YYYY-MM-DD') as month, coalesce(sum(x.cents), 0)::bigint as cents
      from unnest(${missing}::date[]) as m(month)
      left join lateral (select distinct on (bc.household_id) case when bc.kind = '停发' then 0 else bc.after_cents end as cents
                         from dibao.benefit_change bc join dibao.household h on h.id = bc.household_id
                         where bc.effective_month <= m.month and ${inArea('h.area_path')}
                         order by bc.household_id, bc.effective_month desc, bc.at desc) x on true
      group by m.month`.execute(ctx.db)
    ).rows;
    for (const r of rows) history.set(r.month, Number(r.cents));
  }
  const spending = months.map((m) =>
    rosterMonths.has(m)
      ? { month: m.slice(0, 7), cents: rosterMonths.get(m)!, source: '名册' as const }
      : { month: m.slice(0, 7), cents: history.get(m) ?? 0, source: '待遇记录' as const },
  );

  const processing = await processingTimes(ctx, inArea('h.area_path'), from, to);
  return {
    area,
    from,
    to,
    totals: {
      households: byArea.reduce((s, r) => s + r.households, 0),
      persons: byArea.reduce((s, r) => s + r.persons, 0),
      monthlyCents: byArea.reduce((s, r) => s + Number(r.cents), 0),
    },
    byArea: byArea.map((r) => ({
      code: r.code ?? area.code,
      name: r.name ?? `${area.name}（本级）`,
      households: r.households,
      persons: r.persons,
      monthlyCents: Number(r.cents),
    })),
    byKind,
    byType: order.map((t) => byType.find((r) => r.type === t) ?? { type: t, households: 0, persons: 0 }),
    spending,
    processing,
    rules: [
      '在保家庭：状态为「在保」的家庭；人数为保障人数。',
      '类型：有一级/二级残疾或重病成员的为重残重病户；否则户主年满 60 周岁的为老年户；其余为一般户。',
      '月支出：有发放名册的月份取名册合计；没有名册的月份按待遇变更记录推算当月应发金额。',
      processing.method,
      `按时办结：${processing.limits.totalWorkdays} 个工作日内作出决定（特殊情况 ${processing.limits.specialWorkdays} 个工作日）。`,
    ],
  };
}

async function processingTimes(ctx: AppContext, inArea: ReturnType<typeof sql>, from: string, to: string): Promise<DibaoStats['processing']> {
  const settings = await readDibaoSettings(ctx.db);
  const cal = await currentCalendar(ctx);
  const rows = (
    await sql<{ accepted_on: string; decided_on: string; authority: string; special: boolean; county_code: string; county_name: string; county_path: string }>`
    select to_char(a.accepted_on, 'YYYY-MM-DD') as accepted_on, to_char(a.decided_on, 'YYYY-MM-DD') as decided_on, a.authority, a.special,
           a.county_code, c.name as county_name, c.path as county_path
    from dibao.application a join dibao.household h on h.id = a.household_id join core.area c on c.code = a.county_code
    where a.accepted_on is not null and a.decided_on is not null and a.decided_on between ${from}::date and ${to}::date and ${inArea}`.execute(ctx.db)
  ).rows;
  const facts = rows.map((r) => ({
    ...r,
    workdays: workdaysBetween(cal, r.accepted_on, r.decided_on, r.county_path),
    limit: r.special ? settings.specialWorkdays : settings.totalWorkdays,
  }));
  const pilot = groupTime(facts.filter((f) => f.authority === 'township'));
  const others = groupTime(facts.filter((f) => f.authority !== 'township'));
  const all = groupTime(facts);
  const counties = new Map<string, typeof facts>();
  for (const f of facts) counties.set(`${f.county_code}|${f.authority}`, [...(counties.get(`${f.county_code}|${f.authority}`) ?? []), f]);
  const byCounty = [...counties.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, fs]) => {
      const g = groupTime(fs);
      return {
        code: fs[0]!.county_code,
        name: fs[0]!.county_name,
        authority: fs[0]!.authority,
        cases: g.cases,
        avgWorkdays: g.avgWorkdays,
        onTimeRate: g.onTimeRate,
      };
    });
  const diff = pilot.avgWorkdays !== null && others.avgWorkdays !== null ? round1(others.avgWorkdays - pilot.avgWorkdays) : null;
  const pct = diff !== null && others.avgWorkdays ? Math.round((diff / others.avgWorkdays) * 1000) / 10 : null;
  const statement =
    diff === null
      ? `${from} 至 ${to} 期间试点（乡镇确认）与其他（县级确认）案件未同时有已决定的案件，暂无法比较。`
      : `${from} 至 ${to}，审批权下放到乡镇（街道）的案件 ${pilot.cases} 件，从受理到作出决定平均 ${pilot.avgWorkdays} 个工作日；` +
        `由县级民政部门确认的案件 ${others.cases} 件，平均 ${others.avgWorkdays} 个工作日；` +
        (diff >= 0 ? `试点平均缩短 ${diff} 个工作日（${pct}%）。` : `试点平均多用 ${-diff} 个工作日。`);
  return {
    pilot,
    others,
    all,
    byCounty,
    differenceWorkdays: diff,
    differencePct: pct,
    statement,
    method:
      '办理时长：从受理日（不计入）到作出确认或不予确认决定之日（计入）之间的工作日数，按案件所在县（区）的工作日历（含法定节假日、调休及宁夏开斋节、古尔邦节）；' +
      '试点指受理时审批权已下放、由乡镇（街道）确认的案件，其他指由县级民政部门确认的案件；平均数为算术平均，保留一位小数。',
    limits: { totalWorkdays: settings.totalWorkdays, specialWorkdays: settings.specialWorkdays },
  };
}
