import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { startCaseClock, type CaseRow } from '../../../kernel/workflow/index.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { basisOfDay } from '../law.ts';
import { announcePosting } from './posted.ts';

/**
 * Post a new round of 公示 (张榜公示, or again after an objection found 不属实). The period is counted
 * from the day after posting (民法典 第二百零一条), and its last day is the clock's due date, so the
 * case page, the portal and 公示期满 all name the same day.
 */
export async function startPublicity(tx: AppContext, c: CaseRow) {
  const today = chinaDate(tx.clock.now());
  const a = (await sql<{ publicity_round: number }>`select publicity_round from dibao.application where case_id = ${c.id}`.execute(tx.db)).rows[0]!;
  const s = await readDibaoSettings(tx.db);
  const from = addDaysIso(today, 1);
  const round = a.publicity_round + 1;
  const clock = await startCaseClock(tx, c, {
    name: `publicity-${round}`,
    label: `第 ${round} 次公示（${s.publicityDays} 日，张榜次日起算）`,
    rule: { unit: 'days', n: s.publicityDays },
    // A period that must elapse: 公示期满 is never 「超期」.
    kind: 'period',
    legalBasis: basisOfDay('在申请家庭所在村（社区）公示 7 天', '乡镇审核意见在申请家庭所在村（社区）公示（第一榜）'),
  });
  const to = clock?.due_date ?? addDaysIso(today, s.publicityDays);
  await sql`update dibao.application set publicity_round = ${round}, publicity_from = ${from}::date, publicity_to = ${to}::date where case_id = ${c.id}`.execute(
    tx.db,
  );
  await announcePosting(tx, c, '公示', [c.id, '公示', round].join(':'), today);
}
