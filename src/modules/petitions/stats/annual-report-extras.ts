import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { inScope } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { petitionsDb } from '../db.ts';
import { PETITION_TYPE } from '../contract.ts';

const n = (v: unknown) => Number(v ?? 0);

/**
 * The 年度报告 figures of 《信访工作条例》第四十一条 beside the counts of 件: 转送 / 交办 / 督办 made by
 * units of the viewer's own level (area) in [start, end), 被投诉较多的机关, and the 接待登记 批/人次.
 * Same read rule as the rest of the statistics (cases the viewer may read; the log in its scope).
 */
export async function annualReportExtras(ctx: AppContext, actor: Actor, start: Date, end: Date) {
  const db = petitionsDb(ctx.db);
  const handoffs = await db
    .selectFrom('core.case_handoff as h')
    .innerJoin('core.case as c', 'c.id', 'h.case_id')
    .innerJoin('core.org_unit as f', 'f.id', 'h.from_org_id')
    .where('c.type', '=', PETITION_TYPE)
    .where(caseReadable(actor, 'petition.read'))
    .where('f.area_code', '=', actor.areaCode)
    .where('h.sent_at', '>=', start)
    .where('h.sent_at', '<', end)
    .where('h.status', '<>', 'withdrawn')
    .select(['h.kind', sql<number>`count(*)::int`.as('n')])
    .groupBy('h.kind')
    .execute();
  const supervised = await db
    .selectFrom('core.case_supervision as s')
    .innerJoin('core.case as c', 'c.id', 's.case_id')
    .innerJoin('core.org_unit as f', 'f.id', 's.from_org_id')
    .where('c.type', '=', PETITION_TYPE)
    .where(caseReadable(actor, 'petition.read'))
    .where('f.area_code', '=', actor.areaCode)
    .where('s.issued_at', '>=', start)
    .where('s.issued_at', '<', end)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const complained = await db
    .selectFrom('core.case as c')
    .innerJoin('petitions.petition as p', 'p.case_id', 'c.id')
    .where('c.type', '=', PETITION_TYPE)
    .where(caseReadable(actor, 'petition.read'))
    .where('c.created_at', '>=', start)
    .where('c.created_at', '<', end)
    .where('p.complained_org', 'is not', null)
    .select(['p.complained_org as name', sql<number>`count(*)::int`.as('items')])
    .groupBy('p.complained_org')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('p.complained_org')
    .limit(10)
    .execute();
  const log = await db
    .selectFrom('petitions.reception_log as r')
    .innerJoin('core.org_unit as o', 'o.id', 'r.org_unit_id')
    .where(inScope(actor, 'petition.read', { areaPath: 'r.area_path', orgUnitId: 'r.org_unit_id' }))
    .where('o.area_code', '=', actor.areaCode)
    .where('r.day', '>=', chinaDate(start))
    .where('r.day', '<', chinaDate(end))
    .select(['r.kind', sql<number>`coalesce(sum(r.batches), 0)::int`.as('batches'), sql<number>`coalesce(sum(r.persons), 0)::int`.as('persons')])
    .groupBy('r.kind')
    .execute();
  const k = (kind: string) => handoffs.find((h) => h.kind === kind)?.n;
  const l = (kind: string) => {
    const x = log.find((r) => r.kind === kind);
    return { batches: n(x?.batches), persons: n(x?.persons) };
  };
  return {
    transferred: n(k('transfer')),
    assigned: n(k('assign')),
    supervised: n(supervised.n),
    complainedOrgs: complained.map((c) => ({ name: c.name!, items: n(c.items) })),
    reception: { letters: l('来信'), visits: l('来访') },
  };
}
