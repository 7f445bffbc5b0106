import { z } from 'zod';
import { CATEGORIES, CHANNELS, SOURCE_BODIES, SUBJECTS } from '../contract.ts';

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
});

export const RegisterPetitionInput = PetitionBase.extend({
  channel: z.enum(CHANNELS, { message: '请选择信访渠道' }),
  sourceBody: z.enum(SOURCE_BODIES).optional(),
  sourceRef: opt(100),
  visitBatch: z.number().int().min(1).max(1000).optional(),
  visitPersons: z.number().int().min(1).max(10000).optional(),
  representatives: z.number().int().min(0).max(5, '集体访推选代表不超过 5 人(《信访工作条例》第二十条)').optional(),
  /** Registering org; defaults to the actor's own unit. */
  orgUnitId: z.uuid('登记单位 ID 格式不正确').optional(),
  /** 重信重访 similarity threshold for this check; defaults to the setting repeat.similarityThreshold. */
  similarityThreshold: z.number().min(0.1).max(1).optional(),
});
export type RegisterPetitionInput = z.infer<typeof RegisterPetitionInput>;
export type PetitionerInput = z.infer<typeof PetitionerInput>;
