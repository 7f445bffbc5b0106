import { z } from 'zod';
import { REFERENCE_LAWS } from '../../../kernel/laws/index.ts';

/** 学法用法: inputs and labels shared by the server and the console. */
export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };
export const JUDGE_OPTIONS = ['正确', '错误'];
/** Option letters: the answer key and the submitted answers name options by letter. */
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/** The legal texts a session may link to: the kernel's reference library (src/kernel/laws). */
export { REFERENCE_LAWS };

const text = (label: string, max: number) => z.string(`「${label}」必填`).trim().min(1, `「${label}」不能为空`).max(max, `「${label}」不能超过 ${max} 字`);
const id = (label: string) => z.uuid(`「${label}」格式不正确`);
const year = z.number('「年度」应为数字').int('「年度」应为整数').min(2000, '「年度」应在 2000–2100 之间').max(2100, '「年度」应在 2000–2100 之间');

export const PlanInput = z.object({
  orgUnitId: id('单位').optional(),
  year,
  title: text('计划名称', 100),
  targetHours: z.number('「计划学时」应为数字').int('「计划学时」应为整数').min(1, '「计划学时」至少 1 学时').max(500, '「计划学时」不能超过 500'),
  content: text('学习内容', 2000),
});

export const SessionInput = z.object({
  orgUnitId: id('单位').optional(),
  heldOn: z.iso.date('「学习日期」应为 YYYY-MM-DD 格式的日期'),
  topic: text('学习主题', 200),
  lawTitle: text('所学法律法规', 100),
  lawRef: z.enum(REFERENCE_LAWS, '「法规库条目」不在法规库中').optional(),
  presenter: text('主讲人', 40),
  hours: z.number('「学时」应为数字').positive('「学时」应大于 0').max(8, '「学时」一次不超过 8 学时'),
  attendeeIds: z.array(id('参学人员'), '「参学人员」应为列表').min(1, '「参学人员」至少 1 人').max(200, '「参学人员」不超过 200 人'),
  materials: text('学习材料', 2000).optional(),
});

export const QuestionInput = z.object({
  kind: z.enum(QUESTION_KINDS, '「题型」应为 single（单选）、multiple（多选）或 judge（判断）'),
  stem: text('题干', 500),
  options: z.array(text('选项', 200), '「选项」应为列表').max(LETTERS.length, `「选项」不超过 ${LETTERS.length} 个`).optional(),
  answer: z.array(z.enum(LETTERS, '「答案」应为选项字母 A–F'), '「答案」应为列表').min(1, '「答案」必填'),
  basis: text('法律依据（条款）', 200).regex(/《.+》.*第.+条/, '「法律依据」应写明法律名称和条款，如《中华人民共和国行政处罚法》第二十九条'),
});

/** Edits: any of the fields (a plan's unit is fixed; the question's shape is checked on the merged result). */
export const PlanEditInput = PlanInput.omit({ orgUnitId: true }).partial();
export const QuestionEditInput = QuestionInput.partial();

export const ExamInput = z.object({
  title: text('试卷名称', 100),
  year,
  qualification: z.boolean().default(false),
  passMark: z.number('「及格分」应为数字').int('「及格分」应为整数').min(1, '「及格分」应在 1–100 之间').max(100, '「及格分」应在 1–100 之间'),
  questionIds: z.array(id('试题'), '「试题」应为列表').min(1, '「试题」至少 1 道').max(100, '「试题」不超过 100 道'),
  closesOn: z.iso.date('「截止日期」应为 YYYY-MM-DD 格式的日期').optional(),
});

export const ExamEditInput = ExamInput.partial().extend({ qualification: z.boolean().optional(), closesOn: ExamInput.shape.closesOn.nullable() });

/** The answers: question id → the chosen option letters. */
export const SubmitInput = z.object({
  answers: z.record(
    z.string().max(40, '「试题」格式不正确'),
    z.array(z.enum(LETTERS, '「答案」应为选项字母 A–F'), '「答案」应为列表').max(LETTERS.length),
    '「答卷」应为对象',
  ),
});

export const StatsQuery = z.object({ year: z.coerce.number('「年度」应为数字').int('「年度」应为整数').min(2000).max(2100).optional() });
