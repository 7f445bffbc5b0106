import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { coreCaseRollupTree } from './20261213030000_core_case_rollup_tree.ts';

/**
 * The tree rollup split by what the dashboard asks (issue 16): core.case_rollup_tree kept one row per (ancestor, type,
 * state, month, child), so a province's dashboard read every month of every child in every state — 52,239 rows for
 * 山西省 at 10 M cases, about 500 ms at load average 26 — to answer five small questions. Here each question has its
 * own table, every case still counted once at each ancestor and at its own area:
 *  - core.case_tree_state (ancestor, type, state, child): cases by state now, overall and per child area — no month;
 *  - core.case_tree_month (ancestor, month, type, state): registrations per month and, for 同比, how many are closed
 *    now — no child; read for the months asked only (key in that order);
 *  - core.case_tree_child (ancestor, month, type, child): registrations per child area and month, for each child's
 *    同比 — no state, and no row for the ancestor itself.
 * One statement-level trigger per event writes all three in one statement (data-modifying CTEs), from the statement's
 * net change per (type, area, state, month) with the zeros dropped before it is spread over the ancestors.
 */
export const coreCaseTree: Migration = {
  async up(db: Kysely<unknown>) {
    for (const t of ['insert', 'update', 'delete']) await sql`drop trigger ${sql.raw(`case_rollup_tree_${t}`)} on core.case`.execute(db);
    await sql`drop function core.case_rollup_tree_apply()`.execute(db);
    await sql`drop table core.case_rollup_tree`.execute(db);
    // n in each key's index: the dashboard's rows come from the index alone.
    await sql`create table core.case_tree_state (area_path text not null, type text not null, state text not null, child text not null,
      n integer not null, primary key (area_path, type, state, child) include (n))`.execute(db);
    await sql`create table core.case_tree_month (area_path text not null, month date not null, type text not null, state text not null,
      n integer not null, primary key (area_path, month, type, state) include (n))`.execute(db);
    await sql`create table core.case_tree_child (area_path text not null, month date not null, type text not null, child text not null,
      n integer not null, primary key (area_path, month, type, child) include (n))`.execute(db);
    const plus = `select type, area_path, state, core.case_rollup_month(created_at) as month, 1 as k from new_rows`;
    const minus = `select type, area_path, state, core.case_rollup_month(created_at) as month, -1 as k from old_rows`;
    await sql`create function core.case_tree_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then ${sql.raw(spread(plus))};
        elsif tg_op = 'DELETE' then ${sql.raw(spread(minus))};
        else ${sql.raw(spread(`${plus} union all ${minus}`))};
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger case_tree_insert after insert on core.case referencing new table as new_rows
      for each statement execute function core.case_tree_apply()`.execute(db);
    await sql`create trigger case_tree_update after update on core.case referencing old table as old_rows new table as new_rows
      for each statement execute function core.case_tree_apply()`.execute(db);
    await sql`create trigger case_tree_delete after delete on core.case referencing old table as old_rows
      for each statement execute function core.case_tree_apply()`.execute(db);
    await refreshCaseTree(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`case_tree_${t}`)} on core.case`.execute(db);
    await sql`drop function if exists core.case_tree_apply()`.execute(db);
    for (const t of ['state', 'month', 'child']) await sql`drop table if exists ${sql.raw(`core.case_tree_${t}`)}`.execute(db);
    await sql`drop function core.case_rollup_tree_rows(text)`.execute(db);
    await coreCaseRollupTree.up(db);
  },
};

/**
 * One statement writing the three tables from `rows` (type, area_path, state, month, k): the net per group, zeros dropped,
 * spread over the ancestors (core.case_rollup_tree_rows: each prefix of the path with the next code as the child).
 */
export function spread(rows: string, upsert = true): string {
  const on = (key: string) => (upsert ? ` on conflict (${key}) do update set n = r.n + excluded.n` : '');
  return `with d as (select type, area_path, state, month, sum(k) as k from (${rows}) x group by 1, 2, 3, 4 having sum(k) <> 0),
      s as materialized (select d.type, d.state, d.month, d.k, t.area_path, t.child from d cross join lateral core.case_rollup_tree_rows(d.area_path) t),
      a as (insert into core.case_tree_state as r (area_path, type, state, child, n)
        select area_path, type, state, child, sum(k) from s group by 1, 2, 3, 4 having sum(k) <> 0${on('area_path, type, state, child')}),
      b as (insert into core.case_tree_month as r (area_path, month, type, state, n)
        select area_path, month, type, state, sum(k) from s group by 1, 2, 3, 4 having sum(k) <> 0${on('area_path, month, type, state')})
    insert into core.case_tree_child as r (area_path, month, type, child, n)
      select area_path, month, type, child, sum(k) from s where child <> '' group by 1, 2, 3, 4 having sum(k) <> 0${on('area_path, month, type, child')}`;
}

/** The three tree tables recounted from core.case (after a bulk load that bypassed the triggers), in one statement. */
export async function refreshCaseTree(db: Kysely<any>): Promise<void> {
  for (const t of ['state', 'month', 'child']) await sql`delete from ${sql.raw(`core.case_tree_${t}`)}`.execute(db);
  await sql
    .raw(spread(`select type, area_path, state, core.case_rollup_month(created_at) as month, count(*) as k from core.case group by 1, 2, 3, 4`, false))
    .execute(db);
}
