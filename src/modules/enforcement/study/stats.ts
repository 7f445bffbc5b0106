import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { enforcementDb } from '../db.ts';

/**
 * 学法统计 for a year (default: this year), per person and per unit, over the officers in the
 * actor's scope: sessions attended and their hours, exams passed; per unit also the sessions held
 * and the plan's target hours. A county sees its own unit(s); the region sees all.
 */
export async function studyStats(ctx: AppContext, actor: Actor, q: { year?: number }) {
  const year = q.year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const people = await enforcementDb(ctx.db)
    .selectFrom('enforcement.officer as o')
    .innerJoin('core.org_unit as u', 'u.id', 'o.org_unit_id')
    .where(inScope(actor, ENFORCEMENT_PERMISSIONS.read, { areaPath: 'o.area_path', orgUnitId: 'o.org_unit_id' }))
    .select([
      'o.id',
      'o.name',
      'o.cert_no as certNo',
      'o.org_unit_id as orgUnitId',
      'o.area_path as areaPath',
      'u.name as orgName',
      sql<number>`(select count(*)::int from enforcement.study_attendance a join enforcement.study_session s on s.id = a.session_id
        where a.officer_id = o.id and s.held_on between ${from}::date and ${to}::date)`.as('sessions'),
      sql<number>`(select coalesce(sum(s.hours), 0)::float from enforcement.study_attendance a join enforcement.study_session s on s.id = a.session_id
        where a.officer_id = o.id and s.held_on between ${from}::date and ${to}::date)`.as('hours'),
      sql<number>`(select count(*)::int from enforcement.exam_attempt x join enforcement.exam e on e.id = x.exam_id
        where x.officer_id = o.id and x.passed and e.year = ${year})`.as('examsPassed'),
      sql<string | null>`o.qualification_passed_on::text`.as('qualificationPassedOn'),
    ])
    .orderBy('o.area_path')
    .orderBy('o.cert_no')
    .execute();
  const units = new Map<string, { orgUnitId: string; orgName: string; areaPath: string; officers: number; hours: number; examsPassed: number }>();
  for (const p of people) {
    const u = units.get(p.orgUnitId) ?? { orgUnitId: p.orgUnitId, orgName: p.orgName, areaPath: p.areaPath, officers: 0, hours: 0, examsPassed: 0 };
    u.officers++;
    u.hours += p.hours;
    u.examsPassed += p.examsPassed;
    units.set(p.orgUnitId, u);
  }
  const held = new Map(
    (
      await sql<{ org_unit_id: string; n: number; target: number | null }>`select s.org_unit_id, count(*)::int as n,
        (select target_hours from enforcement.study_plan p where p.org_unit_id = s.org_unit_id and p.year = ${year}) as target
      from enforcement.study_session s where s.held_on between ${from}::date and ${to}::date group by s.org_unit_id`.execute(ctx.db)
    ).rows.map((r) => [r.org_unit_id, r]),
  );
  return {
    year,
    units: [...units.values()].map((u) => ({
      ...u,
      sessionsHeld: held.get(u.orgUnitId)?.n ?? 0,
      planHours: held.get(u.orgUnitId)?.target ?? null,
      avgHours: Math.round((10 * u.hours) / u.officers) / 10,
    })),
    people,
  };
}
