import { sql } from 'kysely';
import { z } from 'zod';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { basisOfDay } from '../law.ts';
import { regimeOn } from '../delegation/regime.ts';
import { loadApplication } from '../load-application.ts';
import { verifyPortalMembers } from './verify-members.ts';

// 受理 takes no choice of period: the special 45 working days are approved later, when the circumstance arises (extend_special).
const acceptInput = z.object({});

/** 受理: the regime of the day (who approves) is stored with the case and the total clock starts. */
export const accept = transition({
  label: '受理',
  primary: true,
  from: ['applied', 'supplementing'],
  to: 'checking',
  who: { permission: 'dibao.handle' },
  input: acceptInput,
  effect: async ({ tx, case: c, actor }) => {
    const a = await loadApplication(tx, c.id);
    await verifyPortalMembers(tx, actor, c.id, a.household_id);
    const day = chinaDate(tx.clock.now());
    const regime = await regimeOn(tx.db, a.county_code, day);
    await sql`update dibao.application set authority = ${regime.authority}, delegation_id = ${regime.delegationId}, accepted_on = ${day}::date,
      special = false, special_reason = null where case_id = ${c.id}`.execute(tx.db);
  },
  // The period comes from settings (30 working days), read as the clock starts; extend_special replaces it with 45 from 受理.
  clocks: {
    start: [
      {
        name: 'total',
        label: async (r, c, tx) => `审核确认总时限（${r.n} 个工作日${(await loadApplication(tx, c.id)).special ? '，特殊情况' : ''}）`,
        rule: async (tx, c) => {
          const s = await readDibaoSettings(tx.db);
          return { unit: 'workdays', n: (await loadApplication(tx, c.id)).special ? s.specialWorkdays : s.totalWorkdays };
        },
        legalBasis: basisOfDay(
          '自受理之日起 30 个工作日内完成审核确认，特殊情况可延长至 45 个工作日',
          '乡镇审核、县级审批分段办理（分段时限未核实，本平台按自受理之日起 30 个工作日计）',
        ),
      },
    ],
  },
});
