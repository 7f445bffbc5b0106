import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { withTx } from '../../platform/context.ts';
import { CASE_ROLLUP_FOLD_JOB, foldCaseRollups } from './case-tree-fold.ts';

/**
 * The rollups' triggers append to core.case_tree_delta and core.case_rollup_delta and a job folds the logs into the tables
 * (issue 18). Writers registering, moving, transferring and deleting cases in parallel transactions while folds run beside
 * them: the tables plus the logs, and after the last fold the tables alone, hold exactly what a GROUP BY over the cases
 * gives — per unit and area for core.case_rollup, at every ancestor area for the tree tables.
 */
let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(async () => t?.close());

type Unit = { id: string; area_code: string; area_path: string };
const MONTHS = ['2025-11-03', '2025-12-20', '2026-01-15', '2026-02-01'];
const STATES = ['registered', 'accepted', 'closed'];

/** Rows of `table` at every area (n ≠ 0), with the log's rows added when `withLog`, against the same counted from core.case. */
async function differences(withLog: boolean): Promise<number> {
  // Each case at each area that is its own or an ancestor, and the child of that area it lies under ('' = its own).
  const counted = sql`(select a.path as area_path, c.type, c.state, core.case_rollup_month(c.created_at) as month,
      case when c.area_path = a.path then '' else split_part(substr(c.area_path, length(a.path) + 2), '.', 1) end as child
    from core.case c join core.area a on c.area_path = a.path or c.area_path like a.path || '.%')`;
  const log = (cols: string) => (withLog ? sql`union all select ${sql.raw(cols)}, n from core.case_tree_delta` : sql``);
  const table = (name: string, cols: string, where = '') =>
    sql`(select ${sql.raw(cols)}, sum(n)::int as n from (select ${sql.raw(cols)}, n from ${sql.table(name)} ${log(cols)}) x
      ${sql.raw(where)} group by ${sql.raw(cols)} having sum(n) <> 0)`;
  const expected = (cols: string, where = '') =>
    sql`(select ${sql.raw(cols)}, count(*)::int as n from ${counted} c ${sql.raw(where)} group by ${sql.raw(cols)})`;
  const both = (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) => sql`(select count(*) from ((${a} except ${b}) union all (${b} except ${a})) d)`;
  const state = 'area_path, type, state, child';
  const month = 'area_path, month, type, state';
  const child = 'area_path, month, type, child';
  // core.case_rollup: each case once, at its own unit and area.
  const units = 'type, org_unit_id, area_path, state, month';
  const unitLog = withLog ? sql`union all select ${sql.raw(units)}, n from core.case_rollup_delta` : sql``;
  const rollup = sql`(select ${sql.raw(units)}, sum(n)::int as n from (select ${sql.raw(units)}, n from core.case_rollup ${unitLog}) x
    group by ${sql.raw(units)} having sum(n) <> 0)`;
  const cases = sql`(select ${sql.raw(units)}, count(*)::int as n from (select type, org_unit_id, area_path, state,
    core.case_rollup_month(created_at) as month from core.case) c group by ${sql.raw(units)})`;
  const r = await sql<{ n: number }>`select (${both(rollup, cases)} + ${both(table('core.case_tree_state', state), expected(state))}
    + ${both(table('core.case_tree_month', month), expected(month))}
    + ${both(table('core.case_tree_child', child, "where child <> ''"), expected(child, "where child <> ''"))})::int as n`.execute(t.ctx.db);
  return r.rows[0]!.n;
}

describe("the rollups' change logs and their fold", () => {
  it('folds deltas written by parallel transactions into the same counts as a GROUP BY over the cases', async () => {
    const units = (await sql<Unit>`select id, area_code, area_path from core.org_unit where area_path like '640000%' order by code limit 12`.execute(t.ctx.db))
      .rows;
    expect(new Set(units.map((u) => u.area_path.split('.').length)).size).toBeGreaterThan(1);
    let writing = true;
    let folded = 0;
    const fold = async () => {
      const n = await foldCaseRollups(t.ctx);
      folded += n;
    };
    const writer = async (w: number) => {
      for (let j = 0; j < 6; j++) {
        const u = units[(w * 5 + j) % units.length]!;
        const id = (
          await sql<{ id: string }>`insert into core.case (id, type, ref_no, title, state, area_code, area_path, org_unit_id, created_at)
            values (gen_random_uuid(), ${j % 2 ? 'petition' : 'dibao'}, ${`FOLD-${w}-${j}`}, '汇总测试', 'registered', ${u.area_code}, ${u.area_path},
              ${u.id}, ${MONTHS[(w + j) % MONTHS.length]}::date) returning id`.execute(t.ctx.db)
        ).rows[0]!.id;
        // A transition, in every third transaction with a transfer to another area.
        await withTx(t.ctx, async (tx) => {
          await sql`update core.case set state = ${STATES[(w + j) % STATES.length]} where id = ${id}`.execute(tx.db);
          const to = units[(w + 2 * j + 1) % units.length]!;
          if (j % 3 === 0)
            await sql`update core.case set area_code = ${to.area_code}, area_path = ${to.area_path}, org_unit_id = ${to.id} where id = ${id}`.execute(tx.db);
        });
        if (j === 4) await sql`delete from core.case where id = ${id}`.execute(t.ctx.db);
        // Folds between the writers' transactions too (one engine on PGlite runs them in turn; PostgreSQL at once).
        if ((w + j) % 3 === 0) await fold();
      }
    };
    const folder = async () => {
      while (writing) {
        await fold();
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const f = folder();
    await Promise.all([0, 1, 2, 3, 4, 5].map(writer));
    // One statement moving many cases at once: the log gets its net change only.
    await sql`update core.case set state = 'closed' where ref_no like 'FOLD-%-1'`.execute(t.ctx.db);
    writing = false;
    await f;
    expect(folded).toBeGreaterThan(0);

    expect(await differences(true)).toBe(0);
    // The job folds what is left: the log is empty and the tables alone are exact.
    await t.ctx.jobs.send(t.ctx, CASE_ROLLUP_FOLD_JOB, {});
    expect(await t.jobs.runDue(t.ctx, { names: [CASE_ROLLUP_FOLD_JOB] })).toBe(1);
    const left = await sql<{ n: number }>`select (select count(*) from core.case_tree_delta) + (select count(*) from core.case_rollup_delta) as n`.execute(
      t.ctx.db,
    );
    expect(left.rows[0]!.n).toBe(0);
    // On PGlite (no autovacuum) the job also vacuumed the logs: their emptied pages are gone, not scanned by each read.
    const bytes = await sql<{ n: number }>`select (pg_relation_size('core.case_tree_delta') + pg_relation_size('core.case_rollup_delta'))::int as n`.execute(
      t.ctx.db,
    );
    if (t.ctx.dbKind === 'pglite') expect(bytes.rows[0]!.n).toBe(0);
    expect(await differences(false)).toBe(0);
    expect(await foldCaseRollups(t.ctx)).toBe(0);
  }, 60_000);
});
