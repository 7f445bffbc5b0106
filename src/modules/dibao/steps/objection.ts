import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { stopCaseClock, transition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { basisOfDay } from '../law.ts';
import { loadApplication } from '../load-application.ts';
import { startPublicity } from './publicity.ts';
import { staffNames } from './staff-names.ts';

const title = (t: string) => ({ title: t });

/** The 复查 clock the objection starts: N working days (setting objectionReviewWorkdays; the period is not verified, regulations.md §2.2). */
export const objectionReviewClock = {
  name: 'objection_review',
  label: (r: { n?: number }) => `公示异议复查期限（${r.n} 个工作日）`,
  rule: async (tx: AppContext) => ({ unit: 'workdays' as const, n: (await readDibaoSettings(tx.db)).objectionReviewWorkdays }),
  legalBasis: basisOfDay('公示有异议的，乡镇（街道）应重新调查核实（复查期限为本地设置）'),
};

const objectInput = z.object({
  content: z.string().trim().min(5, '请填写异议内容（不少于 5 字）').max(2000).meta(title('异议内容')),
  objector: z.string().trim().max(50).optional().meta(title('异议人（可匿名）')),
});

/** An objection during 公示: recorded with its round; the round's clock stops and the 复查 clock starts. */
export const registerObjection = transition({
  label: '登记公示异议（启动复查）',
  from: ['publicizing'],
  to: 'reinvestigating',
  who: { permission: 'dibao.handle' },
  input: objectInput,
  clocks: { start: [objectionReviewClock] },
  effect: async ({ tx, case: c, input: i }) => {
    const a = await loadApplication(tx, c.id);
    const obj = { id: uuidv7(), on: chinaDate(tx.clock.now()), content: i.content, objector: i.objector || '匿名', round: a.publicity_round };
    await sql`update dibao.application set objections = objections || ${JSON.stringify([obj])}::jsonb where case_id = ${c.id}`.execute(tx.db);
    await stopCaseClock(tx, c, `publicity-${a.publicity_round}`);
  },
});

const reviewInput = z.object({
  staff: z.string().trim().min(1, '请填写复查人员').max(200).meta({ title: '复查人员', description: '至少 2 名工作人员，姓名用顿号或逗号分隔' }),
  date: z.iso.date('复查日期格式应为 YYYY-MM-DD').meta(title('复查日期')),
  findings: z.string().trim().min(5, '请填写复查情况（不少于 5 字）').max(5000).meta(title('复查情况')),
});
type ReviewInput = z.output<typeof reviewInput>;

/** Record the 复查 result on the open objection(s) of the current 公示 round; ≥ investigationMinStaff staff, not in the future. */
async function recordResult(tx: AppContext, c: CaseRow, i: ReviewInput, result: '属实' | '不属实') {
  const s = await readDibaoSettings(tx.db);
  const staff = staffNames(i.staff);
  if (staff.length < s.investigationMinStaff) {
    throw badRequest('DIBAO_INVESTIGATION_STAFF', `「复查人员」异议复查须由不少于 ${s.investigationMinStaff} 名工作人员进行，目前填写 ${staff.length} 人`, {
      field: 'staff',
    });
  }
  const today = chinaDate(tx.clock.now());
  if (i.date > today) throw badRequest('VALIDATION_FAILED', '「复查日期」不能晚于今天', { field: 'date' });
  const row = (await sql<{ objections: unknown }>`select objections from dibao.application where case_id = ${c.id}`.execute(tx.db)).rows[0]!;
  const list = (typeof row.objections === 'string' ? JSON.parse(row.objections) : row.objections) as Array<Record<string, unknown>>;
  const review = { result, staff, date: i.date, findings: i.findings, on: today };
  const next = list.map((o) => (o.review ? o : { ...o, review }));
  await sql`update dibao.application set objections = ${JSON.stringify(next)}::jsonb where case_id = ${c.id}`.execute(tx.db);
  return today;
}

/** 异议不属实: the objection is unfounded; a new 公示 round starts at once. */
export const objectionUnfounded = transition({
  label: '异议复查：不属实（重新公示）',
  from: ['reinvestigating'],
  to: 'publicizing',
  who: { permission: 'dibao.handle' },
  input: reviewInput,
  clocks: { stop: ['objection_review'] },
  effect: async ({ tx, case: c, input }) => {
    await recordResult(tx, c, input, '不属实');
    await startPublicity(tx, c);
  },
});

/** 异议属实: the household does not qualify as reviewed; the township opinion becomes 拟不同意 and the case goes to the deciding level for 不予确认. */
export const objectionFounded = transition({
  label: '异议复查：属实（拟不同意，报送决定）',
  from: ['reinvestigating'],
  to: 'awaiting_confirm',
  who: { permission: 'dibao.handle' },
  input: reviewInput,
  clocks: { stop: ['objection_review'] },
  effect: async ({ tx, case: c, input }) => {
    const on = await recordResult(tx, c, input, '属实');
    const opinion = { opinion: '拟不同意', text: `公示异议经复查属实：${input.findings}`, on };
    await sql`update dibao.application set township_opinion = ${JSON.stringify(opinion)}::jsonb where case_id = ${c.id}`.execute(tx.db);
  },
});
