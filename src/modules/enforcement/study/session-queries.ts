import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { inScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { enforcementDb } from '../db.ts';

const R = ENFORCEMENT_PERMISSIONS.read;
const yearOf = (y: number | undefined) => (y ? [`${y}-01-01`, `${y}-12-31`] : ['1900-01-01', '2999-12-31']);

/** 学法计划 of the units in the actor's scope, with the hours held so far against the target. */
export async function listPlans(ctx: AppContext, actor: Actor, q: { year?: number }) {
  let b = enforcementDb(ctx.db)
    .selectFrom('enforcement.study_plan as p')
    .innerJoin('core.org_unit as u', 'u.id', 'p.org_unit_id')
    .where(inScope(actor, R, { areaPath: 'p.area_path', orgUnitId: 'p.org_unit_id' }))
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.target_hours as targetHours',
      'p.content',
      'p.org_unit_id as orgUnitId',
      'p.area_path as areaPath',
      'u.name as orgName',
      sql<number>`(select coalesce(sum(s.hours), 0)::float from enforcement.study_session s
        where s.org_unit_id = p.org_unit_id and extract(year from s.held_on) = p.year)`.as('heldHours'),
    ]);
  if (q.year) b = b.where('p.year', '=', q.year);
  const items = await b.orderBy('p.year', 'desc').orderBy('p.area_path').limit(500).execute();
  return { items, total: items.length };
}

const sessions = (ctx: AppContext, actor: Actor) =>
  enforcementDb(ctx.db)
    .selectFrom('enforcement.study_session as s')
    .innerJoin('core.org_unit as u', 'u.id', 's.org_unit_id')
    .where(inScope(actor, R, { areaPath: 's.area_path', orgUnitId: 's.org_unit_id' }))
    .select([
      's.id',
      sql<string>`s.held_on::text`.as('heldOn'),
      's.topic',
      's.law_title as lawTitle',
      's.law_ref as lawRef',
      's.presenter',
      's.materials',
      sql<number>`s.hours::float`.as('hours'),
      's.org_unit_id as orgUnitId',
      's.area_path as areaPath',
      'u.name as orgName',
      sql<number>`(select count(*)::int from enforcement.study_attendance a where a.session_id = s.id)`.as('attendance'),
    ]);

/** 集体学法 sessions in the actor's scope, newest first. */
export async function listSessions(ctx: AppContext, actor: Actor, q: { year?: number }) {
  const [from, to] = yearOf(q.year);
  const items = await sessions(ctx, actor)
    .where(sql<boolean>`s.held_on between ${from}::date and ${to}::date`)
    .orderBy('s.held_on', 'desc')
    .limit(500)
    .execute();
  return { items, total: items.length };
}

/** One session with who attended. */
export async function getSession(ctx: AppContext, actor: Actor, id: string) {
  const s = await sessions(ctx, actor).where('s.id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('STUDY_SESSION_NOT_FOUND', 404, '集体学法记录不存在或无权查看');
  const attendees = (
    await sql<{ id: string; name: string; certNo: string }>`select o.id, o.name, o.cert_no as "certNo" from enforcement.study_attendance a
      join enforcement.officer o on o.id = a.officer_id where a.session_id = ${id} order by o.cert_no`.execute(ctx.db)
  ).rows;
  return { ...s, attendees };
}
