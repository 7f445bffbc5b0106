import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { ENFORCEMENT_PERMISSIONS as P, PENALTY_TYPE } from '../contracts/labels.ts';
import { TIPOFF_ERRORS as E } from '../contracts/tipoff-labels.ts';
import { DecideTipoffInput, ReplyTipoffInput, VerifyTipoffInput } from '../contracts/tipoff-inputs.ts';
import { filePenaltyCase } from '../penalty/file-case.ts';
import { auditTipoff, lockTipoff, setTipoff, stepDate } from './tipoff-row.ts';

/** 核查: the findings of the verification, once, by the handling staff. */
export async function verifyTipoff(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(VerifyTipoffInput, raw);
  return withTx(ctx, async (tx) => {
    const r = await lockTipoff(tx, actor, id, P.handle, ['received', '登记']);
    stepDate(tx, input.verifiedOn, 'verifiedOn', '核查完成日期', [r.received_on, '收到日期']);
    await setTipoff(tx, id, { state: 'verified', findings: input.findings, verified_on: input.verifiedOn, verified_by_name: actor.displayName });
    await auditTipoff(tx, actor, r, 'verify', { verifiedOn: input.verifiedOn });
    return { id, state: 'verified' };
  });
}

/**
 * The outcome after 核查: 立案 — a penalty case of the handling unit already filed (by id) or filed now
 * through the penalty case's own 立案 (limitation, 一事不再罚; the 立案 date is the decision date) — or
 * 不予立案 with the reasons. The informant's identity never reaches the case.
 */
export async function decideTipoff(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(DecideTipoffInput, raw);
  return withTx(ctx, async (tx) => {
    const r = await lockTipoff(tx, actor, id, P.handle, ['verified', '记录核查情况']);
    stepDate(tx, input.decidedOn, 'decidedOn', '决定日期', [r.verified_on!, '核查完成日期']);
    let caseId: string | null = null;
    if (input.outcome === '立案') {
      if (input.caseId) {
        const c = await tx.db
          .selectFrom('core.case as c')
          .select('c.id')
          .where('c.id', '=', input.caseId)
          .where('c.type', '=', PENALTY_TYPE)
          .where('c.org_unit_id', '=', r.org_unit_id)
          .where(caseReadable(actor, P.read))
          .executeTakeFirst();
        if (!c) throw new AppError('ENFORCEMENT_TIPOFF_CASE', 422, E.CASE_NOT_FOUND, { field: 'caseId' });
        caseId = c.id;
      } else if (input.filing) {
        caseId = (await filePenaltyCase(tx, actor, { ...input.filing, filedOn: input.decidedOn })).id;
      } else throw badRequest('VALIDATION_FAILED', E.CASE_OR_FILING, { field: 'caseId' });
    }
    await setTipoff(tx, id, { state: 'decided', outcome: input.outcome, outcome_reason: input.reason, decided_on: input.decidedOn, case_id: caseId });
    await auditTipoff(tx, actor, r, 'decide', { outcome: input.outcome, decidedOn: input.decidedOn, caseId });
    return { id, state: 'decided', caseId };
  });
}

/** 答复: the reply the informant reads with the 查询码; closes the 举报. A late reply is allowed and shows as late. */
export async function replyTipoff(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(ReplyTipoffInput, raw);
  return withTx(ctx, async (tx) => {
    const r = await lockTipoff(tx, actor, id, P.handle, ['decided', '作出处理决定']);
    stepDate(tx, input.repliedOn, 'repliedOn', '答复日期', [r.decided_on!, '决定日期']);
    await setTipoff(tx, id, { state: 'closed', reply: input.reply, replied_on: input.repliedOn });
    const due = (await sql<{ d: string }>`select reply_due::text as d from enforcement.tipoff where id = ${id}`.execute(tx.db)).rows[0]!.d;
    await auditTipoff(tx, actor, r, 'reply', { repliedOn: input.repliedOn, late: input.repliedOn > due });
    return { id, state: 'closed', late: input.repliedOn > due };
  });
}
