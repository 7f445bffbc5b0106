import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { notify } from '../notify/notify.ts';
import { actorOrgIds } from './case-access.ts';
import { applyTransitionClocks, startCaseClock, stopCaseClock } from './case-clocks.ts';
import { currentCalendar } from '../calendar/load-calendar.ts';
import { chinaDate } from '../../platform/china-time.ts';
import { lockCase, writeCaseChange } from './case-tx.ts';
import { mayActOn } from './may-act.ts';
import { workflowOf, type CaseRow, type HandoffKind } from './define-workflow.ts';
import { handoffRefusal } from './handoff-rule.ts';
import { WORKFLOW_ERRORS } from './errors.ts';
import { inHandoffWords } from './step-labels.ts';

export type HandoffRequest = {
  caseId: string;
  kind: HandoffKind;
  toOrgId: string;
  note?: string | null;
  expectedVersion?: number;
  /** Sent through the generic route (POST /api/cases/:id/handoff), not a module's own command. */
  generic?: boolean;
};

/**
 * 转办 / 交办: hand the case to another org unit, which must 签收 (acknowledge receipt).
 * Until then the case sits in the receiver's 待签收 list, with its own clock.
 */
export async function handOff(ctx: AppContext, actor: Actor, req: HandoffRequest): Promise<CaseRow> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const def = workflowOf(c.type);
    const refused = await handoffRefusal(tx, actor, c, req.kind);
    if (refused) throw refused;
    const policy = def.handoff!;
    const label = inHandoffWords(def, req.kind === 'transfer' ? '转办' : '交办');
    if (req.toOrgId === c.org_unit_id) throw badRequest('HANDOFF_SAME_ORG', '不能转给本单位', { field: 'toOrgId' });
    const to = await tx.db.selectFrom('core.org_unit').select(['id', 'name', 'active']).where('id', '=', req.toOrgId).executeTakeFirst();
    if (!to || !to.active) throw new AppError('ORG_UNIT_NOT_FOUND', 400, WORKFLOW_ERRORS.ORG_UNIT_NOT_FOUND, { field: 'toOrgId' });
    await policy.check?.(tx, c, to.id);
    // After the module's own refusals (e.g. never to the accused), which say more about the receiver.
    if (req.generic && req.kind === 'assign' && policy.assignOnlyVia)
      throw new AppError('ASSIGN_VIA_MODULE', 409, `「${def.label}」的交办须用「${policy.assignOnlyVia}」办理（写明报告期限并出具交办单）`);
    if (req.generic && req.kind === 'transfer' && policy.transferOnlyVia)
      throw new AppError('TRANSFER_VIA_MODULE', 409, `「${def.label}」的${label}须用「${policy.transferOnlyVia}」办理`);
    const now = tx.clock.now();
    const id = uuidv7();
    const next = await writeCaseChange(tx, actor, c, {
      transition: req.kind,
      to: c.state,
      input: { toOrgId: to.id, toOrgName: to.name, handoffId: id },
      comment: req.note ?? null,
      patch: { org_unit_id: to.id, assignee_id: null },
    });
    const clock = await startCaseClock(tx, next, {
      name: `ack:${id}`,
      label: `${to.name}签收期限`,
      rule: policy.acknowledgeWithin,
      legalBasis: policy.legalBasis,
    });
    await tx.db
      .insertInto('core.case_handoff')
      .values({
        id,
        case_id: c.id,
        kind: req.kind,
        from_org_id: c.org_unit_id,
        to_org_id: to.id,
        sent_at: now,
        sent_by: userRef(actor),
        note: req.note ?? null,
        status: 'pending',
        clock_id: clock?.id ?? null,
      })
      .execute();
    await tx.db.updateTable('core.case').set({ pending_handoff: true }).where('id', '=', c.id).execute();
    await policy.onSend?.(tx, { ...next, pending_handoff: true }, { id, kind: req.kind, fromOrgId: c.org_unit_id, toOrgId: to.id, toOrgName: to.name }, actor);
    await notify(tx, {
      orgUnitId: to.id,
      caseId: c.id,
      kind: 'case.handoff',
      title: `待签收：${c.ref_no} ${c.title}`,
      body: `${actor.displayName}${label}至本单位${req.note ? `：${req.note}` : ''}`,
    });
    return { ...next, pending_handoff: true };
  });
}

async function pendingHandoff(tx: AppContext, caseId: string) {
  const h = await tx.db
    .selectFrom('core.case_handoff')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!h) throw new AppError('HANDOFF_NOT_FOUND', 409, WORKFLOW_ERRORS.HANDOFF_NOT_FOUND);
  return h;
}

function mustBeReceiver(actor: Actor, toOrgId: string) {
  if (!actorOrgIds(actor).includes(toOrgId)) throw forbidden('只有接收单位的人员才能签收或提出异议');
}

/** 签收 is taken by whom the worklist's 「待我处理」 lists it for (may-act.ts): who signs for a case acts on it next. */
function mustActNext(actor: Actor, c: CaseRow) {
  if (mayActOn(actor, c)) return;
  const def = workflowOf(c.type);
  throw new AppError(
    'ACKNOWLEDGE_NOT_YOURS',
    403,
    `签收后须接着办理「${def.states[c.state]?.label ?? c.state}」，你在接收单位没有办理这一环节的权限，请由有权办理的人员签收`,
  );
}

/** 签收: the receiving org acknowledges; the receipt time is recorded and its clock stops. */
export async function acknowledgeHandoff(ctx: AppContext, actor: Actor, req: { caseId: string; expectedVersion?: number }): Promise<CaseRow> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const h = await pendingHandoff(tx, c.id);
    mustBeReceiver(actor, h.to_org_id);
    mustActNext(actor, c);
    const now = tx.clock.now();
    await tx.db
      .updateTable('core.case_handoff')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: userRef(actor) })
      .where('id', '=', h.id)
      .execute();
    await tx.db.updateTable('core.case').set({ pending_handoff: false }).where('id', '=', c.id).execute();
    const next = await writeCaseChange(tx, actor, { ...c, pending_handoff: false }, { transition: 'acknowledge', to: c.state, input: { handoffId: h.id } });
    await stopCaseClock(tx, next, `ack:${h.id}`);
    const onReceipt = workflowOf(c.type).handoff?.onReceipt;
    if (onReceipt) {
      const clocks = await applyTransitionClocks(tx, next, { restart: onReceipt.restart }, actor, onReceipt.reason);
      return clocks ? { ...next, ...clocks } : next;
    }
    return next;
  });
}

/** The hand-off the case's holder received last (pending, or signed for), or null. */
async function receivedHandoff(tx: AppContext, c: CaseRow) {
  return (
    (await tx.db
      .selectFrom('core.case_handoff')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('to_org_id', '=', c.org_unit_id)
      .where('status', 'in', ['pending', 'acknowledged'])
      .orderBy('sent_at', 'desc')
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export type ObjectionWindow = { handoffId: string; fromOrgId: string; toOrgId: string; receivedOn: string; dueDate: string; open: boolean };

/**
 * The receiver's 异议 window (`handoff.objectWithin`), counted from its receipt: the 签收 day, or the
 * day sent while it is not yet signed for; on the calendar of the receiver's area. Null without one.
 */
export async function objectionWindow(tx: AppContext, c: CaseRow, on?: string): Promise<ObjectionWindow | null> {
  const rule = workflowOf(c.type).handoff?.objectWithin;
  const h = await receivedHandoff(tx, c);
  if (!rule || !h) return null;
  const receivedOn = chinaDate(new Date(h.acknowledged_at ?? h.sent_at));
  const calendar = await currentCalendar(tx);
  const dueDate = calendar.explain(receivedOn, rule, { areaPath: c.area_path }).dueDate;
  return { handoffId: h.id, fromOrgId: h.from_org_id, toOrgId: h.to_org_id, receivedOn, dueDate, open: (on ?? chinaDate(tx.clock.now())) <= dueDate };
}

/**
 * 异议: the receiver is not competent; the case goes back to the sender with the reason. With
 * `objectWithin` the receiver may object after 签收 too, until the window closes (`raisedOn`, default
 * today, is the day it objected); with `objectionNeedsAgreement` only the sender's agreement
 * (`agreed`, by a member of the sending unit) sends the case back.
 */
export async function objectHandoff(
  ctx: AppContext,
  actor: Actor,
  req: { caseId: string; reason: string; expectedVersion?: number; agreed?: boolean; raisedOn?: string },
): Promise<CaseRow> {
  if (!req.reason?.trim()) throw badRequest('REASON_REQUIRED', '请写明异议理由', { field: 'reason' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const policy = workflowOf(c.type).handoff;
    if (policy?.objectionNeedsAgreement && !req.agreed)
      throw new AppError('HANDOFF_OBJECTION_NEEDS_AGREEMENT', 409, WORKFLOW_ERRORS.HANDOFF_OBJECTION_NEEDS_AGREEMENT);
    const w = policy?.objectWithin ? await objectionWindow(tx, c, req.raisedOn) : null;
    if (policy?.objectWithin && !w) throw new AppError('HANDOFF_NOT_FOUND', 409, WORKFLOW_ERRORS.HANDOFF_NOT_FOUND);
    if (w && !w.open)
      throw new AppError('HANDOFF_OBJECTION_LATE', 409, `异议期限已过：应自收到之日（${w.receivedOn}）起至 ${w.dueDate} 前提出`, {
        receivedOn: w.receivedOn,
        dueDate: w.dueDate,
      });
    const h = w ? { id: w.handoffId, from_org_id: w.fromOrgId, to_org_id: w.toOrgId } : await pendingHandoff(tx, c.id);
    if (req.agreed) {
      if (!actorOrgIds(actor).includes(h.from_org_id)) throw forbidden('只有发出单位的人员才能同意异议');
    } else mustBeReceiver(actor, h.to_org_id);
    return undoHandoff(tx, actor, c, h, 'objected', 'object', req.reason.trim());
  });
}

/** 撤回 a handoff before the receiver has signed for it. */
export async function withdrawHandoff(ctx: AppContext, actor: Actor, req: { caseId: string; reason?: string; expectedVersion?: number }): Promise<CaseRow> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const h = await pendingHandoff(tx, c.id);
    if (!actorOrgIds(actor).includes(h.from_org_id)) throw forbidden('只有发出单位的人员才能撤回');
    return undoHandoff(tx, actor, c, h, 'withdrawn', 'withdraw_handoff', req.reason?.trim() || null);
  });
}

async function undoHandoff(
  tx: AppContext,
  actor: Actor,
  c: CaseRow,
  h: { id: string; from_org_id: string },
  status: 'objected' | 'withdrawn',
  transition: string,
  reason: string | null,
) {
  await tx.db.updateTable('core.case_handoff').set({ status }).where('id', '=', h.id).execute();
  await tx.db.updateTable('core.case').set({ pending_handoff: false }).where('id', '=', c.id).execute();
  const next = await writeCaseChange(
    tx,
    actor,
    { ...c, pending_handoff: false },
    {
      transition,
      to: c.state,
      input: { handoffId: h.id },
      comment: reason,
      patch: { org_unit_id: h.from_org_id, assignee_id: null },
    },
  );
  await stopCaseClock(tx, next, `ack:${h.id}`);
  if (status === 'objected') {
    await notify(tx, {
      orgUnitId: h.from_org_id,
      caseId: c.id,
      kind: 'case.objected',
      title: `${inHandoffWords(workflowOf(c.type), '转办')}被退回：${c.ref_no}`,
      body: `接收单位提出异议：${reason}`,
    });
  }
  return next;
}
