import { sql } from 'kysely';
import { z } from 'zod';
import { transition } from '../../../kernel/workflow/index.ts';

const title = (t: string) => ({ title: t });

const appraiseInput = z.object({
  date: z.iso.date('评议日期格式应为 YYYY-MM-DD').meta(title('评议日期')),
  participants: z.number().int().min(3, '参加评议人数不少于 3 人').max(500).meta(title('参加人数')),
  result: z.enum(['同意', '不同意', '意见不一'], { message: '请选择评议结果' }).meta(title('评议结果')),
  note: z.string().trim().max(2000).optional().meta(title('评议记录')),
});

/** 民主评议 (optional): the meeting's date, size and result, kept as entered. */
export const appraise = transition({
  label: '民主评议',
  from: ['investigated'],
  to: 'appraised',
  who: { permission: 'dibao.handle' },
  input: appraiseInput,
  effect: async ({ tx, case: c, input }) => {
    await sql`update dibao.application set appraisal = ${JSON.stringify(input)}::jsonb where case_id = ${c.id}`.execute(tx.db);
  },
});
