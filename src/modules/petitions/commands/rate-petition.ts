import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { runAction, type CaseRow } from '../../../kernel/workflow/index.ts';
import { PETITION_ERRORS, SATISFACTION } from '../contract.ts';
import { findByRefAndCode, portalActor } from './portal-access.ts';

export const OnlineSatisfactionInput = z.object({
  satisfaction: z.enum(SATISFACTION, { message: '评价须为满意、基本满意或不满意' }),
  comment: z.string().max(500, '评价说明不超过 500 字').optional(),
});

/** Effect of the `rate` action (the petitioner on the portal): once, after delivery. */
export async function storeOnlineRating(tx: AppContext, c: CaseRow, input: z.output<typeof OnlineSatisfactionInput>) {
  const p = (await sql<{ delivered_at: Date | null }>`select delivered_at from petitions.petition where case_id = ${c.id}`.execute(tx.db)).rows[0];
  if (!p?.delivered_at) throw new AppError('PETITION_NOT_DELIVERED', 409, PETITION_ERRORS.NOT_DELIVERED);
  const updated = await sql`update petitions.petition set satisfaction = ${input.satisfaction}, rated_at = ${tx.clock.now()}
    where case_id = ${c.id} and satisfaction is null`.execute(tx.db);
  if (!Number(updated.numAffectedRows ?? 0)) throw new AppError('PETITION_ALREADY_RATED', 409, PETITION_ERRORS.ALREADY_RATED);
  return {
    satisfaction: input.satisfaction,
    hint: input.satisfaction === '不满意' ? '对处理意见不服的，可以自收到书面答复之日起 30 日内请求原办理机关的上一级机关复查。' : null,
  };
}

/** 满意度评价 on the delivered reply, once. 不满意 points the citizen to 复查. */
export async function ratePetition(ctx: AppContext, req: { refNo: string; queryCode: string; satisfaction: (typeof SATISFACTION)[number]; comment?: string }) {
  return withTx(ctx, async (tx) => {
    const c = await findByRefAndCode(tx, req.refNo, req.queryCode);
    const done = await runAction<Awaited<ReturnType<typeof storeOnlineRating>>>(tx, portalActor(c), {
      caseId: c.id,
      name: 'rate',
      input: { satisfaction: req.satisfaction, comment: req.comment },
    });
    return done.result;
  });
}
