import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import type { JobHandler } from '../../../platform/jobs.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { applyAction, type CaseRow } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS, PETITION_TYPE } from '../contract.ts';
import { daysFrom } from '../policies.ts';

/** pg-boss queue: one job per scheduled 回头看, due at 09:00 China time on its day. */
export const FOLLOW_UP_JOB = 'petition.follow_up';
const NOTIFY_HOUR_MS = 9 * 3_600_000;

export const LeadInput = z.object({ note: z.string().trim().max(2000, '包案说明不超过 2000 字').optional() });

/**
 * Effect of the `lead` action — 领导包案 (第十八条: 领导干部…包案化解): a leader with
 * petition.supervise over the case (its holding org or an org above) takes it personally;
 * recorded on the petition. One 包案领导 at a time.
 */
export async function storeLead(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof LeadInput>) {
  const p = (
    await sql<{
      lead_user_id: string | null;
      lead_user_name: string | null;
    }>`select lead_user_id, lead_user_name from petitions.petition where case_id = ${c.id} for update`.execute(tx.db)
  ).rows[0];
  if (p?.lead_user_id && p.lead_user_id !== actor.userId) throw new AppError('PETITION_ALREADY_LED', 409, `该信访事项已由${p.lead_user_name}包案`);
  await sql`update petitions.petition set lead_user_id = ${actor.userId}, lead_user_name = ${actor.displayName}, lead_at = ${tx.clock.now()}, lead_note = ${input.note ?? null}
    where case_id = ${c.id}`.execute(tx.db);
  return { leadUserId: actor.userId, leadUserName: actor.displayName, leadAt: tx.clock.now().toISOString() };
}

export function takeLead(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  return applyAction<Awaited<ReturnType<typeof storeLead>>>(ctx, actor, { caseId, type: PETITION_TYPE, action: 'lead', input: raw });
}

const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD');
export const FollowUpInput = z
  .object({
    date: IsoDate.optional(),
    dates: z.array(IsoDate).min(1, '请至少安排一次回头看').max(12, '一次最多安排 12 次回头看').optional(),
    note: z.string().trim().max(2000, '回头看说明不超过 2000 字').optional(),
  })
  .refine((v) => v.date || v.dates, { message: '请填写回头看日期', path: ['dates'] });

async function mustBeLead(tx: AppContext, actor: Actor, caseId: string) {
  const p = (await sql<{ lead_user_id: string | null }>`select lead_user_id from petitions.petition where case_id = ${caseId}`.execute(tx.db)).rows[0];
  if (!p?.lead_user_id || p.lead_user_id !== actor.userId) throw new AppError('PETITION_NOT_LEADER', 403, PETITION_ERRORS.NOT_LEADER);
}

/** Effect of the `follow_up` action — 回头看: the 包案领导 schedules review dates; each is a durable job that reminds the leader on the day. */
export async function storeFollowUps(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof FollowUpInput>) {
  const dates = [...new Set([...(input.dates ?? []), ...(input.date ? [input.date] : [])])].sort();
  await mustBeLead(tx, actor, c.id);
  const today = chinaDate(tx.clock.now());
  const given: Array<[string, string]> = [
    ...(input.dates ?? []).map((d, i): [string, string] => [d, `dates.${i}`]),
    ...(input.date ? [[input.date, 'date'] as [string, string]] : []),
  ];
  for (const [d, field] of given) {
    if (d < today) throw badRequest('VALIDATION_FAILED', `「回头看日期」${d} 早于今天`, { field });
    if (daysFrom(today, d) > 730) throw badRequest('VALIDATION_FAILED', `「回头看日期」${d} 超过两年`, { field });
  }
  const created = [];
  for (const d of dates) {
    const id = uuidv7();
    await sql`insert into petitions.follow_up (id, case_id, leader_id, leader_name, due_date, note, created_at)
      values (${id}, ${c.id}, ${actor.userId}, ${actor.displayName}, ${d}, ${input.note ?? null}, ${tx.clock.now()})`.execute(tx.db);
    const at = new Date(chinaMidnight(d).getTime() + NOTIFY_HOUR_MS);
    await tx.jobs.send(tx, FOLLOW_UP_JOB, { followUpId: id, caseId: c.id, at: at.toISOString() }, { startAfter: at > tx.clock.now() ? at : tx.clock.now() });
    created.push({ id, dueDate: d, note: input.note ?? null });
  }
  return { items: created };
}

export function scheduleFollowUps(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  return applyAction<Awaited<ReturnType<typeof storeFollowUps>>>(ctx, actor, { caseId, type: PETITION_TYPE, action: 'follow_up', input: raw });
}

export const FollowUpResultInput = z.object({
  result: z.string({ message: '请填写回头看结果' }).trim().min(1, '请填写回头看结果').max(5000, '回头看结果不超过 5000 字'),
});
export const FollowUpResultAction = FollowUpResultInput.extend({ followUpId: z.string() });

/** Effect of the `follow_up_result` action: the 包案领导 records what the 回头看 found (once per review). */
export async function storeFollowUpResult(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof FollowUpResultAction>) {
  await mustBeLead(tx, actor, c.id);
  const f = (
    await sql<{
      id: string;
      result: string | null;
      due_date: string;
    }>`select id, result, due_date::text as due_date from petitions.follow_up where id = ${input.followUpId} and case_id = ${c.id} for update`.execute(tx.db)
  ).rows[0];
  if (!f) throw new AppError('FOLLOW_UP_NOT_FOUND', 404, '回头看安排不存在');
  if (f.result) throw new AppError('FOLLOW_UP_DONE', 409, '该次回头看已记录结果');
  await sql`update petitions.follow_up set result = ${input.result}, result_at = ${tx.clock.now()}, result_by_name = ${actor.displayName} where id = ${f.id}`.execute(
    tx.db,
  );
  return { id: f.id, dueDate: f.due_date, result: input.result, resultAt: tx.clock.now().toISOString() };
}

export function recordFollowUpResult(ctx: AppContext, actor: Actor, caseId: string, followUpId: string, raw: unknown) {
  const input = raw && typeof raw === 'object' ? { ...raw, followUpId } : { followUpId };
  return applyAction<Awaited<ReturnType<typeof storeFollowUpResult>>>(ctx, actor, { caseId, type: PETITION_TYPE, action: 'follow_up_result', input });
}

type FollowUpJob = { followUpId: string; caseId: string; at: string };

/**
 * On the day: notify the leader, once (notified_at, plus the notification's dedupe key). Business
 * time decides: a job delivered before its instant by the app clock is put back for the rest.
 */
export const followUpHandler: JobHandler = async (ctx, data) => {
  const d = data as FollowUpJob;
  const left = new Date(d.at).getTime() - ctx.clock.now().getTime();
  if (left > 0) {
    await ctx.jobs.send(ctx, FOLLOW_UP_JOB, d, { startAfter: new Date(Date.now() + left) });
    return;
  }
  await withTx(ctx, async (tx) => {
    const f = (
      await sql<{
        id: string;
        leader_id: string;
        due_date: string;
        note: string | null;
        notified_at: Date | null;
        result: string | null;
        ref_no: string;
        title: string;
        org_unit_id: string;
      }>`
      select f.id, f.leader_id, f.due_date::text as due_date, f.note, f.notified_at, f.result, c.ref_no, c.title, c.org_unit_id
      from petitions.follow_up f join core.case c on c.id = f.case_id where f.id = ${d.followUpId} for update of f`.execute(tx.db)
    ).rows[0];
    if (!f || f.notified_at || f.result) return;
    await notify(tx, {
      userId: f.leader_id,
      caseId: d.caseId,
      kind: 'petition.follow_up',
      dedupeKey: `petition.follow_up:${f.id}`,
      title: `回头看：${f.ref_no} ${f.title}`.slice(0, 200),
      body: `今天（${f.due_date}）是您包案的信访事项安排的回头看日期，请了解化解和落实情况并记录回头看结果。${f.note ? `安排说明：${f.note}` : ''}`,
    });
    await sql`update petitions.follow_up set notified_at = ${tx.clock.now()} where id = ${f.id}`.execute(tx.db);
  });
};

// The queue and this handler are declared in the module manifest (../index.ts).
