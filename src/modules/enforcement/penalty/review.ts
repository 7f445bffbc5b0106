import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS, REVIEW_CHECKLIST } from '../contracts/labels.ts';
import type { CollectiveInput, ReviewInput } from '../contracts/inputs.ts';
import { actingOfficer } from '../officers/certified.ts';
import { dateBetween, penaltyOf, setPenalty, today } from './penalty-row.ts';

/**
 * 法制审核 (第五十八条): by a registered 法制审核 officer with the 法律职业资格 who did not investigate
 * the case, every checklist item of §5.1 C answered. A failed review returns the case to 调查取证.
 */
export async function legalReview(tx: AppContext, actor: Actor, c: CaseRow, input: z.output<typeof ReviewInput>, passed: boolean) {
  const p = await penaltyOf(tx, c.id, true);
  const me = await actingOfficer(tx, actor, today(tx));
  if (p.investigators.includes(me.id)) throw new AppError('ENFORCEMENT_REVIEW_BY_INVESTIGATOR', 403, ENFORCEMENT_ERRORS.REVIEW_BY_INVESTIGATOR);
  if (!me.legal_reviewer || !me.legal_qualification) throw new AppError('ENFORCEMENT_REVIEW_QUALIFICATION', 403, ENFORCEMENT_ERRORS.REVIEW_QUALIFICATION);
  if (input.passed !== passed) throw badRequest('VALIDATION_FAILED', passed ? '审核通过请选择「通过」' : '审核不通过请选择「不通过」', { field: 'passed' });
  const missing = REVIEW_CHECKLIST.filter((i) => !input.checklist[i.key]);
  if (missing.length)
    throw badRequest('VALIDATION_FAILED', `${ENFORCEMENT_ERRORS.REVIEW_CHECKLIST}：${missing.map((m) => m.label).join('；')}`, { field: 'checklist' });
  const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((i) => [i.key, input.checklist[i.key]]));
  await setPenalty(tx, c.id, {
    reviewer_name: `${me.name}(${me.legal_qualification})`,
    reviewed_on: today(tx),
    review_checklist: JSON.stringify(checklist),
    review_passed: passed,
    review_opinion: input.opinion,
  });
}

/** 集体讨论 (第五十七条第二款): the heads' names and conclusion, before the decision of a complex or major case. */
export async function collectiveDiscussion(tx: AppContext, c: CaseRow, input: z.output<typeof CollectiveInput>) {
  const p = await penaltyOf(tx, c.id, true);
  dateBetween(tx, input.heldOn, p.notified_on, 'heldOn', '集体讨论日期');
  const heads = [...new Set(input.heads)];
  if (heads.length < 2) throw new AppError('ENFORCEMENT_COLLECTIVE_HEADS', 422, ENFORCEMENT_ERRORS.COLLECTIVE_HEADS, { field: 'heads' });
  await setPenalty(tx, c.id, { collective_on: input.heldOn, collective_heads: heads, collective_conclusion: input.conclusion });
  return { heldOn: input.heldOn, heads };
}
