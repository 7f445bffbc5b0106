import { sql } from 'kysely';
import { z } from 'zod';
import { badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { LEGAL } from '../contract.ts';
import { loadApplication } from '../load-application.ts';
import { staffNames } from './staff-names.ts';

const title = (t: string) => ({ title: t });

const investigateInput = z.object({
  staff: z.string().trim().min(1, '请填写入户调查人员').max(200).meta({ title: '调查人员', description: '至少 2 名工作人员，姓名用顿号或逗号分隔' }),
  date: z.iso.date('调查日期格式应为 YYYY-MM-DD').meta(title('调查日期')),
  findings: z.string().trim().min(5, '请填写调查情况（不少于 5 字）').max(5000).meta(title('调查情况')),
  incomeStable: z.enum(['稳定', '不固定'], { message: '请选择收入是否稳定' }).meta(title('家庭收入来源')),
});

/** 入户调查 by at least investigationMinStaff people, not in the future; each round is kept (an objection may send it back). */
export const investigate = transition({
  label: '入户调查',
  primary: true,
  from: ['investigating'],
  to: 'investigated',
  who: { permission: 'dibao.handle' },
  input: investigateInput,
  effect: async ({ tx, case: c, input: i }) => {
    const s = await readDibaoSettings(tx.db);
    const staff = staffNames(i.staff);
    if (staff.length < s.investigationMinStaff) {
      throw badRequest(
        'DIBAO_INVESTIGATION_STAFF',
        `「调查人员」入户调查须由不少于 ${s.investigationMinStaff} 名工作人员进行，目前填写 ${staff.length} 人（${LEGAL.measures}）`,
        { field: 'staff' },
      );
    }
    if (i.date > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', '「调查日期」不能晚于今天', { field: 'date' });
    const a = await loadApplication(tx, c.id);
    const prev = typeof a.investigation === 'string' ? JSON.parse(a.investigation) : a.investigation;
    const rounds = Array.isArray(prev?.rounds) ? prev.rounds : [];
    const round = { staff, date: i.date, findings: i.findings, incomeStable: i.incomeStable };
    await sql`update dibao.application set investigation = ${JSON.stringify({ ...round, rounds: [...rounds, round] })}::jsonb, income_unstable = ${i.incomeStable === '不固定'}
      where case_id = ${a.case_id}`.execute(tx.db);
  },
});
