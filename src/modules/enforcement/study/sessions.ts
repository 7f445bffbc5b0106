import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { PlanInput, SessionInput } from './study-inputs.ts';

const P = ENFORCEMENT_PERMISSIONS.officers;

/** The unit a plan or session belongs to: the actor's own by default, always inside the actor's scope. */
async function unitFor(tx: AppContext, actor: Actor, id: string | undefined, demo: boolean) {
  const o = await tx.db
    .selectFrom('core.org_unit')
    .select(['id', 'area_path', 'name'])
    .where('id', '=', id ?? actor.orgUnitId)
    .executeTakeFirst();
  if (!o) throw badRequest('VALIDATION_FAILED', '「单位」不存在', { field: 'orgUnitId' });
  if (!demo && !recordInScope(actor, P, { areaPath: o.area_path, orgUnitId: o.id })) throw forbidden('只能为本单位及下级单位安排学法');
  return o;
}

/** 年度学法计划: one per unit and year. */
export async function createPlan(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(PlanInput, raw);
  return withTx(ctx, async (tx) => {
    const unit = await unitFor(tx, actor, input.orgUnitId, !!opts.demo);
    const dup = await sql`select 1 from enforcement.study_plan where org_unit_id = ${unit.id} and year = ${input.year}`.execute(tx.db);
    if (dup.rows.length) throw new AppError('STUDY_PLAN_DUPLICATE', 409, `${unit.name}${input.year}年度的学法计划已登记`, { field: 'year' });
    const id = uuidv7();
    await sql`insert into enforcement.study_plan (id, org_unit_id, area_path, year, title, target_hours, content, is_demo, created_at)
      values (${id}, ${unit.id}, ${unit.area_path}, ${input.year}, ${input.title}, ${input.targetHours}, ${input.content}, ${!!opts.demo}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    return { id };
  });
}

/** 集体学法: a session held on a past day or today, attended by officers of the session's unit. */
export async function recordSession(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(SessionInput, raw);
  if (input.heldOn > chinaDate(ctx.clock.now()))
    throw badRequest('VALIDATION_FAILED', '「学习日期」不能晚于今天（只登记已举行的集体学法）', { field: 'heldOn' });
  const attendees = [...new Set(input.attendeeIds)];
  return withTx(ctx, async (tx) => {
    const unit = await unitFor(tx, actor, input.orgUnitId, !!opts.demo);
    const found = (
      await sql<{ id: string }>`select id from enforcement.officer where org_unit_id = ${unit.id} and id = any(${attendees}::uuid[])`.execute(tx.db)
    ).rows.map((r) => r.id);
    if (found.length !== attendees.length)
      throw badRequest('VALIDATION_FAILED', `「参学人员」中有 ${attendees.length - found.length} 人不是${unit.name}的执法人员`, { field: 'attendeeIds' });
    const id = uuidv7();
    await sql`insert into enforcement.study_session (id, org_unit_id, area_path, held_on, topic, law_title, law_ref, presenter, hours, materials, is_demo, created_at)
      values (${id}, ${unit.id}, ${unit.area_path}, ${input.heldOn}::date, ${input.topic}, ${input.lawTitle}, ${input.lawRef ?? null}, ${input.presenter},
        ${input.hours}, ${input.materials ?? null}, ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    for (const o of attendees) await sql`insert into enforcement.study_attendance (session_id, officer_id) values (${id}, ${o})`.execute(tx.db);
    return { id, attendees: attendees.length };
  });
}
