import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate, chinaYear } from '../../../platform/china-time.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { PROPOSAL_ERRORS, PROPOSAL_TYPE } from '../contract.ts';

export const ProposalStatsQuery = z.object({
  year: z.coerce.number({ message: PROPOSAL_ERRORS.YEAR }).int(PROPOSAL_ERRORS.YEAR).min(2000, PROPOSAL_ERRORS.YEAR).max(2100, PROPOSAL_ERRORS.YEAR).optional(),
});

/** 口径 (shown with the figures). */
export const STATS_RULE =
  '按交办日期所在年度统计本人可查看的建议提案（不含异议退回的）；按期答复：已答复且答复期限（3 个月，经同意延期的 6 个月）、重新办理期限（1 个月）及协办意见送主办期限（1 个月）均未超期；满意：最近一次征询意见办理态度和办理结果均为满意或基本满意；满意率 = 满意 / 已评价。';

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);

/** 建议提案 statistics of a year over the items the actor may read (kernel caseReadable). */
export async function proposalStats(ctx: AppContext, actor: Actor, q: z.infer<typeof ProposalStatsQuery>) {
  requirePermission(actor, 'proposals.read');
  const year = q.year ?? chinaYear(ctx.clock.now());
  const rows = (await ctx.db
    .selectFrom('core.case as c')
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', PROPOSAL_TYPE)
    .where('c.state', '<>', 'returned')
    .where(caseReadable(actor, 'proposals.read'))
    .where(sql<boolean>`exists (select 1 from proposals.item x where x.case_id = c.id and x.year = ${year})`)
    .select([
      'o.name as office',
      sql<string>`(select kind from proposals.item x where x.case_id = c.id)`.as('kind'),
      sql<string>`(select role from proposals.item x where x.case_id = c.id)`.as('role'),
      sql<string>`(select session from proposals.item x where x.case_id = c.id)`.as('session'),
      sql<string | null>`(select category from proposals.item x where x.case_id = c.id)`.as('category'),
      sql<boolean>`(select first_replied_on is not null from proposals.item x where x.case_id = c.id)`.as('answered'),
      sql<boolean>`not exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.name in ('reply', 'reply_extended', 'rework', 'lead_reply')
        and (k.state = 'missed' or (k.state in ('running', 'paused') and k.due_date < ${chinaDate(ctx.clock.now())}::date)))`.as('timely'),
      sql<boolean>`(select result is not null from proposals.item x where x.case_id = c.id)`.as('rated'),
      sql<boolean>`(select result in ('满意', '基本满意') and attitude in ('满意', '基本满意') from proposals.item x where x.case_id = c.id)`.as('satisfied'),
    ])
    .execute()) as Array<{
    office: string;
    kind: string;
    role: string;
    session: string;
    category: string | null;
    answered: boolean;
    timely: boolean;
    rated: boolean;
    satisfied: boolean;
  }>;
  const count = (key: (r: (typeof rows)[number]) => string | null) => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => a.key.localeCompare(b.key, 'zh'));
  };
  const kr = new Map<string, number>();
  for (const r of rows) kr.set(`${r.kind}|${r.role}`, (kr.get(`${r.kind}|${r.role}`) ?? 0) + 1);
  const answered = rows.filter((r) => r.answered).length;
  const answeredOnTime = rows.filter((r) => r.answered && r.timely).length;
  const rated = rows.filter((r) => r.rated).length;
  const satisfied = rows.filter((r) => r.rated && r.satisfied).length;
  return {
    year,
    total: rows.length,
    byKind: count((r) => r.kind),
    byRole: count((r) => r.role),
    byKindRole: [...kr]
      .map(([k, n]) => ({ kind: k.split('|')[0]!, role: k.split('|')[1]!, count: n }))
      .sort((a, b) => (a.kind + a.role).localeCompare(b.kind + b.role, 'zh')),
    bySession: count((r) => r.session),
    byCategory: count((r) => r.category),
    byOffice: count((r) => r.office),
    answered,
    answeredOnTime,
    onTimeRate: rate(answeredOnTime, answered),
    rated,
    satisfied,
    satisfactionRate: rate(satisfied, rated),
    rule: STATS_RULE,
  };
}
