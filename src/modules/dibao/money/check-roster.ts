import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor, recordInScope } from '../../../kernel/identity/index.ts';

import { moneyDb } from './db.ts';

/** Problem codes of the roster check (one row per problem and line). */
export const ROSTER_PROBLEMS = {
  DUPLICATE_PERSON: '同一人重复发放',
  MEMBER_LEFT: '已死亡或迁出成员仍计入保障人数',
  AMOUNT_MISMATCH: '金额与家庭当前待遇不一致',
  NONPOSITIVE_AMOUNT: '发放金额为零或负数',
  OUT_OF_COUNTY: '家庭不在本县（区）',
} as const;
export type RosterProblemCode = keyof typeof ROSTER_PROBLEMS;

export type CheckResult = { rosterId: string; version: number; problems: number; byCode: Partial<Record<RosterProblemCode, number>> };

/** 校验名册 (dibao.roster in scope); replaces the previous check's problems. */
export async function checkRoster(ctx: AppContext, actor: Actor, rosterId: string): Promise<CheckResult> {
  requirePermission(actor, 'dibao.roster');
  return withTx(ctx, async (tx) => {
    const r = await moneyDb(tx.db)
      .selectFrom('dibao.roster')
      .select(['id', 'county_path', 'county_code', 'status', 'version'])
      .where('id', '=', rosterId)
      .forUpdate()
      .executeTakeFirst();
    if (!r || !recordInScope(actor, 'dibao.roster', { areaPath: r.county_path })) throw notFound('发放名册', 'ROSTER_NOT_FOUND');
    if (r.status === 'approved') throw conflict('ROSTER_APPROVED', '名册已审批，无需再校验');
    const res = await checkRosterRows(tx, rosterId, userRef(actor));
    await recordAudit(tx, {
      actor,
      action: 'dibao.roster.check',
      entityType: 'dibao_roster',
      entityId: rosterId,
      areaCode: r.county_code,
      areaPath: r.county_path,
      after: res,
    });
    return res;
  });
}

/**
 * The checks as set queries over the roster's lines, inside the caller's transaction:
 * - DUPLICATE_PERSON: an insured person (id_hash) paid in two lines of this roster, or in a line
 *   of another county's roster for the same month;
 * - MEMBER_LEFT: the line counts more insured persons than the household has active insured
 *   members, and a member marked inactive or left (死亡/迁出…) on or before the month's end is
 *   among its insured members — each such member is named;
 * - AMOUNT_MISMATCH: the amount or insured persons differ from the household's current benefit,
 *   or the household is no longer active;
 * - NONPOSITIVE_AMOUNT: amount ≤ 0;
 * - OUT_OF_COUNTY: the household's area is no longer inside the roster's county.
 */
export async function checkRosterRows(tx: AppContext, rosterId: string, actorId: string | null): Promise<CheckResult> {
  const db = moneyDb(tx.db);
  await sql`delete from dibao.roster_problem where roster_id = ${rosterId}`.execute(tx.db);
  const r = await db.selectFrom('dibao.roster').select(['county_path', 'month', 'version']).where('id', '=', rosterId).executeTakeFirstOrThrow();
  const like = r.county_path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';

  // The pairs first (offset 0 keeps the subquery whole), then the names of the few found: joined
  // in one query, the member was read for every person of the roster before the pairs were known.
  await sql`insert into dibao.roster_problem (roster_id, household_id, code, message)
    select d.roster_id, d.household_id, 'DUPLICATE_PERSON',
           '成员 ' || m.name || '（' || m.id_number_masked || '）同时在' ||
           case when d.q_roster_id = d.roster_id then '本名册第 ' || lq.line_no || ' 行' else a.name || '本月名册第 ' || lq.line_no || ' 行' end || '发放'
    from (select p.roster_id, p.household_id, p.member_id, q.roster_id as q_roster_id, q.household_id as q_household_id
          from dibao.roster_person p
          join dibao.roster_person q on q.month = p.month and q.id_hash = p.id_hash and (q.roster_id <> p.roster_id or q.household_id <> p.household_id)
          where p.roster_id = ${rosterId} offset 0) d
    join dibao.member m on m.id = d.member_id
    join dibao.roster_line lq on lq.roster_id = d.q_roster_id and lq.household_id = d.q_household_id
    join dibao.roster rq on rq.id = d.q_roster_id
    join core.area a on a.code = rq.county_code`.execute(tx.db);

  await sql`insert into dibao.roster_problem (roster_id, household_id, code, message)
    select l.roster_id, l.household_id, 'MEMBER_LEFT',
           '成员 ' || m.name || '（' || m.id_number_masked || '）已' || coalesce(m.left_reason, '不在户') ||
           coalesce('（' || to_char(m.left_on, 'YYYY-MM-DD') || '）', '') || '，仍计入保障人数（名册 ' || l.insured_persons ||
           ' 人，在册保障成员 ' || act.n || ' 人）'
    from dibao.roster_line l
    join (select household_id, count(*) filter (where active and insured and left_reason is null) as n from dibao.member
          where household_id in (select household_id from dibao.roster_line where roster_id = ${rosterId}) group by household_id) act
      on act.household_id = l.household_id
    join dibao.member m on m.household_id = l.household_id and m.insured and (not m.active or m.left_reason is not null)
      and (m.left_on is null or m.left_on < (${r.month}::date + interval '1 month'))
    where l.roster_id = ${rosterId} and l.insured_persons > act.n`.execute(tx.db);

  await sql`insert into dibao.roster_problem (roster_id, household_id, code, message)
    select l.roster_id, l.household_id, c.code, c.message
    from dibao.roster_line l join dibao.household h on h.id = l.household_id
    join core.area ha on ha.code = h.area_code
    cross join lateral (values
      ('AMOUNT_MISMATCH', case
         when h.status <> 'active' then '家庭当前状态为「' || case h.status when 'stopped' then '已停发' when 'suspended' then '暂停' else h.status end || '」，不应发放'
         when h.benefit_cents <> l.amount_cents then '名册金额 ' || to_char(l.amount_cents / 100.0, 'FM999999990.00') || ' 元与家庭当前待遇 ' || to_char(h.benefit_cents / 100.0, 'FM999999990.00') || ' 元不一致'
         when h.insured_persons <> l.insured_persons then '名册保障人数 ' || l.insured_persons || ' 人与家庭当前保障人数 ' || h.insured_persons || ' 人不一致'
       end),
      ('NONPOSITIVE_AMOUNT', case when l.amount_cents <= 0 then '发放金额为 ' || to_char(l.amount_cents / 100.0, 'FM999999990.00') || ' 元（应大于零）' end),
      ('OUT_OF_COUNTY', case when not (h.area_path = ${r.county_path} or h.area_path like ${like}) then '家庭户籍地「' || ha.name || '」不在本县（区）' end)
    ) as c(code, message)
    where l.roster_id = ${rosterId} and c.message is not null`.execute(tx.db);

  const counts = (
    await sql<{
      code: RosterProblemCode;
      n: number;
    }>`select code, count(*)::int as n from dibao.roster_problem where roster_id = ${rosterId} group by code`.execute(tx.db)
  ).rows;
  const problems = counts.reduce((s, c) => s + c.n, 0);
  await db
    .updateTable('dibao.roster')
    .set({ status: 'checked', problems, checked_version: r.version, checked_at: tx.clock.now(), checked_by: actorId })
    .where('id', '=', rosterId)
    .execute();
  return { rosterId, version: r.version, problems, byCode: Object.fromEntries(counts.map((c) => [c.code, c.n])) };
}
