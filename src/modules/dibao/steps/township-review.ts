import { sql } from 'kysely';
import { z } from 'zod';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { assessHousehold } from '../commands/eligibility.ts';
import { loadApplication } from '../load-application.ts';

const reviewInput = z.object({
  opinion: z.enum(['拟同意', '拟不同意'], { message: '请选择审核意见' }).meta({ title: '乡镇审核意见' }),
  text: z.string().trim().min(2, '请填写审核意见说明').max(2000).meta({ title: '意见说明' }),
});

/** 乡镇审核意见, stored with the eligibility computed that day (shown beside it). */
export const townshipReview = transition({
  label: '乡镇审核意见',
  primary: true,
  from: ['investigated', 'appraised'],
  to: 'reviewed',
  who: { permission: 'dibao.handle' },
  input: reviewInput,
  effect: async ({ tx, case: c, input: i }) => {
    const a = await loadApplication(tx, c.id);
    const day = chinaDate(tx.clock.now());
    const assessment = await assessHousehold(tx, a.household_id, day);
    await sql`update dibao.application set township_opinion = ${JSON.stringify({ ...i, on: day })}::jsonb, eligibility = ${JSON.stringify(assessment)}::jsonb where case_id = ${c.id}`.execute(
      tx.db,
    );
  },
});
