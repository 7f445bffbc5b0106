import { sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { stopCaseClock, transition } from '../../../kernel/workflow/index.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { loadApplication } from '../load-application.ts';

/** 公示期满无异议: only after the round's last day; the ended round is recorded for 确认同意. */
export const endPublicity = transition({
  label: '公示期满无异议',
  primary: true,
  nextLabel: '公示期满后结束公示',
  from: ['publicizing'],
  to: 'awaiting_confirm',
  who: { permission: 'dibao.handle' },
  effect: async ({ tx, case: c }) => {
    const a = await loadApplication(tx, c.id);
    if (a.publicity_to && chinaDate(tx.clock.now()) <= a.publicity_to) {
      throw new AppError('DIBAO_PUBLICITY_RUNNING', 409, `公示期至 ${a.publicity_to} 止，期满后（${addDaysIso(a.publicity_to, 1)} 起）才能结束公示`);
    }
    await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
    // Which round ended: 确认同意 needs the current round's 公示 completed (confirmApplication).
    await sql`update dibao.application set publicity_ended_round = ${a.publicity_round} where case_id = ${c.id}`.execute(tx.db);
  },
});
