import { sql, type RawBuilder } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { auditChainFor, recordAudit, seenHeadColumn, type SeenHead } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { addMonthsClampedIso } from '../../../kernel/calendar/index.ts';
import { countyInScope, monthLabel, monthStart, type County } from './common.ts';

export type GeneratedRoster = {
  id: string;
  countyCode: string;
  month: string;
  version: number;
  households: number;
  persons: number;
  totalCents: number;
  changes: number;
};

/**
 * 生成发放名册 for one county and month, set-based (a handful of statements whatever the size):
 * every household of the county that is active, paid from a month ≤ this one, and — when in
 * 渐退 (gradual_exit_until set) — still inside its exit period while the setting allows 渐退
 * (gradualExitMonths > 0). The line is the household's current benefit and insured persons;
 * the insured persons paid are kept (roster_person) for the duplicate-payment check.
 * Regenerating an unapproved roster replaces it (version + 1); an approved one is final.
 */
export async function generateRoster(ctx: AppContext, actor: Actor, input: { countyCode: string; month: string }): Promise<GeneratedRoster> {
  requirePermission(actor, 'dibao.roster');
  const month = monthStart(input.month);
  const county = await countyInScope(ctx, actor, input.countyCode, 'dibao.roster');
  const settings = await readDibaoSettings(ctx.db);
  return withTx(ctx, async (tx) => {
    const { roster: r, seen } = await generateRosterRows(tx, county, month, { gradualExit: settings.gradualExitMonths > 0, actorId: userRef(actor) });
    await recordAudit(
      tx,
      {
        actor,
        action: 'dibao.roster.generate',
        entityType: 'dibao_roster',
        entityId: r.id,
        areaCode: county.code,
        areaPath: county.path,
        after: { county: county.code, month, version: r.version, households: r.households, persons: r.persons, totalCents: r.totalCents },
      },
      undefined,
      seen,
    );
    return r;
  });
}

/**
 * The statements of generateRoster, inside the caller's transaction: the roster row locked (with
 * the previous month's roster found in the same statement), on regeneration the old rows
 * removed, then one statement writing the roster row, its lines, persons, totals and changes.
 * Also returns the audit chain's head as that statement saw it, for recordAudit.
 */
async function generateRosterRows(
  tx: AppContext,
  county: County,
  month: string,
  opts: { gradualExit: boolean; actorId: string | null },
): Promise<{ roster: GeneratedRoster; seen: SeenHead | null }> {
  // No JIT for the statements of this transaction: compiling costs more than it saves in a statement run once.
  const found = (
    await sql<{ id: string | null; status: string | null; version: number | null; prev_id: string | null }>`with e as (
      select id, status, version from dibao.roster where county_code = ${county.code} and month = ${month}::date for update)
    select (select id from e) as id, (select status from e) as status, (select version from e) as version,
           (select id from dibao.roster where county_code = ${county.code} and month = ${addMonthsClampedIso(month, -1)}::date) as prev_id,
           set_config('jit', 'off', true) as jit`.execute(tx.db)
  ).rows[0]!;
  if (found.status === 'approved') throw conflict('ROSTER_APPROVED', `${county.name}${monthLabel(month)}发放名册已审批，不能重新生成`);
  const existing = found.id !== null;
  const id = found.id ?? uuidv7();
  const version = existing ? found.version! + 1 : 1;
  if (existing) {
    for (const t of ['roster_line', 'roster_person', 'roster_problem', 'roster_change']) {
      await sql`delete from ${sql.raw(`dibao.${t}`)} where roster_id = ${id}`.execute(tx.db);
    }
  }
  const now = tx.clock.now();
  const like = county.path.replace(/[\\%_]/g, (c) => '\\' + c) + '.%';
  // The roster row with its totals: a new one, or the regenerated one reset to 'generated'.
  const roster = existing
    ? sql`update dibao.roster r set version = ${version}, status = 'generated', problems = null, checked_version = null, checked_at = null,
          checked_by = null, generated_at = ${now}, generated_by = ${opts.actorId}, households = t.households, persons = t.persons, total_cents = t.total
        from t where r.id = ${id} returning r.households, r.persons, r.total_cents`
    : sql`insert into dibao.roster (id, county_code, county_path, month, generated_at, generated_by, households, persons, total_cents)
        select ${id}, ${county.code}, ${county.path}, ${month}::date, ${now}, ${opts.actorId}, t.households, t.persons, t.total from t
        returning households, persons, total_cents`;
  // One statement: the county's paid households (h), their active members read once through the
  // member index (m: the 申请人 names the line, the insured are the persons paid), the lines, the
  // persons, the roster row with its totals and the changes. The lateral subquery is kept from
  // being flattened (offset 0), so the member read stays an index probe per household: as a join
  // it was planned as a hash of every member of the region, once per county.
  const r = (
    await sql<{ households: number; persons: number; total_cents: string | number; changes: number; seen: SeenHead | null }>`with h as materialized (
      select h.id, h.area_code, h.area_path, h.kind, h.address, h.insured_persons, h.benefit_cents, h.gradual_exit_until is not null as gradual_exit
      from dibao.household h
      where (h.area_path = ${county.path} or h.area_path like ${like}) and h.status = 'active'
        and h.benefit_from is not null and h.benefit_from <= ${month}::date
        and (h.gradual_exit_until is null or (${opts.gradualExit} and h.gradual_exit_until >= ${month}::date))
    ), m as materialized (
      select h.id as household_id, m.id, m.name, m.id_number_masked, m.id_hash, m.relation, m.insured, m.created_at
      from h cross join lateral (select m.id, m.name, m.id_number_masked, m.id_hash, m.relation, m.insured, m.created_at
                                 from dibao.member m where m.household_id = h.id and m.active offset 0) m
    ), hd as (
      select distinct on (household_id) household_id, name, id_number_masked from m where relation = '申请人' order by household_id, created_at
    ), l as (
      insert into dibao.roster_line (roster_id, household_id, line_no, area_code, area_path, kind, head_name, head_id_masked, address, insured_persons, amount_cents, gradual_exit)
      select ${id}, h.id, row_number() over (order by h.area_code, hd.name, h.id), h.area_code, h.area_path, h.kind, hd.name, hd.id_number_masked, h.address,
             h.insured_persons, h.benefit_cents, h.gradual_exit
      from h left join hd on hd.household_id = h.id
      returning household_id, head_name, insured_persons, amount_cents
    ), p as (
      insert into dibao.roster_person (roster_id, household_id, member_id, id_hash, month)
      select ${id}, household_id, id, id_hash, ${month}::date from m where insured
    ), t as (
      select count(*)::int as households, coalesce(sum(insured_persons), 0)::int as persons, coalesce(sum(amount_cents), 0)::bigint as total from l
    ), r as (${roster}
    ), c as (${changes(id, county, month, like, found.prev_id)} returning 1)
    select r.households, r.persons, r.total_cents, (select count(*)::int from c) as changes,
           ${seenHeadColumn(auditChainFor(tx, 'dibao_roster', id))} as seen
    from r`.execute(tx.db)
  ).rows[0]!;
  return {
    roster: {
      id,
      countyCode: county.code,
      month,
      version,
      households: r.households,
      persons: r.persons,
      totalCents: Number(r.total_cents),
      changes: r.changes,
    },
    seen: r.seen,
  };
}

/**
 * 新增 / 增发 / 减发 / 停发 against the previous month's roster of the county (its lines against
 * this roster's, `l`, as written by the same statement); without one, the benefit changes
 * effective this month. The reason is the latest benefit_change up to the month.
 */
function changes(id: string, county: County, month: string, like: string, prevId: string | null): RawBuilder<unknown> {
  const reason = sql`(select bc.reason from dibao.benefit_change bc where bc.household_id = c.household_id and bc.effective_month <= ${month}::date
                      order by bc.effective_month desc, bc.at desc limit 1)`;
  if (prevId) {
    return sql`insert into dibao.roster_change (roster_id, household_id, kind, before_cents, after_cents, head_name, reason)
      select ${id}, c.household_id, c.kind, c.before_cents, c.after_cents, c.head_name, ${reason}
      from (select coalesce(n.household_id, p.household_id) as household_id,
                   case when p.household_id is null then '新增' when n.household_id is null then '停发'
                        when n.amount_cents > p.amount_cents then '增发' else '减发' end as kind,
                   coalesce(p.amount_cents, 0) as before_cents, coalesce(n.amount_cents, 0) as after_cents,
                   coalesce(n.head_name, p.head_name) as head_name
            from l n
            full join (select * from dibao.roster_line where roster_id = ${prevId}) p on p.household_id = n.household_id
            where p.household_id is null or n.household_id is null or p.amount_cents <> n.amount_cents) c`;
  }
  return sql`insert into dibao.roster_change (roster_id, household_id, kind, before_cents, after_cents, head_name, reason)
      select ${id}, c.household_id, c.kind, c.before_cents, c.after_cents, c.head_name, c.reason
      from (select distinct on (bc.household_id) bc.household_id,
                   case bc.kind when '恢复' then '新增' else bc.kind end as kind, bc.before_cents, bc.after_cents, bc.reason,
                   (select m.name from dibao.member m where m.household_id = bc.household_id and m.relation = '申请人' order by m.active desc limit 1) as head_name
            from dibao.benefit_change bc join dibao.household h on h.id = bc.household_id
            where bc.effective_month = ${month}::date and bc.kind in ('新增','增发','减发','停发','恢复')
              and (h.area_path = ${county.path} or h.area_path like ${like})
            order by bc.household_id, bc.at desc) c`;
}
