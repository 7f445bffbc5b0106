import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { orgsDb } from '../db.ts';
import { endRegistration } from '../registry/end-registration.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { nameKey } from '../names/name-rules.ts';
import type { CreditList } from '../contract.ts';
import { DEMO_AUTHORITIES } from './demo-authorities.ts';
import { demoOrganizations } from './demo-orgs.ts';
import { seedInterviewDemo } from './demo-interviews.ts';

/**
 * The demo registry (idempotent): ~300 organizations with their 成立登记 history, a few 注销 and one
 * 撤销, and listings on the credit lists — some from 2019 (the daily rule then removes them or moves
 * them to the blacklist) and some recent ones in the demo accounts' areas; the 31 约谈 of 2019 (demo-interviews.ts). The 2019
 * spot checks (demo-spot-checks.ts) need enforcement's officers: enforcement's demo runs them.
 */
export async function seedOrgsDemo(ctx: AppContext): Promise<{ created: number }> {
  const done = (await sql<{ n: number }>`select count(*)::int as n from orgs.organization where is_demo`.execute(ctx.db)).rows[0]!.n;
  if (done) return { created: 0 };
  const units = new Map(
    (
      await ctx.db
        .selectFrom('core.org_unit')
        .select(['id', 'code', 'area_path'])
        .where(
          'code',
          'in',
          DEMO_AUTHORITIES.map((a) => a.orgUnitCode),
        )
        .execute()
    ).map((u) => [u.code, u]),
  );
  const authorities = DEMO_AUTHORITIES.filter((a) => units.has(a.orgUnitCode));
  const orgs = demoOrganizations(authorities).map((o) => ({ ...o, id: randomUUID() }));
  const today = chinaDate(ctx.clock.now());
  await withTx(ctx, async (tx) => {
    const db = orgsDb(tx.db);
    const chainOf = new Map(authorities.map((a) => [a.orgUnitCode, a.chain]));
    for (let i = 0; i < orgs.length; i += 100) {
      const batch = orgs.slice(i, i + 100);
      await db
        .insertInto('orgs.organization')
        .values(
          batch.map((o) => {
            const u = units.get(o.orgUnitCode)!;
            return {
              id: o.id,
              kind: o.kind,
              name: o.name,
              name_key: nameKey(o.name, o.kind, chainOf.get(o.orgUnitCode)!),
              uscc: o.uscc,
              authority_org_unit_id: u.id,
              authority_area_code: o.areaCode,
              authority_area_path: u.area_path,
              supervisor_unit: o.supervisorUnit,
              domicile: o.domicile,
              legal_representative: o.legalRepresentative,
              business_scope: o.businessScope,
              capital_cents: o.capitalCents,
              charity: o.charity,
              public_fundraising: o.publicFundraising,
              rating: o.rating,
              rating_from: o.ratingFrom,
              rating_until: o.ratingUntil,
              registered_on: o.registeredOn,
              certificate_no: o.certificateNo,
              is_demo: true,
            };
          }),
        )
        .execute();
      await db
        .insertInto('orgs.change')
        .values(
          batch.map((o) => ({
            id: randomUUID(),
            organization_id: o.id,
            field: 'name',
            before: null,
            after: o.name,
            changed_on: o.registeredOn,
            act: '成立登记',
            basis: `登记证书 ${o.certificateNo}`,
            actor_id: null,
          })),
        )
        .execute();
    }
    // 年检 from 2016 to last year, in the statutory order: the report 报送 in March (by 3/31, to the 业务主管单位), its
    // 同意 within ten days (social groups and service organizations with one), the registrar's 初审 in April, the
    // conclusion by 5/31 — weekdays for the offices' acts. Most 合格, some 基本合格, one in twelve un-inspected both 2017
    // and 2018, one in twenty-five without the latest year's report.
    const lastYear = Number(today.slice(0, 4)) - (today >= `${today.slice(0, 4)}-05-31` ? 1 : 2);
    const years = Array.from({ length: Math.max(0, lastYear - 2015) }, (_, k) => 2016 + k);
    const inspections = orgs.flatMap((o, i) =>
      years
        .filter((y) => o.registeredOn <= `${y}-06-30` && !(i % 12 === 0 && (y === 2017 || y === 2018)) && !(i % 25 === 7 && y === lastYear))
        .map((y) => {
          const submitted = `${y + 1}-03-${String(5 + (i % 20)).padStart(2, '0')}`;
          const supervised = o.kind !== 'foundation' && o.supervisorUnit !== null;
          return {
            id: randomUUID(),
            organization_id: o.id,
            year: y,
            submitted_on: submitted,
            supervisor_opinion: supervised ? ('同意' as const) : null,
            supervisor_opinion_on: supervised ? weekdayOnOrBefore(addDaysIso(submitted, 5 + (i % 5))) : null,
            reviewed_on: weekdayOnOrBefore(`${y + 1}-04-${String(10 + (i % 15)).padStart(2, '0')}`),
            conclusion: (i + y) % 9 === 0 ? ('基本合格' as const) : ('合格' as const),
            reasons: null,
            concluded_on: weekdayOnOrBefore(`${y + 1}-05-29`),
            is_demo: true,
          };
        }),
    );
    for (let i = 0; i < inspections.length; i += 200)
      await db
        .insertInto('orgs.inspection')
        .values(inspections.slice(i, i + 200))
        .execute();
    const pick = (code: string, n: number) => orgs.filter((o) => o.orgUnitCode === code && o.registeredOn < '2018-01-01').slice(0, n);
    const list = async (o: { id: string }, l: CreditList, reason: string, on: string, obligation: boolean, detail: string) =>
      db
        .insertInto('orgs.credit_listing')
        .values({ id: randomUUID(), organization_id: o.id, list: l, reason, detail, obligation, listed_on: on, is_demo: true })
        .execute();
    // 2019: unreported annual work reports (the daily rule moves them to the blacklist after two years) and unreachable ones (removed after six months).
    for (const o of [...pick('640000-mzt', 2), ...pick('640400-mzj', 1)])
      await list(o, 'abnormal', 'annual_report', '2019-07-01', true, '未按时报送2018年度工作报告');
    for (const o of [...pick('640200-mzj', 1), ...pick('640302-mzj', 1)])
      await list(o, 'abnormal', 'unreachable', '2019-09-01', false, '两次邮寄专用信函无人签收');
    for (const o of pick('640500-mzj', 1)) await list(o, 'serious', 'major_fine', '2019-05-10', false, '违规收取费用，被处8万元罚款');
    for (const o of [...pick('640100-mzj', 1), ...pick('640221-mzj', 1)])
      await list(o, 'integrity_lapse', 'inspection_failed', '2019-06-30', false, '2018年度检查不合格');
    // Recent listings in the demo accounts' areas, so the lists are not empty today.
    const recent = addDaysIso(today, -40);
    for (const code of ['640104-mzj', '640221-mzj', '640423-mzj', '640100-mzj', '640422-mzj'])
      for (const o of pick(code, 4).slice(2, 3))
        await list(o, 'abnormal', 'annual_report', recent, true, `未按时报送${Number(today.slice(0, 4)) - 1}年度工作报告`);
    // A few 注销 and one 撤销 (with its blacklist entry).
    const ended = [...pick('640106-mzj', 5).slice(4), ...pick('640302-mzj', 5).slice(4), ...pick('640000-mzt', 9).slice(8)];
    for (const o of ended) await endRegistration(tx, SYSTEM_ACTOR, o, { status: 'deregistered', on: '2019-10-15', basis: '清算完毕' });
    for (const o of pick('640205-mzj', 6).slice(5)) {
      await endRegistration(tx, SYSTEM_ACTOR, o, { status: 'revoked', on: '2019-11-20', basis: '连续两年未参加年检' });
      await list(o, 'serious', 'revocation', '2019-11-20', false, '被撤销登记');
    }
    // 业务主管单位 with an account (an org unit of that name in the registrar's area, e.g. 兴庆区文化和旅游局 for xq-whlyj):
    // link its organizations to the unit, which scopes what the unit's accounts see.
    await sql`update orgs.organization o set supervisor_org_unit_id = u.id, supervisor_area_path = u.area_path
      from core.org_unit u where o.is_demo and u.name = o.supervisor_unit and u.area_path = o.authority_area_path`.execute(tx.db);
    // Two of each such unit's organizations (not foundations, which have no such step) filed last year's report and wait
    // for the unit's 初审意见 (xq-whlyj's 待初审 on /orgs/supervised); the registrar has not reviewed them yet.
    await sql`update orgs.inspection i set submitted_on = ${`${lastYear + 1}-03-16`}::date, reviewed_on = null, conclusion = null, concluded_on = null,
        supervisor_opinion = null, supervisor_opinion_on = null
      from (select o.id, row_number() over (partition by o.supervisor_org_unit_id order by o.uscc) as n from orgs.organization o
            where o.is_demo and o.supervisor_org_unit_id is not null and o.kind <> 'foundation' and o.status = 'normal') s
      where i.organization_id = s.id and s.n <= 2 and i.year = ${lastYear}`.execute(tx.db);
    await seedInterviewDemo(tx.db, orgs);
  });
  return { created: orgs.length };
}

/** The day itself, or the Friday before when it falls on a weekend (an office's act in the demo history). */
function weekdayOnOrBefore(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDaysIso(day, -1) : dow === 0 ? addDaysIso(day, -2) : day;
}
