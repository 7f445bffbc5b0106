import { stopCaseClock, transition } from '../../../kernel/workflow/index.ts';
import { stopSpecialClock } from '../commands/special-period.ts';
import { closeHousehold } from '../commands/close-household.ts';
import { loadApplication } from '../load-application.ts';

/** The applicant withdraws before a decision: every running clock stops and the household is closed. */
export const withdraw = transition({
  label: '申请人撤回申请',
  from: ['applied', 'supplementing', 'checking', 'investigating', 'investigated', 'appraised', 'reviewed', 'publicizing', 'reinvestigating'],
  to: 'withdrawn',
  who: { permission: 'dibao.handle' },
  reasonRequired: true,
  clocks: { stop: ['total', 'objection_review'] },
  effect: async ({ tx, case: c, actor }) => {
    const a = await loadApplication(tx, c.id);
    await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
    await stopSpecialClock(tx, c);
    await closeHousehold(tx, actor, { caseId: c.id, householdId: a.household_id }, 'withdrawn', '撤回申请', '申请人撤回低保申请');
  },
});
