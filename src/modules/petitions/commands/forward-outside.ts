import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';

export const FORWARD_METHODS = ['公文交换', '信访信息系统', '邮寄', '专人送达'] as const;

/**
 * 转送外部机关: the matter belongs to a body outside the platform (人社局、住建局、法院 …;《信访工作条例》
 * 第二十二条、第二十三条). The hand-over is recorded — the body, the day and how — and ends this
 * unit's 甄别受理期限: the matter is the receiving body's from then on.
 */
export const ForwardOutsideInput = z.object({
  body: z.string().trim().min(2, '请填写接收机关名称').max(100, '接收机关名称不超过 100 字').meta({ title: '接收机关（本平台以外）' }),
  sentOn: z.iso.date('转送日期格式应为 YYYY-MM-DD').meta({ title: '转送日期' }),
  method: z.enum(FORWARD_METHODS, { message: '请选择转送方式' }).meta({ title: '转送方式' }),
  note: z.string().trim().max(500, '说明不超过 500 字').optional().meta({ title: '转送说明（可选）' }),
});
export type ForwardOutsideInput = z.output<typeof ForwardOutsideInput>;

/** Records the hand-over (checked first), whose 转送告知书 the step then issues. */
export async function storeForward(tx: AppContext, c: CaseRow, input: ForwardOutsideInput): Promise<void> {
  checkForwardDay(tx, c, input);
  await sql`update petitions.petition set forwarded_to = ${input.body}, forwarded_on = ${input.sentOn}::date, forward_method = ${input.method}
    where case_id = ${c.id}`.execute(tx.db);
}

/** The day sent is neither in the future nor before the matter was registered. */
function checkForwardDay(tx: AppContext, c: CaseRow, input: ForwardOutsideInput): void {
  const today = chinaDate(tx.clock.now());
  if (input.sentOn > today) throw badRequest('VALIDATION_FAILED', `转送日期 ${input.sentOn} 晚于今天，不能记录尚未发生的转送`, { field: 'sentOn' });
  const registered = chinaDate(new Date(c.created_at));
  if (input.sentOn < registered) throw badRequest('VALIDATION_FAILED', `转送日期 ${input.sentOn} 早于登记日期 ${registered}`, { field: 'sentOn' });
}
