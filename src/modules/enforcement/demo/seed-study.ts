import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { chinaDate, chinaMidnight } from '../../../platform/china-time.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { createPlan, recordSession } from '../study/sessions.ts';
import { addQuestion } from '../study/questions.ts';
import { createExam } from '../study/exams.ts';
import { submitExam } from '../study/submit-exam.ts';
import { DEMO_QUESTIONS, DEMO_SESSIONS } from './demo-study.ts';

const wrong = (key: string[]) => (key.length > 1 ? key.slice(0, -1) : [key[0] === 'A' ? 'B' : 'A']);

/**
 * 学法用法 demo (after the officers): the question bank, 2019 plans and 集体学法 sessions, the 2019
 * 行政执法资格考试 sat by the 17 applicants (15 pass) and the year's study exam, plus an open 自测
 * paper for this year, all through the real commands on the days they happened. Idempotent.
 */
export async function seedStudyDemo(ctx: AppContext) {
  if ((await sql`select 1 from enforcement.question where is_demo limit 1`.execute(ctx.db)).rows.length) return { skipped: true, sessions: 0, attempts: 0 };
  let t = ctx.clock.now().getTime();
  const thisYear = Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const clock: Clock = { now: () => new Date(t) };
  const on = (day: string) => (t = chinaMidnight(day).getTime() + 10 * 3_600_000);
  return withTx({ ...ctx, clock }, async (tx) => {
    const orgs = new Map((await tx.db.selectFrom('core.org_unit').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
    const fgc = orgs.get('640000-mzt-fgc');
    const actor: Actor = { ...SYSTEM_ACTOR, orgUnitId: fgc ?? SYSTEM_ACTOR.orgUnitId };
    on('2019-02-20');
    const qids: string[] = [];
    for (const q of DEMO_QUESTIONS) qids.push((await addQuestion(tx, actor, q, { demo: true })).id);
    const officers = (
      await sql<{ id: string; org_unit_id: string; exam_applicant: boolean }>`select id, org_unit_id, exam_applicant from enforcement.officer
      where is_demo and status = 'valid' order by cert_no`.execute(tx.db)
    ).rows;
    let sessions = 0;
    for (const [code, list] of DEMO_SESSIONS) {
      const unit = orgs.get(code);
      const staff = officers.filter((o) => o.org_unit_id === unit).map((o) => o.id);
      if (!unit || !staff.length) continue;
      await createPlan(
        tx,
        actor,
        {
          orgUnitId: unit,
          year: 2019,
          title: '2019年度学法计划',
          targetHours: 40,
          content: '每季度至少一次集体学法；年内完成《行政处罚法》《社会救助暂行办法》专题学习；参加全员学法考试。',
        },
        { demo: true },
      );
      for (const [i, [day, topic, lawTitle, lawRef, presenter, hours]] of list.entries()) {
        on(day);
        const attendees = staff.filter((_, k) => (k + i) % 5 !== 4); // one in five away each time
        await recordSession(
          tx,
          actor,
          { orgUnitId: unit, heldOn: day, topic, lawTitle, lawRef, presenter, hours, attendeeIds: attendees.length ? attendees : staff },
          { demo: true },
        );
        sessions++;
      }
    }
    const paper = async (title: string, year: number, qualification: boolean, passMark: number, idx: number[], closesOn?: string) =>
      (await createExam(tx, actor, { title, year, qualification, passMark, questionIds: idx.map((i) => qids[i]!), closesOn }, { demo: true })).id;
    on('2019-10-30');
    const qualIdx = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 19];
    const qual = await paper('2019年宁夏民政系统行政执法资格考试', 2019, true, 80, qualIdx, '2019-11-30');
    const yearIdx = DEMO_QUESTIONS.map((_, i) => i).slice(0, 20);
    const annual = await paper('2019年度民政系统全员学法考试', 2019, false, 60, yearIdx, '2019-12-31');
    on('2026-01-05');
    await paper('学法自测：社会救助与社会团体登记', thisYear, false, 60, [14, 15, 16, 17, 18, 20]);
    const sit = async (exam: string, idx: number[], officerId: string, misses: number) => {
      const answers = Object.fromEntries(idx.map((i, k) => [qids[i]!, k < misses ? wrong(DEMO_QUESTIONS[i]!.answer) : DEMO_QUESTIONS[i]!.answer]));
      await submitExam(tx, actor, exam, { answers }, { officerId });
    };
    let attempts = 0;
    on('2019-11-16');
    for (const [k, o] of officers.filter((o) => o.exam_applicant).entries()) {
      await sit(qual, qualIdx, o.id, k === 4 || k === 11 ? 5 : k % 4);
      attempts++;
    }
    on('2019-12-12');
    for (const [k, o] of officers.filter((_, k) => k % 2 === 0).entries()) {
      await sit(annual, yearIdx, o.id, k % 9);
      attempts++;
    }
    return { skipped: false, sessions, attempts };
  });
}
