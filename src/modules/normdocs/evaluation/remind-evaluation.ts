import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { EVALUATION_MONTHS_BEFORE } from '../contract.ts';
import { addMonths } from '../commands/dates.ts';

/** The daily job's name (registered in the module's dailyJobs). */
export const EVALUATION_REMIND_JOB = 'normdocs.evaluation-remind';

/**
 * 有效期届满前评估: every document in force whose 有效期至 falls within the next 6 months gets one
 * reminder (per 有效期) to its drafting office, to evaluate it — 继续有效, 修改 or 废止 — before it
 * lapses. Idempotent: the notification's dedupe key is the document and its 有效期至.
 */
export async function remindEvaluations(ctx: AppContext, day: string): Promise<number> {
  const horizon = addMonths(day, EVALUATION_MONTHS_BEFORE);
  const due = (
    await sql<{ case_id: string; org_unit_id: string; number: string; title: string; until: string }>`
    select d.case_id, c.org_unit_id, d.number, d.title, d.valid_until::text as until
    from normdocs.document d join core.case c on c.id = d.case_id
    where c.state in ('published', 'filed') and d.ended_on is null and d.valid_until >= ${day}::date and d.valid_until <= ${horizon}::date
    order by d.valid_until, d.case_id`.execute(ctx.db)
  ).rows;
  let sent = 0;
  for (const d of due) {
    const r = await notify(ctx, {
      orgUnitId: d.org_unit_id,
      caseId: d.case_id,
      kind: 'normdocs.evaluation.remind',
      title: `《${d.title}》（${d.number}）有效期至 ${d.until}，请在届满前评估：继续有效、修改或废止`.slice(0, 200),
      body: `依照有效期届满前 ${EVALUATION_MONTHS_BEFORE} 个月评估的要求：评估后继续有效的，重新登记编号并确定新的有效期；需要修改的，启动修改程序；不再适用的，予以废止。`,
      dedupeKey: `normdocs.evaluation.remind:${d.case_id}:${d.until}`,
    });
    if (r.created) sent++;
  }
  return sent;
}
