import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_ERRORS } from '../contracts/labels.ts';
import type { CloseInput } from '../contracts/inputs.ts';
import { collectiveRequired } from './decision.ts';
import { dateBetween, penaltyOf, setPenalty, type PenaltyRow } from './penalty-row.ts';

/**
 * 全过程记录 (第四十七条; 118号 B): the records each stage must leave — 启动, 调查取证, 告知, 听证,
 * 审核, 决定, 送达, 执行 — and which of them are missing. Pure, for the case page and the close gate.
 */
export function missingRecords(p: PenaltyRow, evidence: { total: number; hashed: number }): string[] {
  const hearing = !!p.hearing_requested_on;
  return [
    p.investigators.length < 2 && '执法人员指派',
    evidence.total === 0 && '调查取证证据',
    evidence.hashed === 0 && '音像或电子证据（带 SM3 校验值）',
    !p.notified_on && '行政处罚事先告知书',
    hearing && !p.hearing_record && '听证笔录',
    p.review_required && p.review_passed !== true && '法制审核意见书',
    p.decision_kind === '处罚' && collectiveRequired(p) && !p.collective_on && '集体讨论记录',
    !p.decision_no && '决定书',
    !p.served_on && '送达回证',
    !!p.fine && !p.paid_on && '缴款凭证',
    p.decision_kind === '处罚' && !p.published_on && '处罚决定公开记录',
  ].filter((x): x is string => !!x);
}

export async function evidenceCounts(tx: AppContext, caseId: string) {
  const r = (
    await sql<{
      total: number;
      hashed: number;
    }>`select count(*)::int as total, count(sm3)::int as hashed from enforcement.evidence where case_id = ${caseId}`.execute(tx.db)
  ).rows[0]!;
  return { total: Number(r.total), hashed: Number(r.hashed) };
}

/** 结案归档: refused while a required record is missing. */
export async function closePenalty(tx: AppContext, c: CaseRow, input: z.output<typeof CloseInput>) {
  const p = await penaltyOf(tx, c.id, true);
  dateBetween(tx, input.closedOn, p.served_on, 'closedOn', '结案日期');
  const missing = missingRecords(p, await evidenceCounts(tx, c.id));
  if (missing.length) throw conflict('ENFORCEMENT_RECORD_MISSING', ENFORCEMENT_ERRORS.RECORD_MISSING(missing.join('、')), { missing });
  await setPenalty(tx, c.id, { closed_on: input.closedOn });
}
