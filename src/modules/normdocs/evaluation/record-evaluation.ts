import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { hasPermission, type Actor } from '../../../kernel/identity/index.ts';
import { getCase } from '../../../kernel/workflow/index.ts';
import { EVALUATION_CONCLUSIONS, EVALUATION_METHODS, NORMDOC_ERRORS, NORMDOC_TYPE } from '../contract.ts';
import { today } from '../commands/gates.ts';
import { openRevision } from '../cleanup/open-revision.ts';

const text = (title: string, max: number, min = 2) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(min, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .meta({ title });

/** 评估 (有效期届满前评估, 决策后评估): when, by whom (a third party when commissioned), how, what was found, the conclusion. */
export const EvaluationInput = z.object({
  evaluatedOn: z.iso.date('「评估日期」日期格式应为 YYYY-MM-DD').meta({ title: '评估日期' }),
  evaluator: text('评估主体', 200),
  method: z.enum(EVALUATION_METHODS, { message: '「评估方式」须为自行评估、委托第三方评估或联合评估' }).meta({ title: '评估方式' }),
  findings: text('评估发现', 5000),
  conclusion: z.enum(EVALUATION_CONCLUSIONS, { message: '「评估结论」须为继续有效、修改或废止' }).meta({ title: '评估结论' }),
});

/**
 * Records an evaluation of a published document (the drafting office or 政策法规处, in scope; 404
 * otherwise). 委托第三方评估 counts as a third-party evaluation in the report. Conclusion 修改 opens
 * a revision draft linked to the document (as a 清理's does); 废止 is advice — the repeal itself
 * stays 政策法规处's move.
 */
export async function recordEvaluation(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  const input = parseInput(EvaluationInput, raw);
  const c = await getCase(ctx, actor, caseId);
  if (c.type !== NORMDOC_TYPE) throw new AppError('NORMDOC_NOT_FOUND', 404, NORMDOC_ERRORS.NOT_FOUND);
  if (!hasPermission(actor, 'normdocs.draft') && !hasPermission(actor, 'normdocs.review')) throw forbidden('没有评估规范性文件的权限');
  return withTx(ctx, async (tx) => {
    const d = (
      await sql<{ number: string; title: string; published_on: string; area_path: string; org_unit_id: string }>`select d.number, d.title,
        d.published_on::text as published_on, c.area_path, c.org_unit_id
        from normdocs.document d join core.case c on c.id = d.case_id where d.case_id = ${caseId} and c.state in ('published', 'filed') for update of c`.execute(
        tx.db,
      )
    ).rows[0];
    if (!d) throw new AppError('NORMDOC_EVALUATION_KIND', 409, NORMDOC_ERRORS.EVALUATION_KIND);
    if (input.evaluatedOn > today(tx)) throw badRequest('VALIDATION_FAILED', NORMDOC_ERRORS.DATE_FUTURE('评估日期'), { field: 'evaluatedOn' });
    if (input.evaluatedOn < d.published_on) throw badRequest('VALIDATION_FAILED', '「评估日期」不能早于公布日期', { field: 'evaluatedOn' });
    const id = uuidv7();
    const revision =
      input.conclusion === '修改'
        ? await openRevision(tx, actor, { caseId, number: d.number, title: d.title }, `${input.evaluator}评估：${input.findings}`, {
            label: '评估结论',
            kind: 'normdocs.evaluation.revise',
          })
        : null;
    await sql`insert into normdocs.evaluation (id, case_id, evaluated_on, evaluator, third_party, method, findings, conclusion, revision_case_id, recorded_by_name, created_at)
      values (${id}, ${caseId}, ${input.evaluatedOn}::date, ${input.evaluator}, ${input.method === '委托第三方评估'}, ${input.method}, ${input.findings},
        ${input.conclusion}, ${revision}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'normdoc.evaluation.record',
      entityType: 'case',
      entityId: caseId,
      areaPath: d.area_path,
      orgUnitId: d.org_unit_id,
      after: { ...input, revisionCaseId: revision },
    });
    return { id, revisionCaseId: revision };
  });
}
