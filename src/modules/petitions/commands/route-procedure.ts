import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { ROUTING_TARGETS } from '../contract.ts';

export const RouteProcedureInput = z.object({
  target: z.enum(ROUTING_TARGETS, { message: `导入程序须为${ROUTING_TARGETS.join('、')}之一` }).meta({ title: '导入的法定程序' }),
  note: z.string().trim().min(1, '请写明导入情况（如已引导申请、已转交受理机关）').max(2000, '导入情况不超过 2000 字').meta({ title: '导入情况' }),
});

/**
 * 第三十一条第一项至第五项: a 申诉求决 matter that belongs in another procedure (行政复议, a 低保 application …)
 * is routed into it — the outcome (which procedure, what was done) is recorded on the petition, once.
 */
export async function storeRouting(tx: AppContext, c: CaseRow, input: z.output<typeof RouteProcedureInput>) {
  const p = (
    await sql<{ category: string; routed_to: string | null }>`select category, routed_to from petitions.petition where case_id = ${c.id}`.execute(tx.db)
  ).rows[0];
  if (!p) throw new AppError('CASE_NOT_FOUND', 404, '信访事项不存在');
  if (p.category !== '申诉求决')
    throw new AppError('PETITION_ROUTING_NOT_ALLOWED', 409, '导入相应程序只适用于申诉求决类信访事项（《信访工作条例》第三十一条）', { field: 'target' });
  if (p.routed_to) throw new AppError('PETITION_ROUTING_EXISTS', 409, `已导入「${p.routed_to}」程序，不能重复记录`);
  const at = tx.clock.now();
  await sql`update petitions.petition set routed_to = ${input.target}, routing_note = ${input.note}, routed_at = ${at} where case_id = ${c.id}`.execute(tx.db);
  return { target: input.target, note: input.note, routedAt: at.toISOString() };
}
