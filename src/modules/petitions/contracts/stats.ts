import { z } from 'zod';

/** 信访统计 (GET /api/petitions/stats): the wire shape of petitionStats() in stats/petition-stats.ts. */
export const STAT_UNITS = ['month', 'quarter', 'year'] as const;
export const DIMENSIONS = ['period', 'channel', 'source', 'area', 'category', 'subject', 'outcome', 'state'] as const;

export const Measures = z.object({
  items: z.number(),
  batches: z.number(),
  persons: z.number(),
  concluded: z.number(),
  concludedOnTime: z.number(),
  onTimeRate: z.number().nullable(),
  rated: z.number(),
  satisfied: z.number(),
  satisfactionRate: z.number().nullable(),
  repeat: z.number(),
  skipLevel: z.number(),
  concludedRate: z.number().nullable(),
});
export const StatRow = Measures.extend({ key: z.string(), label: z.string() });
export const ReportFigures = z.object({
  /** Area of the registering level (the viewer's own level) and its name. */
  areaCode: z.string(),
  areaName: z.string(),
  items: z.number(),
  letterVisitBatches: z.number(),
  letterVisitPersons: z.number(),
  fromXfj: z.number(),
  fromMca: z.number(),
  from12345: z.number(),
  concluded: z.number(),
  allConcluded: z.boolean(),
  /** 第四十一条第一款第二项: 转送、交办、督办 made by units of the viewer's level in the period. */
  transferred: z.number(),
  assigned: z.number(),
  supervised: z.number(),
  /** 第四十一条第一款第一项: 被投诉较多的机关、单位 (most first, at most 10). */
  complainedOrgs: z.array(z.object({ name: z.string(), items: z.number() })),
  /** 接待登记 of the viewer's level: 批 / 人次 of letters and visits, counted apart from 件. */
  reception: z.object({ letters: z.object({ batches: z.number(), persons: z.number() }), visits: z.object({ batches: z.number(), persons: z.number() }) }),
});
export const PetitionStats = z.object({
  from: z.string(),
  to: z.string(),
  unit: z.enum(STAT_UNITS),
  area: z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() }).nullable(),
  /** The 信访类别 drilled into, if any. */
  category: z.string().nullable(),
  years: z.array(z.object({ year: z.number(), items: z.number() })),
  summary: Measures,
  dimensions: z.object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.array(StatRow)])) as Record<(typeof DIMENSIONS)[number], z.ZodArray<typeof StatRow>>),
  report: ReportFigures,
});

export type Dimension = (typeof DIMENSIONS)[number];
export type StatsUnit = (typeof STAT_UNITS)[number];
export type Measures = z.output<typeof Measures>;
export type StatRow = z.output<typeof StatRow>;
export type ReportFigures = z.output<typeof ReportFigures>;
export type PetitionStats = z.output<typeof PetitionStats>;
