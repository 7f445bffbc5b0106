import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Case counts kept current by the database itself, for the dashboards: one row per case type,
 * holding org unit, case area, state and month of registration (China time), with the number of
 * cases in it. Statement-level triggers on core.case add the rows a statement inserted and move
 * the ones whose state, area, holder or type it changed, in the same transaction — a dashboard
 * reads a few hundred rows instead of scanning every case, and is never stale. (No check on n:
 * an UPDATE inserts its decrements as candidate rows that meet the existing ones ON CONFLICT.) A bulk insert
 * (imports, the benchmarks) costs one aggregate per statement, not one upsert per row.
 */
export const coreCaseRollup: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table core.case_rollup (
      type text not null,
      org_unit_id uuid not null,
      area_path text not null,
      state text not null,
      month date not null,
      n integer not null,
      updated_at timestamptz not null default now(),
      primary key (type, org_unit_id, area_path, state, month)
    )`.execute(db);
    await sql`create index case_rollup_area_idx on core.case_rollup (area_path text_pattern_ops)`.execute(db);
    await sql`create function core.case_rollup_month(at timestamptz) returns date language sql immutable as $$
      select date_trunc('month', at at time zone 'Asia/Shanghai')::date $$`.execute(db);
    // One function for the three events; each trigger names only the transition tables its event has.
    await sql`create function core.case_rollup_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into core.case_rollup as r (type, org_unit_id, area_path, state, month, n)
            select type, org_unit_id, area_path, state, core.case_rollup_month(created_at), count(*)
            from new_rows group by 1, 2, 3, 4, 5
          on conflict (type, org_unit_id, area_path, state, month) do update set n = r.n + excluded.n, updated_at = now();
        elsif tg_op = 'DELETE' then
          update core.case_rollup r set n = r.n - d.k, updated_at = now()
            from (select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, count(*) as k
                  from old_rows group by 1, 2, 3, 4, 5) d
            where (r.type, r.org_unit_id, r.area_path, r.state, r.month) = (d.type, d.org_unit_id, d.area_path, d.state, d.month);
        else
          insert into core.case_rollup as r (type, org_unit_id, area_path, state, month, n)
            select type, org_unit_id, area_path, state, month, sum(k) from (
              select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, -1 as k from old_rows
              union all
              select type, org_unit_id, area_path, state, core.case_rollup_month(created_at), 1 from new_rows
            ) x group by 1, 2, 3, 4, 5 having sum(k) <> 0
          on conflict (type, org_unit_id, area_path, state, month) do update set n = r.n + excluded.n, updated_at = now();
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger case_rollup_insert after insert on core.case referencing new table as new_rows
      for each statement execute function core.case_rollup_apply()`.execute(db);
    await sql`create trigger case_rollup_update after update on core.case referencing old table as old_rows new table as new_rows
      for each statement execute function core.case_rollup_apply()`.execute(db);
    await sql`create trigger case_rollup_delete after delete on core.case referencing old table as old_rows
      for each statement execute function core.case_rollup_apply()`.execute(db);
    await sql`insert into core.case_rollup (type, org_unit_id, area_path, state, month, n)
      select type, org_unit_id, area_path, state, core.case_rollup_month(created_at), count(*) from core.case group by 1, 2, 3, 4, 5`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    for (const t of ['insert', 'update', 'delete']) await sql`drop trigger if exists ${sql.raw(`case_rollup_${t}`)} on core.case`.execute(db);
    await sql`drop function if exists core.case_rollup_apply()`.execute(db);
    await sql`drop function if exists core.case_rollup_month(timestamptz)`.execute(db);
    await sql`drop table if exists core.case_rollup`.execute(db);
  },
};
