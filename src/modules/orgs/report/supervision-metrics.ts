import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { inScope, recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import type { MetricQueryArgs, MetricRecord, MetricResult, ReportMetric } from '../../../kernel/report/index.ts';
import { orgsDb } from '../db.ts';
import { escapeLike } from '../registry/authority.ts';

/**
 * The report's “组织约谈违规社会组织31家” and “下发整改文书3份”, with their follow-up, counted from the rows:
 * 约谈 (orgs.interview) by the day it was held, under the organization's registering authority; 整改通知书
 * (orgs.spot_check_item with a notice, a kernel document) by the day it was issued, under the authority that ran
 * the spot check. Both over the area's subtree and what the actor may read (orgs.read).
 */
type Interview = { id: string; organization_id: string; followed_up_on: string | null };
type Notice = { id: string; rectify_by: string; rectified_on: string | null };

const inArea = (col: string, areaPath: string) => sql<SqlBool>`(${sql.ref(col)} = ${areaPath} or ${sql.ref(col)} like ${`${escapeLike(areaPath)}.%`})`;

async function interviews(ctx: AppContext, a: MetricQueryArgs): Promise<Interview[]> {
  return (await orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .innerJoin(sql<{ organization_id: string }>`orgs.interview`.as('i'), (j) => j.onRef(sql.ref('i.organization_id') as never, '=', 'o.id'))
    .where(inScope(a.actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .where(inArea('o.authority_area_path', a.areaPath))
    .where(sql<SqlBool>`i.held_on between ${a.from}::date and ${a.to}::date`)
    .select([sql<string>`i.id`.as('id'), 'o.id as organization_id', sql<string | null>`i.followed_up_on::text`.as('followed_up_on')])
    .orderBy(sql`i.held_on`)
    .orderBy(sql`i.id`)
    .execute()) as Interview[];
}

/** 整改通知书 issued in the period; the id is the kernel document's (GET /api/documents/:id.pdf). */
async function notices(ctx: AppContext, a: MetricQueryArgs): Promise<Notice[]> {
  return (await ctx.db
    .selectFrom(sql<{ authority_area_path: string }>`orgs.spot_check`.as('s'))
    .innerJoin(sql<{ spot_check_id: string }>`orgs.spot_check_item`.as('i'), (j) => j.onRef(sql.ref('i.spot_check_id') as never, '=', sql.ref('s.id') as never))
    .where(inScope(a.actor, 'orgs.read', { areaPath: 's.authority_area_path' as never }))
    .where(inArea('s.authority_area_path', a.areaPath))
    .where(sql<SqlBool>`i.notice_document_id is not null and i.notice_on between ${a.from}::date and ${a.to}::date`)
    .select([
      sql<string>`i.notice_document_id::text`.as('id'),
      sql<string>`i.rectify_by::text`.as('rectify_by'),
      sql<string | null>`i.rectified_on::text`.as('rectified_on'),
    ])
    .orderBy(sql`i.notice_no`)
    .execute()) as Notice[];
}

/** The 约谈 behind a figure: organization, day, whether its commitments were followed up. */
async function interviewRecords(ctx: AppContext, actor: Actor, ids: string[]): Promise<MetricRecord[]> {
  if (!ids.length) return [];
  const rows = (await orgsDb(ctx.db)
    .selectFrom('orgs.organization as o')
    .innerJoin(sql<{ organization_id: string }>`orgs.interview`.as('i'), (j) => j.onRef(sql.ref('i.organization_id') as never, '=', 'o.id'))
    .innerJoin('core.org_unit as u', 'u.id', 'o.authority_org_unit_id')
    .where(sql<SqlBool>`i.id = any(${ids}::uuid[])`)
    .where(inScope(actor, 'orgs.read', { areaPath: 'o.authority_area_path' }))
    .select([
      sql<string>`i.id`.as('id'),
      'o.uscc',
      'o.name',
      'u.name as org',
      sql<string>`i.held_on::text`.as('held_on'),
      sql<boolean>`i.followed_up_on is not null`.as('done'),
    ])
    .orderBy(sql`i.held_on`)
    .execute()) as Array<{ id: string; uscc: string; name: string; org: string; held_on: string; done: boolean }>;
  return rows.map((r) => ({
    id: r.id,
    refNo: r.uscc,
    title: `约谈：${r.name}`,
    type: 'orgs_interview',
    state: r.done ? 'followed_up' : 'open',
    stateLabel: r.done ? '已跟踪落实' : '待跟踪落实',
    org: r.org,
    date: r.held_on,
  }));
}

/** The 整改通知书 behind a figure: 文号, organization, deadline and whether it was rectified. */
async function noticeRecords(ctx: AppContext, actor: Actor, ids: string[]): Promise<MetricRecord[]> {
  if (!ids.length) return [];
  const rows = (
    await sql<{ id: string; notice_no: string; name: string; org: string; notice_on: string; rectify_by: string; rectified_on: string | null; path: string }>`
      select i.notice_document_id::text as id, i.notice_no, o.name, u.name as org, i.notice_on::text as notice_on, i.rectify_by::text as rectify_by,
        i.rectified_on::text as rectified_on, s.authority_area_path as path
      from orgs.spot_check_item i join orgs.spot_check s on s.id = i.spot_check_id join orgs.organization o on o.id = i.organization_id
        join core.org_unit u on u.id = s.authority_org_unit_id
      where i.notice_document_id = any(${ids}::uuid[]) order by i.notice_no`.execute(ctx.db)
  ).rows;
  return rows
    .filter((r) => recordInScope(actor, 'orgs.read', { areaPath: r.path }))
    .map((r) => {
      const state = !r.rectified_on ? 'open' : r.rectified_on <= r.rectify_by ? 'rectified' : 'late';
      return {
        id: r.id,
        refNo: r.notice_no,
        title: `整改通知书：${r.name}（限${r.rectify_by}前整改）`,
        type: 'orgs_rectification_notice',
        state,
        stateLabel: { open: '未整改', rectified: '按期整改', late: '逾期整改' }[state],
        org: r.org,
        date: r.notice_on,
      };
    });
}

const result = (ids: string[]): MetricResult => ({ value: ids.length, recordIds: ids, recordKind: 'record' });
const base = { permission: 'orgs.read', kind: 'count', aggregation: 'sum' } as const;

/** 约谈: held in the period; the organizations talked to (家); those followed up by the period's end. */
export const interviewMetrics = (orgRecords: NonNullable<ReportMetric['records']>): ReportMetric[] => [
  {
    ...base,
    code: 'orgs.interviewed_orgs',
    label: '约谈违规社会组织',
    unit: '家',
    rule: '统计期内登记管理机关约谈过的社会组织家数（同一组织约谈多次计1家），按登记管理机关所在区划统计（含下级），以约谈日期为准。',
    query: async (ctx, a) => result([...new Set((await interviews(ctx, a)).map((r) => r.organization_id))]),
    records: orgRecords,
  },
  {
    ...base,
    code: 'orgs.interviews',
    label: '约谈',
    unit: '次',
    rule: '统计期内登记的约谈记录次数（约谈日期在统计期内），含下级登记管理机关的约谈。',
    query: async (ctx, a) => result((await interviews(ctx, a)).map((r) => r.id)),
    records: interviewRecords,
  },
  {
    ...base,
    code: 'orgs.interviews_followed_up',
    label: '约谈已跟踪落实',
    unit: '次',
    rule: '统计期内的约谈中，截至期末已登记跟踪落实情况（整改承诺落实）的次数；其余为待跟踪落实。',
    query: async (ctx, a) => result((await interviews(ctx, a)).filter((r) => r.followed_up_on && r.followed_up_on <= a.to).map((r) => r.id)),
    records: interviewRecords,
  },
];

/** 整改文书: 整改通知书 issued in the period; rectified by the deadline; deadline passed by the period's end without it. */
export const rectificationMetrics: ReportMetric[] = [
  {
    ...base,
    code: 'orgs.rectification_notices',
    label: '下发整改文书',
    unit: '份',
    rule: '统计期内在社会组织抽查中发现问题、下发的整改通知书份数（以下发日期为准，按组织抽查的登记管理机关所在区划统计，含下级）。',
    query: async (ctx, a) => result((await notices(ctx, a)).map((r) => r.id)),
    records: noticeRecords,
  },
  {
    ...base,
    code: 'orgs.rectified_on_time',
    label: '整改文书按期整改',
    unit: '份',
    rule: '统计期内下发的整改通知书中，在整改期限内（含当日）完成整改、且完成日期不晚于期末的份数。',
    query: async (ctx, a) =>
      result((await notices(ctx, a)).filter((r) => r.rectified_on && r.rectified_on <= r.rectify_by && r.rectified_on <= a.to).map((r) => r.id)),
    records: noticeRecords,
  },
  {
    ...base,
    code: 'orgs.rectification_overdue',
    label: '整改文书逾期未整改',
    unit: '份',
    rule: '统计期内下发的整改通知书中，整改期限在期末前已届满、而未在期限内完成整改的份数（逾期将列入活动异常名录）。',
    query: async (ctx, a) =>
      result((await notices(ctx, a)).filter((r) => r.rectify_by < a.to && !(r.rectified_on && r.rectified_on <= r.rectify_by)).map((r) => r.id)),
    records: noticeRecords,
  },
];
