import { sql } from 'kysely';
import { z } from 'zod';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { stopSpecialClock } from '../commands/special-period.ts';
import { closeHousehold } from '../commands/close-household.ts';
import { readDibaoSettings } from '../settings.ts';
import { basisOfDay } from '../law.ts';
import { DIBAO_DOCUMENTS } from '../documents/index.ts';
import { placeOf, remedyText } from '../documents/remedy.ts';
import { loadApplication } from '../load-application.ts';
import { mustBeApprovingLevel } from './approving-level.ts';

const refuseInput = z.object({ reasons: z.string().trim().min(5, '请写明不予确认的理由（不少于 5 字）').max(2000).meta({ title: '不予确认理由' }) });
const noticeInput = z.object({
  method: z.enum(['当面送达', '邮寄送达', '委托村（居）委会送达'], { message: '请选择送达方式' }).meta({ title: '送达方式' }),
  date: z.iso.date('送达日期格式应为 YYYY-MM-DD').meta({ title: '送达日期' }),
});

/** 不予确认 by the approving level, with reasons and the remedy; the written notice is due within refusalNoticeWorkdays. */
export const refuse = transition({
  label: '不予确认',
  from: ['awaiting_confirm'],
  to: 'refusing',
  who: { permission: 'dibao.confirm' },
  input: refuseInput,
  clocks: {
    stop: ['total'],
    start: [
      {
        name: 'notice',
        label: (r) => `书面告知期限（${r.n} 个工作日）`,
        rule: async (tx) => ({ unit: 'workdays', n: (await readDibaoSettings(tx.db)).refusalNoticeWorkdays }),
        legalBasis: basisOfDay('不予确认的，应当在作出决定 3 个工作日内书面告知申请人并说明理由', '不予批准的，应当书面告知申请人并说明理由'),
      },
    ],
  },
  effect: async ({ tx, case: c, input: i, actor }) => {
    const a = await loadApplication(tx, c.id);
    mustBeApprovingLevel(c, a, '作出决定');
    await stopSpecialClock(tx, c);
    const day = chinaDate(tx.clock.now());
    const org = (await sql<{ name: string }>`select name from core.org_unit where id = ${c.org_unit_id}`.execute(tx.db)).rows[0]?.name ?? '';
    const notice =
      `不予确认通知书：您于 ${a.accepted_on ?? day} 受理的最低生活保障申请（编号 ${c.ref_no}），经审核，${org}于 ${day} 决定不予确认。理由：${i.reasons}。` +
      remedyText(day, a.authority, await placeOf(tx, a.county_code));
    await sql`update dibao.application set decided_on = ${day}::date, decision = '不予确认', refusal_reasons = ${i.reasons}, notice = ${notice} where case_id = ${c.id}`.execute(
      tx.db,
    );
    await closeHousehold(tx, actor, { caseId: c.id, householdId: a.household_id }, 'refused', '不予确认', `不予确认：${i.reasons}`);
  },
});

/** The 不予确认通知书 served: the notice clock stops and the document is issued. */
export const sendNotice = transition({
  label: '送达不予确认通知书',
  primary: true,
  from: ['refusing'],
  to: 'refused',
  who: { permission: 'dibao.handle' },
  input: noticeInput,
  clocks: { stop: ['notice'] },
  effect: async ({ tx, case: c, input, actor }) => {
    await sql`update dibao.application set notice_sent_on = ${input.date}::date where case_id = ${c.id}`.execute(tx.db);
    await issueDocument(tx, { type: DIBAO_DOCUMENTS.refusal, caseId: c.id, actor });
  },
});
