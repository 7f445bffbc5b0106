import { z } from 'zod';
import { Day, Ts } from './common.ts';

/** 抽查批次 list (routes.ts). */
export const SpotCheckList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      countyCode: z.string(),
      areaPath: z.string(),
      countyName: z.string(),
      from: Day,
      to: Day,
      seed: z.string(),
      ratio: z.number(),
      population: z.number(),
      sample: z.number(),
      visited: z.number(),
      createdAt: Ts,
    }),
  ),
});

/** POST /api/dibao/spot-checks: the draw, reproducible from its seed over the population. */
export const SpotCheckDrawn = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  seed: z.string(),
  ratio: z.number(),
  population: z.number(),
  sample: z.array(z.uuid()),
});
/** 抽查批次 detail: seed, population and sample (case ids), each sampled case with its 入户 result. */
export const SpotCheckDetail = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  areaPath: z.string(),
  countyName: z.string(),
  from: Day,
  to: Day,
  seed: z.string(),
  ratio: z.number(),
  population: z.array(z.uuid()),
  sample: z.array(z.uuid()),
  createdAt: Ts,
  items: z.array(
    z.object({
      caseId: z.uuid(),
      refNo: z.string(),
      title: z.string(),
      township: z.string(),
      decidedOn: Day.nullable(),
      visitedOn: Day.nullable(),
      result: z.string().nullable(),
      findings: z.string().nullable(),
      visitedByName: z.string().nullable(),
      /** The township's decision sampled: 确认, 不予确认 or 不予受理. */
      decision: z.string().nullable(),
      /** 抽查不属实 → the correction opened (复核 of the household, or 重新审核 of a refusal). */
      correction: z
        .object({ kind: z.enum(['复核', '重新审核']), householdId: z.uuid(), note: z.string(), dueOn: Day.optional(), decision: z.string().optional() })
        .nullable(),
    }),
  ),
});

export type SpotCheckItem = z.output<typeof SpotCheckList>['items'][number];
export type SpotCheckDetail = z.output<typeof SpotCheckDetail>;
export type SpotCheckDrawn = z.output<typeof SpotCheckDrawn>;
