import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { recordInScope, requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { Day, type InterviewDto } from '../contracts/http.ts';
import { orgInScope } from './get-org.ts';

const Text = (label: string, max: number) => z.string(`请填写${label}`).trim().min(2, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
export const InterviewInput = z.object({
  heldOn: Day.meta({ title: '约谈日期' }),
  people: Text('约谈对象和参加人员', 500).meta({ title: '约谈对象和参加人员' }),
  matter: Text('约谈事项', 2000).meta({ title: '约谈事项' }),
  commitments: Text('整改承诺', 2000).meta({ title: '整改承诺' }),
});
export const FollowUpInterviewInput = z.object({
  followedUpOn: Day.meta({ title: '跟踪落实日期' }),
  followUp: Text('落实情况', 2000).meta({ title: '落实情况' }),
});
export const InterviewRecorded = z.object({ id: z.uuid() });

const notLater = (day: string, today: string, field: string, label: string) => {
  if (day > today) throw new AppError('VALIDATION_FAILED', 400, `${label}不能晚于今天。`, { field });
};

/** 约谈 an organization (seed report: 组织约谈违规社会组织31家): recorded with its people, matter and commitments; audited. */
export async function recordInterview(ctx: AppContext, actor: Actor, orgId: string, input: z.infer<typeof InterviewInput>) {
  requirePermission(actor, 'orgs.register');
  notLater(input.heldOn, chinaDate(ctx.clock.now()), 'heldOn', '约谈日期');
  return withTx(ctx, async (tx) => {
    const o = await orgInScope(tx, actor, orgId, 'orgs.register');
    const id = randomUUID();
    await sql`insert into orgs.interview (id, organization_id, held_on, people, matter, commitments, recorded_by, created_at)
      values (${id}, ${orgId}, ${input.heldOn}::date, ${input.people}, ${input.matter}, ${input.commitments}, ${userRef(actor)}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    await recordAudit(tx, {
      actor,
      action: 'orgs.interview.record',
      entityType: 'orgs_organization',
      entityId: orgId,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      after: { interview: id, ...input },
    });
    return { id };
  });
}

/** The follow-up of a 约谈: whether the commitments were kept. Once. */
export async function followUpInterview(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof FollowUpInterviewInput>) {
  requirePermission(actor, 'orgs.register');
  notLater(input.followedUpOn, chinaDate(ctx.clock.now()), 'followedUpOn', '跟踪落实日期');
  return withTx(ctx, async (tx) => {
    const r = (
      await sql<{ id: string; held_on: string; followed_up_on: string | null; organization_id: string; path: string; unit: string }>`
        select i.id, i.held_on::text as held_on, i.followed_up_on::text as followed_up_on, i.organization_id,
          o.authority_area_path as path, o.authority_org_unit_id as unit
        from orgs.interview i join orgs.organization o on o.id = i.organization_id where i.id = ${id} for update of i`.execute(tx.db)
    ).rows[0];
    if (!r || !recordInScope(actor, 'orgs.register', { areaPath: r.path })) throw notFound('约谈记录', 'ORG_INTERVIEW_NOT_FOUND');
    if (r.followed_up_on) throw new AppError('ORG_INTERVIEW_FOLLOWED', 409, `该约谈已于${r.followed_up_on}记录落实情况。`);
    if (input.followedUpOn < r.held_on) throw new AppError('VALIDATION_FAILED', 400, '跟踪落实日期不能早于约谈日期。', { field: 'followedUpOn' });
    await sql`update orgs.interview set follow_up = ${input.followUp}, followed_up_on = ${input.followedUpOn}::date where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'orgs.interview.follow_up',
      entityType: 'orgs_organization',
      entityId: r.organization_id,
      areaPath: r.path,
      orgUnitId: r.unit,
      after: { interview: id, ...input },
    });
    return { id };
  });
}

/** The organization's 约谈 records, newest first (the caller has checked the organization is in scope). */
export async function interviewsOf(ctx: AppContext, orgId: string): Promise<InterviewDto[]> {
  const rows = (
    await sql<{ id: string; held_on: string; people: string; matter: string; commitments: string; follow_up: string | null; followed_up_on: string | null }>`
      select id, held_on::text as held_on, people, matter, commitments, follow_up, followed_up_on::text as followed_up_on
      from orgs.interview where organization_id = ${orgId} order by held_on desc, created_at desc`.execute(ctx.db)
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    people: r.people,
    matter: r.matter,
    commitments: r.commitments,
    followUp: r.follow_up,
    followedUpOn: r.followed_up_on,
  }));
}
