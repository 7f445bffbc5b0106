import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { handOff, caseNotFound } from '../../../kernel/workflow/index.ts';
import { MAX_REPORT_DAYS, PETITION_TYPE } from '../contract.ts';
import { daysFrom } from '../policies.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { PETITION_DOCUMENTS } from '../documents/index.ts';

export const AssignInput = z
  .object({
    toOrgId: z.uuid('接收单位 ID 格式不正确'),
    note: z.string().trim().max(2000, '交办说明不超过 2000 字').optional(),
    /** 报告期限 in 日 from today, or as a date; one of the two. */
    reportDays: z
      .number({ message: '报告期限应为天数' })
      .int('报告期限应为整数天')
      .min(1, '报告期限至少 1 日')
      .max(MAX_REPORT_DAYS, `报告期限不超过 ${MAX_REPORT_DAYS} 日`)
      .optional(),
    reportDueDate: z.iso.date('报告期限日期格式应为 YYYY-MM-DD').optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((v) => v.reportDays !== undefined || v.reportDueDate !== undefined, { message: '交办须指定报告期限（报告期限天数或日期）', path: ['reportDays'] });

/**
 * 交办 (《信访工作条例》第二十二条第一款第三项): the kernel hand-off of kind `assign`, plus the 报告期限
 * by which the receiver must report the result (办结报告) — one transaction. The report counts as
 * made when the receiver delivers its reply (送达). The 交办单 (documents/assign-notice.ts) is issued with it.
 */
export async function assignPetition(ctx: AppContext, actor: Actor, caseId: string, raw: unknown) {
  const input = parseInput(AssignInput, raw);
  return withTx(ctx, async (tx) => {
    const type = await tx.db.selectFrom('core.case').select('type').where('id', '=', caseId).executeTakeFirst();
    if (!type || type.type !== PETITION_TYPE) throw caseNotFound();
    const today = chinaDate(tx.clock.now());
    let days = input.reportDays ?? 0;
    let due = input.reportDueDate ?? addDaysIso(today, days);
    if (input.reportDueDate) {
      days = daysFrom(today, input.reportDueDate);
      if (days < 1) throw badRequest('VALIDATION_FAILED', '「报告期限」须晚于今天', { field: 'reportDueDate' });
      if (days > MAX_REPORT_DAYS) throw badRequest('VALIDATION_FAILED', `「报告期限」不超过 ${MAX_REPORT_DAYS} 日`, { field: 'reportDueDate' });
      due = input.reportDueDate;
    }
    const next = await handOff(tx, actor, { caseId, kind: 'assign', toOrgId: input.toOrgId, note: input.note ?? null, expectedVersion: input.expectedVersion });
    const h = await tx.db
      .selectFrom('core.case_handoff')
      .select(['id'])
      .where('case_id', '=', caseId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    await sql`insert into petitions.assignment (handoff_id, case_id, to_org_id, report_due, report_days, created_at)
      values (${h.id}, ${caseId}, ${input.toOrgId}, ${due}, ${days}, ${tx.clock.now()})`.execute(tx.db);
    // 交办单 to the receiver, with its 报告期限, in the same transaction.
    await issueDocument(tx, { type: PETITION_DOCUMENTS.assign, caseId, actor });
    return { id: next.id, handoffId: h.id, reportDueDate: due, reportDays: days };
  });
}
