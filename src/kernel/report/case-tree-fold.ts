import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import { registerScheduledJob } from '../../platform/jobs/registry.ts';
import { vacuumEmbedded } from '../../platform/db/embedded-vacuum.ts';

/**
 * Every minute; a dashboard is exact without it (it adds the unfolded rows), the fold only keeps the logs short. (Named
 * when it folded the tree's log alone; the name is the schedule's key in existing databases.)
 */
export const CASE_ROLLUP_FOLD_JOB = 'report.case_tree_fold';

/** One fold at a time (pg_try_advisory_xact_lock key): two would wait on each other's log rows and table rows. */
const FOLD_LOCK = 2026121505;

/**
 * Move the two change logs the triggers on core.case append to into their tables, one statement each, in one transaction:
 * core.case_tree_delta (migration 20261215050000) into core.case_tree_state, _month and _child, and core.case_rollup_delta
 * (migration 20261216000000) into core.case_rollup. The log rows this snapshot sees are deleted and their sums added to
 * the tables, so a reader sees them either in the log or in the tables, never in both or neither. Rows committed meanwhile
 * stay for the next fold. Only the fold writes the tables, so writers take no lock on them. Returns how many log rows
 * were folded (0 when another fold is running).
 */
export async function foldCaseRollups(ctx: AppContext): Promise<number> {
  return withTx(ctx, async (tx) => {
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${FOLD_LOCK}) as ok`.execute(tx.db);
    if (!lock.rows[0]!.ok) return 0;
    const tree = await sql<{ n: number }>`with d as (delete from core.case_tree_delta returning area_path, child, type, state, month, n),
      a as (insert into core.case_tree_state as r (area_path, type, state, child, n)
        select area_path, type, state, child, sum(n) from d group by 1, 2, 3, 4 having sum(n) <> 0
        on conflict (area_path, type, state, child) do update set n = r.n + excluded.n),
      b as (insert into core.case_tree_month as r (area_path, month, type, state, n)
        select area_path, month, type, state, sum(n) from d group by 1, 2, 3, 4 having sum(n) <> 0
        on conflict (area_path, month, type, state) do update set n = r.n + excluded.n),
      c as (insert into core.case_tree_child as r (area_path, month, type, child, n)
        select area_path, month, type, child, sum(n) from d where child <> '' group by 1, 2, 3, 4 having sum(n) <> 0
        on conflict (area_path, month, type, child) do update set n = r.n + excluded.n)
      select count(*)::int as n from d`.execute(tx.db);
    const units = await sql<{ n: number }>`with d as (delete from core.case_rollup_delta returning type, org_unit_id, area_path, state, month, n),
      a as (insert into core.case_rollup as r (type, org_unit_id, area_path, state, month, n)
        select type, org_unit_id, area_path, state, month, sum(n) from d group by 1, 2, 3, 4, 5 having sum(n) <> 0
        on conflict (type, org_unit_id, area_path, state, month) do update set n = r.n + excluded.n, updated_at = now())
      select count(*)::int as n from d`.execute(tx.db);
    return tree.rows[0]!.n + units.rows[0]!.n;
  });
}

/** The two change logs the triggers append to and the fold empties. */
export const CASE_ROLLUP_LOGS = ['core.case_tree_delta', 'core.case_rollup_delta'] as const;

/**
 * The fold as the job (and the demo seed) runs it: then, on PGlite, the logs are vacuumed, or every row they ever held
 * would stay in them as a dead row that each dashboard read scans (PGlite has no autovacuum; embedded-vacuum.ts).
 */
export async function foldAndVacuumCaseRollups(ctx: AppContext): Promise<number> {
  const n = await foldCaseRollups(ctx);
  if (n > 0) await vacuumEmbedded(ctx, { tables: CASE_ROLLUP_LOGS });
  return n;
}

registerScheduledJob(
  CASE_ROLLUP_FOLD_JOB,
  '* * * * *',
  async (ctx) => {
    await foldAndVacuumCaseRollups(ctx);
  },
  { retryLimit: 0, expireInSeconds: 300 },
);
