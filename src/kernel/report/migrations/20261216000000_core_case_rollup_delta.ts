import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * core.case_rollup's triggers append instead of upsert (issue 18), as the tree tables' did in 20261215050000: every
 * transition of a unit's cases upserted the same rows (its type, state and month, the state left and the state entered)
 * and held their locks until commit, so with one office's clerks at work their transitions ran one after another. Now
 * core.case_rollup_apply() inserts the statement's net change into core.case_rollup_delta — rows no other writer
 * touches — and the job that folds the tree log folds this one too (src/kernel/report/case-tree-fold.ts). A reader adds
 * the log's rows to the table's; the table and the log together keep what the table alone kept before.
 */
export const coreCaseRollupDelta: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.case_rollup_delta (type text not null, org_unit_id uuid not null, area_path text not null,
      state text not null, month date not null, n integer not null)`.execute(db);
    await sql`create index case_rollup_delta_area_idx on core.case_rollup_delta (area_path text_pattern_ops)`.execute(db);
    await setTrigger(db, append);
  },
  async down(db: Kysely<unknown>) {
    // The log's rows into the table first, then the triggers write the table again.
    await sql.raw(upsert(`select type, org_unit_id, area_path, state, month, n as k from core.case_rollup_delta`)).execute(db);
    await setTrigger(db, upsert);
    await sql`drop table core.case_rollup_delta`.execute(db);
  },
};

/** core.case_rollup_apply() with `write` making the statement for the rows a statement added (+1) and removed (−1). */
async function setTrigger(db: Kysely<unknown>, write: (rows: string) => string) {
  const plus = `select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, 1 as k from new_rows`;
  const minus = `select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, -1 as k from old_rows`;
  await sql`create or replace function core.case_rollup_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then ${sql.raw(write(plus))};
        elsif tg_op = 'DELETE' then ${sql.raw(write(minus))};
        else ${sql.raw(write(`${plus} union all ${minus}`))};
        end if;
        return null;
      end $$`.execute(db);
}

/** The net change per key, zeros dropped. */
const net = (rows: string) => `select type, org_unit_id, area_path, state, month, sum(k) as k from (${rows}) x group by 1, 2, 3, 4, 5 having sum(k) <> 0`;

/** Appended to the log. */
const append = (rows: string) => `insert into core.case_rollup_delta (type, org_unit_id, area_path, state, month, n) ${net(rows)}`;

/** Added to the table's rows (20261211090000's triggers, one statement for the three events). */
const upsert = (rows: string) => `insert into core.case_rollup as r (type, org_unit_id, area_path, state, month, n) ${net(rows)}
  on conflict (type, org_unit_id, area_path, state, month) do update set n = r.n + excluded.n, updated_at = now()`;
