import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { actorOrgIds, objectHandoff, objectionWindow, type CaseRow } from '../../../kernel/workflow/index.ts';

export const RaiseObjectionInput = z.object({
  reason: z
    .string()
    .trim()
    .min(10, '请详细说明异议理由（不少于 10 字）')
    .max(2000, '异议理由不超过 2000 字')
    .meta({ title: '异议理由（不属于本机关职权范围）' }),
});
export const DecideObjectionInput = z.object({
  agree: z.boolean({ message: '请选择是否同意异议' }).meta({ title: '核实同意异议（同意则退回本单位）' }),
  note: z.string().trim().min(1, '请写明核实意见').max(2000, '核实意见不超过 2000 字').meta({ title: '核实意见' }),
});

/**
 * 异议 (《信访工作条例》第二十三条第三款): the receiving unit, holding the case after a 转送/交办, says it
 * is not competent — within 5 个工作日 of its receipt, with reasons. Nothing moves yet: the sending unit
 * is told and decides.
 */
export async function raiseObjection(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof RaiseObjectionInput>) {
  const w = await objectionWindow(tx, c);
  if (!w) throw new AppError('HANDOFF_NOT_FOUND', 409, '本事项不是转送、交办给本单位的，不能提出异议');
  if (!actorOrgIds(actor).includes(w.toOrgId)) throw forbidden('只有接收单位的人员才能提出异议');
  if (!w.open)
    throw new AppError(
      'HANDOFF_OBJECTION_LATE',
      409,
      `异议期限已过：应自收到之日（${w.receivedOn}）起 5 个工作日内（至 ${w.dueDate}）提出（《信访工作条例》第二十三条第三款）`,
      {
        receivedOn: w.receivedOn,
        dueDate: w.dueDate,
      },
    );
  const open = await sql`select 1 from petitions.objection where case_id = ${c.id} and decision is null`.execute(tx.db);
  if (open.rows.length) throw new AppError('PETITION_OBJECTION_PENDING', 409, '已提出异议，正等待转送、交办单位核实');
  const id = uuidv7();
  const today = chinaDate(tx.clock.now());
  await sql`insert into petitions.objection (id, case_id, handoff_id, from_org_id, to_org_id, reason, received_on, raised_on, raised_by, raised_by_name, raised_at)
    values (${id}, ${c.id}, ${w.handoffId}, ${w.fromOrgId}, ${w.toOrgId}, ${input.reason}, ${w.receivedOn}::date, ${today}::date, ${userRef(actor)}, ${actor.displayName}, ${tx.clock.now()})`.execute(
    tx.db,
  );
  await notify(tx, { orgUnitId: w.fromOrgId, caseId: c.id, kind: 'petition.objection', title: `接收单位提出异议：${c.ref_no}`, body: input.reason });
  return { id, receivedOn: w.receivedOn, dueDate: w.dueDate, raisedOn: today };
}

/**
 * The sending unit 核实 the objection: agreed → the kernel hands the case back (交还相关材料), the
 * objection dated the day it was raised; not agreed → the receiver keeps it and is told why.
 */
export async function decideObjection(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof DecideObjectionInput>) {
  const o = (
    await sql<{
      id: string;
      from_org_id: string;
      to_org_id: string;
      reason: string;
      raised_on: string;
    }>`select id, from_org_id, to_org_id, reason, raised_on::text as raised_on
      from petitions.objection where case_id = ${c.id} and decision is null for update`.execute(tx.db)
  ).rows[0];
  if (!o) throw new AppError('PETITION_OBJECTION_NOT_FOUND', 409, '本事项没有待核实的异议');
  if (!actorOrgIds(actor).includes(o.from_org_id)) throw forbidden('只有转送、交办单位的人员才能核实异议');
  await sql`update petitions.objection set decision = ${input.agree ? 'agreed' : 'rejected'}, decision_note = ${input.note}, decided_by = ${userRef(actor)},
    decided_by_name = ${actor.displayName}, decided_at = ${tx.clock.now()} where id = ${o.id}`.execute(tx.db);
  if (input.agree)
    await objectHandoff(tx, actor, { caseId: c.id, reason: `${o.reason}（发出单位核实同意：${input.note}）`, agreed: true, raisedOn: o.raised_on });
  else await notify(tx, { orgUnitId: o.to_org_id, caseId: c.id, kind: 'petition.objection', title: `异议未获同意：${c.ref_no}`, body: input.note });
  return { id: o.id, decision: input.agree ? ('agreed' as const) : ('rejected' as const) };
}
