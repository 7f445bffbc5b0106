import { z } from 'zod';
import { CASE_KINDS, DEPTHS, ITEM_TYPE_CODES } from './codes.ts';

export type DepthLabel = (typeof DEPTHS)[number];

/** What other modules (the hall) read of an implementation-list row: see queries/find-implementation.ts. */
export type ImplementationSummary = {
  id: string;
  /** 事项名称 (same as the catalogue). */
  name: string;
  /** 事项类型 code, '01'–'10' or '20'. */
  typeCode: string;
  /** 12-character 基本编码. */
  baseCode: string;
  /** 31-character 实施编码. */
  implCode: string;
  /** 承诺时限, working days (null: 即办 or not set). */
  promiseWorkingDays: number | null;
  /** 法定时限 as the law states it (days; null when the law sets none). */
  legalDays: number | null;
  /** 办理深度. */
  depth: DepthLabel;
  /** 跑动次数. */
  visits: number;
  /** 是否进驻大厅. */
  inHall: boolean;
  /** 办件类型: 即办件 / 承诺件. */
  caseKind: string;
  /** 申请材料 the office lists (names; empty when it has not listed any). */
  materials: string[];
  officeName: string;
  orgUnitId: string;
  areaCode: string;
};

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`);

/** The office's own fields of a list row (the four same elements come from the catalogue). */
export const LocalFields = z.object({
  acceptConditions: text('受理条件', 2000).default(''),
  materials: z.array(text('材料名称', 200).min(1, '材料名称不能为空'), { error: '材料应为名称列表' }).max(100, '材料不能超过100项').default([]),
  legalDays: z.int('法定时限应为整数天').min(0, '法定时限不能为负数').max(365, '法定时限不能超过365天').nullable().default(null),
  promiseDays: z.int('承诺时限应为整数工作日').min(0, '承诺时限不能为负数').max(365, '承诺时限不能超过365个工作日').nullable().default(null),
  caseKind: z.enum(CASE_KINDS, { error: '办件类型应为即办件或承诺件' }).default('承诺件'),
  depth: z.enum(DEPTHS, { error: '办理深度应为信息公开、在线预审、在线受理或全程网办' }).default('在线受理'),
  visits: z.int('跑动次数应为整数').min(0, '跑动次数不能为负数').max(5, '跑动次数不能超过5次').default(1),
  fee: text('收费', 200).default('不收费'),
  serviceWindow: text('窗口', 100).nullable().default(null),
  inHall: z.boolean({ error: '是否进驻大厅应为是或否' }).default(true),
});
export type LocalFields = z.infer<typeof LocalFields>;

export const TypeCode = z.enum(ITEM_TYPE_CODES, { error: '事项类型代码应为01–10或20' });
