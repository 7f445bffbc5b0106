import { z } from 'zod';
import { CATEGORIES, CHANNELS, ORIGINAL_FORMS, SOURCE_BODIES, SUBJECTS } from '../contract.ts';

const opt = (max: number) => z.string().trim().max(max).optional();

export const PetitionerInput = z.object({
  name: z.string().trim().min(1, '请填写信访人姓名').max(50, '姓名不超过 50 字'),
  idNumber: opt(40),
  phone: z
    .string()
    .trim()
    .regex(/^[\d-]{7,20}$/, '联系电话格式不正确')
    .optional(),
  address: opt(200),
  role: z.enum(['信访人', '代表']).default('信访人'),
});

/** Fields shared by staff intake and the portal. */
export const PetitionBase = z.object({
  title: z.string().trim().min(1, '请填写信访事项标题').max(200, '标题不超过 200 字'),
  category: z.enum(CATEGORIES, { message: '信访类别须为建议意见、检举控告、申诉求决或其他' }),
  subject: z.enum(SUBJECTS, { message: '请选择涉及业务' }),
  concernedAreaCode: z.string().regex(/^\d{6}(\d{3})?$/, '问题发生地区划代码格式不正确'),
  content: z.string().trim().min(10, '信访内容不少于 10 字').max(20000, '信访内容不超过 20000 字'),
  anonymous: z.boolean().default(false),
  petitioners: z.array(PetitionerInput).max(50).default([]),
  /** 被投诉机关 (the body complained about; 第四十一条 年度报告: 被投诉较多的机关、单位). */
  complainedOrg: opt(100),
  /** 被检举对象 of a 检举控告 item: never sent the item (第三十条第三款). */
  accusedName: opt(100),
  accusedOrgId: z.uuid('被检举单位 ID 格式不正确').optional(),
});

export const RegisterPetitionInput = PetitionBase.extend({
  channel: z.enum(CHANNELS, { message: '请选择信访渠道' }),
  sourceBody: z.enum(SOURCE_BODIES, { message: `转来机关须为${SOURCE_BODIES.join('、')}之一` }).optional(),
  sourceRef: opt(100),
  /** The form the petitioner used, for 上级转来 items (a forwarded letter is still a letter). */
  originalForm: z.enum(ORIGINAL_FORMS, { message: `原信访形式须为${ORIGINAL_FORMS.join('、')}之一` }).optional(),
  visitBatch: z.number().int().min(1).max(1000).optional(),
  visitPersons: z.number().int().min(1).max(10000).optional(),
  /** More than 5 is registered with a warning (第二十条第三款 binds the visitors, not the register). */
  representatives: z.number().int().min(0).max(10000).optional(),
  /** The day the letter or visit was received (收到之日); clocks count from it. Default today. */
  receivedOn: z.iso.date('收到日期格式应为 YYYY-MM-DD').optional(),
  /** 重大、紧急 (第二十五条): reported at once to the level above. */
  urgent: z.boolean().default(false),
  urgentNote: opt(2000),
  /** Registering org; defaults to the actor's own unit. */
  orgUnitId: z.uuid('登记单位 ID 格式不正确').optional(),
})
  .refine((v) => v.channel !== '上级转来' || !!v.sourceBody, { message: '上级转来的信访事项须写明转来机关', path: ['sourceBody'] })
  .refine((v) => v.channel !== '上级转来' || !!v.originalForm, {
    message: '上级转来的信访事项须写明原信访形式（来信、来访、网上信访、电话或传真）',
    path: ['originalForm'],
  })
  .refine((v) => v.channel === '上级转来' || !v.originalForm || v.originalForm === v.channel, {
    message: '原信访形式只对上级转来的信访事项填写',
    path: ['originalForm'],
  })
  .refine((v) => !v.urgent || !!v.urgentNote, { message: '重大、紧急信访事项须写明情况', path: ['urgentNote'] })
  .refine((v) => v.category === '检举控告' || (!v.accusedName && !v.accusedOrgId), { message: '被检举对象只对检举控告类信访事项填写', path: ['accusedName'] });
export type RegisterPetitionInput = z.infer<typeof RegisterPetitionInput>;
export type PetitionerInput = z.infer<typeof PetitionerInput>;
