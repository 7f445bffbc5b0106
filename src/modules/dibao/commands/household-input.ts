import { z } from 'zod';
import { StaffRelativeInput } from '../contracts/steps.ts';
import { ASSET_KINDS, CHANNELS, DISABILITY, EXPENSE_KINDS, HEALTH, INCOME_KINDS, MATERIALS, RELATIONS, WORK_ABILITY } from '../contract.ts';

const cents = (label: string) =>
  z
    .number({ message: `${label}须为数字（分）` })
    .int(`${label}须为整数（分）`)
    .min(0, `${label}不能为负数`)
    .max(1_000_000_000, `${label}过大`);

export const MemberInput = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名不超过 50 字'),
  idNumber: z.string().trim().min(1, '请填写身份证号').max(20, '身份证号不超过 18 位'),
  relation: z.enum(RELATIONS, { message: '请选择与申请人关系' }),
  hukouAreaCode: z
    .string()
    .regex(/^\d{6}(\d{3})?(\d{3})?$/, '户籍地区划代码格式不正确')
    .optional(),
  disability: z.enum(DISABILITY, { message: '残疾等级须为无、一级至四级' }).default('无'),
  health: z.enum(HEALTH, { message: '健康状况须为健康、慢性病或重病' }).default('健康'),
  workAbility: z.enum(WORK_ABILITY, { message: '劳动能力须为有、部分丧失或无' }).default('有'),
  insured: z.boolean().default(true),
});
export const IncomeInput = z.object({
  memberIndex: z.number().int().min(0).optional(),
  kind: z.enum(INCOME_KINDS, { message: '请选择收入类别' }),
  monthlyCents: cents('月收入'),
  source: z.string().trim().max(100).optional(),
  note: z.string().trim().max(200).optional(),
});
export const AssetInput = z.object({
  kind: z.enum(ASSET_KINDS, { message: '请选择财产类别' }),
  description: z.string().trim().min(1, '请填写财产说明').max(200),
  valueCents: cents('财产价值').default(0),
  areaM2: z.number().min(0).max(100000).optional(),
});
export const ExpenseInput = z.object({
  kind: z.enum(EXPENSE_KINDS, { message: '请选择刚性支出类别' }),
  monthlyCents: cents('月支出'),
  note: z.string().trim().max(200).optional(),
});

export const HouseholdInput = z.object({
  areaCode: z.string().regex(/^\d{9}(\d{3})?$/, '请选择所在乡镇（街道）或村（社区）'),
  kind: z.enum(['urban', 'rural'], { message: '请选择城市或农村低保' }),
  address: z.string().trim().min(2, '请填写家庭住址').max(200, '住址不超过 200 字'),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{7,20}$/, '联系电话格式不正确')
    .optional(),
  members: z.array(MemberInput).min(1, '请至少填写一名家庭成员（申请人）').max(20, '家庭成员不超过 20 人'),
  incomes: z.array(IncomeInput).max(50).default([]),
  assets: z.array(AssetInput).max(50).default([]),
  expenses: z.array(ExpenseInput).max(20).default([]),
});

export const ApplicationInput = HouseholdInput.extend({
  channel: z.enum(CHANNELS, { message: '请选择申请方式' }).default('窗口'),
  /** Materials handed in (the rest is told once, 一次性告知). */
  materials: z.array(z.enum(MATERIALS)).max(MATERIALS.length).default([]),
  relativeOfStaff: z.boolean().default(false),
  /** 近亲属备案: whose near relative the applicant is (required when relativeOfStaff). */
  staffRelative: StaffRelativeInput.optional(),
  reason: z.string().trim().max(1000, '申请理由不超过 1000 字').optional(),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;
export type HouseholdInput = z.infer<typeof HouseholdInput>;
export type MemberInput = z.infer<typeof MemberInput>;

export const FinancesInput = z.object({
  incomes: z.array(IncomeInput).max(50),
  assets: z.array(AssetInput).max(50),
  expenses: z.array(ExpenseInput).max(20),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{7,20}$/, '联系电话格式不正确')
    .optional(),
  address: z.string().trim().min(2).max(200).optional(),
  reason: z.string().trim().min(2, '请说明变更原因').max(500),
});
export const AddMemberInput = MemberInput.extend({ reason: z.string().trim().min(2, '请说明变更原因').max(500) });
export const LeaveMemberInput = z.object({
  leftOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
  leftReason: z.enum(['死亡', '迁出', '分户', '其他'], { message: '请选择减员原因' }),
  reason: z.string().trim().max(500).optional(),
});

const LABELS: Record<string, string> = {
  areaCode: '所在地',
  kind: '类别',
  address: '家庭住址',
  phone: '联系电话',
  members: '家庭成员',
  incomes: '收入',
  assets: '财产',
  expenses: '刚性支出',
  name: '姓名',
  idNumber: '身份证号',
  relation: '与申请人关系',
  hukouAreaCode: '户籍地',
  disability: '残疾等级',
  health: '健康状况',
  workAbility: '劳动能力',
  monthlyCents: '月金额',
  valueCents: '价值',
  description: '说明',
  channel: '申请方式',
  materials: '已交材料',
  reason: '原因',
  staffRelative: '近亲属备案',
  staffName: '工作人员姓名',
  staffPost: '工作人员身份',
};
/** members.1.idNumber → 家庭成员第 2 人·身份证号 */
export function fieldLabel(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (/^\d+$/.test(p)) out[out.length - 1] += `第 ${Number(p) + 1} 项`;
    else out.push(LABELS[p] ?? p);
  }
  return out.join('·');
}
