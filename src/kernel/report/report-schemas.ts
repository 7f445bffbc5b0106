import { z } from 'zod';

const year = z.coerce
  .number({ message: '「year」年度须为四位数字。' })
  .int('「year」年度须为整数。')
  .min(2000, '「year」年度不早于 2000 年。')
  .max(2100, '「year」年度不晚于 2100 年。');
const area = z
  .string()
  .regex(/^\d{6}(\d{3})?(\d{3})?$/, '「area」区划代码格式不正确。')
  .optional();

export const FiguresQuery = z.object({ year, area, section: z.string().max(60, '「section」过长。').optional() });
export const RefreshBody = z.object({ year, area, section: z.string().max(60, '「section」过长。').optional() });
export const RecordsQuery = z.object({
  metric: z.string({ message: '「metric」须指明指标代码。' }).min(1, '「metric」须指明指标代码。').max(80, '「metric」过长。'),
  year,
  area,
  page: z.coerce.number().int().min(1, '「page」页码从 1 开始。').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '「pageSize」每页不超过 100 条。').default(20),
});

/** The previous year's value and the change (同比); value null = 「无上年数据」. */
const PreviousOut = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  valueId: z.string().nullable(),
  change: z.number().nullable(),
  changePercent: z.number().nullable(),
  text: z.string(),
});
const AreaOut = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export const FigureOut = z.object({
  code: z.string(),
  label: z.string(),
  unit: z.string(),
  rule: z.string(),
  aggregation: z.enum(['sum', 'own', 'ratio']),
  aggregationNote: z.string(),
  kind: z.enum(['count', 'sum', 'rate']),
  value: z.number().nullable(),
  unavailable: z.string().nullable(),
  recordKind: z.enum(['case', 'area', 'record']),
  recordCount: z.number().int(),
  computedAt: z.string().nullable(),
  valueId: z.string().nullable(),
  previous: PreviousOut.nullable().optional(),
});
export const FiguresOut = z.object({
  year: z.number().int(),
  area: AreaOut,
  sections: z.array(z.object({ code: z.string(), label: z.string(), metrics: z.array(FigureOut) })),
});
export const CitiesQuery = z.object({
  year,
  metric: z.string().min(1, '「metric」不能为空。').max(80, '「metric」过长。'),
  level: z.coerce
    .number()
    .int('「level」应为 2（地级市）或 3（县、市、区）。')
    .min(2, '「level」应为 2（地级市）或 3（县、市、区）。')
    .max(3, '「level」应为 2（地级市）或 3（县、市、区）。')
    .default(2),
});
const AreaRef = z.object({ code: z.string(), name: z.string() });
const CityRowOut = z.object({ area: AreaRef, parent: AreaRef.nullable(), figure: FigureOut });
export const CitiesOut = z.object({
  year: z.number().int(),
  metric: z.object({ code: z.string(), label: z.string(), unit: z.string(), rule: z.string(), aggregation: z.enum(['sum', 'own', 'ratio']) }),
  rows: z.array(CityRowOut),
  region: CityRowOut.nullable(),
});
export const RecordsOut = z.object({
  metric: z.object({
    code: z.string(),
    label: z.string(),
    unit: z.string(),
    rule: z.string(),
    value: z.number(),
    computedAt: z.string(),
    recordKind: z.enum(['case', 'area', 'record']),
    recordCount: z.number().int(),
  }),
  area: AreaOut,
  items: z.array(
    z.object({
      id: z.string(),
      refNo: z.string(),
      title: z.string(),
      type: z.string().nullable(),
      state: z.string().nullable(),
      stateLabel: z.string().nullable(),
      org: z.string().nullable(),
      date: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const YearParams = z.object({ year });
export const RunIdParams = z.object({ id: z.string().uuid('「id」报告编号格式不正确。') });
export const GenerateBody = z.object({ year, area });
export const RunsQuery = z.object({ year: year.optional(), area });

const Section = z.object({ heading: z.string(), paragraphs: z.array(z.string()) });
export const TemplateOut = z.object({
  year: z.number().int(),
  version: z.number().int(),
  savedAt: z.string().nullable(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  recipient: z.string(),
  sections: z.array(Section),
  placeholders: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
});
export const RunOut = z.object({
  id: z.string(),
  year: z.number().int(),
  area: z.object({ code: z.string(), name: z.string() }),
  templateVersion: z.number().int(),
  generatedAt: z.string(),
  text: z.object({ title: z.string(), docNo: z.string(), issuer: z.string(), recipient: z.string(), date: z.string(), sections: z.array(Section) }),
  figures: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      rule: z.string(),
      aggregationNote: z.string(),
      value: z.number().nullable(),
      computedAt: z.string().nullable(),
      valueId: z.string().nullable(),
      recordCount: z.number().int(),
      previous: PreviousOut.nullable().optional(),
    }),
  ),
  missing: z.array(z.string()),
});
export const RunsOut = z.object({
  year: z.number().int(),
  area: z.object({ code: z.string(), name: z.string(), level: z.number().int() }),
  areaPath: z.string(),
  items: z.array(
    z.object({ id: z.string(), templateVersion: z.number().int(), generatedAt: z.string(), generatedBy: z.string().nullable(), areaPath: z.string() }),
  ),
});
