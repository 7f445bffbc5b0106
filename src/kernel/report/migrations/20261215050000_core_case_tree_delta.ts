import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { spread } from './20261214030000_core_case_tree.ts';

/**
 * The tree tables' triggers append instead of update (issue 18): every transaction upserted the same ancestor rows (the
 * region's and the city's row for its type, state and month) and held their locks until it committed, so at 8 workers
 * transitions queued on them. Now the trigger inserts the statement's net change, already spread over the ancestors, into
 * core.case_tree_delta — rows no other writer touches — and a job folds the log into the three tables in one statement
 * (src/kernel/report/case-tree-fold.ts). A dashboard adds its area's unfolded rows to the tables' (the sum is exact at
 * any moment); the three tables and the log together keep what the tables alone kept before.
 */
export const coreCaseTreeDelta: Migration = {
  async up(db: Kysely<unknown>) {
    // area_path: the ancestor (or the case's own area); child: the code under it the case lies in ('' at its own area).
    await sql`create table core.case_tree_delta (area_path text not null, child text not null, type text not null, state text not null,
      month date not null, n integer not null)`.execute(db);
    await sql`create index case_tree_delta_area_idx on core.case_tree_delta (area_path)`.execute(db);
    await setTrigger(db, append);
  },
  async down(db: Kysely<unknown>) {
    // The log's rows into the tables first, then the triggers write the tables again.
    await sql.raw(spread(`select type, area_path, state, month, n as k from core.case_tree_delta where child = ''`)).execute(db);
    await setTrigger(db, spread);
    await sql`drop table core.case_tree_delta`.execute(db);
  },
};

/** core.case_tree_apply() with `write` making the statement for the rows a statement added (+1) and removed (−1). */
async function setTrigger(db: Kysely<unknown>, write: (rows: string) => string) {
  const plus = `select type, area_path, state, core.case_rollup_month(created_at) as month, 1 as k from new_rows`;
  const minus = `select type, area_path, state, core.case_rollup_month(created_at) as month, -1 as k from old_rows`;
  await sql`create or replace function core.case_tree_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then ${sql.raw(write(plus))};
        elsif tg_op = 'DELETE' then ${sql.raw(write(minus))};
        else ${sql.raw(write(`${plus} union all ${minus}`))};
        end if;
        return null;
      end $$`.execute(db);
}

/** The statement's net change per (type, area, state, month), zeros dropped, one row per ancestor and the area itself. */
function append(rows: string): string {
  return `insert into core.case_tree_delta (area_path, child, type, state, month, n)
      select t.area_path, t.child, d.type, d.state, d.month, d.k
      from (select type, area_path, state, month, sum(k) as k from (${rows}) x group by 1, 2, 3, 4 having sum(k) <> 0) d
      cross join lateral core.case_rollup_tree_rows(d.area_path) t`;
}
