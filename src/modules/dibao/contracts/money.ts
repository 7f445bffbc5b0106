import { z } from 'zod';

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
