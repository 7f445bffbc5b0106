import { z } from 'zod';
import { ITEM_KINDS, LEVEL_DIGITS, baseCodeProblem } from './codes.ts';
import { TypeCode } from './implementation.ts';

const date = (label: string) => z.iso.date(`${label}应为日期（YYYY-MM-DD）`);

/** One row of the basic catalogue (基本目录). */
export const ItemInput = z.object({
  baseCode: z
    .string({ error: '基本编码必须填写' })
    .trim()
    .toUpperCase()
    .superRefine((v, c) => {
      const p = baseCodeProblem(v);
      if (p) c.addIssue({ code: 'custom', message: p });
    }),
  parentCode: z.string().trim().toUpperCase().nullable().default(null),
  kind: z.enum(ITEM_KINDS, { error: '事项层次应为主项、子项或业务办理项' }).default('主项'),
  name: z.string({ error: '事项名称必须填写' }).trim().min(2, '事项名称至少2个字').max(200, '事项名称不能超过200个字'),
  typeCode: TypeCode,
  legalBasis: z.string({ error: '法律依据必须填写' }).trim().min(4, '法律依据必须写明法律法规及条款').max(2000, '法律依据不能超过2000个字'),
  levels: z
    .array(z.enum(LEVEL_DIGITS, { error: '行使层级应为1–6' }), { error: '行使层级必须填写' })
    .min(1, '至少填写一个行使层级')
    .max(6),
});
export type ItemInput = z.infer<typeof ItemInput>;

export const CreateVersionInput = z.object({
  title: z.string({ error: '版本名称必须填写' }).trim().min(2, '版本名称至少2个字').max(100, '版本名称不能超过100个字'),
  effectiveOn: date('生效日期'),
  note: z.string().trim().max(2000).nullable().default(null),
  /** Start from this (published) version's items; `items` then add or replace by base code. */
  copyFrom: z.uuid('来源版本 ID 格式不正确').nullable().default(null),
  items: z.array(ItemInput).max(5000, '一个版本最多5000个事项').default([]),
});

export const ReviewInput = z.object({
  approve: z.boolean({ error: '请选择通过或退回' }),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const CATALOGUE_ERRORS = {
  VERSION_NOT_FOUND: '基本目录版本不存在（catalogue version not found）',
  NOT_DRAFT: '该版本已提交或已发布，不能再修改（only a draft version can be changed）',
  NOT_PENDING: '该版本不在待审核状态（the version is not awaiting review）',
  SELF_REVIEW: '编制人不能审核自己编制的版本：须由另一人审核发布（the drafter cannot approve their own version）',
  REGION_ONLY: '基本目录由自治区民政厅编制和发布（only the region keeps the basic catalogue）',
  EMPTY: '版本中没有事项，不能提交（an empty version cannot be submitted）',
  NO_PUBLISHED: '尚无已发布的基本目录版本（no published catalogue version）',
  PARENT_MISSING: '上级事项编码在本版本中不存在（parent item missing）',
} as const;
