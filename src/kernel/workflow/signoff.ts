import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { type Actor, userRef } from '../identity/actor.ts';
import { notify } from '../notify/notify.ts';
import { actorOrgIds, partyFacts } from './case-access.ts';
import { lockCase } from './case-tx.ts';
import { checkWho } from './decide.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';
import { refusalError } from './errors.ts';
import { recordCaseAct, runTransition } from './step.ts';

export type SignoffMode = 'all' | 'any' | 'quorum';
export type Party = { orgUnitId?: string; userId?: string };

/** Outcome of a step from its parties' decisions (pure). */
export function signoffOutcome(mode: SignoffMode, required: number, decisions: Array<'approve' | 'reject' | null>): 'approve' | 'reject' | 'open' {
  const n = decisions.length;
  const yes = decisions.filter((d) => d === 'approve').length;
  const no = decisions.filter((d) => d === 'reject').length;
  const need = mode === 'all' ? n : mode === 'any' ? 1 : required;
  if (yes >= need) return 'approve';
  if (n - no < need) return 'reject';
  return 'open';
}

/** Open a 会签 (all) / 或签 (any) / quorum step among several parties. */
export async function openSignoff(
  ctx: AppContext,
  actor: Actor,
  req: { caseId: string; step: string; mode: SignoffMode; required?: number; parties: Party[]; expectedVersion?: number },
) {
  if (!req.parties.length) throw badRequest('VALIDATION_FAILED', '至少需要一个会签单位或人员', { field: 'parties' });
  if (req.parties.some((p) => !p.orgUnitId === !p.userId)) throw badRequest('VALIDATION_FAILED', '每个会签方须且只须指定单位或人员之一', { field: 'parties' });
  const required = req.mode === 'all' ? req.parties.length : req.mode === 'any' ? 1 : (req.required ?? 0);
  if (required < 1 || required > req.parties.length)
    throw badRequest('VALIDATION_FAILED', `法定人数应在 1 到 ${req.parties.length} 之间`, { field: 'required' });
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId, req.expectedVersion);
    const cfg = workflowOf(c.type).signoffs?.[req.step];
    if (!cfg) throw badRequest('SIGNOFF_STEP_UNKNOWN', `没有名为「${req.step}」的会签环节`);
    const refusal = checkWho({ permission: cfg.permission }, '发起会签', partyFacts(actor, c));
    if (refusal) throw refusalError(refusal);
    const open = await tx.db
      .selectFrom('core.case_signoff')
      .select('id')
      .where('case_id', '=', c.id)
      .where('step', '=', req.step)
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (open) throw new AppError('SIGNOFF_OPEN', 409, '该环节已有进行中的会签');
    const { round } = (
      await sql<{ round: number }>`select coalesce(max(round), 0) + 1 as round from core.case_signoff where case_id = ${c.id} and step = ${req.step}`.execute(
        tx.db,
      )
    ).rows[0]!;
    for (const p of req.parties) {
      await tx.db
        .insertInto('core.case_signoff')
        .values({
          id: uuidv7(),
          case_id: c.id,
          step: req.step,
          mode: req.mode,
          required,
          party_org_id: p.orgUnitId ?? null,
          party_user_id: p.userId ?? null,
          round,
        })
        .execute();
      await notify(tx, {
        orgUnitId: p.orgUnitId,
        userId: p.userId,
        caseId: c.id,
        kind: 'case.signoff',
        title: `待会签：${c.ref_no} ${c.title}`,
        body: `${actor.displayName}发起会签`,
      });
    }
    await recordCaseAct(tx, actor, c, { name: 'signoff.open', input: { step: req.step, mode: req.mode, required, parties: req.parties, round } });
    return { round, required };
  });
}

/** A party decides; when the step's outcome is settled the configured transition runs. */
export async function decideSignoff(
  ctx: AppContext,
  actor: Actor,
  req: { caseId: string; step: string; decision: 'approve' | 'reject'; comment?: string },
): Promise<{ outcome: 'approve' | 'reject' | 'open'; case: CaseRow }> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, req.caseId);
    const rows = await tx.db
      .selectFrom('core.case_signoff')
      .selectAll()
      .where('case_id', '=', c.id)
      .where('step', '=', req.step)
      .where('round', '=', (eb) =>
        eb
          .selectFrom('core.case_signoff')
          .select((e) => e.fn.max('round').as('r'))
          .where('case_id', '=', c.id)
          .where('step', '=', req.step),
      )
      .orderBy('id')
      .execute();
    const orgs = actorOrgIds(actor);
    const mine = rows.find((r) => r.decision === null && (r.party_user_id === actor.userId || (r.party_org_id && orgs.includes(r.party_org_id))));
    if (!mine) throw forbidden('您不是该会签环节的待签方，或已签署');
    if (
      signoffOutcome(
        mine.mode,
        mine.required,
        rows.map((r) => r.decision),
      ) !== 'open'
    )
      throw new AppError('SIGNOFF_CLOSED', 409, '会签已结束');
    await tx.db
      .updateTable('core.case_signoff')
      .set({ decision: req.decision, comment: req.comment ?? null, decided_at: tx.clock.now(), decided_by: userRef(actor) })
      .where('id', '=', mine.id)
      .execute();
    const decisions = rows.map((r) => (r.id === mine.id ? req.decision : r.decision));
    const outcome = signoffOutcome(mine.mode, mine.required, decisions);
    await recordCaseAct(tx, actor, c, { name: 'signoff.decide', input: { step: req.step, decision: req.decision }, comment: req.comment ?? null });
    if (outcome === 'open') return { outcome, case: c };
    const cfg = workflowOf(c.type).signoffs![req.step]!;
    // The outcome is the parties' decision, so the who-check is declared away; state, input, effect and clocks are not.
    const next = await runTransition(tx, actor, {
      caseId: c.id,
      name: outcome === 'approve' ? cfg.onApprove : cfg.onReject,
      skipWho: true,
      note: { signoff: req.step, outcome },
      comment: `会签结果：${outcome === 'approve' ? '同意' : '不同意'}`,
    });
    return { outcome, case: next };
  });
}
