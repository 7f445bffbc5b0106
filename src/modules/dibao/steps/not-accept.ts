import { sql } from 'kysely';
import { z } from 'zod';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { closeHousehold } from '../commands/close-household.ts';
import { DIBAO_DOCUMENTS } from '../documents/index.ts';

/** Why an application is not accepted (不予受理); the code is stored with the written reasons. */
export const NOT_ACCEPTED_CODES = [
  '非户籍所在地乡镇（街道）受理范围',
  '申请材料不齐全且未按告知补齐',
  '已享受低保或重复申请',
  '不属于共同生活家庭成员申请',
  '其他',
] as const;

const notAcceptInput = z.object({
  code: z.enum(NOT_ACCEPTED_CODES, { message: '请选择不予受理的理由类别' }).meta({ title: '不予受理理由类别' }),
  reason: z.string().trim().min(5, '请写明不予受理的具体理由（不少于 5 字）').max(2000, '理由不超过 2000 字').meta({ title: '不予受理理由' }),
});

/**
 * 不予受理: the township decides, before 受理, not to accept an application (from 已申请 or 待补齐材料),
 * with a reason code and its text; the 不予受理告知书 is issued at once and the case ends. It is not
 * 不予确认 (a decision on the merits after 审核); no time limit of the application flow has started.
 */
export const notAccept = transition({
  label: '不予受理（书面告知理由）',
  from: ['applied', 'supplementing'],
  to: 'not_accepted',
  who: { permission: 'dibao.handle' },
  input: notAcceptInput,
  effect: async ({ tx, case: c, input, actor }) => {
    const day = chinaDate(tx.clock.now());
    const a = (await sql<{ household_id: string }>`select household_id from dibao.application where case_id = ${c.id}`.execute(tx.db)).rows[0]!;
    await sql`update dibao.application set not_accepted_on = ${day}::date, not_accepted_code = ${input.code}, not_accepted_reason = ${input.reason}
      where case_id = ${c.id}`.execute(tx.db);
    await closeHousehold(tx, actor, { caseId: c.id, householdId: a.household_id }, 'refused', '不予受理', `不予受理（${input.code}）：${input.reason}`);
    await issueDocument(tx, { type: DIBAO_DOCUMENTS.notAccepted, caseId: c.id, actor });
  },
});
