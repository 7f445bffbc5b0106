import { z } from 'zod';
import { Day, HouseholdKind, Ts, page } from './common.ts';

/** Response contracts of the 低保 money side: roster generation and checks, imports, statistics. */

const count = z.number().int();

/** POST /api/dibao/rosters — a county's monthly roster, generated (or regenerated as a new version). */
export const GeneratedRoster = z.object({
  id: z.string(),
  countyCode: z.string(),
  month: z.string(),
  version: count,
  households: count,
  persons: count,
  totalCents: count,
  changes: count,
});

/** POST /api/dibao/rosters/:id/check — problems found, by code. */
export const RosterCheckResult = z.object({ rosterId: z.string(), version: count, problems: count, byCode: z.record(z.string(), count) });

const ImportCounts = {
  batchId: z.string(),
  fileName: z.string(),
  rows: count,
  households: count,
  members: count,
  acceptedRows: count,
  rejectedRows: count,
  acceptedHouseholds: count,
  hasErrorReport: z.boolean(),
};
const RowError = z.object({ row: count, message: z.string() });

/** POST /api/dibao/imports — what one upload did (or, for a file imported before, that earlier batch). */
export const ImportReport = z.object({
  ...ImportCounts,
  alreadyImported: z.boolean(),
  earlier: z.object({ batchId: z.string(), at: z.string(), fileName: z.string(), actorName: z.string().nullable() }).optional(),
  errors: z.array(RowError),
});
const Batch = { ...ImportCounts, fileKind: z.string(), areaPath: z.string(), actorName: z.string().nullable(), at: z.string() };
/** GET /api/dibao/imports — the batches in scope, newest first. */
export const ImportPage = z.object({ total: count, page: count, pageSize: count, items: z.array(z.object(Batch)) });
/** GET /api/dibao/imports/:id — one batch with its row errors (first 2,000). */
export const ImportDetail = z.object({ ...Batch, errors: z.array(RowError) });

const GroupTime = z.object({
  cases: count,
  avgWorkdays: z.number().nullable(),
  medianWorkdays: z.number().nullable(),
  onTime: count,
  onTimeRate: z.number().nullable(),
});
/** GET /api/dibao/stats — the dashboard's figures for an area and period. */
export const DibaoStats = z.object({
  area: z.object({ code: z.string(), name: z.string(), path: z.string() }),
  from: z.string(),
  to: z.string(),
  totals: z.object({ households: count, persons: count, monthlyCents: count }),
  byArea: z.array(z.object({ code: z.string(), name: z.string(), households: count, persons: count, monthlyCents: count })),
  byKind: z.array(z.object({ kind: z.enum(['urban', 'rural']), households: count, persons: count })),
  byType: z.array(z.object({ type: z.string(), households: count, persons: count })),
  spending: z.array(z.object({ month: z.string(), cents: count, source: z.enum(['名册', '待遇记录']) })),
  processing: z.object({
    pilot: GroupTime,
    others: GroupTime,
    all: GroupTime,
    byCounty: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        authority: z.string(),
        cases: count,
        avgWorkdays: z.number().nullable(),
        onTimeRate: z.number().nullable(),
      }),
    ),
    differenceWorkdays: z.number().nullable(),
    differencePct: z.number().nullable(),
    statement: z.string(),
    method: z.string(),
    limits: z.object({ totalWorkdays: count, specialWorkdays: count }),
  }),
  rules: z.array(z.string()),
});

export type GeneratedRoster = z.infer<typeof GeneratedRoster>;
export type RosterCheckResult = z.infer<typeof RosterCheckResult>;
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportPage = z.infer<typeof ImportPage>;
export type ImportBatch = ImportPage['items'][number];
export type ImportDetail = z.infer<typeof ImportDetail>;
export type DibaoStats = z.infer<typeof DibaoStats>;
export type GroupTime = z.infer<typeof GroupTime>;

/** 保障标准 (routes-money.ts): every row, the date its successor takes over, and whether it is in force today. */
export const Standard = z.object({
  id: z.uuid(),
  areaCode: z.string(),
  areaName: z.string(),
  areaLevel: z.number(),
  kind: HouseholdKind,
  effectiveFrom: Day,
  effectiveTo: Day.nullable(),
  monthlyCents: z.number(),
  method: z.enum(['difference', 'banded']),
  bands: z.array(z.object({ belowCents: z.number(), perPersonCents: z.number() })).nullable(),
  minCents: z.number(),
  document: z.string().nullable(),
  isDemo: z.boolean(),
  current: z.boolean(),
});
export const StandardList = z.object({ items: z.array(Standard) });

/**
 * 低保设置: current values, defaults, each one's name, basis and whether its legal text was verified,
 * when each stored value was last changed, and whether the caller may change them.
 */
export const DibaoSettingsView = z.object({
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  defaults: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  sources: z.record(z.string(), z.object({ label: z.string(), basis: z.string(), verified: z.boolean() })),
  updatedAt: z.record(z.string(), Ts),
  canEdit: z.boolean(),
});

/** Counties the caller may generate rosters for (routes-money.ts). */
export const RosterCounties = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), areaPath: z.string() })) });

/** 发放名册 (routes-money.ts): the list, and what approving one returns. */
export const RosterSummary = z.object({
  id: z.uuid(),
  countyCode: z.string(),
  countyName: z.string(),
  countyPath: z.string(),
  areaPath: z.string(),
  month: z.string().describe('YYYY-MM'),
  status: z.enum(['generated', 'checked', 'approved']),
  version: z.number(),
  households: z.number(),
  persons: z.number(),
  totalCents: z.number(),
  problems: z.number().nullable(),
  checkedCurrent: z.boolean(),
  generatedAt: Ts,
  checkedAt: Ts.nullable(),
  approvedAt: Ts.nullable(),
  approvedByName: z.string().nullable(),
});
export const RosterPage = page(RosterSummary);
export type RosterSummary = z.output<typeof RosterSummary>;

/** GET /api/dibao/rosters/:id: the summary, a page of lines with their problems, the problem counts and the changes against last month. */
export const RosterDetail = RosterSummary.extend({
  lines: page(
    z.object({
      householdId: z.uuid(),
      lineNo: z.number(),
      areaCode: z.string(),
      areaName: z.string(),
      kind: z.string(),
      headName: z.string().nullable(),
      headIdMasked: z.string().nullable(),
      address: z.string().nullable(),
      insuredPersons: z.number(),
      amountCents: z.number(),
      gradualExit: z.boolean(),
      problems: z.array(z.object({ code: z.string(), label: z.string(), message: z.string() })),
    }),
  ),
  problemCounts: z.array(z.object({ code: z.string(), label: z.string(), n: z.number() })),
  changes: z.object({
    counts: z.record(z.string(), z.number()),
    items: z.array(
      z.object({
        householdId: z.uuid(),
        kind: z.enum(['新增', '增发', '减发', '停发']),
        beforeCents: z.number(),
        afterCents: z.number(),
        headName: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    ),
  }),
});
export type RosterDetail = z.output<typeof RosterDetail>;
export type RosterLine = RosterDetail['lines']['items'][number];

export type Standard = z.output<typeof Standard>;
export type DibaoSettingsView = z.output<typeof DibaoSettingsView>;
