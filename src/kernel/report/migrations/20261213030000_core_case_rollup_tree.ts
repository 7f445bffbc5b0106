import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Case counts per area of the tree, for dashboards at national scale: core.case_rollup keys each count by holder unit and
 * the case's own area, so at 10⁷ cases over ~44,000 units it holds nearly a row per case and a province's dashboard
 * would still read hundreds of thousands of rows. Here every case is counted once at each of its ancestors (and its own
 * area), keyed by the child of that ancestor it lies under ('' = the area itself): a province's dashboard reads one
 * ancestor's rows — types × cities × states × months, a few thousand. Kept by statement-level triggers on core.case in
 * the same transaction, like core.case_rollup; the dashboard uses it for a type the reader sees the whole subtree of.
 */
export const coreCaseRollupTree: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.case_rollup_tree (
      type text not null,
      area_path text not null,
      child text not null,
      state text not null,
      month date not null,
      n integer not null,
      -- n in the key's index: a dashboard's rows come from the index alone (an index-only scan), not from heap pages
      -- scattered by the triggers' updates.
      primary key (area_path, type, state, month, child) include (n)
    )`.execute(db);
    // A case's rows: one per prefix of its area path, with the next code as the child ('' at its own area).
    await sql`create function core.case_rollup_tree_rows(path text) returns table (area_path text, child text) language sql immutable as $$
      select array_to_string(p[1:i], '.'), coalesce(p[i + 1], '') from (select string_to_array(path, '.') as p) x, generate_series(1, cardinality(p)) i $$`.execute(
      db,
    );
    // The counts a statement added (+) and removed (−), spread over the ancestors; each event names only the transition tables it has.
    const spread = (counts: string) => `insert into core.case_rollup_tree as r (type, area_path, child, state, month, n)
          select c.type, t.area_path, t.child, c.state, c.month, sum(c.k) from (${counts}) c cross join lateral core.case_rollup_tree_rows(c.area_path) t
          group by 1, 2, 3, 4, 5 having sum(c.k) <> 0
        on conflict (area_path, type, state, month, child) do update set n = r.n + excluded.n`;
    const plus = `select type, area_path, state, core.case_rollup_month(created_at) as month, count(*) as k from new_rows group by 1, 2, 3, 4`;
    const minus = `select type, area_path, state, core.case_rollup_month(created_at) as month, -count(*) as k from old_rows group by 1, 2, 3, 4`;
    await sql`create function core.case_rollup_tree_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then ${sql.raw(spread(plus))};
        elsif tg_op = 'DELETE' then ${sql.raw(spread(minus))};
        else ${sql.raw(spread(`${plus} union all ${minus}`))};
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger case_rollup_tree_insert after insert on core.case referencing new table as new_rows
      for each statement execute function core.case_rollup_tree_apply()`.execute(db);
    await sql`create trigger case_rollup_tree_update after update on core.case referencing old table as old_rows new table as new_rows
      for each statement execute function core.case_rollup_tree_apply()`.execute(db);
    await sql`create trigger case_rollup_tree_delete after delete on core.case referencing old table as old_rows
      for each statement execute function core.case_rollup_tree_apply()`.execute(db);
    await refreshCaseRollupTree(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`case_rollup_tree_${t}`)} on core.case`.execute(db);
    await sql`drop function if exists core.case_rollup_tree_apply()`.execute(db);
    await sql`drop function if exists core.case_rollup_tree_rows(text)`.execute(db);
    await sql`drop table if exists core.case_rollup_tree`.execute(db);
  },
};

/** core.case_rollup_tree recounted from core.case (after a bulk load that bypassed the triggers). */
export async function refreshCaseRollupTree(db: Kysely<any>): Promise<void> {
  await sql`delete from core.case_rollup_tree`.execute(db);
  await sql`insert into core.case_rollup_tree (type, area_path, child, state, month, n)
    select c.type, t.area_path, t.child, c.state, c.month, sum(c.k) from (
      select type, area_path, state, core.case_rollup_month(created_at) as month, count(*) as k from core.case group by 1, 2, 3, 4
    ) c cross join lateral core.case_rollup_tree_rows(c.area_path) t group by 1, 2, 3, 4, 5 order by 2, 1, 4, 5, 3`.execute(db);
}
