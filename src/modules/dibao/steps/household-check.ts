import { sql } from 'kysely';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { checkAgency, checkRequestOf } from '../checks/check-agency.ts';
import { loadApplication } from '../load-application.ts';

/** 家庭经济状况核对: the check agency answers per source; its results are kept with the application. */
export const householdCheck = transition({
  label: '家庭经济状况核对',
  primary: true,
  from: ['checking'],
  to: 'investigating',
  who: { permission: 'dibao.handle' },
  effect: async ({ tx, case: c }) => {
    const a = await loadApplication(tx, c.id);
    const agency = checkAgency();
    const results = await agency.check(await checkRequestOf(tx, a.household_id));
    await sql`update dibao.application set checks = ${JSON.stringify({ agency: agency.name, results })}::jsonb, checked_on = ${chinaDate(tx.clock.now())}::date where case_id = ${c.id}`.execute(
      tx.db,
    );
  },
});
