import { z } from 'zod';
import { isIsoDate, MAX_YEAR, MIN_YEAR } from './dates.ts';
import { MAX_COUNT } from './period.ts';
import { DAY_CATEGORIES } from './contract.ts';

/** Request and response schemas of the calendar API (Chinese messages; camelCase fields). */

export const IsoDate = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD 格式的真实日期' });
export const AreaCodeParam = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字');
const Count = (max: number) => z.coerce.number({ message: '应为数字' }).int('应为整数').min(0, '不能为负数').max(max, `不能超过 ${max}`).optional();

export const YearQuery = z.object({
  year: z.coerce.number({ message: '年份应为数字' }).int('年份应为整数').min(MIN_YEAR, `年份不早于 ${MIN_YEAR}`).max(MAX_YEAR, `年份不晚于 ${MAX_YEAR}`),
  area: AreaCodeParam.optional(),
});

export const ComputeQuery = z
  .object({
    from: IsoDate,
    workdays: Count(MAX_COUNT.workdays),
    days: Count(MAX_COUNT.days),
    months: Count(MAX_COUNT.months),
    area: AreaCodeParam.optional(),
    rollForward: z.enum(['true', 'false'], { message: '应为 true 或 false' }).optional(),
  })
  .refine((q) => [q.workdays, q.days, q.months].filter((v) => v !== undefined).length === 1, {
    message: '须且只须指定 workdays（工作日）、days（日）、months（个月）之一',
    path: ['workdays'],
  });

const Name = z.string().trim().min(1, '名称不能为空').max(50, '名称不超过 50 字');
const Reason = z.string().trim().min(1, '请填写变更原因').max(500, '原因不超过 500 字');

export const SetDayBody = z.object({
  date: IsoDate,
  areaCode: AreaCodeParam.nullable(),
  kind: z.enum(['rest', 'work'], { message: '类型应为 rest（休息日）或 work（工作日）' }),
  name: Name,
  source: z.string().trim().max(200, '文号不超过 200 字').nullish(),
  reason: Reason,
});

export const ClearDayBody = z.object({ date: IsoDate, areaCode: AreaCodeParam.nullable(), reason: Reason });

const Decision = z.object({
  layer: z.enum(['package', 'national', 'regional', 'statutory']),
  areaCode: z.string().nullable(),
  kind: z.enum(['rest', 'work']),
  name: z.string(),
  source: z.string().nullable(),
});

export const DayStatusDto = z.object({
  date: z.string(),
  weekday: z.number().int(),
  workday: z.boolean(),
  category: z.enum(DAY_CATEGORIES),
  reason: z.string(),
  decisions: z.array(Decision),
});

export const CalendarYearDto = z.object({
  year: z.number().int(),
  areaCode: z.string().nullable(),
  areaPath: z.string().nullable(),
  version: z.number().int(),
  nationalSource: z.string(),
  workdays: z.number().int(),
  restDays: z.number().int(),
  days: z.array(DayStatusDto),
  warnings: z.array(z.string()),
});

const Step = z.object({
  action: z.enum(['start', 'count', 'skip', 'month_end', 'roll_forward', 'due']),
  date: z.string(),
  reason: z.string(),
  index: z.number().int().optional(),
  workday: z.boolean().optional(),
  makeup: z.boolean().optional(),
  category: z.string().optional(),
  clamped: z.boolean().optional(),
});

export const ExplanationDto = z.object({
  from: z.string(),
  rule: z.object({ unit: z.enum(['workdays', 'days', 'months']), n: z.number().int() }),
  areaCode: z.string().nullable(),
  areaPath: z.string().nullable(),
  rollForward: z.boolean(),
  periodEnd: z.string(),
  dueDate: z.string(),
  rolledForward: z.boolean(),
  steps: z.array(Step),
  countedDays: z.number().int(),
  skippedRestDays: z.number().int(),
  makeupWorkdays: z.number().int(),
  calendarVersion: z.number().int(),
  nationalSource: z.string(),
  basis: z.array(z.string()),
  warnings: z.array(z.string()),
  text: z.string(),
});

const DayValue = z.object({ kind: z.enum(['rest', 'work']), name: z.string(), source: z.string().nullable() });

export const ChangeDto = z.object({
  changed: z.boolean(),
  /** The new version; the current one when nothing changed. */
  version: z.number().int(),
  changes: z.array(z.object({ date: z.string(), areaCode: z.string().nullable(), before: DayValue.nullable(), after: DayValue.nullable() })),
});

export const VersionDto = z.object({ version: z.number().int(), at: z.string(), actorName: z.string().nullable(), reason: z.string(), changes: z.unknown() });
