import { z } from 'zod';
import { DEPTHS } from '../contract.ts';

/** One field of an item's application form (the generic form is built from this list). */
export const ItemField = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'textarea', 'number', 'date', 'select', 'uscc', 'phone']),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  help: z.string().optional(),
});
export type ItemField = z.infer<typeof ItemField>;

/** What the hall needs of a service item's implementation list (实施清单) row. */
export const HallItem = z.object({
  code: z.string(),
  name: z.string(),
  /** 事项类型 national code (01 行政许可 … 20 公共服务, regulations.md §7.2). */
  typeCode: z.string(),
  typeLabel: z.string(),
  legalBasis: z.string(),
  /** 承诺办结时限, working days, counted from 受理 (补正 restarts it). */
  promiseWorkdays: z.number().int().positive(),
  /** 法定办结时限 as the law writes it, for the guide. */
  statutoryLimit: z.string().nullable(),
  depth: z.enum(DEPTHS),
  /** 跑动次数 (0 = 零跑动). */
  visits: z.number().int().min(0).max(2),
  /** 办件类型. */
  handlingKind: z.enum(['即办件', '承诺件']),
  fee: z.string(),
  window: z.string(),
  /** The result the applicant receives (电子证照 title). */
  resultName: z.string(),
  conditions: z.array(z.string()),
  materials: z.array(z.object({ name: z.string(), required: z.boolean() })),
  fields: z.array(ItemField),
  /** Where the source of these figures is (own list or the catalogue's implementation list). */
  source: z.enum(['hall', 'catalogue']),
  /** 31-character 实施编码 of the office's implementation-list row, when the catalogue has one. */
  implCode: z.string().nullable().optional(),
});
export type HallItem = z.infer<typeof HallItem>;
