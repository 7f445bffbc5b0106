import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { runTransition } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, art, REQUEST_TYPE } from '../contracts/labels.ts';

export const CORRECTION_LAPSE_JOB = 'disclosure.correction_lapse';

/**
 * 逾期不补正 (第三十条): a request still awaiting 补正 the day after its 补正期限 ended is treated as
 * withdrawn — answered 「申请人无正当理由逾期不补正」 by the system, with the 答复书 as the notice the
 * applicant downloads on the tracking page. Each request in its own transaction; idempotent (an
 * answered request is no longer awaiting 补正).
 */
export async function closeLapsedCorrections(ctx: AppContext, day: string): Promise<number> {
  const due = (
    await sql<{ id: string; due: string }>`select c.id, k.due_date::text as due from core.case c
      join core.deadline_clock k on k.case_id = c.id and k.name = 'correction_period'
      where c.type = ${REQUEST_TYPE} and c.state = 'correcting' and k.due_date < ${day}::date order by k.due_date, c.id`.execute(ctx.db)
  ).rows;
  for (const r of due)
    await withTx(ctx, (tx) =>
      runTransition(tx, SYSTEM_ACTOR, {
        caseId: r.id,
        name: 'answer',
        skipWho: true,
        input: {
          kind: ANSWER_KINDS.no_correction.label,
          text: `补正期限（至${r.due}）已届满，本机关未收到补正后的申请（${art('第三十条')}）。`,
        },
        note: { lapsed: r.due },
      }),
    );
  return due.length;
}
