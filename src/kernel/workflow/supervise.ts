import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { pathWithin } from '../identity/scope.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { notify } from '../notify/notify.ts';
import { actorOrgIds } from './case-access.ts';
import { startCaseClock, stopCaseClock } from './case-clocks.ts';
import { lockCase } from './case-tx.ts';
import { recordCaseAct } from './step.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';

/** 督办 (manual): a supervising org above the holder issues a notice that needs written feedback. */
export async function superviseCase(ctx: AppContext, actor: Actor, req: { caseId: string; reason: string }) {
  if (!req.reason?.trim()) throw badRequest('REASON_REQUIRED', '请填写督办事由', { field: 'reason' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    const policy = workflowOf(c.type).supervision;
    if (!policy) throw badRequest('SUPERVISION_NOT_SUPPORTED', '该类案件不支持督办');
    if (c.terminal) throw new AppError('CASE_CLOSED', 409, '案件已办结，无需督办');
    const grant = actor.grants.find(
      (g) =>
        g.permissions.includes(policy.permission) &&
        g.scope === 'subtree' &&
        g.orgUnitId !== c.org_unit_id &&
        pathWithin(c.area_path, g.areaPath) &&
        g.areaPath !== c.area_path,
    );
    if (!grant) throw forbidden('只有上级单位具有督办权限的人员才能督办');
    return issueSupervision(tx, c, { kind: 'manual', fromOrgId: grant.orgUnitId, reason: req.reason.trim(), actor });
  });
}

/** Shared by manual and automatic (overdue) 督办; idempotent per dedupeKey. */
export async function issueSupervision(
  tx: AppContext,
  c: CaseRow,
  s: { kind: 'manual' | 'auto'; fromOrgId: string; reason: string; actor: Actor; dedupeKey?: string },
) {
  const policy = workflowOf(c.type).supervision!;
  if (s.dedupeKey) {
    const seen = await tx.db.selectFrom('core.case_supervision').select('id').where('dedupe_key', '=', s.dedupeKey).executeTakeFirst();
    if (seen) return null;
  }
  const id = uuidv7();
  const clock = await startCaseClock(tx, c, { name: `supervise:${id}`, label: '督办反馈期限', rule: policy.feedbackWithin, legalBasis: policy.legalBasis });
  await tx.db
    .insertInto('core.case_supervision')
    .values({
      id,
      case_id: c.id,
      kind: s.kind,
      from_org_id: s.fromOrgId,
      to_org_id: c.org_unit_id,
      reason: s.reason,
      issued_at: tx.clock.now(),
      issued_by: userRef(s.actor),
      feedback_due: clock?.due_date ?? null,
      dedupe_key: s.dedupeKey ?? null,
    })
    .execute();
  if (!c.supervising_org_id) await tx.db.updateTable('core.case').set({ supervising_org_id: s.fromOrgId }).where('id', '=', c.id).execute();
  await recordCaseAct(tx, s.actor, c, { name: 'supervise', input: { supervisionId: id, kind: s.kind }, comment: s.reason });
  await notify(tx, {
    orgUnitId: c.org_unit_id,
    caseId: c.id,
    kind: 'case.supervised',
    title: `${s.kind === 'auto' ? '超期自动督办' : '督办'}：${c.ref_no} ${c.title}`,
    body: `${s.reason}。请于 ${clock?.due_date ?? '规定期限'} 前书面反馈。`,
    dedupeKey: s.dedupeKey ? `${s.dedupeKey}:holder` : undefined,
  });
  if (s.kind === 'auto')
    await notify(tx, {
      orgUnitId: s.fromOrgId,
      caseId: c.id,
      kind: 'case.overdue',
      title: `承办超期：${c.ref_no} ${c.title}`,
      body: s.reason,
      dedupeKey: s.dedupeKey ? `${s.dedupeKey}:supervisor` : undefined,
    });
  return { id, feedbackDue: clock?.due_date ?? null };
}

/** Written feedback (督办反馈) by the holder org; stops the feedback clock and tells the supervisor. */
export async function answerSupervision(ctx: AppContext, actor: Actor, req: { caseId: string; supervisionId: string; feedback: string }) {
  if (!req.feedback?.trim()) throw badRequest('VALIDATION_FAILED', '请填写反馈内容', { field: 'feedback' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    const s = await tx.db
      .selectFrom('core.case_supervision')
      .selectAll()
      .where('id', '=', req.supervisionId)
      .where('case_id', '=', c.id)
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw new AppError('SUPERVISION_NOT_FOUND', 404, '督办记录不存在');
    if (s.feedback) throw new AppError('SUPERVISION_ANSWERED', 409, '该督办已反馈');
    if (!actorOrgIds(actor).includes(s.to_org_id)) throw forbidden('只有被督办单位的人员才能反馈');
    await tx.db
      .updateTable('core.case_supervision')
      .set({ feedback: req.feedback.trim(), feedback_at: tx.clock.now(), feedback_by: userRef(actor) })
      .where('id', '=', s.id)
      .execute();
    await stopCaseClock(tx, c, `supervise:${s.id}`);
    await recordCaseAct(tx, actor, c, { name: 'supervise.feedback', input: { supervisionId: s.id }, comment: req.feedback.trim() });
    await notify(tx, {
      orgUnitId: s.from_org_id,
      caseId: c.id,
      kind: 'case.supervision_answered',
      title: `督办已反馈：${c.ref_no}`,
      body: req.feedback.trim(),
    });
    return { ok: true as const };
  });
}
